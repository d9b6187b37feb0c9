//! One asked procedure as it is said: its title and route, where it stands, its documents,
//! what stops it, and the notes and prompts of its route.

use crate::engine::{Outcome, VisitNumber};
use crate::model::{ProcedureKind, Route, TextKey};
use crate::phrases::Phrase;

use super::status::{state_of, state_phrase, status_of, verdict_phrase};
use super::{Builder, DocumentLine, NoticeText, ProcedureState, Status};

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

impl Builder<'_> {
    pub(super) fn procedure(&self, outcome: &Outcome) -> Option<ProcedureGuidance> {
        let model = self.model;
        let info = model.procedure(outcome.procedure)?;
        let route = self.route(outcome)?;
        let visit = self.visit_of(outcome);
        let state = state_of(outcome, visit);
        let documents = self.documents_of(outcome, visit);
        let status = status_of(state, outcome, &documents);
        let to_settle = self.to_settle(outcome);
        let steps = route.flow.steps(&route.id).len().to_string();
        let state_text = self.state_text(state, status, &to_settle, &steps);
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
            staff_notes: self.staff_notes(outcome, route),
            staff_prompts: self.staff_prompts(route),
            citizen_notes: self.citizen_notes(outcome, route),
        })
    }

    /// The visit a procedure's documents are checked for.
    fn visit_of(&self, outcome: &Outcome) -> VisitNumber {
        if outcome.same_day {
            VisitNumber::First
        } else {
            self.visit
        }
    }

    /// The facts to give before the procedure is decided, each once (staff's words).
    fn to_settle(&self, outcome: &Outcome) -> Vec<String> {
        outcome
            .undecided
            .iter()
            .chain(outcome.to_confirm.iter().flat_map(|(_, _, facts)| facts))
            .map(|fact| self.fact_names(std::iter::once(fact)))
            .fold(Vec::new(), |mut all, name| {
                if !all.contains(&name) {
                    all.push(name);
                }
                all
            })
    }

    /// The state in words (staff's): what to settle when undecided.
    fn state_text(
        &self,
        state: ProcedureState,
        status: Status,
        to_settle: &[String],
        steps: &str,
    ) -> String {
        if status == Status::Undecided {
            self.source.fill(
                Phrase::StateUndecided,
                &[(
                    "facts",
                    &to_settle.join(self.source.phrase(Phrase::ListSeparator)),
                )],
            )
        } else {
            self.source.fill(state_phrase(state), &[("steps", steps)])
        }
    }

    /// What staff read about the route, when the procedure goes ahead.
    fn staff_notes(&self, outcome: &Outcome, route: &Route) -> Vec<String> {
        if outcome.goes_ahead() {
            route.staff_notes.iter().map(|q| q.text.clone()).collect()
        } else {
            Vec::new()
        }
    }

    /// The route's prompts whose condition holds.
    fn staff_prompts(&self, route: &Route) -> Vec<String> {
        route
            .staff_prompts
            .iter()
            .filter(|p| self.facts.holds(&p.when))
            .map(|p| p.text.clone())
            .collect()
    }

    /// What the citizen reads about the route, when the procedure goes ahead.
    fn citizen_notes(&self, outcome: &Outcome, route: &Route) -> Vec<String> {
        if !outcome.goes_ahead() {
            return Vec::new();
        }
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
    }
}
