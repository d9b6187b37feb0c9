//! What one asked procedure comes to: the route that applies, the documents it asks for, what
//! stops it and what staff must look at, and the facts its decision still waits on.

use super::documents::{Asked, collect_visit, needs_of};
use super::{ExemptedDocument, Facts, Requirement, UnknownFact, VisitNumber};
use crate::model::{BlockerId, DocumentId, ProcedureKind, Route, WarningId};
use serde::{Serialize, Serializer};

fn snake_case<S: Serializer>(procedure: &ProcedureKind, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(procedure.snake_name())
}

/// What one asked procedure comes to: its route, documents, blockers and warnings. A blocker
/// on one procedure does not refuse the other.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outcome {
    #[serde(serialize_with = "snake_case")]
    pub procedure: ProcedureKind,
    pub same_day: bool,
    pub documents: Vec<DocumentId>,
    pub next_visit_documents: Vec<DocumentId>,
    pub blockers: Vec<BlockerId>,
    pub warnings: Vec<WarningId>,
    /// The id of the route that applies.
    pub route: String,
    /// The documents it asks for, by visit (their words are in
    /// [`Evaluation::requirements`](super::Evaluation::requirements)).
    #[serde(skip)]
    pub needs: Vec<(VisitNumber, DocumentId)>,
    /// The documents an exemption spared it.
    #[serde(skip)]
    pub exempted: Vec<(VisitNumber, DocumentId)>,
    /// Facts its route or its blockers read that nobody has given yet: until they are, the
    /// procedure is not decided (never 受付可).
    #[serde(skip)]
    pub undecided: Vec<UnknownFact>,
    /// Documents whose need (or exemption) read a fact nobody has given yet, with those facts:
    /// asked for or not, staff must settle them first.
    #[serde(skip)]
    pub to_confirm: Vec<(VisitNumber, DocumentId, Vec<UnknownFact>)>,
}

impl Outcome {
    /// Nothing blocks this procedure today (documents aside).
    pub fn goes_ahead(&self) -> bool {
        self.blockers.is_empty()
    }

    /// It asks for this document at this visit.
    pub fn asks_for(&self, visit: VisitNumber, document: &DocumentId) -> bool {
        self.needs.iter().any(|(v, d)| *v == visit && d == document)
    }
}

/// The outcome of one procedure (its route, documents, blockers, warnings), with the
/// requirements and exemptions its route gives.
pub(super) fn outcome_of(
    facts: &Facts,
    procedure: ProcedureKind,
) -> Option<(Outcome, Vec<Requirement>, Vec<ExemptedDocument>)> {
    let model = facts.model;
    let route = facts.route_for(procedure)?;
    let mut undecided = route_choice_open_facts(facts, procedure, route);
    let asked = asked_by(facts, route);
    let needs = needs_of(model, &asked.requirements);
    let ids_of = |visit: VisitNumber| -> Vec<DocumentId> {
        needs
            .iter()
            .filter(|(v, _)| *v == visit)
            .map(|(_, d)| d.clone())
            .collect()
    };
    let (blockers, blockers_open) = blockers_of(facts, procedure);
    undecided.extend(blockers_open);
    undecided.sort();
    undecided.dedup();
    let outcome = Outcome {
        procedure,
        same_day: route.flow.is_same_day(),
        documents: ids_of(VisitNumber::First),
        next_visit_documents: ids_of(VisitNumber::Second),
        blockers,
        warnings: warnings_of(facts, procedure),
        route: route.id.clone(),
        exempted: asked
            .exempted
            .iter()
            .map(|e: &ExemptedDocument| (e.visit, e.document.clone()))
            .filter(|(visit, id)| !needs.iter().any(|(v, d)| v == visit && d == id))
            .collect(),
        needs,
        undecided,
        to_confirm: asked.to_confirm,
    };
    Some((outcome, asked.requirements, asked.exempted))
}

/// The facts the choice of `route` waits on: any fact that leaves open a route tried before
/// it, or its own.
fn route_choice_open_facts(
    facts: &Facts,
    procedure: ProcedureKind,
    route: &Route,
) -> Vec<UnknownFact> {
    facts
        .model
        .routes
        .iter()
        .filter(|r| r.procedure == procedure && r.applicant == facts.case.applicant)
        .take_while(|r| r.id != route.id)
        .chain(std::iter::once(route))
        .filter_map(|r| r.when.as_ref())
        .flat_map(|when| facts.open_facts(when))
        .collect()
}

/// What the route asks for at each of its visits.
fn asked_by(facts: &Facts, route: &Route) -> Asked {
    let mut asked = Asked::default();
    for (number, visit) in [
        (VisitNumber::First, Some(route.flow.first_visit())),
        (VisitNumber::Second, route.flow.second_visit()),
    ] {
        if let Some(visit) = visit {
            collect_visit(facts, route, number, visit, &mut asked);
        }
    }
    asked
}

/// The blockers of `procedure` that hold, and the facts that leave any of its blockers open.
fn blockers_of(facts: &Facts, procedure: ProcedureKind) -> (Vec<BlockerId>, Vec<UnknownFact>) {
    let stopping = facts
        .model
        .blockers
        .iter()
        .filter(|b| b.procedures.contains(&procedure));
    let blockers: Vec<BlockerId> = stopping
        .clone()
        .filter(|b| facts.holds(&b.when))
        .map(|b| b.id.clone())
        .collect();
    let open = stopping.flat_map(|b| facts.open_facts(&b.when)).collect();
    (blockers, open)
}

/// The warnings of `procedure` that hold.
fn warnings_of(facts: &Facts, procedure: ProcedureKind) -> Vec<WarningId> {
    facts
        .model
        .warnings
        .iter()
        .filter(|w| w.procedures.contains(&procedure) && facts.holds(&w.when))
        .map(|w| w.id.clone())
        .collect()
}
