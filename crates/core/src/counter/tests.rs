use super::*;

fn model() -> ProcedureModel {
    ProcedureModel::embedded().unwrap()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

fn principal_renewal() -> CounterSession {
    let mut session = CounterSession::new(today());
    session.cert_issue = true;
    session.applicant = Some(ApplicantKind::Principal);
    session
}

fn status_of_renewal(session: &CounterSession, model: &ProcedureModel) -> ProcedureStatus {
    let evaluation = session.evaluation(model).unwrap();
    session.procedure_status(&evaluation, &evaluation.outcomes[0])
}

#[test]
fn nothing_is_evaluated_before_procedure_and_applicant_are_chosen() {
    let mut session = CounterSession::new(today());
    let model = model();
    assert_eq!(session.evaluation(&model), Err(NotReady::NoProcedure));
    session.cert_issue = true;
    assert_eq!(session.evaluation(&model), Err(NotReady::NoApplicant));
}

#[test]
fn acceptable_only_when_every_document_is_ticked() {
    let model = model();
    let mut session = principal_renewal();
    session.set_answer("pins_known", false);
    assert_eq!(
        status_of_renewal(&session, &model),
        ProcedureStatus::Checking {
            ticked: 0,
            total: 2
        }
    );
    session.set_tick(VisitNumber::First, &DocumentId("card".into()), true);
    assert_eq!(
        status_of_renewal(&session, &model),
        ProcedureStatus::Checking {
            ticked: 1,
            total: 2
        }
    );
    session.set_tick(
        VisitNumber::First,
        &DocumentId("principal_secondary_id".into()),
        true,
    );
    assert_eq!(
        status_of_renewal(&session, &model),
        ProcedureStatus::Acceptable
    );
}

#[test]
fn a_blocked_case_is_never_acceptable() {
    let model = model();
    let mut session = principal_renewal();
    session.card_expiry = "2026-11-24".into();
    session.set_tick(VisitNumber::First, &DocumentId("card".into()), true);
    assert_eq!(
        status_of_renewal(&session, &model),
        ProcedureStatus::Blocked
    );
}

#[test]
fn one_blocked_procedure_leaves_the_other_acceptable_and_its_documents_off_the_list() {
    let model = model();
    let mut session = principal_renewal();
    session.pin_reset = true;
    session.visit_date = "2027-01-05".into();
    session.cert_expiry = "2027-06-30".into();
    session.set_answer("pin_locked", true);
    let evaluation = session.evaluation(&model).unwrap();
    let ids: Vec<&str> = session
        .checklist(&evaluation)
        .iter()
        .map(|r| r.document.as_str())
        .collect();
    assert_eq!(ids, ["card", "principal_secondary_id"]);
    for id in ids {
        session.set_tick(VisitNumber::First, &DocumentId(id.into()), true);
    }
    assert_eq!(
        session.statuses(&evaluation),
        [
            (ProcedureKind::CertIssue, ProcedureStatus::Blocked),
            (ProcedureKind::PinReset, ProcedureStatus::Acceptable)
        ]
    );
}

#[test]
fn changing_an_answer_keeps_ticks_still_required() {
    let model = model();
    let mut session = principal_renewal();
    session.set_answer("pins_known", false);
    let card = DocumentId("card".into());
    let second = DocumentId("principal_secondary_id".into());
    session.set_tick(VisitNumber::First, &card, true);
    session.set_tick(VisitNumber::First, &second, true);
    session.set_answer("pins_known", true);
    session.keep_ticks_of(&session.evaluation(&model).unwrap());
    assert!(session.is_ticked(VisitNumber::First, &card));
    assert!(!session.is_ticked(VisitNumber::First, &second));
}

#[test]
fn a_case_file_fills_the_form_back_to_the_same_case() {
    let mut case = principal_renewal().case().unwrap();
    case.birth_date = Some(CaseDate(NaiveDate::from_ymd_opt(1980, 6, 15).unwrap()));
    case.answers.set("pin_locked", true);
    assert_eq!(CounterSession::from_case(&case).case().unwrap(), case);
}

#[test]
fn next_citizen_clears_everything() {
    let mut session = principal_renewal();
    session.birth_date = "S55.6.15".into();
    session.set_answer("pin_locked", true);
    session.set_tick(VisitNumber::First, &DocumentId("card".into()), true);
    let tomorrow = today().succ_opt().unwrap();
    session.next_citizen(tomorrow);
    assert_eq!(session, CounterSession::new(tomorrow));
}

#[test]
fn dates_are_echoed_in_both_calendars_with_the_age() {
    let mut session = principal_renewal();
    session.birth_date = "S55.6.15".into();
    assert_eq!(
        session.echo(DateField::Birth).unwrap(),
        "1980年6月15日（昭和55年6月15日）・46歳"
    );
}

#[test]
fn bad_dates_get_a_message_and_stop_the_evaluation() {
    let model = model();
    let mut session = principal_renewal();
    session.birth_date = "2月30日".into();
    assert!(session.field_problem(DateField::Birth).is_some());
    session.birth_date = "2026-02-30".into();
    assert!(
        session
            .field_problem(DateField::Birth)
            .unwrap()
            .to_string()
            .contains("存在しない")
    );
    assert_eq!(
        session.evaluation(&model),
        Err(NotReady::Field(DateField::Birth))
    );
    session.birth_date = "2027-01-01".into();
    assert_eq!(
        session.field_problem(DateField::Birth),
        Some(FieldProblem::BirthAfterVisit)
    );
    session.birth_date = "1980-01-01".into();
    assert!(session.evaluation(&model).is_ok());
}

fn ids(questions: Vec<&Question>) -> Vec<&str> {
    questions.iter().map(|q| q.id.as_str()).collect()
}

#[test]
fn only_the_questions_that_matter_are_asked() {
    let model = model();
    let mut session = CounterSession::new(today());
    session.pin_reset = true;
    session.applicant = Some(ApplicantKind::Principal);
    assert!(session.questions(&model).is_empty());
    session.applicant = Some(ApplicantKind::LegalRepMinor);
    assert_eq!(
        ids(session.questions(&model)),
        ["domicile_in_city", "same_household_parent"]
    );
    session.pin_reset = false;
    session.cert_issue = true;
    session.applicant = Some(ApplicantKind::Proxy);
    assert_eq!(
        ids(session.questions(&model)),
        [
            "cert_revoked",
            "has_inquiry_form",
            "pins_known",
            "pin_locked"
        ]
    );
}

#[test]
fn the_second_visit_shows_its_own_documents() {
    let model = model();
    let mut session = CounterSession::new(today());
    session.pin_reset = true;
    session.applicant = Some(ApplicantKind::Proxy);
    let evaluation = session.evaluation(&model).unwrap();
    assert_eq!(session.checklist(&evaluation).len(), 2);
    session.visit = VisitNumber::Second;
    assert_eq!(session.checklist(&evaluation).len(), 7);
}
