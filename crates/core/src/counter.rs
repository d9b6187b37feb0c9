//! The state of one citizen at the counter: the answers typed into the form and the ticks on
//! the checklist. Pure (no egui): the window draws it and forwards what staff do.

use crate::case::{Answers, Case, CaseDate};
use crate::dates::{DateError, age_on, format_both, format_iso, parse_date};
use crate::engine::{Evaluation, Outcome, Requirement, VisitNumber, evaluate};
use crate::model::{ApplicantKind, DocumentId, ProcedureKind, ProcedureModel, Question};
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

/// Why the value of a date field cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FieldProblem {
    #[error("{0}")]
    Unreadable(DateError),
    #[error("来庁日を入力してください")]
    NoVisitDate,
    #[error("生年月日が来庁日より後になっています")]
    BirthAfterVisit,
    #[error("有効期限が生年月日より前になっています")]
    ExpiryBeforeBirth,
}

/// What the form still lacks before anything can be evaluated.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NotReady {
    #[error("手続きを選んでください")]
    NoProcedure,
    #[error("手続きする人を選んでください")]
    NoApplicant,
    #[error("{}を確認してください", .0.label())]
    Field(DateField),
}

/// Where one procedure stands at the counter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProcedureStatus {
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
    /// Answers staff gave; unanswered questions take the model's default.
    pub answers: Answers,
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
            visit_date: format_iso(today),
            birth_date: String::new(),
            cert_expiry: String::new(),
            card_expiry: String::new(),
            answers: Answers::default(),
            visit: VisitNumber::First,
            ticks: BTreeSet::new(),
        }
    }

    /// The form filled in from a case file (for training and demonstrations).
    pub fn from_case(case: &Case) -> CounterSession {
        let iso = |date: Option<NaiveDate>| date.map(format_iso).unwrap_or_default();
        let mut session = CounterSession::new(case.today());
        session.cert_issue = case.requests(ProcedureKind::CertIssue);
        session.pin_reset = case.requests(ProcedureKind::PinReset);
        session.applicant = Some(case.applicant);
        session.birth_date = iso(case.birth_date());
        session.cert_expiry = iso(case.cert_expiry());
        session.card_expiry = iso(case.card_expiry());
        session.answers = case.answers.clone();
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

    /// The answer to a question: given, or the model's default.
    pub fn answer(&self, model: &ProcedureModel, id: &str) -> bool {
        self.answers.get(model, id)
    }

    pub fn set_answer(&mut self, id: &str, value: bool) {
        self.answers.set(id, value);
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

    pub fn procedure_mut(&mut self, procedure: ProcedureKind) -> &mut bool {
        match procedure {
            ProcedureKind::CertIssue => &mut self.cert_issue,
            ProcedureKind::PinReset => &mut self.pin_reset,
        }
    }

    pub fn toggle_procedure(&mut self, procedure: ProcedureKind) {
        let chosen = self.procedure_mut(procedure);
        *chosen = !*chosen;
    }

    /// The date typed in a field: `Ok(None)` when empty.
    pub fn date(&self, field: DateField) -> Result<Option<NaiveDate>, FieldProblem> {
        let text = self.text(field).trim();
        if text.is_empty() {
            return if field == DateField::Visit {
                Err(FieldProblem::NoVisitDate)
            } else {
                Ok(None)
            };
        }
        parse_date(text).map(Some).map_err(FieldProblem::Unreadable)
    }

    /// Why the value of a field cannot be used, if it cannot.
    pub fn field_problem(&self, field: DateField) -> Option<FieldProblem> {
        let date = match self.date(field) {
            Err(problem) => return Some(problem),
            Ok(date) => date?,
        };
        let birth = self.date(DateField::Birth).ok().flatten();
        let visit = self.date(DateField::Visit).ok().flatten();
        match field {
            DateField::Birth if visit.is_some_and(|v| date > v) => {
                Some(FieldProblem::BirthAfterVisit)
            }
            DateField::CertExpiry | DateField::CardExpiry if birth.is_some_and(|b| date < b) => {
                Some(FieldProblem::ExpiryBeforeBirth)
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
    pub fn case(&self) -> Result<Case, NotReady> {
        let procedures = self.procedures();
        if procedures.is_empty() {
            return Err(NotReady::NoProcedure);
        }
        let Some(applicant) = self.applicant else {
            return Err(NotReady::NoApplicant);
        };
        if let Some(field) = DateField::ALL
            .into_iter()
            .find(|f| self.field_problem(*f).is_some())
        {
            return Err(NotReady::Field(field));
        }
        let date = |field| self.date(field).ok().flatten();
        let today = date(DateField::Visit).ok_or(NotReady::Field(DateField::Visit))?;
        let mut case = Case::new(today, procedures, applicant);
        case.birth_date = date(DateField::Birth).map(CaseDate);
        case.cert_expiry = date(DateField::CertExpiry).map(CaseDate);
        case.card_expiry = date(DateField::CardExpiry).map(CaseDate);
        case.answers = self.answers.clone();
        Ok(case)
    }

    /// The evaluation of the case, or why there is none yet.
    pub fn evaluation(&self, model: &ProcedureModel) -> Result<Evaluation, NotReady> {
        self.case().map(|case| evaluate(model, &case))
    }

    /// The questions the chosen procedures and applicant depend on, in the model's order:
    /// those read by their routes (when, documents, exemptions), blockers and warnings.
    pub fn questions<'m>(&self, model: &'m ProcedureModel) -> Vec<&'m Question> {
        let Some(applicant) = self.applicant else {
            return Vec::new();
        };
        let procedures = self.procedures();
        let mut read: Vec<String> = Vec::new();
        for route in model
            .routes
            .iter()
            .filter(|r| r.applicant == applicant && procedures.contains(&r.procedure))
        {
            if let Some(when) = &route.when {
                when.answers_read(&mut read);
            }
            for need in route.flow.visits().flat_map(|v| &v.documents) {
                if let Some(when) = &need.when {
                    when.answers_read(&mut read);
                }
                for exemption in need.exempt_if.iter().filter_map(|id| model.exemption(id)) {
                    exemption.when.answers_read(&mut read);
                }
            }
        }
        let asked = |kinds: &[ProcedureKind]| kinds.iter().any(|p| procedures.contains(p));
        for blocker in model.blockers.iter().filter(|b| asked(&b.procedures)) {
            blocker.when.answers_read(&mut read);
        }
        for warning in model.warnings.iter().filter(|w| asked(&w.procedures)) {
            warning.when.answers_read(&mut read);
        }
        model
            .questions
            .iter()
            .filter(|q| read.contains(&q.id))
            .collect()
    }

    /// The visit the checklist shows: the second only when a three-step route goes ahead.
    pub fn shown_visit(&self, evaluation: &Evaluation) -> VisitNumber {
        if evaluation.going_ahead().any(|o| !o.same_day) {
            self.visit
        } else {
            VisitNumber::First
        }
    }

    /// The documents of the visit being checked, for the procedures that can go ahead.
    pub fn checklist<'e>(&self, evaluation: &'e Evaluation) -> Vec<&'e Requirement> {
        let visit = self.shown_visit(evaluation);
        let going: Vec<&Outcome> = evaluation.going_ahead().collect();
        evaluation
            .requirements_for(visit)
            .filter(|r| going.iter().any(|o| o.asks_for(visit, &r.document)))
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

    /// Where one procedure stands: 受付可 only when nothing blocks it and every document it
    /// asks for at this visit is ticked.
    pub fn procedure_status(&self, evaluation: &Evaluation, outcome: &Outcome) -> ProcedureStatus {
        if !outcome.goes_ahead() {
            return ProcedureStatus::Blocked;
        }
        let visit = if outcome.same_day {
            VisitNumber::First
        } else {
            self.shown_visit(evaluation)
        };
        let own = || outcome.needs.iter().filter(|(v, _)| *v == visit);
        let total = own().count();
        let ticked = own().filter(|(_, d)| self.is_ticked(visit, d)).count();
        if ticked == total {
            ProcedureStatus::Acceptable
        } else {
            ProcedureStatus::Checking { ticked, total }
        }
    }

    /// Every asked procedure with where it stands, in the order asked.
    pub fn statuses(&self, evaluation: &Evaluation) -> Vec<(ProcedureKind, ProcedureStatus)> {
        evaluation
            .outcomes
            .iter()
            .map(|o| (o.procedure, self.procedure_status(evaluation, o)))
            .collect()
    }
}

#[cfg(test)]
mod tests;
