//! Where each entry of the model comes from: a passage of the city's page, or a rule from
//! outside it; and every source of a model, to compare with the page.

use super::ProcedureModel;
use serde::{Deserialize, Serialize};

/// Where an entry comes from: a passage of the city's page, word for word, or (rarely) a
/// rule from outside the page, said in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Source {
    Page(String),
    /// A passage of one of the model's `pages` (by its id), word for word.
    PageOf(String, String),
    Outside(String),
}

impl Source {
    pub fn text(&self) -> &str {
        match self {
            Source::Page(text) | Source::PageOf(_, text) | Source::Outside(text) => text,
        }
    }

    /// The id of the page it quotes, when it names one.
    pub fn page_id(&self) -> Option<&str> {
        match self {
            Source::PageOf(page, _) => Some(page),
            Source::Page(_) | Source::Outside(_) => None,
        }
    }
}

impl ProcedureModel {
    /// Every source of the model.
    pub fn sources(&self) -> Vec<&Source> {
        let mut sources: Vec<&Source> = vec![
            &self.office.counter_place_source,
            &self.office.contact_source,
            &self.certificate.validity_source,
            &self.certificate.renewal_validity_source,
            &self.certificate.renewal_window_source,
            &self.certificate.signature_cert_source,
        ];
        sources.extend(self.convenience_store.iter().map(|n| &n.source));
        let office = &self.office;
        let office_lines = [&office.hours, &office.fees, &office.reservation];
        sources.extend(office_lines.into_iter().flatten().map(|q| &q.source));
        sources.extend(office.branches.iter().map(|b| &b.source));
        sources.extend(
            self.procedures
                .iter()
                .flat_map(|p| &p.place)
                .map(|q| &q.source),
        );
        sources.extend(self.procedures.iter().map(|p| &p.source));
        for applicant in &self.applicants {
            sources.push(&applicant.source);
            sources.extend(&applicant.holder_age_source);
        }
        sources.extend(self.questions.iter().map(|q| &q.source));
        sources.extend(self.exemptions.iter().map(|e| &e.source));
        sources.extend(self.blockers.iter().map(|b| &b.source));
        sources.extend(self.warnings.iter().map(|w| &w.source));
        for pin in &self.pins {
            sources.push(&pin.source);
            sources.push(&pin.format_source);
        }
        sources.extend(self.pin_writing_rules.iter().map(|p| &p.source));
        for route in &self.routes {
            sources.push(&route.source);
            for visit in route.flow.visits() {
                sources.extend(visit.documents.iter().map(|n| &n.source));
            }
            sources.extend(route.flow.step_texts().into_iter().map(|q| &q.source));
            sources.extend(route.staff_notes.iter().map(|q| &q.source));
            sources.extend(route.citizen_notes.iter().map(|q| &q.source));
            sources.extend(route.staff_prompts.iter().map(|n| &n.source));
        }
        sources
    }

    /// Every passage of the page the model quotes.
    pub fn page_quotes(&self) -> Vec<&str> {
        self.sources()
            .into_iter()
            .filter_map(|s| match s {
                Source::Page(text) | Source::PageOf(_, text) => Some(text.as_str()),
                Source::Outside(_) => None,
            })
            .collect()
    }
}
