//! The one guidance for a visit: built once from the model, the case, the evaluation and the
//! ticks, it holds everything the window, the sheet and the command line say — per asked
//! procedure its outcome, documents, notices and steps. The three views choose layout, never
//! words or conditions.
//!
//! Its parts each have a file: the words of one language ([`Wording`]), where a procedure
//! stands ([`Status`]), the documents ([`DocumentLine`]), the notices ([`NoticeText`]), one
//! procedure ([`ProcedureGuidance`]), the three steps ([`StepsGuidance`]), the certificate's
//! lines and the counter's copy ([`CounterCopy`]); this file puts them together.

mod certificate;
mod counter_copy;
mod documents;
mod notices;
mod procedures;
mod status;
mod steps;
mod wording;

pub use counter_copy::CounterCopy;
pub use documents::{DocumentLine, ExemptedLine, Why};
pub use notices::{NOTICE_SLOTS, NoticeText};
pub use procedures::ProcedureGuidance;
pub use status::{ProcedureState, Status};
pub use steps::{StepLine, StepsGuidance};
pub use wording::Wording;

use crate::case::Case;
use crate::engine::{Evaluation, Facts, Outcome, UnknownDate, VisitNumber};
use crate::language::{Language, Languages};
use crate::model::{DocumentId, ProcedureModel, Route, TextKey};
pub use crate::phrases::Phrase;

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
    /// The office's hours, fees and reservation line, when the model has them.
    pub office_lines: Vec<String>,
    /// Other offices that do the procedures going ahead: `name（place）hours`.
    pub other_offices: Vec<String>,
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

/// A procedure that goes ahead takes the three steps: there is a second visit. The one place
/// that says so (the visit shown, `--second-visit`, the form's 1回目 / 2回目).
pub fn three_step_goes_ahead(evaluation: &Evaluation) -> bool {
    evaluation.going_ahead().any(|o| !o.same_day)
}

/// The visit whose documents are checked when staff say it is `requested`: the second only
/// when a three-step route goes ahead. The one place that decides it.
pub fn shown_visit(evaluation: &Evaluation, requested: VisitNumber) -> VisitNumber {
    if three_step_goes_ahead(evaluation) {
        requested
    } else {
        VisitNumber::First
    }
}

/// What the guidance of a visit is built from; each part is built in its own file.
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
        let applicant_ja = self.model.applicant_label(self.case.applicant).to_string();
        let applicant = wording.text(TextKey::ApplicantLabel(self.case.applicant), &applicant_ja);
        Guidance {
            visit: self.visit,
            title: wording.fill(Phrase::Title, &[("procedures", &procedures_text)]),
            basis: self.basis(),
            visit_date: wording.date(self.case.today()),
            visit_stage: self.visit_stage(),
            procedures_text,
            place: self.place(),
            office_lines: self.office_lines(),
            other_offices: self.other_offices(),
            holder_age: self.evaluation.holder_age,
            exempted: self.exempted(),
            pin_writing: if self.three_step_going_ahead() {
                self.pin_writing()
            } else {
                Vec::new()
            },
            certificate: self.certificate_lines(&procedures),
            signature: self.signature(),
            unknown_dates: self.unknown_dates(),
            new_cert_expiry: self.new_cert_expiry(),
            contact: self.contact(),
            counter_copy: self.counter_copy(&procedures, &checklist, applicant_ja),
            applicant,
            steps,
            checklist,
            missing,
            procedures,
            footer: self.footer(),
            missing_texts: Vec::new(),
        }
    }

    /// `{publisher}「{page}」（{updated}更新）に基づく`: the page the guidance follows, or the
    /// pages of the procedures asked for when the model has a page per procedure (their
    /// titles, and the newest update).
    fn basis(&self) -> String {
        let model = self.model;
        let wording = &self.wording;
        let (titles, updated) = self.pages_followed(|key, title| wording.text(key, title));
        wording.fill(
            Phrase::Basis,
            &[
                (
                    "publisher",
                    &wording.text(TextKey::PagePublisher, &model.page.publisher),
                ),
                ("page", &titles),
                ("updated", &updated),
            ],
        )
    }

    /// The titles of the pages followed, joined as 「A」「B」 reads, and their newest date.
    fn pages_followed(&self, title: impl Fn(TextKey, &str) -> String) -> (String, String) {
        let model = self.model;
        let mut pages: Vec<&crate::model::PageRef> = Vec::new();
        for procedure in &self.case.procedures {
            let page = model
                .procedure(*procedure)
                .and_then(|p| p.page.as_deref())
                .and_then(|id| model.page_ref(id));
            if let Some(page) = page.filter(|p| !pages.iter().any(|seen| seen.id == p.id)) {
                pages.push(page);
            }
        }
        if pages.is_empty() {
            return (
                title(TextKey::PageTitle, &model.page.title),
                model.page.updated.clone(),
            );
        }
        let titles: Vec<String> = pages
            .iter()
            .map(|p| title(TextKey::PageTitleOf(&p.id), &p.title))
            .collect();
        let newest = pages.iter().map(|p| p.updated.as_str()).max().unwrap_or("");
        (titles.join("」「"), newest.to_string())
    }

    /// The office's hours, fees and reservation line, in the citizen's language.
    fn office_lines(&self) -> Vec<String> {
        let office = &self.model.office;
        [
            (TextKey::OfficeHours, &office.hours),
            (TextKey::OfficeFees, &office.fees),
            (TextKey::OfficeReservation, &office.reservation),
        ]
        .into_iter()
        .filter_map(|(key, line)| line.as_ref().map(|l| self.wording.text(key, &l.text)))
        .collect()
    }

    /// The other offices that do every procedure going ahead today.
    fn other_offices(&self) -> Vec<String> {
        let going: Vec<_> = self.evaluation.going_ahead().map(|o| o.procedure).collect();
        if going.is_empty() {
            return Vec::new();
        }
        let wording = &self.wording;
        (self.model.office.branches.iter().enumerate())
            .filter(|(_, b)| going.iter().all(|p| b.procedures.contains(p)))
            .map(|(i, branch)| {
                let name = wording.text(TextKey::BranchName(i), &branch.name);
                let place = wording.text(TextKey::BranchPlace(i), &branch.place);
                let hours = (branch.hours.as_ref())
                    .map(|h| format!("　{}", wording.text(TextKey::BranchHours(i), h)))
                    .unwrap_or_default();
                format!("{name}（{place}）{hours}")
            })
            .collect()
    }

    /// `1回目の来庁：申請` or `2回目の来庁：書類の持参` when a three-step route goes ahead.
    fn visit_stage(&self) -> Option<String> {
        self.three_step_going_ahead().then(|| {
            self.wording
                .phrase(match self.visit {
                    VisitNumber::First => Phrase::VisitFirst,
                    VisitNumber::Second => Phrase::VisitSecond,
                })
                .to_string()
        })
    }

    /// The dates the decisions needed but nobody typed (staff's words).
    fn unknown_dates(&self) -> Vec<String> {
        self.evaluation
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
            .collect()
    }

    /// Whom to ask, in the citizen's language.
    fn contact(&self) -> Vec<String> {
        self.model
            .office
            .contact
            .iter()
            .enumerate()
            .map(|(i, line)| self.wording.text(TextKey::Contact(i), line))
            .collect()
    }

    /// The page the sheet follows, in Japanese, at the foot of the sheet.
    fn footer(&self) -> String {
        let (titles, updated) = self.pages_followed(|_, title| title.to_string());
        format!("{}「{titles}」（{updated}）", self.model.page.publisher)
    }

    fn three_step_going_ahead(&self) -> bool {
        three_step_goes_ahead(self.evaluation)
    }

    fn route(&self, outcome: &Outcome) -> Option<&Route> {
        self.model.route(&outcome.route)
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod review_tests;
