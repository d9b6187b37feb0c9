//! A route that is not done the same day, in the page's words: its steps, where each visit
//! takes place, what to bring to the return visit and how to write the PINs on the mailed
//! form.

use crate::engine::VisitNumber;
use crate::model::{Route, TextKey, Visit};

use super::{Builder, DocumentLine};

/// One numbered step, with the notes under it (「※…」).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepLine {
    pub text: String,
    pub notes: Vec<String>,
}

/// The steps, in the page's words, with what to bring to the return visit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepsGuidance {
    pub route_title: String,
    /// In order; the first is today's visit.
    pub steps: Vec<StepLine>,
    /// The step that is the return visit: its place and documents follow it.
    pub second_visit_step: usize,
    pub second_visit_place: String,
    pub second_visit_documents: Vec<DocumentLine>,
}

impl StepsGuidance {
    /// How many steps, as the phrases fill in (`{steps}` 3, `{last}` 3, `{numbers}` (1)(2)(3)).
    pub fn count_slots(&self) -> [(&'static str, String); 3] {
        let n = self.steps.len();
        [
            ("steps", n.to_string()),
            ("last", n.to_string()),
            ("numbers", (1..=n).map(|i| format!("({i})")).collect()),
        ]
    }
}

impl Builder<'_> {
    /// Where this visit takes place: the place the going-ahead route gives this visit, else
    /// the counter of its procedure, else the office's counter.
    pub(super) fn place(&self) -> String {
        let routes: Vec<&Route> = self
            .evaluation
            .going_ahead()
            .filter_map(|o| self.route(o))
            .collect();
        let visit_place = routes.iter().find_map(|r| {
            let visit = match self.visit {
                VisitNumber::First => Some(r.flow.first_visit()),
                VisitNumber::Second => r.flow.second_visit(),
            };
            visit
                .and_then(|v| v.place.as_ref())
                .map(|place| (*r, place))
        });
        if let Some((route, place)) = visit_place {
            return self.visit_place(route, self.visit, place);
        }
        routes
            .iter()
            .find_map(|r| self.procedure_place(r))
            .unwrap_or_else(|| self.counter_place())
    }

    fn visit_place(&self, route: &Route, visit: VisitNumber, place: &str) -> String {
        let key = match visit {
            VisitNumber::First => TextKey::FirstVisitPlace(&route.id),
            VisitNumber::Second => TextKey::SecondVisitPlace(&route.id),
        };
        self.wording.text(key, place)
    }

    fn procedure_place(&self, route: &Route) -> Option<String> {
        let procedure = self.model.procedure(route.procedure)?;
        let place = procedure.place.as_ref()?;
        Some(
            self.wording
                .text(TextKey::ProcedurePlace(procedure.kind), &place.text),
        )
    }

    fn counter_place(&self) -> String {
        self.wording
            .text(TextKey::CounterPlace, &self.model.office.counter_place)
    }

    /// The steps of the first route that goes ahead and is not done the same day (the
    /// renewal's flow covers a PIN reset asked at the same time), with every document of the
    /// return visit.
    pub(super) fn steps(&self) -> Option<StepsGuidance> {
        if self.visit != VisitNumber::First {
            return None;
        }
        let route = self
            .evaluation
            .going_ahead()
            .filter(|o| !o.same_day)
            .find_map(|o| self.route(o))?;
        let flow_steps = route.flow.steps(&route.id);
        let second_visit_step = flow_steps
            .iter()
            .skip(1)
            .position(|s| s.visit.is_some())
            .map_or(flow_steps.len().saturating_sub(1), |i| i + 1);
        let second_visit: &Visit = route.flow.second_visit()?;
        Some(StepsGuidance {
            route_title: route.title.clone(),
            steps: flow_steps
                .iter()
                .map(|step| StepLine {
                    text: self.wording.text(step.says.key, &step.says.quoted.text),
                    notes: (step.notes.iter())
                        .map(|n| self.wording.text(n.key, &n.quoted.text))
                        .collect(),
                })
                .collect(),
            second_visit_step,
            second_visit_place: match &second_visit.place {
                Some(place) => self.visit_place(route, VisitNumber::Second, place),
                None => self
                    .procedure_place(route)
                    .unwrap_or_else(|| self.counter_place()),
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

    pub(super) fn pin_writing(&self) -> Vec<String> {
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
}
