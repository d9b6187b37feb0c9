//! The rules engine: `evaluate(&model, &case)` decides everything about one visit, one
//! outcome per asked procedure. Pure: the visit date comes in the case, nothing is read from
//! a clock or a file.
//!
//! What the engine knows of the visit and how it decides a condition are in [`Facts`]; one
//! procedure's outcome and the documents its route asks for in `outcomes` and `documents`;
//! the new certificate's dates in `certificate`.

mod certificate;
mod documents;
mod facts;
mod outcomes;

pub use documents::{ExemptedDocument, Reason, Requirement};
pub use facts::{Facts, UnknownDate, UnknownFact};
pub use outcomes::Outcome;

use crate::case::Case;
use crate::model::{BlockerId, DocumentId, ProcedureKind, ProcedureModel, WarningId};
use certificate::{new_certificate_expiry, signature_cert};
use chrono::NaiveDate;
use documents::merged_documents;
use outcomes::outcome_of;
use serde::Serialize;

/// Which visit a document is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum VisitNumber {
    /// This visit (the only one when same day).
    First,
    /// The second visit of the three-step route.
    Second,
}

/// Everything decided for one visit. The first eight fields and `outcomes` are the shared
/// contract; the top-level lists are the union over the outcomes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evaluation {
    pub same_day: bool,
    pub documents: Vec<DocumentId>,
    pub next_visit_documents: Vec<DocumentId>,
    pub signature_cert: bool,
    pub renewal_window_start: Option<NaiveDate>,
    pub blockers: Vec<BlockerId>,
    pub warnings: Vec<WarningId>,
    /// The expiry a certificate issued on the visit date gets (CertIssue only).
    pub new_cert_expiry: Option<NaiveDate>,
    pub outcomes: Vec<Outcome>,
    /// The holder's age on the visit date.
    pub holder_age: Option<u32>,
    /// Dates the decisions needed but the case does not give (staff should ask for them).
    pub unknown_dates: Vec<UnknownDate>,
    /// Ids of the routes that apply, one per procedure.
    pub routes: Vec<String>,
    /// Every document of both visits, over all procedures, with why it is needed.
    pub requirements: Vec<Requirement>,
    pub exempted: Vec<ExemptedDocument>,
}

impl Evaluation {
    /// The requirements of one visit (all procedures).
    pub fn requirements_for(&self, visit: VisitNumber) -> impl Iterator<Item = &Requirement> {
        self.requirements.iter().filter(move |r| r.visit == visit)
    }

    /// Nothing blocks any asked procedure.
    pub fn is_unblocked(&self) -> bool {
        self.blockers.is_empty()
    }

    /// The outcome of one procedure, if it was asked for.
    pub fn outcome(&self, procedure: ProcedureKind) -> Option<&Outcome> {
        self.outcomes.iter().find(|o| o.procedure == procedure)
    }

    /// The outcomes that can go ahead today.
    pub fn going_ahead(&self) -> impl Iterator<Item = &Outcome> {
        self.outcomes.iter().filter(|o| o.goes_ahead())
    }

    /// The requirements of one outcome at one visit.
    pub fn requirements_of<'e>(
        &'e self,
        outcome: &'e Outcome,
        visit: VisitNumber,
    ) -> impl Iterator<Item = &'e Requirement> {
        self.requirements_for(visit)
            .filter(move |r| outcome.asks_for(visit, &r.document))
    }
}

/// Decides one visit.
pub fn evaluate(model: &ProcedureModel, case: &Case) -> Evaluation {
    let facts = Facts::new(model, case);
    let mut outcomes = Vec::new();
    let mut all_requirements = Vec::new();
    let mut all_exempted = Vec::new();
    for procedure in &case.procedures {
        if let Some((outcome, requirements, exempted)) = outcome_of(&facts, *procedure) {
            outcomes.push(outcome);
            all_requirements.extend(requirements);
            all_exempted.extend(exempted);
        }
    }
    let (requirements, exempted) = merged_documents(
        model,
        all_requirements.into_iter(),
        all_exempted.into_iter(),
    );
    let ids_of = |visit: VisitNumber| -> Vec<DocumentId> {
        requirements
            .iter()
            .filter(|r| r.visit == visit)
            .map(|r| r.document.clone())
            .collect()
    };
    let mut blockers: Vec<BlockerId> = outcomes.iter().flat_map(|o| o.blockers.clone()).collect();
    // In the model's order: its ids are its own, their order the one it declares.
    blockers.sort_by_key(|id| model.blockers.iter().position(|b| &b.id == id));
    blockers.dedup();
    let mut warnings: Vec<WarningId> = outcomes.iter().flat_map(|o| o.warnings.clone()).collect();
    warnings.sort_by_key(|id| model.warnings.iter().position(|w| &w.id == id));
    warnings.dedup();

    Evaluation {
        same_day: outcomes.iter().all(|o| o.same_day),
        documents: ids_of(VisitNumber::First),
        next_visit_documents: ids_of(VisitNumber::Second),
        signature_cert: signature_cert(model, case, facts.holder_age),
        renewal_window_start: facts.window_start,
        blockers,
        warnings,
        new_cert_expiry: case
            .requests(ProcedureKind::CertIssue)
            .then(|| new_certificate_expiry(model, &facts))
            .flatten(),
        holder_age: facts.holder_age,
        unknown_dates: facts.unknown_dates(),
        routes: outcomes.iter().map(|o| o.route.clone()).collect(),
        outcomes,
        requirements,
        exempted,
    }
}
