//! The documents a route asks for at its visits, in the words people read, and the documents
//! an exemption spares; merged over the procedures, each once, in the model's order.

use super::{Facts, UnknownFact, VisitNumber};
use crate::model::{DocumentId, Need, ProcedureModel, Route, Visit};
use serde::Serialize;

/// Why a document is asked for: the route and the passage of the page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reason {
    pub route: String,
    pub source: String,
}

/// A document to present, with every rule that asked for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Requirement {
    pub document: DocumentId,
    pub visit: VisitNumber,
    /// The label people read (route-specific one first).
    pub label: String,
    /// The route whose own label for the document is used, if one is.
    #[serde(skip)]
    pub label_of_route: Option<String>,
    /// Examples for this document on the route that asked first (route-specific ones win).
    pub examples: Vec<String>,
    /// How the document must be (from the model's document entry).
    pub note: Option<String>,
    pub reasons: Vec<Reason>,
}

impl Requirement {
    /// The key a language file translates the label under.
    pub fn label_key(&self) -> crate::model::TextKey<'_> {
        match &self.label_of_route {
            Some(route) => crate::model::TextKey::NeedLabel {
                route,
                document: &self.document,
            },
            None => crate::model::TextKey::DocumentLabel(&self.document),
        }
    }
}

/// A document the route would ask for, but an exemption applies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExemptedDocument {
    pub document: DocumentId,
    pub visit: VisitNumber,
    pub exemption: String,
    pub reason: String,
}

/// What a route asks for at its visits: the documents, the exemptions, and the documents
/// whose decision read a fact nobody has given.
#[derive(Default)]
pub(super) struct Asked {
    pub(super) requirements: Vec<Requirement>,
    pub(super) exempted: Vec<ExemptedDocument>,
    pub(super) to_confirm: Vec<(VisitNumber, DocumentId, Vec<UnknownFact>)>,
}

/// The documents of requirements by visit, in the model's document order, each once.
pub(super) fn needs_of(
    model: &ProcedureModel,
    requirements: &[Requirement],
) -> Vec<(VisitNumber, DocumentId)> {
    let mut needs: Vec<(VisitNumber, DocumentId)> = requirements
        .iter()
        .map(|r| (r.visit, r.document.clone()))
        .collect();
    let order = |id: &DocumentId| model.documents.iter().position(|d| &d.id == id);
    needs.sort_by_key(|(visit, id)| (*visit, order(id)));
    needs.dedup();
    needs
}

/// One list per visit, in the model's document order: a document asked twice is listed once
/// with both reasons; an exemption does not hide a document another rule still asks for.
pub(super) fn merged_documents(
    model: &ProcedureModel,
    requirements: impl Iterator<Item = Requirement>,
    exempted: impl Iterator<Item = ExemptedDocument>,
) -> (Vec<Requirement>, Vec<ExemptedDocument>) {
    let mut merged: Vec<Requirement> = Vec::new();
    for requirement in requirements {
        match merged
            .iter_mut()
            .find(|r| r.document == requirement.document && r.visit == requirement.visit)
        {
            Some(existing) => {
                for reason in requirement.reasons {
                    if !existing.reasons.contains(&reason) {
                        existing.reasons.push(reason);
                    }
                }
                // Each route's examples are acceptable: list them all.
                for example in requirement.examples {
                    if !existing.examples.contains(&example) {
                        existing.examples.push(example);
                    }
                }
            }
            None => merged.push(requirement),
        }
    }
    let mut exempted: Vec<ExemptedDocument> = exempted
        .filter(|e| {
            !merged
                .iter()
                .any(|r| r.document == e.document && r.visit == e.visit)
        })
        .collect();
    exempted.dedup_by(|a, b| a.document == b.document && a.visit == b.visit);
    let order = |id: &DocumentId| model.documents.iter().position(|d| &d.id == id);
    merged.sort_by_key(|r| (r.visit, order(&r.document)));
    exempted.sort_by_key(|e| (e.visit, order(&e.document)));
    exempted.dedup_by(|a, b| a.document == b.document && a.visit == b.visit);
    (merged, exempted)
}

pub(super) fn collect_visit(
    facts: &Facts,
    route: &Route,
    number: VisitNumber,
    visit: &Visit,
    asked: &mut Asked,
) {
    let model = facts.model;
    for need in &visit.documents {
        let wanted = need.when.as_ref().is_none_or(|c| facts.holds(c));
        let exemptions: Vec<_> = need
            .exempt_if
            .iter()
            .filter_map(|id| model.exemption(id))
            .collect();
        let exemption = exemptions.iter().find(|e| wanted && facts.holds(&e.when));
        let mut read: Vec<UnknownFact> = need
            .when
            .as_ref()
            .map(|c| facts.open_facts(c))
            .unwrap_or_default();
        // Spared by any exemption: one that surely holds settles it, whatever the others say.
        let surely_spared = exemptions
            .iter()
            .any(|e| facts.decided(&e.when) == Some(true));
        if wanted && !surely_spared {
            read.extend(exemptions.iter().flat_map(|e| facts.open_facts(&e.when)));
        }
        read.sort();
        read.dedup();
        if !read.is_empty() {
            asked.to_confirm.push((number, need.document.clone(), read));
        }
        if !wanted {
            continue;
        }
        if let Some(exemption) = exemption {
            asked.exempted.push(ExemptedDocument {
                document: need.document.clone(),
                visit: number,
                exemption: exemption.id.clone(),
                reason: exemption.reason.clone(),
            });
            continue;
        }
        asked
            .requirements
            .push(requirement(model, route, number, need));
    }
}

/// A document a route's need asks for, in the words people read.
fn requirement(
    model: &ProcedureModel,
    route: &Route,
    number: VisitNumber,
    need: &Need,
) -> Requirement {
    let document = model.document(&need.document);
    let (label, label_of_route) = match &need.label {
        Some(label) => (label.clone(), Some(route.id.clone())),
        None => (model.document_label(&need.document).to_string(), None),
    };
    Requirement {
        document: need.document.clone(),
        visit: number,
        label,
        label_of_route,
        examples: need
            .examples
            .clone()
            .unwrap_or_else(|| document.map(|d| d.examples.clone()).unwrap_or_default()),
        note: document.and_then(|d| d.note.clone()),
        reasons: vec![Reason {
            route: route.id.clone(),
            source: need.source.text().to_string(),
        }],
    }
}
