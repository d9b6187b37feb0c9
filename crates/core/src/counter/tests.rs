use super::*;
use crate::guidance::{Guidance, Status};

fn model() -> ProcedureModel {
    ProcedureModel::embedded().unwrap()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

fn type_date(session: &mut CounterSession, field: DateField, text: &str) {
    session.set_date_text(field, text);
    session.commit_date(field);
}

/// 本人, renewal, inside the window, dates typed.
fn principal_renewal() -> CounterSession {
    let mut session = CounterSession::new(today());
    session.toggle_procedure(ProcedureKind::CertIssue);
    session.applicant = Some(ApplicantKind::Principal);
    type_date(&mut session, DateField::CertExpiry, "2026-12-10");
    type_date(&mut session, DateField::CardExpiry, "2031-12-10");
    session
}

/// Where the renewal stands, as the guidance says (the one place that decides it).
fn renewal_status(session: &CounterSession, model: &ProcedureModel) -> Status {
    let case = session.case(model).unwrap();
    let evaluation = evaluate(model, &case);
    let visit = crate::guidance::shown_visit(&evaluation, session.visit);
    let guidance = Guidance::build(model, &case, &evaluation, visit, &session.ticked_at(visit));
    guidance.procedures[0].status
}

const CARD: &str = "card";
const SECOND_ID: &str = "principal_secondary_id";

fn doc(id: &str) -> DocumentId {
    DocumentId(id.into())
}

#[test]
fn nothing_is_evaluated_before_procedure_and_applicant_are_chosen() {
    let mut session = CounterSession::new(today());
    let model = model();
    assert_eq!(session.evaluation(&model), Err(NotReady::NoProcedure));
    session.toggle_procedure(ProcedureKind::CertIssue);
    assert_eq!(session.evaluation(&model), Err(NotReady::NoApplicant));
}

#[test]
fn a_question_that_decides_a_document_waits_for_its_answer() {
    let model = model();
    let mut session = principal_renewal();
    session.tick(&model, VisitNumber::First, &doc(CARD), true);
    // 「本人が暗証番号を覚えている」 decides the second ID: not answered, not decided.
    assert_eq!(renewal_status(&session, &model), Status::Undecided);
    session.set_answer(&model, "pins_known", Some(false));
    session.set_answer(&model, "pin_locked", Some(false));
    assert_eq!(
        renewal_status(&session, &model),
        Status::Checking {
            ticked: 1,
            total: 2
        }
    );
    session.tick(&model, VisitNumber::First, &doc(SECOND_ID), true);
    assert_eq!(renewal_status(&session, &model), Status::AcceptedToday);
    session.set_answer(&model, "pins_known", None);
    assert_eq!(renewal_status(&session, &model), Status::Undecided);
}

#[test]
fn a_missing_expiry_date_is_never_acceptable() {
    let model = model();
    let mut session = principal_renewal();
    session.set_answer(&model, "pins_known", Some(true));
    session.set_answer(&model, "pin_locked", Some(false));
    session.tick(&model, VisitNumber::First, &doc(CARD), true);
    assert_eq!(renewal_status(&session, &model), Status::AcceptedToday);
    type_date(&mut session, DateField::CertExpiry, "");
    assert_eq!(renewal_status(&session, &model), Status::Undecided);
}

#[test]
fn a_blocked_case_is_never_acceptable() {
    let model = model();
    let mut session = principal_renewal();
    type_date(&mut session, DateField::CardExpiry, "2026-11-24");
    session.tick(&model, VisitNumber::First, &doc(CARD), true);
    assert_eq!(renewal_status(&session, &model), Status::Refused);
}

#[test]
fn a_half_typed_date_is_not_read_until_the_field_is_left() {
    let model = model();
    let mut session = principal_renewal();
    let before = session.evaluation(&model);
    session.set_date_text(DateField::CertExpiry, "2027-0");
    assert_eq!(session.text(DateField::CertExpiry), "2027-0");
    assert_eq!(session.evaluation(&model), before);
    assert_eq!(session.field_problem(DateField::CertExpiry), None);
    assert!(session.commit_date(DateField::CertExpiry));
    assert!(session.field_problem(DateField::CertExpiry).is_some());
    assert!(matches!(
        session.evaluation(&model),
        Err(NotReady::Field(DateField::CertExpiry, _))
    ));
}

#[test]
fn the_sealed_inquiry_form_is_one_thing_to_confirm() {
    let model = model();
    let envelope = doc("sealed_inquiry_envelope");
    let mut session = CounterSession::new(today());
    session.toggle_procedure(ProcedureKind::CertIssue);
    session.applicant = Some(ApplicantKind::Proxy);
    session.set_answer(&model, "has_inquiry_form", Some(true));
    assert!(session.is_ticked(VisitNumber::First, &envelope));
    session.tick(&model, VisitNumber::First, &envelope, false);
    assert_eq!(session.given_answer("has_inquiry_form"), Some(false));
    session.tick(&model, VisitNumber::First, &envelope, true);
    assert_eq!(session.given_answer("has_inquiry_form"), Some(true));
}

#[test]
fn changing_an_answer_keeps_ticks_still_required() {
    let model = model();
    let mut session = principal_renewal();
    session.set_answer(&model, "pins_known", Some(false));
    session.tick(&model, VisitNumber::First, &doc(CARD), true);
    session.tick(&model, VisitNumber::First, &doc(SECOND_ID), true);
    session.set_answer(&model, "pins_known", Some(true));
    session.set_answer(&model, "pin_locked", Some(false));
    session.keep_ticks_of(&session.evaluation(&model).unwrap());
    assert!(session.is_ticked(VisitNumber::First, &doc(CARD)));
    assert!(!session.is_ticked(VisitNumber::First, &doc(SECOND_ID)));
}

#[test]
fn a_case_file_fills_the_form_back_to_the_same_case() {
    let model = model();
    let mut session = principal_renewal();
    session.set_answer(&model, "pins_known", Some(true));
    session.set_answer(&model, "pin_locked", Some(true));
    let mut case = session.case(&model).unwrap();
    case.birth_date = Some(CaseDate(NaiveDate::from_ymd_opt(1980, 6, 15).unwrap()));
    assert_eq!(CounterSession::from_case(&case).case(&model).unwrap(), case);
}

#[test]
fn a_blank_session_needs_no_confirmation_and_anything_entered_does() {
    let model = model();
    let mut session = CounterSession::new(today());
    assert!(session.is_blank());
    type_date(&mut session, DateField::Visit, "2026-11-26");
    assert!(
        session.is_blank(),
        "the visit date is not about the citizen"
    );
    session.set_answer(&model, "pin_locked", Some(true));
    assert!(!session.is_blank());
}

#[test]
fn dates_are_echoed_in_both_calendars_with_the_age() {
    let mut session = principal_renewal();
    type_date(&mut session, DateField::Birth, "S55.6.15");
    assert_eq!(
        session.echo(DateField::Birth).unwrap(),
        "1980年6月15日（昭和55年6月15日）・46歳"
    );
}

#[test]
fn bad_dates_get_a_message_and_stop_the_evaluation() {
    let model = model();
    let mut session = principal_renewal();
    type_date(&mut session, DateField::Birth, "2月30日");
    assert!(session.field_problem(DateField::Birth).is_some());
    type_date(&mut session, DateField::Birth, "2026-02-30");
    let problem = session.field_problem(DateField::Birth).unwrap();
    assert!(problem.to_string().contains("存在しない"), "{problem}");
    assert_eq!(
        session.evaluation(&model),
        Err(NotReady::Field(DateField::Birth, problem))
    );
    type_date(&mut session, DateField::Birth, "2027-01-01");
    assert_eq!(
        session.field_problem(DateField::Birth),
        Some(FieldProblem::BirthAfterVisit)
    );
    type_date(&mut session, DateField::Birth, "1980-01-01");
    assert!(session.evaluation(&model).is_ok());
}

fn ids(questions: Vec<&Question>) -> Vec<&str> {
    questions.iter().map(|q| q.id.as_str()).collect()
}

#[test]
fn only_the_questions_that_matter_are_asked() {
    let model = model();
    let mut session = CounterSession::new(today());
    session.toggle_procedure(ProcedureKind::PinReset);
    session.applicant = Some(ApplicantKind::LegalRepMinor);
    let asked = ids(session.questions(&model));
    assert!(
        asked.contains(&"domicile_in_city") && asked.contains(&"same_household_parent"),
        "{asked:?}"
    );
    assert!(!asked.contains(&"has_inquiry_form"), "{asked:?}");
    session.toggle_procedure(ProcedureKind::PinReset);
    session.toggle_procedure(ProcedureKind::CertIssue);
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
fn the_questions_that_decide_a_document_come_from_the_model() {
    let model = model();
    let deciding = document_questions(&model);
    for id in [
        "pins_known",
        "pin_locked",
        "same_household_parent",
        "has_inquiry_form",
    ] {
        assert!(deciding.contains(&id), "{id}: {deciding:?}");
    }
    assert!(!deciding.contains(&"cert_revoked"), "{deciding:?}");
}

#[test]
fn an_answer_that_settles_a_document_alone_leaves_no_other_question_open() {
    // The second ID is asked for when the PINs are not surely known OR a PIN is locked: a
    // locked PIN settles it, whatever the other answer.
    let model = model();
    let mut session = principal_renewal();
    session.set_answer(&model, "pin_locked", Some(true));
    session.tick(&model, VisitNumber::First, &doc(CARD), true);
    session.tick(&model, VisitNumber::First, &doc(SECOND_ID), true);
    assert_eq!(renewal_status(&session, &model), Status::AcceptedToday);
}

/// 本人, renewal in the window, the card read: the certificate's expiry typed, the card's not.
fn renewal_with_card_face_only(model: &ProcedureModel) -> CounterSession {
    let mut session = principal_renewal();
    type_date(&mut session, DateField::CardExpiry, "");
    session.set_answer(model, "pins_known", Some(true));
    session.set_answer(model, "pin_locked", Some(false));
    session.tick(model, VisitNumber::First, &doc(CARD), true);
    session
}

#[test]
fn seeing_on_the_card_that_it_outlives_the_certificate_decides_without_its_date() {
    let model = model();
    let mut session = renewal_with_card_face_only(&model);
    assert_eq!(renewal_status(&session, &model), Status::Undecided);
    assert_eq!(
        session.card_outlives_question(),
        Some(NaiveDate::from_ymd_opt(2026, 12, 10).unwrap())
    );
    session.set_card_outlives_cert(true);
    assert!(session.card_outlives_cert());
    assert_eq!(renewal_status(&session, &model), Status::AcceptedToday);
    let evaluation = session.evaluation(&model).unwrap();
    assert!(evaluation.blockers.is_empty());
    assert!(evaluation.unknown_dates.is_empty());
    session.set_card_outlives_cert(false);
    assert_eq!(renewal_status(&session, &model), Status::Undecided);
}

#[test]
fn what_was_seen_on_the_card_lapses_when_a_date_changes() {
    let model = model();
    let mut session = renewal_with_card_face_only(&model);
    session.set_card_outlives_cert(true);
    // Another certificate expiry: what was seen was against the old one.
    type_date(&mut session, DateField::CertExpiry, "2026-12-20");
    assert!(!session.card_outlives_cert());
    assert_eq!(renewal_status(&session, &model), Status::Undecided);
    // The card's date typed: it is read instead, and the question is not asked.
    session.set_card_outlives_cert(true);
    type_date(&mut session, DateField::CardExpiry, "2026-12-20");
    assert_eq!(session.card_outlives_question(), None);
    assert!(!session.card_outlives_cert());
    let evaluation = session.evaluation(&model).unwrap();
    assert_eq!(
        evaluation.blockers.len(),
        1,
        "the typed date says: expires together"
    );
    // Without a certificate expiry there is nothing to see it against.
    type_date(&mut session, DateField::CardExpiry, "");
    type_date(&mut session, DateField::CertExpiry, "");
    session.set_card_outlives_cert(true);
    assert!(!session.card_outlives_cert());
}

#[test]
fn what_was_seen_on_the_card_does_not_come_back_when_a_date_is_changed_back() {
    let model = model();
    let mut session = renewal_with_card_face_only(&model);
    session.set_card_outlives_cert(true);
    // The face said otherwise after all: the card's date typed, then cleared again.
    type_date(&mut session, DateField::CardExpiry, "2026-12-10");
    type_date(&mut session, DateField::CardExpiry, "");
    assert!(!session.card_outlives_cert(), "asked again");
    assert_eq!(renewal_status(&session, &model), Status::Undecided);
    // The certificate's date changed and changed back.
    session.set_card_outlives_cert(true);
    type_date(&mut session, DateField::CertExpiry, "2026-12-20");
    type_date(&mut session, DateField::CertExpiry, "2026-12-10");
    assert!(!session.card_outlives_cert(), "asked again");
}

#[test]
fn a_card_that_outlives_an_expired_certificate_may_still_have_expired() {
    let model = model();
    let mut session = renewal_with_card_face_only(&model);
    type_date(&mut session, DateField::CertExpiry, "2026-11-01");
    // The certificate has expired: the card's own date is needed to know it is valid, so
    // the face is not asked about.
    assert_eq!(session.card_outlives_question(), None);
    session.set_card_outlives_cert(true);
    assert!(!session.case(&model).unwrap().card_outlives_cert);
    // And an engine told anyway still waits for the card's date.
    let mut case = session.case(&model).unwrap();
    case.card_outlives_cert = true;
    let evaluation = evaluate(&model, &case);
    assert!(evaluation.blockers.is_empty());
    assert_eq!(
        evaluation.unknown_dates,
        vec![crate::engine::UnknownDate::CardExpiry]
    );
    assert_eq!(renewal_status(&session, &model), Status::Undecided);
    // On its expiry day the certificate is still valid: asked.
    type_date(&mut session, DateField::CertExpiry, "2026-11-25");
    assert!(session.card_outlives_question().is_some());
}
