//! The state of one citizen at the counter: the answers typed into the form and the ticks on
//! the checklist. Pure (no egui): the window draws it and forwards what staff do. What the
//! answers come to (the checklist, which visit is shown, 受付可) is decided by the
//! [`guidance`](crate::guidance), never here.

use crate::case::{Answers, Case, CaseDate};
use crate::dates::{DateError, age_on, format_both, format_iso, parse_date};
use crate::engine::{Evaluation, VisitNumber, evaluate};
use crate::model::{ApplicantKind, DocumentId, ProcedureKind, ProcedureModel, Question};
use chrono::NaiveDate;
use std::collections::BTreeSet;

/// The date fields of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
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

    fn index(self) -> usize {
        self as usize
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
    #[error("{}を確認してください（{}）", .0.label(), .1)]
    Field(DateField, FieldProblem),
}

/// A date field: what is being typed, and what was there when the field was last left. Only
/// the latter is read, so a half-typed date never changes what the window shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct DateEntry {
    typed: String,
    committed: String,
}

/// One citizen's visit as the form and checklist hold it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CounterSession {
    procedures: BTreeSet<ProcedureKind>,
    pub applicant: Option<ApplicantKind>,
    dates: [DateEntry; 4],
    /// Answers staff gave; a question not answered is open (see [`CounterSession::case`]).
    answers: Answers,
    /// For the three-step route: which visit this is.
    pub visit: VisitNumber,
    ticks: BTreeSet<(VisitNumber, DocumentId)>,
    /// Staff saw on the card's face that the card outlives the certificate: the certificate
    /// expiry it was seen against (a changed expiry asks again).
    card_outlives: Option<NaiveDate>,
}

impl CounterSession {
    /// A blank visit on `today`.
    pub fn new(today: NaiveDate) -> CounterSession {
        let mut dates: [DateEntry; 4] = Default::default();
        let visit = format_iso(today);
        dates[DateField::Visit.index()] = DateEntry {
            typed: visit.clone(),
            committed: visit,
        };
        CounterSession {
            procedures: BTreeSet::new(),
            applicant: None,
            dates,
            answers: Answers::default(),
            visit: VisitNumber::First,
            ticks: BTreeSet::new(),
            card_outlives: None,
        }
    }

    /// The form filled in from a case file (for training and demonstrations).
    pub fn from_case(case: &Case) -> CounterSession {
        let iso = |date: Option<NaiveDate>| date.map(format_iso).unwrap_or_default();
        let mut session = CounterSession::new(case.today());
        session.procedures = case.procedures.iter().copied().collect();
        session.applicant = Some(case.applicant);
        for (field, date) in [
            (DateField::Birth, case.birth_date()),
            (DateField::CertExpiry, case.cert_expiry()),
            (DateField::CardExpiry, case.card_expiry()),
        ] {
            session.set_date_text(field, &iso(date));
            session.commit_date(field);
        }
        session.answers = case.answers.clone();
        session
    }

    /// Nothing about a citizen has been entered (the visit date aside): 次の方 needs no
    /// second thought.
    pub fn is_blank(&self) -> bool {
        let mut blank = CounterSession::new(NaiveDate::default());
        blank.dates[DateField::Visit.index()] = self.dates[DateField::Visit.index()].clone();
        *self == blank
    }

    pub fn procedures(&self) -> Vec<ProcedureKind> {
        self.procedures.iter().copied().collect()
    }

    pub fn requests(&self, procedure: ProcedureKind) -> bool {
        self.procedures.contains(&procedure)
    }

    pub fn toggle_procedure(&mut self, procedure: ProcedureKind) {
        if !self.procedures.remove(&procedure) {
            self.procedures.insert(procedure);
        }
    }

    /// What is typed in a date field (not yet read until the field is left).
    pub fn text(&self, field: DateField) -> &str {
        &self.dates[field.index()].typed
    }

    pub fn set_date_text(&mut self, field: DateField, text: &str) {
        self.dates[field.index()].typed = text.to_string();
    }

    /// The field was left (Tab, Enter, a click elsewhere): its text is read from now on.
    /// Gives whether that changed anything.
    pub fn commit_date(&mut self, field: DateField) -> bool {
        let entry = &mut self.dates[field.index()];
        let changed = entry.committed != entry.typed;
        entry.committed = entry.typed.clone();
        if changed && matches!(field, DateField::CertExpiry | DateField::CardExpiry) {
            // What was seen on the card was seen against the dates as they were: a changed
            // date (even one changed back) asks again.
            self.card_outlives = None;
        }
        changed
    }

    /// Every field left at once (before printing, say). Gives whether anything changed.
    pub fn commit_all_dates(&mut self) -> bool {
        let mut changed = false;
        for field in DateField::ALL {
            changed |= self.commit_date(field);
        }
        changed
    }

    /// Whether 「カード表面の有効期限は電子証明書より後」 can be asked: the certificate's
    /// expiry is known and not past on the visit date (after it, the card's own date is
    /// needed), and the card's own date is not typed. Gives that expiry.
    pub fn card_outlives_question(&self) -> Option<NaiveDate> {
        let cert = self.date(DateField::CertExpiry).ok().flatten()?;
        let visit = self.date(DateField::Visit).ok().flatten()?;
        let card_typed = !self.dates[DateField::CardExpiry.index()]
            .committed
            .trim()
            .is_empty();
        (cert >= visit && !card_typed).then_some(cert)
    }

    /// Staff saw on the card's face that its expiry falls after the certificate's (or take
    /// that back): with it, the card's date need not be typed.
    pub fn set_card_outlives_cert(&mut self, seen: bool) {
        self.card_outlives = self.card_outlives_question().filter(|_| seen);
    }

    /// Whether staff saw that the card outlives the certificate as it stands now.
    pub fn card_outlives_cert(&self) -> bool {
        self.card_outlives.is_some() && self.card_outlives == self.card_outlives_question()
    }

    /// The answer given to a question, `None` while it is open.
    pub fn given_answer(&self, id: &str) -> Option<bool> {
        self.answers.given(id)
    }

    /// The answer a decision takes: given, or the model's default.
    pub fn answer(&self, model: &ProcedureModel, id: &str) -> bool {
        self.answers.get(model, id)
    }

    /// Answers a question (`None` opens it again). A question that stands for a document
    /// (`confirms` in the model: answering yes is having seen it) ticks or unticks it too, so
    /// staff confirm it once.
    pub fn set_answer(&mut self, model: &ProcedureModel, id: &str, answer: Option<bool>) {
        self.answers.set_given(id, answer);
        if let Some(document) = model.question(id).and_then(|q| q.confirms.as_ref()) {
            self.set_tick(VisitNumber::First, document, answer == Some(true));
        }
    }

    /// Ticks or unticks a document; a document a question stands for answers that question.
    pub fn tick(
        &mut self,
        model: &ProcedureModel,
        visit: VisitNumber,
        document: &DocumentId,
        ticked: bool,
    ) {
        self.set_tick(visit, document, ticked);
        if visit == VisitNumber::First
            && let Some(question) = model
                .questions
                .iter()
                .find(|q| q.confirms.as_ref() == Some(document))
        {
            self.answers.set_given(&question.id, Some(ticked));
        }
    }

    /// The date typed in a field: `Ok(None)` when empty.
    pub fn date(&self, field: DateField) -> Result<Option<NaiveDate>, FieldProblem> {
        let text = self.dates[field.index()].committed.trim();
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

    /// The case, once procedure and applicant are chosen and every date can be used. The
    /// questions the form asks that decide a document and are not answered yet are open: a
    /// decision that reads one waits for it.
    pub fn case(&self, model: &ProcedureModel) -> Result<Case, NotReady> {
        let procedures = self.procedures();
        if procedures.is_empty() {
            return Err(NotReady::NoProcedure);
        }
        let Some(applicant) = self.applicant else {
            return Err(NotReady::NoApplicant);
        };
        if let Some((field, problem)) = DateField::ALL
            .into_iter()
            .find_map(|f| self.field_problem(f).map(|p| (f, p)))
        {
            return Err(NotReady::Field(field, problem));
        }
        let date = |field| self.date(field).ok().flatten();
        let today = date(DateField::Visit)
            .ok_or(NotReady::Field(DateField::Visit, FieldProblem::NoVisitDate))?;
        let mut case = Case::new(today, procedures, applicant);
        case.birth_date = date(DateField::Birth).map(CaseDate);
        case.cert_expiry = date(DateField::CertExpiry).map(CaseDate);
        case.card_expiry = date(DateField::CardExpiry).map(CaseDate);
        case.answers = self.answers.clone();
        case.card_outlives_cert = self.card_outlives_cert();
        let deciding = document_questions(model);
        case.open_questions = self
            .questions(model)
            .into_iter()
            .filter(|q| deciding.contains(&q.id.as_str()) && self.given_answer(&q.id).is_none())
            .map(|q| q.id.clone())
            .collect();
        Ok(case)
    }

    /// The evaluation of the case, or why there is none yet.
    pub fn evaluation(&self, model: &ProcedureModel) -> Result<Evaluation, NotReady> {
        self.case(model).map(|case| evaluate(model, &case))
    }

    /// The questions the chosen procedures and applicant depend on, in the model's order:
    /// those read by their routes (when, documents, exemptions), blockers, warnings, staff
    /// prompts and the convenience-store line.
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
            route_reads(model, route, &mut read);
        }
        let asked = |kinds: &[ProcedureKind]| kinds.iter().any(|p| procedures.contains(p));
        let stops = |when: &crate::model::Condition| when.may_hold_for(applicant);
        for blocker in model
            .blockers
            .iter()
            .filter(|b| asked(&b.procedures) && stops(&b.when))
        {
            blocker.when.answers_read(&mut read);
        }
        for warning in model
            .warnings
            .iter()
            .filter(|w| asked(&w.procedures) && stops(&w.when))
        {
            warning.when.answers_read(&mut read);
        }
        if let Some(store) = &model.convenience_store {
            store.when.answers_read(&mut read);
        }
        model
            .questions
            .iter()
            .filter(|q| read.contains(&q.id))
            .collect()
    }

    pub fn is_ticked(&self, visit: VisitNumber, document: &DocumentId) -> bool {
        self.ticks.contains(&(visit, document.clone()))
    }

    fn set_tick(&mut self, visit: VisitNumber, document: &DocumentId, ticked: bool) {
        let key = (visit, document.clone());
        if ticked {
            self.ticks.insert(key);
        } else {
            self.ticks.remove(&key);
        }
    }

    /// The documents ticked at a visit.
    pub fn ticked_at(&self, visit: VisitNumber) -> Vec<DocumentId> {
        self.ticks
            .iter()
            .filter(|(v, _)| *v == visit)
            .map(|(_, d)| d.clone())
            .collect()
    }

    /// Drops the ticks of documents no longer asked for or to be confirmed; the others stay.
    pub fn keep_ticks_of(&mut self, evaluation: &Evaluation) {
        self.ticks.retain(|(visit, document)| {
            evaluation
                .requirements
                .iter()
                .any(|r| r.visit == *visit && &r.document == document)
                || evaluation
                    .outcomes
                    .iter()
                    .flat_map(|o| &o.to_confirm)
                    .any(|(v, d, _)| v == visit && d == document)
        });
    }
}

/// The answers a route reads: its `when`, its documents' conditions and exemptions, its
/// staff prompts.
fn route_reads(model: &ProcedureModel, route: &crate::model::Route, read: &mut Vec<String>) {
    if let Some(when) = &route.when {
        when.answers_read(read);
    }
    for need in route.flow.visits().flat_map(|v| &v.documents) {
        if let Some(when) = &need.when {
            when.answers_read(read);
        }
        for exemption in need.exempt_if.iter().filter_map(|id| model.exemption(id)) {
            exemption.when.answers_read(read);
        }
    }
    for prompt in &route.staff_prompts {
        prompt.when.answers_read(read);
    }
}

/// The questions whose answer decides whether a document is asked for (a need's condition or
/// an exemption reads it), or that stand for a document: the counter asks these before it
/// decides, rather than take their defaults.
pub fn document_questions(model: &ProcedureModel) -> Vec<&str> {
    let mut read: Vec<String> = Vec::new();
    for need in model
        .routes
        .iter()
        .flat_map(|r| r.flow.visits())
        .flat_map(|v| &v.documents)
    {
        if let Some(when) = &need.when {
            when.answers_read(&mut read);
        }
    }
    for exemption in &model.exemptions {
        exemption.when.answers_read(&mut read);
    }
    model
        .questions
        .iter()
        .filter(|q| read.contains(&q.id) || q.confirms.is_some())
        .map(|q| q.id.as_str())
        .collect()
}

#[cfg(test)]
mod tests;
