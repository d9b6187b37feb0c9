//! Every date boundary of the page: the renewal window's first day and the day before, the
//! card's expiry day, the 15th birthday and the day before, month ends and 29 February.

use crate::common;

use common::{case, date, model, some_date};
use madoguchi::engine::evaluate;
use madoguchi::json_name;
use madoguchi::model::{ApplicantKind::*, ProcedureKind::*};

fn blockers_on(today: &str, cert: &str, card: &str) -> Vec<String> {
    let mut case = case(&[CertIssue], Principal);
    case.today = some_date(today).unwrap();
    case.cert_expiry = some_date(cert);
    case.card_expiry = some_date(card);
    evaluate(&model(), &case)
        .blockers
        .iter()
        .map(json_name)
        .collect()
}

#[test]
fn the_pages_own_example_window_opens_on_21_august() {
    assert_eq!(
        blockers_on("2023-08-21", "2023-11-20", "2030-01-01"),
        Vec::<String>::new()
    );
    assert_eq!(
        blockers_on("2023-08-20", "2023-11-20", "2030-01-01"),
        ["before_renewal_window"]
    );
    let mut case = case(&[CertIssue], Principal);
    case.cert_expiry = some_date("2023-11-20");
    assert_eq!(
        evaluate(&model(), &case).renewal_window_start,
        Some(date("2023-08-21"))
    );
}

#[test]
fn window_from_a_month_end_expiry_opens_on_the_first_of_the_month() {
    // 31 May - 3 months = 28/29 February; the day after is 1 March.
    assert_eq!(
        blockers_on("2025-03-01", "2025-05-31", "2030-01-01"),
        Vec::<String>::new()
    );
    assert_eq!(
        blockers_on("2025-02-28", "2025-05-31", "2030-01-01"),
        ["before_renewal_window"]
    );
    assert_eq!(
        blockers_on("2024-03-01", "2024-05-31", "2030-01-01"),
        Vec::<String>::new()
    );
    assert_eq!(
        blockers_on("2024-02-29", "2024-05-31", "2030-01-01"),
        ["before_renewal_window"]
    );
}

#[test]
fn window_across_a_year_end() {
    assert_eq!(
        blockers_on("2025-11-01", "2026-01-31", "2030-01-01"),
        Vec::<String>::new()
    );
    assert_eq!(
        blockers_on("2025-10-31", "2026-01-31", "2030-01-01"),
        ["before_renewal_window"]
    );
}

#[test]
fn an_expired_or_revoked_certificate_is_issued_anew_without_a_window() {
    assert_eq!(
        blockers_on("2026-12-11", "2026-12-10", "2031-12-10"),
        Vec::<String>::new()
    );
    let mut case = case(&[CertIssue], Principal);
    case.today = some_date("2026-01-10").unwrap();
    case.answers.set("cert_revoked", true);
    assert!(evaluate(&model(), &case).blockers.is_empty());
}

#[test]
fn the_card_is_usable_on_its_expiry_day_and_expired_the_day_after() {
    assert_eq!(
        blockers_on("2026-11-30", "2026-12-10", "2026-11-30"),
        Vec::<String>::new()
    );
    assert_eq!(
        blockers_on("2026-12-01", "2026-12-10", "2026-11-30"),
        ["card_expired"]
    );
}

#[test]
fn an_expired_card_blocks_a_pin_reset_too() {
    let mut case = case(&[PinReset], Principal);
    case.card_expiry = some_date("2026-09-30");
    let got = evaluate(&model(), &case);
    assert_eq!(
        got.blockers.iter().map(json_name).collect::<Vec<_>>(),
        ["card_expired"]
    );
}

#[test]
fn certificate_and_card_expiring_together_need_a_new_card() {
    assert_eq!(
        blockers_on("2026-10-01", "2026-12-10", "2026-12-10"),
        ["card_expires_with_cert"]
    );
    // Not for a PIN reset alone.
    let mut case = case(&[PinReset], Principal);
    case.card_expiry = some_date("2026-12-10");
    assert!(evaluate(&model(), &case).blockers.is_empty());
}

#[test]
fn certificate_and_card_expired_on_the_same_day_is_only_the_expired_card() {
    assert_eq!(
        blockers_on("2026-07-01", "2026-06-30", "2026-06-30"),
        ["card_expired"]
    );
}

#[test]
fn a_renewal_too_early_on_a_card_that_expires_with_it_has_both_blockers() {
    assert_eq!(
        blockers_on("2026-05-01", "2026-12-10", "2026-12-10"),
        ["card_expires_with_cert", "before_renewal_window"]
    );
}

#[test]
fn a_new_certificate_after_a_move_is_issued_though_it_expired_with_the_card() {
    // Years 5–10 of a card: the certificate's expiry equals the card's. After a move the
    // certificate is revoked and a new one is issued, up to the card's expiry.
    let mut case = case(&[CertIssue], Principal);
    case.today = some_date("2027-03-01").unwrap();
    case.cert_expiry = some_date("2031-12-10");
    case.card_expiry = some_date("2031-12-10");
    case.answers.set("cert_revoked", true);
    let got = evaluate(&model(), &case);
    assert!(got.blockers.is_empty(), "{:?}", got.blockers);
    assert_eq!(got.new_cert_expiry, Some(date("2031-12-10")));
    // The same certificate still valid: renewal needs a new card.
    case.answers.set("cert_revoked", false);
    case.today = some_date("2031-10-01").unwrap();
    assert_eq!(
        evaluate(&model(), &case)
            .blockers
            .iter()
            .map(json_name)
            .collect::<Vec<_>>(),
        ["card_expires_with_cert"]
    );
}

#[test]
fn fifteenth_birthday_turns_on_the_minor_warning_and_the_signature_certificate() {
    let model = model();
    let mut case = case(&[CertIssue], LegalRepMinor);
    case.birth_date = some_date("2011-10-01");
    case.today = some_date("2026-09-30").unwrap();
    let got = evaluate(&model, &case);
    assert_eq!(
        (got.holder_age, got.warnings.len(), got.signature_cert),
        (Some(14), 0, false)
    );
    case.today = some_date("2026-10-01").unwrap();
    let got = evaluate(&model, &case);
    assert_eq!(
        (got.holder_age, got.warnings.len(), got.signature_cert),
        (Some(15), 1, true)
    );
}

#[test]
fn a_principal_turns_15_and_may_get_a_signature_certificate() {
    let model = model();
    let mut case = case(&[CertIssue], Principal);
    case.birth_date = some_date("2011-10-01");
    case.today = some_date("2026-09-30").unwrap();
    assert!(!evaluate(&model, &case).signature_cert);
    case.today = some_date("2026-10-01").unwrap();
    assert!(evaluate(&model, &case).signature_cert);
}

#[test]
fn leap_day_holder_turns_15_on_the_first_of_march() {
    let model = model();
    let mut case = case(&[PinReset], LegalRepMinor);
    case.birth_date = some_date("2008-02-29");
    case.cert_expiry = None;
    case.today = some_date("2023-02-28").unwrap();
    assert_eq!(evaluate(&model, &case).holder_age, Some(14));
    case.today = some_date("2023-03-01").unwrap();
    assert_eq!(evaluate(&model, &case).holder_age, Some(15));
}

#[test]
fn a_renewal_in_the_window_runs_to_the_fifth_birthday_after_the_old_expiry() {
    // Old expiry 2026-12-10 (a birthday): the new one runs to 2031-12-10.
    let mut case = case(&[CertIssue], Principal);
    case.card_expiry = some_date("2040-01-01");
    assert_eq!(
        evaluate(&model(), &case).new_cert_expiry,
        Some(date("2031-12-10"))
    );
    // The first day of the window (2026-09-11) and the expiry day itself count.
    for today in ["2026-09-11", "2026-12-10"] {
        case.today = some_date(today).unwrap();
        assert_eq!(
            evaluate(&model(), &case).new_cert_expiry,
            Some(date("2031-12-10")),
            "{today}"
        );
    }
}

#[test]
fn any_other_issuance_runs_to_the_fifth_birthday_after_the_visit() {
    let mut case = case(&[CertIssue], Principal);
    case.card_expiry = some_date("2040-01-01");
    // The day before the window: a renewal that cannot be done yet; the date it would get.
    case.today = some_date("2026-09-10").unwrap();
    assert_eq!(
        evaluate(&model(), &case).new_cert_expiry,
        Some(date("2030-12-10"))
    );
    // Near a birthday, new issuance after revocation or expiry: still the 5th birthday
    // after the visit, not the 6th (the sheet printed one year too late before).
    for (today, revoked, expiry) in [
        ("2026-10-01", true, "2026-12-10"),
        ("2026-12-09", true, "2026-12-10"),
        ("2026-12-11", false, "2026-12-10"),
    ] {
        case.today = some_date(today).unwrap();
        case.answers.set("cert_revoked", revoked);
        case.cert_expiry = some_date(expiry);
        let expected = if today == "2026-12-11" {
            "2031-12-10"
        } else {
            "2030-12-10"
        };
        assert_eq!(
            evaluate(&model(), &case).new_cert_expiry,
            Some(date(expected)),
            "{today} revoked={revoked}"
        );
    }
}

#[test]
fn a_leap_day_holder_renewing_in_the_window_gets_28_february() {
    let mut case = case(&[CertIssue], Principal);
    case.birth_date = some_date("2004-02-29");
    case.cert_expiry = some_date("2027-02-28");
    case.card_expiry = some_date("2040-01-01");
    // The window opens the day after 2026-11-28.
    case.today = some_date("2026-11-29").unwrap();
    let got = evaluate(&model(), &case);
    assert!(got.blockers.is_empty(), "{:?}", got.blockers);
    // 5th birthday after 2027-02-28: 2028-02-29, 2029, 2030, 2031, 2032-02-29.
    assert_eq!(got.new_cert_expiry, Some(date("2032-02-29")));
    case.today = some_date("2026-11-28").unwrap();
    let got = evaluate(&model(), &case);
    assert_eq!(
        got.blockers.iter().map(json_name).collect::<Vec<_>>(),
        ["before_renewal_window"]
    );
    // 5th birthday after the visit: 2027-02-28 … 2031-02-28.
    assert_eq!(got.new_cert_expiry, Some(date("2031-02-28")));
}

#[test]
fn new_certificate_issued_on_a_birthday_runs_five_years() {
    let mut case = case(&[CertIssue], Principal);
    case.today = some_date("2026-12-10").unwrap();
    case.card_expiry = some_date("2040-01-01");
    assert_eq!(
        evaluate(&model(), &case).new_cert_expiry,
        Some(date("2031-12-10"))
    );
}

#[test]
fn new_certificate_never_outlives_the_card() {
    let mut case = case(&[CertIssue], Principal);
    case.card_expiry = some_date("2029-05-01");
    assert_eq!(
        evaluate(&model(), &case).new_cert_expiry,
        Some(date("2029-05-01"))
    );
}

#[test]
fn new_certificate_for_a_leap_day_holder_ends_on_28_february() {
    let mut case = case(&[CertIssue], Principal);
    case.birth_date = some_date("2000-02-29");
    case.today = some_date("2026-06-01").unwrap();
    case.answers.set("cert_revoked", true);
    case.card_expiry = some_date("2040-01-01");
    // Birthdays after 2026-06-01: 2027, 2028, 2029, 2030, 2031 (28 Feb, not a leap year).
    assert_eq!(
        evaluate(&model(), &case).new_cert_expiry,
        Some(date("2031-02-28"))
    );
}

#[test]
fn no_new_expiry_for_a_pin_reset_or_without_a_birth_date() {
    let got = evaluate(&model(), &case(&[PinReset], Principal));
    assert_eq!(got.new_cert_expiry, None);
    let mut case = case(&[CertIssue], Principal);
    case.birth_date = None;
    assert_eq!(evaluate(&model(), &case).new_cert_expiry, None);
}

#[test]
fn renewal_window_is_null_when_the_expiry_is_unknown() {
    let mut case = case(&[CertIssue], Principal);
    case.cert_expiry = None;
    let got = evaluate(&model(), &case);
    assert_eq!(got.renewal_window_start, None);
    assert!(got.blockers.is_empty());
}

#[test]
fn an_expired_card_is_the_only_blocker_and_no_new_expiry_is_promised() {
    // Card expired, certificate's window not yet open: the card must be reissued first; no
    // "come back on …" and no expiry date in the past.
    let mut case = case(&[CertIssue], Principal);
    case.today = some_date("2026-10-01").unwrap();
    case.cert_expiry = some_date("2027-06-30");
    case.card_expiry = some_date("2026-09-30");
    let got = evaluate(&model(), &case);
    assert_eq!(
        got.blockers.iter().map(json_name).collect::<Vec<_>>(),
        ["card_expired"]
    );
    assert_eq!(got.new_cert_expiry, None);
}

#[test]
fn dates_a_decision_needed_but_nobody_gave_are_named() {
    let mut case = case(&[CertIssue], Principal);
    case.cert_expiry = None;
    case.card_expiry = None;
    let got = evaluate(&model(), &case);
    assert_eq!(
        serde_json::to_value(&got.unknown_dates).unwrap(),
        serde_json::json!(["cert_expiry", "card_expiry"])
    );
    let full = evaluate(&model(), &common::case(&[CertIssue], Principal));
    assert!(full.unknown_dates.is_empty());
}
