//! The documents of a visit as people read them: asked for, to be confirmed, ticked or not,
//! spared by an exemption, or to bring next time.

use crate::engine::{
    ExemptedDocument, Outcome, Requirement, UnknownDate, UnknownFact, VisitNumber,
};
use crate::model::{DocumentId, TextKey};
use crate::phrases::Phrase;

use super::{Builder, ProcedureGuidance, Wording};

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

impl Builder<'_> {
    pub(super) fn document_line(&self, requirement: &Requirement) -> DocumentLine {
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
    pub(super) fn fact_names<'f>(&self, facts: impl Iterator<Item = &'f UnknownFact>) -> String {
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

    /// A procedure's documents at this visit when it goes ahead: those asked for, then those
    /// whose need waits on a fact nobody has given.
    pub(super) fn documents_of(&self, outcome: &Outcome, visit: VisitNumber) -> Vec<DocumentLine> {
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

    /// For a refused procedure whose blockers all let the citizen come back with the same
    /// documents: those documents.
    pub(super) fn bring_next_time(&self, outcome: &Outcome) -> Vec<DocumentLine> {
        let come_back = outcome
            .blockers
            .iter()
            .filter_map(|id| self.model.blocker(id))
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
    pub(super) fn checklist(&self, procedures: &[ProcedureGuidance]) -> Vec<DocumentLine> {
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

    pub(super) fn exempted(&self) -> Vec<ExemptedLine> {
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
}
