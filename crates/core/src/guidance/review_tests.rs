use super::*;
use crate::engine::evaluate;

fn guidance(text: &str) -> Guidance {
    let model = ProcedureModel::embedded().unwrap();
    let case = Case::from_ron(text, "t.ron").unwrap();
    let evaluation = evaluate(&model, &case);
    Guidance::build(&model, &case, &evaluation, VisitNumber::First, &[])
}

#[test]
fn a_refused_procedure_says_nothing_that_contradicts_its_blocker() {
    let g = guidance(
        r#"Case(today: "2026-10-01", procedures: [CertIssue, PinReset], applicant: Principal,
           cert_expiry: "2027-06-30", card_expiry: "2026-09-30")"#,
    );
    for procedure in &g.procedures {
        assert!(!procedure.goes_ahead());
        assert!(procedure.staff_notes.is_empty(), "no 「即日で…可能」");
        assert!(procedure.bring_next_time.is_empty(), "the card comes first");
    }
    assert_eq!(g.signature, None, "no 「発行できます」 on an expired card");
    assert!(g.certificate.is_empty(), "{:?}", g.certificate);
}

#[test]
fn a_proxy_with_a_locked_pin_asking_only_for_renewal_is_prompted_to_add_the_pin_reset() {
    let g = guidance(
        r#"Case(today: "2026-10-01", procedures: [CertIssue], applicant: Proxy,
           cert_expiry: "2026-12-10", card_expiry: "2031-12-10", pin_locked: true)"#,
    );
    assert_eq!(g.procedures[0].staff_prompts.len(), 1);
    assert!(g.procedures[0].staff_prompts[0].contains("暗証番号再設定も同時に申請"));
    let both = guidance(
        r#"Case(today: "2026-10-01", procedures: [CertIssue, PinReset], applicant: Proxy,
           cert_expiry: "2026-12-10", card_expiry: "2031-12-10", pin_locked: true)"#,
    );
    assert!(both.procedures.iter().all(|p| p.staff_prompts.is_empty()));
}

#[test]
fn a_document_asked_by_two_procedures_lists_the_examples_of_both() {
    let g = guidance(
        r#"Case(today: "2026-10-01", procedures: [CertIssue, PinReset], applicant: Principal,
           cert_expiry: "2026-12-10", card_expiry: "2031-12-10", pin_locked: true)"#,
    );
    let second = g
        .checklist
        .iter()
        .find(|d| d.id.as_str() == "principal_secondary_id")
        .unwrap();
    for example in ["運転免許証", "健康保険証", "旅券", "介護保険証"] {
        assert!(second.examples.iter().any(|e| e == example), "{example}");
    }
}
