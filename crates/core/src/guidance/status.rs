//! Where a procedure stands: its state today (same day, a visit of three steps, blocked), its
//! status at the counter given the ticks and the facts, and the phrases that say them.

use crate::engine::{Outcome, VisitNumber};
use crate::phrases::Phrase;

use super::DocumentLine;

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

/// Where a procedure stands today: blocked, same day, or the visit of three steps checked.
pub(super) fn state_of(outcome: &Outcome, visit: VisitNumber) -> ProcedureState {
    match (outcome.goes_ahead(), outcome.same_day) {
        (false, _) => ProcedureState::Blocked,
        (true, true) => ProcedureState::SameDay,
        (true, false) => ProcedureState::ThreeStep(visit),
    }
}

/// Where a procedure stands: refused, waiting on facts, documents to see, or 受付可.
pub(super) fn status_of(
    state: ProcedureState,
    outcome: &Outcome,
    documents: &[DocumentLine],
) -> Status {
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

/// The state in words, whatever has been ticked.
pub(super) fn state_phrase(state: ProcedureState) -> Phrase {
    match state {
        ProcedureState::Blocked => Phrase::VerdictBlocked,
        ProcedureState::SameDay => Phrase::StateSameDay,
        ProcedureState::ThreeStep(VisitNumber::First) => Phrase::StateThreeStepFirst,
        ProcedureState::ThreeStep(VisitNumber::Second) => Phrase::StateThreeStepSecond,
    }
}

/// What the citizen reads about the result, given the ticks.
pub(super) fn verdict_phrase(state: ProcedureState, status: Status) -> Phrase {
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
