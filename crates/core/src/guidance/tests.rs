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
    assert_eq!(steps.steps.len(), 3);
    assert!(
        steps.steps[0]
            .text
            .starts_with("代理人が窓口に来庁し、暗証番号再設定")
    );
    assert_eq!(steps.steps[0].notes.len(), 1, "the mailing under (1)");
    assert!(steps.steps[1].notes[0].starts_with("本人が必要事項"));
    assert_eq!(
        steps.steps[2].text,
        "代理人が書類を持参して窓口に来庁する。"
    );
    assert_eq!(steps.second_visit_step, 2);
    assert_eq!(steps.second_visit_place, "茨木市役所南館9階");
    assert_eq!(steps.second_visit_documents.len(), 7);
    assert!(!guidance.pin_writing.is_empty());
}

#[test]
fn a_text_the_language_lacks_is_reported_not_passed_off_as_a_translation() {
    let model = model();
    let case = case(
        r#"Case(today: "2026-10-01", procedures: [CertIssue], applicant: Principal,
           birth_date: "1990-12-10", cert_expiry: "2026-12-10", card_expiry: "2031-12-10")"#,
    );
    let evaluation = evaluate(&model, &case);
    let english = Languages::embedded().get("en").unwrap();
    let complete = Guidance::build_in(english, &model, &case, &evaluation, VisitNumber::First, &[]);
    assert_eq!(complete.missing_texts, Vec::<String>::new());
    let mut lacking = english.clone();
    let key = TextKey::DocumentLabel(&DocumentId("card".into())).to_string();
    assert!(lacking.texts.remove(&key).is_some(), "{key}");
    let guidance = Guidance::build_in(
        &lacking,
        &model,
        &case,
        &evaluation,
        VisitNumber::First,
        &[],
    );
    assert_eq!(guidance.missing_texts, vec![key]);
}

#[test]
fn every_text_the_guidance_asks_for_is_one_the_model_lists() {
    // Every key of the guidance's lookups (all routes, both visits, all tick states) must be a
    // citizen text of the model: else `check` could not ask translators for it.
    let model = model();
    let listed: Vec<String> = model.citizen_texts().into_iter().map(|(k, _)| k).collect();
    let mut empty = Languages::embedded().get("en").unwrap().clone();
    empty.texts.clear();
    for applicant in crate::model::ApplicantKind::ALL {
        for revoked in [false, true] {
            let mut case = Case::new(
                crate::dates::parse_date("2026-10-01").unwrap(),
                crate::model::ProcedureKind::ALL.to_vec(),
                applicant,
            );
            case.cert_expiry = Some(crate::case::CaseDate(
                crate::dates::parse_date("2026-12-10").unwrap(),
            ));
            case.answers.set("cert_revoked", revoked);
            let evaluation = evaluate(&model, &case);
            for visit in [VisitNumber::First, VisitNumber::Second] {
                let guidance = Guidance::build_in(&empty, &model, &case, &evaluation, visit, &[]);
                assert!(!guidance.missing_texts.is_empty());
                for key in &guidance.missing_texts {
                    assert!(listed.contains(key), "{key} is asked for but not listed");
                }
            }
        }
    }
}

#[test]
fn without_the_cards_date_the_new_expiry_is_said_to_stop_at_the_card() {
    let model = model();
    let with_card = r#"Case(today: "2026-11-25", procedures: [CertIssue], applicant: Principal,
           birth_date: "1990-12-10", cert_expiry: "2026-12-10", card_expiry: "2031-12-10")"#;
    let new_expiry = |text: &str| {
        let case = case(text);
        let evaluation = evaluate(&model, &case);
        Guidance::build(&model, &case, &evaluation, VisitNumber::First, &[])
            .new_cert_expiry
            .unwrap()
    };
    let known = new_expiry(with_card);
    assert!(
        known.ends_with("2031年12月10日（令和13年12月10日）"),
        "{known}"
    );
    let unknown = new_expiry(&with_card.replace(r#", card_expiry: "2031-12-10""#, ""));
    assert!(
        unknown.ends_with("（カード本体の有効期限がそれより前のときは、その日まで）"),
        "{unknown}"
    );
}
