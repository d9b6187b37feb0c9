//! Every route of the page: procedure × applicant × 照会書兼回答書 × PINs known × locked ×
//! each exemption × certificate state. The expected documents are written here a second time,
//! straight from the page, independent of `assets/procedures.ron`.

use crate::common;

use common::{case, ids, model, said, some_date, sorted};
use madoguchi::case::Case;
use madoguchi::engine::evaluate;
use madoguchi::model::{ApplicantKind, ApplicantKind::*, ProcedureKind, ProcedureKind::*};

const SECOND_VISIT: [&str; 7] = [
    "card",
    "principal_secondary_id",
    "agent_photo_id",
    "agent_secondary_id",
    "inquiry_reply_form",
    "power_of_attorney",
    "sealed_pin_envelope",
];

/// What the page asks of one procedure: (same day, first visit, second visit).
fn page_says(
    procedure: ProcedureKind,
    case: &Case,
) -> (bool, Vec<&'static str>, Vec<&'static str>) {
    let parent_proof_needed =
        !(said(case, "domicile_in_city") || said(case, "same_household_parent"));
    let cert_valid =
        !said(case, "cert_revoked") && case.cert_expiry().is_none_or(|e| case.today() <= e);
    match (procedure, case.applicant) {
        (CertIssue, Principal) => {
            // 暗証番号(4種類)が確実にわからない場合は、もう1点本人確認書類
            if said(case, "pins_known") && !said(case, "pin_locked") {
                (true, vec!["card"], vec![])
            } else {
                (true, vec!["card", "principal_secondary_id"], vec![])
            }
        }
        (CertIssue, LegalRepMinor) => {
            let mut docs = vec!["card", "agent_photo_id"];
            if parent_proof_needed {
                docs.push("parental_authority_proof");
            }
            (true, docs, vec![])
        }
        (CertIssue, LegalRepWard) => (
            true,
            vec!["card", "agent_photo_id", "guardianship_certificate"],
            vec![],
        ),
        (CertIssue, Proxy) => {
            let same_day = said(case, "has_inquiry_form")
                && cert_valid
                && said(case, "pins_known")
                && !said(case, "pin_locked")
                && !case.requests(PinReset);
            if same_day {
                (
                    true,
                    vec!["card", "agent_photo_id", "sealed_inquiry_envelope"],
                    vec![],
                )
            } else {
                (false, vec!["card", "agent_photo_id"], SECOND_VISIT.to_vec())
            }
        }
        (PinReset, Principal) => (true, vec!["card", "principal_secondary_id"], vec![]),
        (PinReset, LegalRepMinor) => {
            let mut docs = vec![
                "card",
                "principal_secondary_id",
                "agent_photo_id",
                "agent_secondary_id",
            ];
            if parent_proof_needed {
                docs.push("parental_authority_proof");
            }
            (true, docs, vec![])
        }
        (PinReset, LegalRepWard) => (
            true,
            vec![
                "card",
                "principal_secondary_id",
                "agent_photo_id",
                "agent_secondary_id",
                "guardianship_certificate",
            ],
            vec![],
        ),
        (PinReset, Proxy) => (false, vec!["agent_photo_id", "card"], SECOND_VISIT.to_vec()),
    }
}

fn union(a: Vec<&'static str>, b: Vec<&'static str>) -> Vec<&'static str> {
    let mut all = a;
    all.extend(b);
    all.sort();
    all.dedup();
    all
}

#[test]
fn every_route_of_the_page_asks_for_the_documents_the_page_lists() {
    let model = model();
    let procedure_sets: [&[ProcedureKind]; 3] = [&[CertIssue], &[PinReset], &[CertIssue, PinReset]];
    let mut checked = 0;
    for procedures in procedure_sets {
        for applicant in ApplicantKind::ALL {
            for bits in 0..128u32 {
                let mut case = case(procedures, applicant);
                case.answers.set("has_inquiry_form", bits & 1 != 0);
                case.answers.set("pins_known", bits & 2 != 0);
                case.answers.set("pin_locked", bits & 4 != 0);
                case.answers.set("domicile_in_city", bits & 8 != 0);
                case.answers.set("same_household_parent", bits & 16 != 0);
                case.answers.set("cert_revoked", bits & 32 != 0);
                if bits & 64 != 0 {
                    // The certificate expired before the visit (new issuance after expiry).
                    case.cert_expiry = some_date("2026-09-30");
                }
                let mut same_day = true;
                let mut first = vec![];
                let mut second = vec![];
                for procedure in procedures {
                    let (s, f, n) = page_says(*procedure, &case);
                    same_day &= s;
                    first = union(first, f);
                    second = union(second, n);
                }
                let got = evaluate(&model, &case);
                let label = format!("{procedures:?} {applicant:?} bits={bits:07b}");
                assert_eq!(got.same_day, same_day, "{label}");
                assert_eq!(ids(&got.documents), first, "{label}");
                assert_eq!(ids(&got.next_visit_documents), second, "{label}");
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 3 * 4 * 128);
}

#[test]
fn principal_renewal_needs_only_the_card_when_pins_are_known() {
    let got = evaluate(&model(), &case(&[CertIssue], Principal));
    assert!(got.same_day);
    assert_eq!(ids(&got.documents), ["card"]);
    assert_eq!(got.routes, ["cert_issue_principal"]);
}

#[test]
fn principal_unsure_of_pins_brings_a_second_identity_document() {
    let mut case = case(&[CertIssue], Principal);
    case.answers.set("pins_known", false);
    let got = evaluate(&model(), &case);
    assert_eq!(ids(&got.documents), ["card", "principal_secondary_id"]);
}

#[test]
fn proxy_with_inquiry_form_is_done_the_same_day() {
    let mut case = case(&[CertIssue], Proxy);
    case.answers.set("has_inquiry_form", true);
    let got = evaluate(&model(), &case);
    assert!(got.same_day);
    assert_eq!(
        ids(&got.documents),
        sorted(&["card", "agent_photo_id", "sealed_inquiry_envelope"])
    );
    assert!(got.next_visit_documents.is_empty());
}

#[test]
fn proxy_without_inquiry_form_needs_two_visits() {
    let got = evaluate(&model(), &case(&[CertIssue], Proxy));
    assert!(!got.same_day);
    assert_eq!(ids(&got.documents), sorted(&["card", "agent_photo_id"]));
    assert_eq!(ids(&got.next_visit_documents), sorted(&SECOND_VISIT));
    assert_eq!(got.routes, ["cert_issue_proxy_three_step"]);
}

#[test]
fn proxy_inquiry_form_is_no_use_once_the_certificate_has_expired() {
    let mut case = case(&[CertIssue], Proxy);
    case.answers.set("has_inquiry_form", true);
    case.today = some_date("2026-12-11").unwrap();
    assert!(!evaluate(&model(), &case).same_day);
    case.today = some_date("2026-12-10").unwrap();
    assert!(
        evaluate(&model(), &case).same_day,
        "valid on its expiry day"
    );
}

#[test]
fn proxy_with_inquiry_form_but_forgotten_or_locked_pins_needs_two_visits() {
    for (known, locked) in [(false, false), (true, true)] {
        let mut case = case(&[CertIssue], Proxy);
        case.answers.set("has_inquiry_form", true);
        case.answers.set("pins_known", known);
        case.answers.set("pin_locked", locked);
        assert!(
            !evaluate(&model(), &case).same_day,
            "known={known} locked={locked}"
        );
    }
}

#[test]
fn proxy_asking_for_renewal_and_pin_reset_together_takes_the_three_steps() {
    let mut case = case(&[CertIssue, PinReset], Proxy);
    case.answers.set("has_inquiry_form", true);
    let got = evaluate(&model(), &case);
    assert!(!got.same_day);
    assert_eq!(
        got.routes,
        ["cert_issue_proxy_three_step", "pin_reset_proxy_three_step"]
    );
}

#[test]
fn parent_proof_is_exempt_when_domicile_is_in_the_city() {
    let mut case = case(&[CertIssue], LegalRepMinor);
    case.birth_date = some_date("2016-04-02");
    case.answers.set("domicile_in_city", true);
    let got = evaluate(&model(), &case);
    assert!(!ids(&got.documents).contains(&"parental_authority_proof"));
    assert_eq!(got.exempted.len(), 1);
    assert_eq!(got.exempted[0].exemption, "domicile_in_city");
    assert!(got.exempted[0].reason.contains("本籍地"));
}

#[test]
fn parent_proof_is_needed_without_an_exemption() {
    let mut case = case(&[PinReset], LegalRepMinor);
    case.birth_date = some_date("2016-04-02");
    let got = evaluate(&model(), &case);
    assert!(ids(&got.documents).contains(&"parental_authority_proof"));
    assert!(got.exempted.is_empty());
}

#[test]
fn every_document_says_which_passage_asked_for_it() {
    let model = model();
    for applicant in ApplicantKind::ALL {
        let got = evaluate(&model, &case(&[CertIssue, PinReset], applicant));
        for requirement in &got.requirements {
            assert!(!requirement.reasons.is_empty());
            for reason in &requirement.reasons {
                assert!(model.route(&reason.route).is_some());
                assert!(!reason.source.is_empty());
            }
        }
    }
}

#[test]
fn signature_certificate_is_not_issued_for_minors_or_wards() {
    let model = model();
    for (applicant, birth, expected) in [
        (Principal, "1990-12-10", true),
        (Proxy, "1990-12-10", true),
        (LegalRepWard, "1948-12-10", false),
        (LegalRepMinor, "2016-04-02", false),
        // Decided by the holder: a parent entered for a holder who is already 15.
        (LegalRepMinor, "2011-10-01", true),
        // A holder under 15 gets none whoever applies.
        (Proxy, "2016-04-02", false),
    ] {
        let mut case = case(&[CertIssue], applicant);
        case.birth_date = some_date(birth);
        assert_eq!(
            evaluate(&model, &case).signature_cert,
            expected,
            "{applicant:?} {birth}"
        );
    }
}

#[test]
fn a_legal_rep_for_a_minor_aged_15_or_more_is_a_warning() {
    let model = model();
    let mut case = case(&[PinReset], LegalRepMinor);
    case.birth_date = some_date("2011-10-01");
    assert_eq!(
        madoguchi::json_name(&evaluate(&model, &case).warnings[0]),
        "applicant_age_mismatch"
    );
    case.birth_date = some_date("2011-10-02");
    assert!(evaluate(&model, &case).warnings.is_empty(), "still 14");
}

#[test]
fn a_principal_under_15_is_a_warning_and_an_adult_principal_is_not() {
    let model = model();
    let mut case = case(&[PinReset], Principal);
    case.birth_date = some_date("2012-01-01");
    assert_eq!(evaluate(&model, &case).warnings.len(), 1);
    case.birth_date = some_date("1990-01-01");
    assert!(evaluate(&model, &case).warnings.is_empty());
}

#[test]
fn unknown_birth_date_raises_no_age_warning_and_no_age() {
    let mut case = case(&[CertIssue], LegalRepMinor);
    case.birth_date = None;
    let got = evaluate(&model(), &case);
    assert!(got.warnings.is_empty());
    assert_eq!(got.holder_age, None);
    assert!(!got.signature_cert, "a legal rep of a minor never gets one");
}
