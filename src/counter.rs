//! The state of one citizen at the counter: the answers typed into the form and the ticks on
//! the checklist. Pure (no egui): the window draws it and forwards what staff do.

use crate::case::{Case, CaseDate};
use crate::dates::{age_on, format_both, parse_date};
use crate::engine::{Evaluation, Requirement, VisitNumber, evaluate};
use crate::model::{ApplicantKind, Condition, DocumentId, ProcedureKind, ProcedureModel};
use chrono::NaiveDate;
use std::collections::BTreeSet;

/// The date fields of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateField {
    Visit,
    Birth,
    CertExpiry,
    CardExpiry,
}

impl DateField {
    pub const ALL: [DateField; 4] = [
        DateField::Visit,
        DateField::Birth,
        DateField::CertExpiry,
        DateField::CardExpiry,
    ];

    pub fn label(self) -> &'static str {
        match self {
            DateField::Visit => "来庁日",
            DateField::Birth => "本人の生年月日",
            DateField::CertExpiry => "電子証明書の有効期限",
            DateField::CardExpiry => "カードの有効期限",
        }
    }
}

/// A yes/no question of the form; only those the chosen routes depend on are asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Question {
    CertRevoked,
    HasInquiryForm,
    PinsKnown,
    PinLocked,
    DomicileInCity,
    SameHouseholdParent,
}

impl Question {
    pub fn label(self) -> &'static str {
        match self {
            Question::CertRevoked => "氏名・住所変更で署名用電子証明書が失効している（新規発行）",
            Question::HasInquiryForm => {
                "有効期限通知書の「照会書兼回答書」を封入封緘した封筒を持参している"
            }
            Question::PinsKnown => "本人が暗証番号（4種類）を確実に覚えている",
            Question::PinLocked => "暗証番号にロックがかかっている",
            Question::DomicileInCity => "本籍地が茨木市である",
            Question::SameHouseholdParent => "住民記録で同一世帯かつ親権者が確認できる",
        }
    }

    fn of(condition: &Condition, into: &mut BTreeSet<Question>) {
        match condition {
            Condition::HasInquiryForm => {
                into.insert(Question::HasInquiryForm);
            }
            Condition::PinsKnown => {
                into.insert(Question::PinsKnown);
            }
            Condition::PinLocked => {
                into.insert(Question::PinLocked);
            }
            Condition::CertValid => {
                into.insert(Question::CertRevoked);
            }
            Condition::DomicileInCity => {
                into.insert(Question::DomicileInCity);
            }
            Condition::SameHouseholdParent => {
                into.insert(Question::SameHouseholdParent);
            }
            Condition::Requested(_) => {}
            Condition::Not(inner) => Question::of(inner, into),
            Condition::AnyOf(all) | Condition::AllOf(all) => {
                all.iter().for_each(|c| Question::of(c, into));
            }
        }
    }
}

/// Where the visit stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CounterStatus {
    /// Procedure or applicant not chosen yet, or a date field is wrong.
    NotReady(String),
    /// Something blocks the procedure today.
    Blocked,
    /// Documents still to be seen.
    Checking { ticked: usize, total: usize },
    /// Every document seen and nothing blocks: 受付可.
    Acceptable,
}

/// One citizen's visit as the form and checklist hold it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CounterSession {
    pub cert_issue: bool,
    pub pin_reset: bool,
    pub applicant: Option<ApplicantKind>,
    pub visit_date: String,
    pub birth_date: String,
    pub cert_expiry: String,
    pub card_expiry: String,
    pub cert_revoked: bool,
    pub has_inquiry_form: bool,
    pub pins_known: bool,
    pub pin_locked: bool,
    pub domicile_in_city: bool,
    pub same_household_parent: bool,
    /// For the three-step route: which visit this is.
    pub visit: VisitNumber,
    ticks: BTreeSet<(VisitNumber, DocumentId)>,
}

impl CounterSession {
    /// A blank visit on `today`.
    pub fn new(today: NaiveDate) -> CounterSession {
        CounterSession {
            cert_issue: false,
            pin_reset: false,
            applicant: None,
            visit_date: crate::dates::format_iso(today),
            birth_date: String::new(),
            cert_expiry: String::new(),
            card_expiry: String::new(),
            cert_revoked: false,
            has_inquiry_form: false,
            pins_known: true,
            pin_locked: false,
            domicile_in_city: false,
            same_household_parent: false,
            visit: VisitNumber::First,
            ticks: BTreeSet::new(),
        }
    }

    /// The form filled in from a case file (for training and demonstrations).
    pub fn from_case(case: &Case) -> CounterSession {
        let iso = |date: Option<NaiveDate>| date.map(crate::dates::format_iso).unwrap_or_default();
        let mut session = CounterSession::new(case.today());
        session.cert_issue = case.requests(ProcedureKind::CertIssue);
        session.pin_reset = case.requests(ProcedureKind::PinReset);
        session.applicant = Some(case.applicant);
        session.birth_date = iso(case.birth_date());
        session.cert_expiry = iso(case.cert_expiry());
        session.card_expiry = iso(case.card_expiry());
        session.cert_revoked = case.cert_revoked;
        session.has_inquiry_form = case.has_inquiry_form;
        session.pins_known = case.pins_known;
        session.pin_locked = case.pin_locked;
        session.domicile_in_city = case.domicile_in_city;
        session.same_household_parent = case.same_household_parent;
        session
    }

    /// 次の方: forget everything about this citizen.
    pub fn next_citizen(&mut self, today: NaiveDate) {
        *self = CounterSession::new(today);
    }

    pub fn text(&self, field: DateField) -> &str {
        match field {
            DateField::Visit => &self.visit_date,
            DateField::Birth => &self.birth_date,
            DateField::CertExpiry => &self.cert_expiry,
            DateField::CardExpiry => &self.card_expiry,
        }
    }

    pub fn text_mut(&mut self, field: DateField) -> &mut String {
        match field {
            DateField::Visit => &mut self.visit_date,
            DateField::Birth => &mut self.birth_date,
            DateField::CertExpiry => &mut self.cert_expiry,
            DateField::CardExpiry => &mut self.card_expiry,
        }
    }

    pub fn answer(&self, question: Question) -> bool {
        match question {
            Question::CertRevoked => self.cert_revoked,
            Question::HasInquiryForm => self.has_inquiry_form,
            Question::PinsKnown => self.pins_known,
            Question::PinLocked => self.pin_locked,
            Question::DomicileInCity => self.domicile_in_city,
            Question::SameHouseholdParent => self.same_household_parent,
        }
    }

    pub fn answer_mut(&mut self, question: Question) -> &mut bool {
        match question {
            Question::CertRevoked => &mut self.cert_revoked,
            Question::HasInquiryForm => &mut self.has_inquiry_form,
            Question::PinsKnown => &mut self.pins_known,
            Question::PinLocked => &mut self.pin_locked,
            Question::DomicileInCity => &mut self.domicile_in_city,
            Question::SameHouseholdParent => &mut self.same_household_parent,
        }
    }

    pub fn procedures(&self) -> Vec<ProcedureKind> {
        let mut procedures = Vec::new();
        if self.cert_issue {
            procedures.push(ProcedureKind::CertIssue);
        }
        if self.pin_reset {
            procedures.push(ProcedureKind::PinReset);
        }
        procedures
    }

    pub fn toggle_procedure(&mut self, procedure: ProcedureKind) {
        match procedure {
            ProcedureKind::CertIssue => self.cert_issue = !self.cert_issue,
            ProcedureKind::PinReset => self.pin_reset = !self.pin_reset,
        }
    }

    /// The date typed in a field: `Ok(None)` when empty.
    pub fn date(&self, field: DateField) -> Result<Option<NaiveDate>, String> {
        let text = self.text(field).trim();
        if text.is_empty() {
            return if field == DateField::Visit {
                Err("来庁日を入力してください".to_string())
            } else {
                Ok(None)
            };
        }
        parse_date(text).map(Some).map_err(|e| e.to_string())
    }

    /// The message shown beside a field, if its value cannot be used.
    pub fn field_problem(&self, field: DateField) -> Option<String> {
        let date = match self.date(field) {
            Err(message) => return Some(message),
            Ok(date) => date?,
        };
        let birth = self.date(DateField::Birth).ok().flatten();
        let visit = self.date(DateField::Visit).ok().flatten();
        match field {
            DateField::Birth if visit.is_some_and(|v| date > v) => {
                Some("生年月日が来庁日より後になっています".to_string())
            }
            DateField::CertExpiry | DateField::CardExpiry if birth.is_some_and(|b| date < b) => {
                Some("有効期限が生年月日より前になっています".to_string())
            }
            _ => None,
        }
    }

    /// `2026年11月25日（令和8年11月25日）` and, for the birth date, the age on the visit date.
    pub fn echo(&self, field: DateField) -> Option<String> {
        let date = self.date(field).ok().flatten()?;
        let mut echo = format_both(date);
        if field == DateField::Birth
            && let Some(age) = self
                .date(DateField::Visit)
                .ok()
                .flatten()
                .and_then(|visit| age_on(date, visit))
        {
            echo.push_str(&format!("・{age}歳"));
        }
        Some(echo)
    }

    /// The case, once procedure and applicant are chosen and every date can be used.
    pub fn case(&self) -> Result<Case, String> {
        let procedures = self.procedures();
        if procedures.is_empty() {
            return Err("手続きを選んでください".to_string());
        }
        let Some(applicant) = self.applicant else {
            return Err("手続きする人を選んでください".to_string());
        };
        if let Some(field) = DateField::ALL
            .into_iter()
            .find(|f| self.field_problem(*f).is_some())
        {
            return Err(format!("{}を確認してください", field.label()));
        }
        let date = |field| self.date(field).ok().flatten().map(CaseDate);
        let today = self
            .date(DateField::Visit)
            .ok()
            .flatten()
            .ok_or_else(|| "来庁日を入力してください".to_string())?;
        let mut case = Case::new(today, procedures, applicant);
        case.birth_date = date(DateField::Birth);
        case.cert_expiry = date(DateField::CertExpiry);
        case.card_expiry = date(DateField::CardExpiry);
        case.cert_revoked = self.cert_revoked;
        case.has_inquiry_form = self.has_inquiry_form;
        case.pins_known = self.pins_known;
        case.pin_locked = self.pin_locked;
        case.domicile_in_city = self.domicile_in_city;
        case.same_household_parent = self.same_household_parent;
        Ok(case)
    }

    /// The evaluation of the case, or why there is none yet.
    pub fn evaluation(&self, model: &ProcedureModel) -> Result<Evaluation, String> {
        self.case().map(|case| evaluate(model, &case))
    }

    /// The questions the chosen procedures and applicant depend on, in a fixed order.
    pub fn questions(&self, model: &ProcedureModel) -> Vec<Question> {
        let Some(applicant) = self.applicant else {
            return Vec::new();
        };
        let procedures = self.procedures();
        let mut questions = BTreeSet::new();
        if self.cert_issue {
            questions.insert(Question::CertRevoked);
        }
        for route in model
            .routes
            .iter()
            .filter(|r| r.applicant == applicant && procedures.contains(&r.procedure))
        {
            if let Some(when) = &route.when {
                Question::of(when, &mut questions);
            }
            let mut visits = vec![route.flow.first_visit()];
            visits.extend(route.flow.second_visit());
            for need in visits.iter().flat_map(|v| &v.documents) {
                if let Some(when) = &need.when {
                    Question::of(when, &mut questions);
                }
                for exemption in need.exempt_if.iter().filter_map(|id| model.exemption(id)) {
                    Question::of(&exemption.when, &mut questions);
                }
            }
        }
        questions.into_iter().collect()
    }

    /// The visit the checklist shows: the second only on the three-step route.
    pub fn shown_visit(&self, evaluation: &Evaluation) -> VisitNumber {
        if evaluation.same_day {
            VisitNumber::First
        } else {
            self.visit
        }
    }

    /// The documents of the visit being checked.
    pub fn checklist<'e>(&self, evaluation: &'e Evaluation) -> Vec<&'e Requirement> {
        evaluation
            .requirements_for(self.shown_visit(evaluation))
            .collect()
    }

    pub fn is_ticked(&self, visit: VisitNumber, document: &DocumentId) -> bool {
        self.ticks.contains(&(visit, document.clone()))
    }

    pub fn set_tick(&mut self, visit: VisitNumber, document: &DocumentId, ticked: bool) {
        let key = (visit, document.clone());
        if ticked {
            self.ticks.insert(key);
        } else {
            self.ticks.remove(&key);
        }
    }

    /// Drops the ticks of documents no longer asked for; the others stay.
    pub fn keep_ticks_of(&mut self, evaluation: &Evaluation) {
        self.ticks.retain(|(visit, document)| {
            evaluation
                .requirements
                .iter()
                .any(|r| r.visit == *visit && &r.document == document)
        });
    }

    /// Ids ticked for the shown visit, in checklist order.
    pub fn presented(&self, evaluation: &Evaluation) -> Vec<DocumentId> {
        let visit = self.shown_visit(evaluation);
        self.checklist(evaluation)
            .into_iter()
            .filter(|r| self.is_ticked(visit, &r.document))
            .map(|r| r.document.clone())
            .collect()
    }

    /// 受付可 only when the case is complete, nothing blocks and every item is ticked.
    pub fn status(&self, evaluation: &Result<Evaluation, String>) -> CounterStatus {
        let evaluation = match evaluation {
            Err(reason) => return CounterStatus::NotReady(reason.clone()),
            Ok(evaluation) => evaluation,
        };
        if !evaluation.is_unblocked() {
            return CounterStatus::Blocked;
        }
        let visit = self.shown_visit(evaluation);
        let list = self.checklist(evaluation);
        let ticked = list
            .iter()
            .filter(|r| self.is_ticked(visit, &r.document))
            .count();
        if ticked == list.len() {
            CounterStatus::Acceptable
        } else {
            CounterStatus::Checking {
                ticked,
                total: list.len(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
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

    #[test]
    fn nothing_is_evaluated_before_procedure_and_applicant_are_chosen() {
        let mut session = CounterSession::new(today());
        let model = model();
        assert_eq!(
            session.status(&session.evaluation(&model)),
            CounterStatus::NotReady("手続きを選んでください".into())
        );
        session.cert_issue = true;
        assert!(matches!(
            session.status(&session.evaluation(&model)),
            CounterStatus::NotReady(_)
        ));
    }

    #[test]
    fn acceptable_only_when_every_document_is_ticked() {
        let model = model();
        let mut session = principal_renewal();
        session.pins_known = false;
        let evaluation = session.evaluation(&model).unwrap();
        assert_eq!(
            session.status(&Ok(evaluation.clone())),
            CounterStatus::Checking {
                ticked: 0,
                total: 2
            }
        );
        session.set_tick(VisitNumber::First, &DocumentId("card".into()), true);
        assert_eq!(
            session.status(&Ok(evaluation.clone())),
            CounterStatus::Checking {
                ticked: 1,
                total: 2
            }
        );
        session.set_tick(
            VisitNumber::First,
            &DocumentId("principal_secondary_id".into()),
            true,
        );
        assert_eq!(session.status(&Ok(evaluation)), CounterStatus::Acceptable);
    }

    #[test]
    fn a_blocked_case_is_never_acceptable() {
        let model = model();
        let mut session = principal_renewal();
        session.card_expiry = "2026-11-24".into();
        session.set_tick(VisitNumber::First, &DocumentId("card".into()), true);
        assert_eq!(
            session.status(&session.evaluation(&model)),
            CounterStatus::Blocked
        );
    }

    #[test]
    fn changing_an_answer_keeps_ticks_still_required() {
        let model = model();
        let mut session = principal_renewal();
        session.pins_known = false;
        let card = DocumentId("card".into());
        let second = DocumentId("principal_secondary_id".into());
        session.set_tick(VisitNumber::First, &card, true);
        session.set_tick(VisitNumber::First, &second, true);
        session.pins_known = true;
        session.keep_ticks_of(&session.evaluation(&model).unwrap());
        assert!(session.is_ticked(VisitNumber::First, &card));
        assert!(!session.is_ticked(VisitNumber::First, &second));
    }

    #[test]
    fn a_case_file_fills_the_form_back_to_the_same_case() {
        let mut case = principal_renewal().case().unwrap();
        case.birth_date = Some(CaseDate(NaiveDate::from_ymd_opt(1980, 6, 15).unwrap()));
        case.pin_locked = true;
        assert_eq!(CounterSession::from_case(&case).case().unwrap(), case);
    }

    #[test]
    fn next_citizen_clears_everything() {
        let mut session = principal_renewal();
        session.birth_date = "S55.6.15".into();
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
                .contains("存在しない")
        );
        assert!(session.evaluation(&model).is_err());
        session.birth_date = "2027-01-01".into();
        assert!(
            session
                .field_problem(DateField::Birth)
                .unwrap()
                .contains("来庁日より後")
        );
        session.birth_date = "1980-01-01".into();
        assert!(session.evaluation(&model).is_ok());
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
            session.questions(&model),
            [Question::DomicileInCity, Question::SameHouseholdParent]
        );
        session.pin_reset = false;
        session.cert_issue = true;
        session.applicant = Some(ApplicantKind::Proxy);
        assert_eq!(
            session.questions(&model),
            [
                Question::CertRevoked,
                Question::HasInquiryForm,
                Question::PinsKnown,
                Question::PinLocked
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
}
