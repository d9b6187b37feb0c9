//! The one guidance for a visit: built once from the model, the case, the evaluation and the
//! ticks, it holds everything the window, the sheet and the command line say — per asked
//! procedure its outcome, documents, notices and steps. The three views choose layout, never
//! words or conditions.

use crate::case::Case;
use crate::dates::{format_iso, format_wareki};
use crate::engine::{
    Evaluation, ExemptedDocument, Facts, Outcome, Requirement, UnknownDate, UnknownFact,
    VisitNumber,
};
use crate::language::{Language, Languages};
use crate::model::{DocumentId, Flow, ProcedureKind, ProcedureModel, Route, TextKey};
pub use crate::phrases::Phrase;
use chrono::{Datelike, NaiveDate};

/// Fills `{name}` slots.
fn fill(template: &str, slots: &[(&str, &str)]) -> String {
    slots
        .iter()
        .fold(template.to_string(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}

/// The words of the guidance in one language: its phrases, its texts for the model's
/// citizen texts, its way of writing a date.
#[derive(Clone, Copy)]
pub struct Wording<'a> {
    pub language: &'a Language,
    /// Where the keys of texts the language lacks are written down, when someone listens.
    missing: Option<&'a std::cell::RefCell<Vec<String>>>,
}

impl<'a> Wording<'a> {
    /// Japanese, as built in.
    pub fn source() -> Wording<'static> {
        Wording::new(Languages::embedded().source())
    }

    pub fn new(language: &'a Language) -> Wording<'a> {
        Wording {
            language,
            missing: None,
        }
    }

    pub fn phrase(&self, phrase: Phrase) -> &'a str {
        self.language.phrase(phrase)
    }

    pub fn fill(&self, phrase: Phrase, slots: &[(&str, &str)]) -> String {
        fill(self.phrase(phrase), slots)
    }

    /// A citizen text of the model in this language.
    /// A text the language lacks is never passed off as a translation: its key is written
    /// down ([`Guidance::missing_texts`]) and the Japanese stands in.
    pub fn text(&self, key: TextKey, japanese: &str) -> String {
        let key = key.to_string();
        match self.language.translation(&key) {
            Some(text) => text.to_string(),
            None if self.language.is_source() => japanese.to_string(),
            None => {
                if let Some(missing) = self.missing {
                    missing.borrow_mut().push(key);
                }
                japanese.to_string()
            }
        }
    }

    /// A date as this language writes it (`{year}`, `{month}`, `{day}`, `{month_name}`,
    /// `{wareki}` in the date phrase).
    pub fn date(&self, date: NaiveDate) -> String {
        let month_name = self
            .language
            .months
            .get(date.month0() as usize)
            .cloned()
            .unwrap_or_default();
        self.fill(
            Phrase::Date,
            &[
                ("year", &date.year().to_string()),
                ("month", &date.month().to_string()),
                ("day", &date.day().to_string()),
                ("month_name", &month_name),
                ("wareki", &format_wareki(date)),
            ],
        )
    }
}

/// Why a document is asked for: the route's title and the page's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Why {
    pub route_title: String,
    pub passage: String,
}

/// A document as people read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentLine {
    pub id: DocumentId,
    pub label: String,
    pub examples: Vec<String>,
    pub note: Option<String>,
    pub why: Vec<Why>,
    pub ticked: bool,
    /// Whether this document is needed depends on facts nobody has given yet: what to settle
    /// (staff's words). Listed, never taken as decided.
    pub to_confirm: Option<String>,
}

impl DocumentLine {
    /// `（例: 運転免許証・旅券）` or nothing.
    pub fn examples_text(&self, wording: &Wording<'_>) -> Option<String> {
        (!self.examples.is_empty()).then(|| {
            wording.fill(
                Phrase::Examples,
                &[(
                    "examples",
                    &self.examples.join(wording.phrase(Phrase::TitleSeparator)),
                )],
            )
        })
    }
}

/// A document not needed, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExemptedLine {
    pub label: String,
    pub reason: String,
}

/// A blocker or warning: its title, what staff say, what the citizen reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoticeText {
    /// In the citizen's language.
    pub title: String,
    /// In Japanese.
    pub title_for_staff: String,
    pub for_staff: String,
    pub for_citizen: Option<String>,
}

/// Where one procedure stands today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProcedureState {
    /// Done at this visit.
    SameDay,
    /// The three-step route; this is its first or second visit.
    ThreeStep(VisitNumber),
    /// Cannot be done today.
    Blocked,
}

/// Where one procedure stands at the counter, decided here once for the window, the sheet and
/// the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Cannot be done today.
    Refused,
    /// A date or an answer the decision needs is missing: what to give is in `to_settle`.
    Undecided,
    /// Documents of this visit still to be seen.
    Checking { ticked: usize, total: usize },
    /// 受付可: done today.
    AcceptedToday,
    /// 受付可 as the first visit of three steps: the forms are mailed, the proxy comes back.
    AcceptedFirstVisit,
    /// 受付可 at the second visit of three steps: the procedure is completed.
    AcceptedSecondVisit,
}

impl Status {
    /// 受付可, in any of its three kinds.
    pub fn accepted(self) -> bool {
        matches!(
            self,
            Status::AcceptedToday | Status::AcceptedFirstVisit | Status::AcceptedSecondVisit
        )
    }
}

/// One asked procedure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProcedureGuidance {
    pub procedure: ProcedureKind,
    pub title: String,
    pub short_title: String,
    pub route_title: String,
    pub state: ProcedureState,
    /// Where it stands now, given the ticks and the facts.
    pub status: Status,
    /// Facts to give before it can be decided (staff's words: `電子証明書の有効期限`).
    pub to_settle: Vec<String>,
    /// The state in words, whatever has been ticked (`即日で手続きできます`).
    pub state_text: String,
    /// Its documents at this visit (when it goes ahead), with the ticks.
    pub documents: Vec<DocumentLine>,
    /// What the citizen reads about the result: done, missing documents, or refused.
    pub verdict: String,
    pub blockers: Vec<NoticeText>,
    pub warnings: Vec<NoticeText>,
    /// For a blocked procedure the citizen may come back for: what to bring then.
    pub bring_next_time: Vec<DocumentLine>,
    pub staff_notes: Vec<String>,
    /// What staff are prompted to do (the route's prompts whose condition holds).
    pub staff_prompts: Vec<String>,
    pub citizen_notes: Vec<String>,
}

impl ProcedureGuidance {
    pub fn goes_ahead(&self) -> bool {
        self.state != ProcedureState::Blocked
    }

    /// Every document of this visit is ticked, nothing is left to settle, nothing refuses it.
    pub fn all_ticked(&self) -> bool {
        self.status.accepted()
    }
}

/// The three steps, in the page's words, with what to bring to the second visit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepsGuidance {
    pub route_title: String,
    pub apply: String,
    pub mailing: String,
    pub arrival: String,
    pub holder_task: String,
    pub come_back: String,
    pub second_visit_place: String,
    pub second_visit_documents: Vec<DocumentLine>,
}

/// The part of the sheet the counter keeps (always Japanese).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CounterCopy {
    pub date: String,
    pub procedures: Vec<String>,
    pub applicant: String,
    pub seen: Vec<String>,
}

/// Everything said about one visit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guidance {
    /// The visit whose documents are checked: the second only on a three-step route that goes
    /// ahead, when staff say so ([`shown_visit`]).
    pub visit: VisitNumber,
    pub title: String,
    pub basis: String,
    pub visit_date: String,
    /// `1回目の来庁：申請` on the three-step route.
    pub visit_stage: Option<String>,
    pub procedures_text: String,
    pub applicant: String,
    pub place: String,
    pub holder_age: Option<u32>,
    pub procedures: Vec<ProcedureGuidance>,
    /// The documents of this visit for the procedures that go ahead, with the ticks.
    pub checklist: Vec<DocumentLine>,
    pub exempted: Vec<ExemptedLine>,
    /// Documents of the checklist not yet ticked.
    pub missing: Vec<DocumentLine>,
    /// The three-step flow (first visit of a three-step route that goes ahead).
    pub steps: Option<StepsGuidance>,
    /// How to write the PINs (the 記入用紙 is mailed on the three-step route).
    pub pin_writing: Vec<String>,
    /// The 署名用 statement, the new expiry, the convenience-store option, route notes.
    pub certificate: Vec<String>,
    /// The 署名用 statement (when a certificate is issued today).
    pub signature: Option<String>,
    /// Dates the decisions needed but nobody typed: staff should check them.
    pub unknown_dates: Vec<String>,
    pub new_cert_expiry: Option<String>,
    pub contact: Vec<String>,
    pub counter_copy: CounterCopy,
    pub footer: String,
    /// Keys of citizen texts the sheet's language lacks (the Japanese stood in): a sheet with
    /// any is not handed out. `check` refuses such a language file, so this is empty unless the
    /// program asks for a text the model does not list.
    pub missing_texts: Vec<String>,
}

impl Guidance {
    /// Builds the guidance of a visit. `visit` is the visit being checked on the three-step
    /// route; `presented` the documents ticked at the counter.
    pub fn build(
        model: &ProcedureModel,
        case: &Case,
        evaluation: &Evaluation,
        visit: VisitNumber,
        presented: &[DocumentId],
    ) -> Guidance {
        Guidance::build_in(
            Languages::embedded().source(),
            model,
            case,
            evaluation,
            visit,
            presented,
        )
    }

    /// The same, with what the citizen reads in `language` (staff's words and the counter
    /// copy stay Japanese).
    pub fn build_in(
        language: &Language,
        model: &ProcedureModel,
        case: &Case,
        evaluation: &Evaluation,
        visit: VisitNumber,
        presented: &[DocumentId],
    ) -> Guidance {
        let missing = std::cell::RefCell::new(Vec::new());
        let builder = Builder {
            model,
            case,
            evaluation,
            facts: Facts::new(model, case),
            wording: Wording {
                language,
                missing: Some(&missing),
            },
            source: Wording::source(),
            visit: shown_visit(evaluation, visit),
            presented,
        };
        let mut guidance = builder.build();
        drop(builder);
        guidance.missing_texts = missing.into_inner();
        guidance.missing_texts.dedup();
        guidance
    }

    /// Every procedure that goes ahead.
    pub fn going_ahead(&self) -> impl Iterator<Item = &ProcedureGuidance> {
        self.procedures.iter().filter(|p| p.goes_ahead())
    }
}

/// Where a procedure stands: refused, waiting on facts, documents to see, or 受付可.
fn status_of(state: ProcedureState, outcome: &Outcome, documents: &[DocumentLine]) -> Status {
    if state == ProcedureState::Blocked {
        return Status::Refused;
    }
    if !outcome.undecided.is_empty() || documents.iter().any(|d| d.to_confirm.is_some()) {
        return Status::Undecided;
    }
    let ticked = documents.iter().filter(|d| d.ticked).count();
    if ticked < documents.len() {
        return Status::Checking {
            ticked,
            total: documents.len(),
        };
    }
    match state {
        ProcedureState::ThreeStep(VisitNumber::First) => Status::AcceptedFirstVisit,
        ProcedureState::ThreeStep(VisitNumber::Second) => Status::AcceptedSecondVisit,
        _ => Status::AcceptedToday,
    }
}

/// The visit whose documents are checked when staff say it is `requested`: the second only
/// when a three-step route goes ahead. The one place that decides it.
pub fn shown_visit(evaluation: &Evaluation, requested: VisitNumber) -> VisitNumber {
    if evaluation.going_ahead().any(|o| !o.same_day) {
        requested
    } else {
        VisitNumber::First
    }
}

/// The state in words, whatever has been ticked.
fn state_phrase(state: ProcedureState) -> Phrase {
    match state {
        ProcedureState::Blocked => Phrase::VerdictBlocked,
        ProcedureState::SameDay => Phrase::StateSameDay,
        ProcedureState::ThreeStep(VisitNumber::First) => Phrase::StateThreeStepFirst,
        ProcedureState::ThreeStep(VisitNumber::Second) => Phrase::StateThreeStepSecond,
    }
}

/// What the citizen reads about the result, given the ticks.
fn verdict_phrase(state: ProcedureState, status: Status) -> Phrase {
    if status == Status::Undecided {
        return Phrase::VerdictUndecided;
    }
    match (state, status.accepted()) {
        (ProcedureState::Blocked, _) => Phrase::VerdictBlocked,
        (ProcedureState::SameDay, true) => Phrase::VerdictSameDayDone,
        (ProcedureState::SameDay, false) => Phrase::VerdictSameDayMissing,
        (ProcedureState::ThreeStep(VisitNumber::First), true) => Phrase::VerdictFirstVisitDone,
        (ProcedureState::ThreeStep(VisitNumber::First), false) => Phrase::VerdictFirstVisitMissing,
        (ProcedureState::ThreeStep(VisitNumber::Second), true) => Phrase::VerdictSecondVisitDone,
        (ProcedureState::ThreeStep(VisitNumber::Second), false) => {
            Phrase::VerdictSecondVisitMissing
        }
    }
}

struct Builder<'a> {
    model: &'a ProcedureModel,
    case: &'a Case,
    evaluation: &'a Evaluation,
    facts: Facts<'a>,
    /// The citizen's language.
    wording: Wording<'a>,
    /// Japanese: staff's words and the counter copy.
    source: Wording<'static>,
    visit: VisitNumber,
    presented: &'a [DocumentId],
}

impl Builder<'_> {
    fn build(&self) -> Guidance {
        let model = self.model;
        let wording = &self.wording;
        let procedures: Vec<ProcedureGuidance> = self
            .evaluation
            .outcomes
            .iter()
            .filter_map(|o| self.procedure(o))
            .collect();
        let titles: Vec<&str> = procedures.iter().map(|p| p.title.as_str()).collect();
        let procedures_text = titles.join(wording.phrase(Phrase::TitleSeparator));
        let checklist = self.checklist(&procedures);
        let missing: Vec<DocumentLine> = checklist.iter().filter(|d| !d.ticked).cloned().collect();
        let steps = self.steps();
        let applicant_ja = model.applicant_label(self.case.applicant).to_string();
        let applicant = wording.text(TextKey::ApplicantLabel(self.case.applicant), &applicant_ja);
        Guidance {
            visit: self.visit,
            title: wording.fill(Phrase::Title, &[("procedures", &procedures_text)]),
            basis: wording.fill(
                Phrase::Basis,
                &[
                    (
                        "publisher",
                        &wording.text(TextKey::PagePublisher, &model.page.publisher),
                    ),
                    ("page", &wording.text(TextKey::PageTitle, &model.page.title)),
                    ("updated", &model.page.updated),
                ],
            ),
            visit_date: wording.date(self.case.today()),
            visit_stage: self.three_step_going_ahead().then(|| {
                wording
                    .phrase(match self.visit {
                        VisitNumber::First => Phrase::VisitFirst,
                        VisitNumber::Second => Phrase::VisitSecond,
                    })
                    .to_string()
            }),
            procedures_text,
            place: self.place(),
            holder_age: self.evaluation.holder_age,
            exempted: self.exempted(),
            pin_writing: if self.three_step_going_ahead() {
                self.pin_writing()
            } else {
                Vec::new()
            },
            certificate: self.certificate_lines(&procedures),
            signature: self.signature(),
            unknown_dates: self
                .evaluation
                .unknown_dates
                .iter()
                .map(|date| {
                    self.source
                        .phrase(match date {
                            UnknownDate::CertExpiry => Phrase::UnknownCertExpiry,
                            UnknownDate::CardExpiry => Phrase::UnknownCardExpiry,
                        })
                        .to_string()
                })
                .collect(),
            new_cert_expiry: self.new_cert_expiry(),
            contact: model
                .office
                .contact
                .iter()
                .enumerate()
                .map(|(i, line)| wording.text(TextKey::Contact(i), line))
                .collect(),
            counter_copy: CounterCopy {
                date: format_iso(self.case.today()),
                procedures: procedures.iter().map(|p| self.counter_line(p)).collect(),
                applicant: applicant_ja,
                seen: self
                    .evaluation
                    .requirements_for(self.visit)
                    .filter(|r| checklist.iter().any(|d| d.ticked && d.id == r.document))
                    .map(|r| r.label.clone())
                    .collect(),
            },
            applicant,
            steps,
            checklist,
            missing,
            procedures,
            footer: format!(
                "{}「{}」（{}）",
                model.page.publisher, model.page.title, model.page.updated
            ),
            missing_texts: Vec::new(),
        }
    }

    fn three_step_going_ahead(&self) -> bool {
        self.evaluation.going_ahead().any(|o| !o.same_day)
    }

    fn route(&self, outcome: &Outcome) -> Option<&Route> {
        self.model.route(&outcome.route)
    }

    /// The visit a procedure's documents are checked for.
    fn visit_of(&self, outcome: &Outcome) -> VisitNumber {
        if outcome.same_day {
            VisitNumber::First
        } else {
            self.visit
        }
    }

    fn document_line(&self, requirement: &Requirement) -> DocumentLine {
        let wording = &self.wording;
        DocumentLine {
            id: requirement.document.clone(),
            label: wording.text(requirement.label_key(), &requirement.label),
            examples: requirement
                .examples
                .iter()
                .map(|e| wording.text(TextKey::Example(e), e))
                .collect(),
            note: requirement
                .note
                .as_ref()
                .map(|n| wording.text(TextKey::DocumentNote(&requirement.document), n)),
            // The page's passages are Japanese: quoted on the Japanese sheet only.
            why: requirement
                .reasons
                .iter()
                .filter(|_| wording.language.is_source())
                .map(|r| Why {
                    route_title: self
                        .model
                        .route(&r.route)
                        .map_or(String::new(), |route| route.title.clone()),
                    passage: r.source.trim_start_matches('・').replace('\n', " "),
                })
                .collect(),
            ticked: requirement.visit == self.visit
                && self.presented.contains(&requirement.document),
            to_confirm: self.to_confirm(requirement.visit, &requirement.document),
        }
    }

    /// What to settle before a document's need is decided, if anything (staff's words).
    fn to_confirm(&self, visit: VisitNumber, document: &DocumentId) -> Option<String> {
        let mut facts: Vec<&UnknownFact> = self
            .evaluation
            .going_ahead()
            .flat_map(|o| &o.to_confirm)
            .filter(|(v, d, _)| *v == visit && d == document)
            .flat_map(|(_, _, facts)| facts)
            .collect();
        facts.sort();
        facts.dedup();
        (!facts.is_empty()).then(|| self.fact_names(facts.into_iter()))
    }

    /// The facts, as staff are asked to give them: `電子証明書の有効期限、「本人が…」`.
    fn fact_names<'f>(&self, facts: impl Iterator<Item = &'f UnknownFact>) -> String {
        let names: Vec<String> = facts
            .map(|fact| match fact {
                UnknownFact::Date(UnknownDate::CertExpiry) => {
                    self.source.phrase(Phrase::FactCertExpiry).to_string()
                }
                UnknownFact::Date(UnknownDate::CardExpiry) => {
                    self.source.phrase(Phrase::FactCardExpiry).to_string()
                }
                UnknownFact::Answer(id) => {
                    let label = self.model.question(id).map_or(id.as_str(), |q| &q.label);
                    format!("「{label}」")
                }
            })
            .collect();
        names.join(self.source.phrase(Phrase::ListSeparator))
    }

    /// A document the route may ask for once facts are given: listed to be confirmed.
    fn unconfirmed_line(&self, visit: VisitNumber, document: &DocumentId) -> DocumentLine {
        let wording = &self.wording;
        let info = self.model.document(document);
        DocumentLine {
            id: document.clone(),
            label: wording.text(
                TextKey::DocumentLabel(document),
                self.model.document_label(document),
            ),
            examples: info
                .map(|d| {
                    d.examples
                        .iter()
                        .map(|e| wording.text(TextKey::Example(e), e))
                        .collect()
                })
                .unwrap_or_default(),
            note: info
                .and_then(|d| d.note.as_ref())
                .map(|n| wording.text(TextKey::DocumentNote(document), n)),
            why: Vec::new(),
            ticked: visit == self.visit && self.presented.contains(document),
            to_confirm: self.to_confirm(visit, document),
        }
    }

    /// Fills `{window_start}` and `{age}`, the date written as `wording` writes dates.
    fn notice_slots(&self, wording: &Wording<'_>, template: &str) -> String {
        let window = self
            .evaluation
            .renewal_window_start
            .map_or_else(String::new, |d| wording.date(d));
        let age = self
            .evaluation
            .holder_age
            .map_or_else(String::new, |a| a.to_string());
        fill(template, &[("window_start", &window), ("age", &age)])
    }

    fn procedure(&self, outcome: &Outcome) -> Option<ProcedureGuidance> {
        let model = self.model;
        let info = model.procedure(outcome.procedure)?;
        let route = self.route(outcome)?;
        let visit = self.visit_of(outcome);
        let state = match (outcome.goes_ahead(), outcome.same_day) {
            (false, _) => ProcedureState::Blocked,
            (true, true) => ProcedureState::SameDay,
            (true, false) => ProcedureState::ThreeStep(visit),
        };
        let documents = self.documents_of(outcome, visit);
        let status = status_of(state, outcome, &documents);
        let to_settle: Vec<String> = outcome
            .undecided
            .iter()
            .chain(outcome.to_confirm.iter().flat_map(|(_, _, facts)| facts))
            .map(|fact| self.fact_names(std::iter::once(fact)))
            .fold(Vec::new(), |mut all, name| {
                if !all.contains(&name) {
                    all.push(name);
                }
                all
            });
        let state_text = if status == Status::Undecided {
            self.source.fill(
                Phrase::StateUndecided,
                &[(
                    "facts",
                    &to_settle.join(self.source.phrase(Phrase::ListSeparator)),
                )],
            )
        } else {
            self.source.phrase(state_phrase(state)).to_string()
        };
        Some(ProcedureGuidance {
            procedure: outcome.procedure,
            title: self
                .wording
                .text(TextKey::ProcedureTitle(outcome.procedure), &info.title),
            short_title: info.short_title.clone(),
            route_title: route.title.clone(),
            state,
            status,
            to_settle,
            state_text,
            verdict: self
                .wording
                .phrase(verdict_phrase(state, status))
                .to_string(),
            documents,
            blockers: self.blockers(outcome),
            warnings: self.warnings(outcome),
            bring_next_time: self.bring_next_time(outcome),
            staff_notes: if outcome.goes_ahead() {
                route.staff_notes.iter().map(|q| q.text.clone()).collect()
            } else {
                Vec::new()
            },
            staff_prompts: route
                .staff_prompts
                .iter()
                .filter(|p| self.facts.holds(&p.when))
                .map(|p| p.text.clone())
                .collect(),
            citizen_notes: if outcome.goes_ahead() {
                route
                    .citizen_notes
                    .iter()
                    .enumerate()
                    .map(|(i, q)| {
                        self.wording.text(
                            TextKey::CitizenNote {
                                route: &route.id,
                                index: i,
                            },
                            &q.text,
                        )
                    })
                    .collect()
            } else {
                Vec::new()
            },
        })
    }

    /// A procedure's documents at this visit when it goes ahead: those asked for, then those
    /// whose need waits on a fact nobody has given.
    fn documents_of(&self, outcome: &Outcome, visit: VisitNumber) -> Vec<DocumentLine> {
        if !outcome.goes_ahead() {
            return Vec::new();
        }
        let mut documents: Vec<DocumentLine> = self
            .evaluation
            .requirements_of(outcome, visit)
            .map(|r| self.document_line(r))
            .collect();
        for (v, document, _) in &outcome.to_confirm {
            if *v == visit && !documents.iter().any(|d| &d.id == document) {
                documents.push(self.unconfirmed_line(visit, document));
            }
        }
        documents
    }

    fn blockers(&self, outcome: &Outcome) -> Vec<NoticeText> {
        outcome
            .blockers
            .iter()
            .filter_map(|id| self.model.blocker(*id))
            .map(|b| {
                let wording = &self.wording;
                NoticeText {
                    title: wording.text(TextKey::BlockerTitle(b.id), &b.title),
                    title_for_staff: b.title.clone(),
                    for_staff: self.notice_slots(&self.source, &b.staff_text),
                    for_citizen: Some(self.notice_slots(
                        wording,
                        &wording.text(TextKey::BlockerCitizenText(b.id), &b.citizen_text),
                    )),
                }
            })
            .collect()
    }

    fn warnings(&self, outcome: &Outcome) -> Vec<NoticeText> {
        outcome
            .warnings
            .iter()
            .filter_map(|id| self.model.warning(*id))
            .map(|w| NoticeText {
                title: w.title.clone(),
                title_for_staff: w.title.clone(),
                for_staff: self.notice_slots(&self.source, &w.staff_text),
                for_citizen: None,
            })
            .collect()
    }

    /// For a refused procedure whose blockers all let the citizen come back with the same
    /// documents: those documents.
    fn bring_next_time(&self, outcome: &Outcome) -> Vec<DocumentLine> {
        let come_back = outcome
            .blockers
            .iter()
            .filter_map(|id| self.model.blocker(*id))
            .all(|b| b.come_back_with_documents);
        if outcome.goes_ahead() || !come_back {
            return Vec::new();
        }
        self.evaluation
            .requirements_of(outcome, VisitNumber::First)
            .map(|r| DocumentLine {
                ticked: false,
                ..self.document_line(r)
            })
            .collect()
    }

    /// The documents of this visit for the procedures that go ahead, each once, in the
    /// model's order.
    fn checklist(&self, procedures: &[ProcedureGuidance]) -> Vec<DocumentLine> {
        let mut lines: Vec<DocumentLine> = Vec::new();
        for line in procedures.iter().flat_map(|p| &p.documents) {
            if !lines.iter().any(|l| l.id == line.id) {
                lines.push(line.clone());
            }
        }
        let order = |id: &DocumentId| self.model.documents.iter().position(|d| &d.id == id);
        lines.sort_by_key(|line| order(&line.id));
        lines
    }

    fn exempted(&self) -> Vec<ExemptedLine> {
        let visit = self.visit;
        let going: Vec<&Outcome> = self.evaluation.going_ahead().collect();
        let of_going = |e: &ExemptedDocument| {
            going
                .iter()
                .any(|o| o.exempted.iter().any(|(_, own)| *own == e.document))
        };
        self.evaluation
            .exempted
            .iter()
            .filter(|e| e.visit == visit && of_going(e))
            .map(|e| ExemptedLine {
                label: self.wording.text(
                    TextKey::DocumentLabel(&e.document),
                    self.model.document_label(&e.document),
                ),
                reason: self
                    .wording
                    .text(TextKey::ExemptionReason(&e.exemption), &e.reason),
            })
            .collect()
    }

    /// Where this visit takes place: the second visit's own place on the three-step route
    /// when the page names one, else the office's counter.
    fn place(&self) -> String {
        let second_place = self
            .evaluation
            .going_ahead()
            .filter_map(|o| self.route(o))
            .find_map(|r| {
                r.flow
                    .second_visit()
                    .and_then(|v| v.place.as_ref())
                    .map(|place| (r, place))
            });
        match (self.visit, second_place) {
            (VisitNumber::Second, Some((route, place))) => self
                .wording
                .text(TextKey::SecondVisitPlace(&route.id), place),
            _ => self.counter_place(),
        }
    }

    fn counter_place(&self) -> String {
        self.wording
            .text(TextKey::CounterPlace, &self.model.office.counter_place)
    }

    /// The page's three steps of the first three-step route that goes ahead (the renewal's
    /// flow covers a PIN reset asked at the same time), with every document of the second
    /// visit.
    fn steps(&self) -> Option<StepsGuidance> {
        if self.visit != VisitNumber::First {
            return None;
        }
        let route = self
            .evaluation
            .going_ahead()
            .filter(|o| !o.same_day)
            .find_map(|o| self.route(o))?;
        let Flow::ThreeStep {
            apply,
            mailing,
            arrival,
            holder_task,
            come_back,
            second_visit,
            ..
        } = &route.flow
        else {
            return None;
        };
        let step = |name: &str, quoted: &crate::model::Quoted| {
            self.wording.text(
                TextKey::RouteStep {
                    route: &route.id,
                    step: name,
                },
                &quoted.text,
            )
        };
        Some(StepsGuidance {
            route_title: route.title.clone(),
            apply: step("apply", apply),
            mailing: step("mailing", mailing),
            arrival: step("arrival", arrival),
            holder_task: step("holder_task", holder_task),
            come_back: step("come_back", come_back),
            second_visit_place: match &second_visit.place {
                Some(place) => self
                    .wording
                    .text(TextKey::SecondVisitPlace(&route.id), place),
                None => self.counter_place(),
            },
            second_visit_documents: self
                .evaluation
                .requirements_for(VisitNumber::Second)
                .map(|r| DocumentLine {
                    ticked: false,
                    ..self.document_line(r)
                })
                .collect(),
        })
    }

    fn pin_writing(&self) -> Vec<String> {
        let model = self.model;
        let wording = &self.wording;
        model
            .pins
            .iter()
            .map(|pin| {
                format!(
                    "{}: {}",
                    wording.text(TextKey::PinLabel(&pin.id), &pin.label),
                    wording.text(TextKey::PinFormat(&pin.id), &pin.format)
                )
            })
            .chain(
                model
                    .pin_writing_rules
                    .iter()
                    .enumerate()
                    .map(|(i, r)| wording.text(TextKey::PinWritingRule(i), &r.text)),
            )
            .collect()
    }

    fn cert_issue_goes_ahead(&self) -> bool {
        self.evaluation
            .outcome(ProcedureKind::CertIssue)
            .is_some_and(Outcome::goes_ahead)
    }

    fn signature(&self) -> Option<String> {
        let rules = &self.model.certificate;
        self.cert_issue_goes_ahead().then(|| {
            if self.evaluation.signature_cert {
                rules.signature_cert_issued.clone()
            } else {
                rules.signature_cert_refused.clone()
            }
        })
    }

    fn new_cert_expiry(&self) -> Option<String> {
        let expiry = self
            .evaluation
            .new_cert_expiry
            .filter(|_| self.cert_issue_goes_ahead())?;
        Some(
            self.wording
                .fill(Phrase::NewExpiry, &[("date", &self.wording.date(expiry))]),
        )
    }

    fn certificate_lines(&self, procedures: &[ProcedureGuidance]) -> Vec<String> {
        let mut lines = Vec::new();
        lines.extend(self.new_cert_expiry());
        if self.cert_issue_goes_ahead() && !self.evaluation.signature_cert {
            lines.push(self.wording.text(
                TextKey::SignatureCertRefused,
                &self.model.certificate.signature_cert_refused,
            ));
        }
        let store = &self.model.convenience_store;
        if self.facts.holds(&store.when) {
            lines.push(self.wording.text(TextKey::ConvenienceStore, &store.text));
        }
        for procedure in procedures {
            for note in &procedure.citizen_notes {
                if !lines.contains(note) {
                    lines.push(note.clone());
                }
            }
        }
        lines
    }

    fn counter_line(&self, procedure: &ProcedureGuidance) -> String {
        let wording = &self.source;
        let state = if procedure.all_ticked() {
            wording.phrase(Phrase::CounterProcedureDone).to_string()
        } else if procedure.status == Status::Undecided {
            wording.fill(
                Phrase::CounterProcedureUndecided,
                &[(
                    "facts",
                    &procedure
                        .to_settle
                        .join(wording.phrase(Phrase::ListSeparator)),
                )],
            )
        } else if procedure.goes_ahead() {
            wording
                .phrase(Phrase::CounterProcedureIncomplete)
                .to_string()
        } else {
            let reasons: Vec<&str> = procedure
                .blockers
                .iter()
                .map(|b| b.title_for_staff.as_str())
                .collect();
            wording.fill(
                Phrase::CounterProcedureRefused,
                &[(
                    "reason",
                    &reasons.join(wording.phrase(Phrase::ListSeparator)),
                )],
            )
        };
        format!("{}: {state}", procedure.short_title)
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod review_tests;
