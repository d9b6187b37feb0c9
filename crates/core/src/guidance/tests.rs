use super::*;
use crate::engine::evaluate;

fn model() -> ProcedureModel {
    ProcedureModel::embedded().unwrap()
}

fn case(text: &str) -> Case {
    Case::from_ron(text, "t.ron").unwrap()
}

#[test]
fn a_blocked_renewal_and_a_pin_reset_that_goes_ahead_are_said_apart() {
    let model = model();
    let case = case(
        r#"Case(today: "2027-01-05", procedures: [CertIssue, PinReset], applicant: Principal,
           birth_date: "1984-06-30", cert_expiry: "2027-06-30", card_expiry: "2032-06-30", pin_locked: true)"#,
    );
    let evaluation = evaluate(&model, &case);
    let card = DocumentId("card".into());
    let guidance = Guidance::build(&model, &case, &evaluation, VisitNumber::First, &[card]);
    let second = DocumentId("principal_secondary_id".into());
    let all = [DocumentId("card".into()), second];
    let all_seen = Guidance::build(&model, &case, &evaluation, VisitNumber::First, &all);
    let [renewal, pin] = guidance.procedures.as_slice() else {
        panic!("two procedures");
    };
    assert_eq!(renewal.state, ProcedureState::Blocked);
    assert_eq!(renewal.verdict, "本日は受付できません。");
    assert!(
        renewal.blockers[0]
            .for_citizen
            .as_deref()
            .unwrap()
            .contains("2027年3月31日（令和9年3月31日）から申請できます")
    );
    assert_eq!(renewal.bring_next_time.len(), 2);
    assert_eq!(pin.state, ProcedureState::SameDay);
    assert_eq!(guidance.checklist.len(), 2);
    assert_eq!(guidance.missing.len(), 1);
    assert!(
        guidance.new_cert_expiry.is_none(),
        "no expiry for a refused renewal"
    );
    assert_eq!(
        guidance.counter_copy.procedures,
        [
            "更新・新規発行: 受付せず（まだ更新期間ではありません）",
            "暗証番号再設定: 書類不足のため受付せず"
        ]
    );
    assert_eq!(all_seen.counter_copy.procedures[1], "暗証番号再設定: 受付");
}

#[test]
fn the_three_steps_are_the_pages_words_from_the_first_step() {
    let model = model();
    let case = case(r#"Case(today: "2026-10-01", procedures: [PinReset], applicant: Proxy)"#);
    let evaluation = evaluate(&model, &case);
    let guidance = Guidance::build(&model, &case, &evaluation, VisitNumber::First, &[]);
    let steps = guidance.steps.unwrap();
    assert!(
        steps
            .apply
            .starts_with("代理人が窓口に来庁し、暗証番号再設定")
    );
    assert_eq!(steps.come_back, "代理人が書類を持参して窓口に来庁する。");
    assert_eq!(steps.second_visit_place, "茨木市役所南館9階");
    assert_eq!(steps.second_visit_documents.len(), 7);
    assert!(!guidance.pin_writing.is_empty());
}
