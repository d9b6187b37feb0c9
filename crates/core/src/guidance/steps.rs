//! The three-step route in the page's words: its steps, where each visit takes place, what to
//! bring to the second visit and how to write the PINs on the mailed form.

use crate::engine::VisitNumber;
use crate::model::{Flow, Quoted, TextKey};

use super::{Builder, DocumentLine};

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

impl Builder<'_> {
    /// Where this visit takes place: the second visit's own place on the three-step route
    /// when the page names one, else the office's counter.
    pub(super) fn place(&self) -> String {
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
    pub(super) fn steps(&self) -> Option<StepsGuidance> {
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
        let step = |name: &str, quoted: &Quoted| {
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
