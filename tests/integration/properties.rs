//! Any dates 1900–2100 × every kind evaluate without panic, and no document appears twice.

use crate::common;

use chrono::{Days, NaiveDate};
use madoguchi::case::{Case, CaseDate};
use madoguchi::engine::evaluate;
use madoguchi::model::{ApplicantKind, ProcedureKind};
use proptest::prelude::*;

fn any_date() -> impl Strategy<Value = NaiveDate> {
    let start = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap();
    (0u64..73_413).prop_map(move |days| start + Days::new(days))
}

fn any_case() -> impl Strategy<Value = Case> {
    (
        any_date(),
        prop::option::of(any_date()),
        prop::option::of(any_date()),
        prop::option::of(any_date()),
        prop::sample::select(vec![
            vec![ProcedureKind::CertIssue],
            vec![ProcedureKind::PinReset],
            vec![ProcedureKind::CertIssue, ProcedureKind::PinReset],
        ]),
        prop::sample::select(ApplicantKind::ALL.to_vec()),
        any::<[bool; 7]>(),
    )
        .prop_map(|(today, birth, cert, card, procedures, applicant, flags)| {
            let mut case = Case::new(today, procedures, applicant);
            case.birth_date = birth.map(CaseDate);
            case.cert_expiry = cert.map(CaseDate);
            case.card_expiry = card.map(CaseDate);
            case.answers.set("cert_revoked", flags[0]);
            case.answers.set("has_inquiry_form", flags[1]);
            case.answers.set("pins_known", flags[2]);
            case.answers.set("pin_locked", flags[3]);
            case.answers.set("domicile_in_city", flags[4]);
            case.answers.set("same_household_parent", flags[5]);
            case
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_case_evaluates_and_lists_each_document_once(case in any_case()) {
        let model = common::model();
        let got = evaluate(&model, &case);
        let mut first = got.documents.clone();
        first.sort();
        first.dedup();
        prop_assert_eq!(first.len(), got.documents.len());
        let mut second = got.next_visit_documents.clone();
        second.sort();
        second.dedup();
        prop_assert_eq!(second.len(), got.next_visit_documents.len());
        prop_assert!(!got.documents.is_empty());
        prop_assert_eq!(got.same_day, got.next_visit_documents.is_empty());
        if let Some(expiry) = got.new_cert_expiry {
            prop_assert!(expiry > case.today() || case.card_expiry().is_some_and(|c| c <= case.today()));
        }
        // The JSON always serialises.
        prop_assert!(serde_json::to_string(&got).is_ok());
    }
}
