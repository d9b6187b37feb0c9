//! How a procedure is done: the routes, each with its flow (same day or three steps), its
//! visits and what is said about it.

use super::{ApplicantKind, Condition, Need, ProcedureKind, Source};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Visit {
    /// Where this visit takes place, when the page names a place of its own (otherwise the
    /// office's counter place).
    #[serde(default)]
    pub place: Option<String>,
    pub documents: Vec<Need>,
}

/// A text people read, with the passage it comes from.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quoted {
    pub text: String,
    pub source: Source,
}

/// A text shown only when its condition holds.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Notice {
    pub text: String,
    pub when: Condition,
    pub source: Source,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[allow(clippy::large_enum_variant)] // a handful of routes, read once
pub enum Flow {
    /// Done at this visit.
    SameDay { visit: Visit },
    /// (1) apply, (2) the office mails the forms to the holder, (3) come back with them. Each
    /// step is said in the page's own words.
    ThreeStep {
        apply: Quoted,
        first_visit: Visit,
        mailing: Quoted,
        arrival: Quoted,
        holder_task: Quoted,
        come_back: Quoted,
        second_visit: Visit,
    },
}

impl Flow {
    pub fn is_same_day(&self) -> bool {
        matches!(self, Flow::SameDay { .. })
    }

    pub fn first_visit(&self) -> &Visit {
        match self {
            Flow::SameDay { visit } => visit,
            Flow::ThreeStep { first_visit, .. } => first_visit,
        }
    }

    pub fn second_visit(&self) -> Option<&Visit> {
        match self {
            Flow::SameDay { .. } => None,
            Flow::ThreeStep { second_visit, .. } => Some(second_visit),
        }
    }

    pub fn visits(&self) -> impl Iterator<Item = &Visit> {
        std::iter::once(self.first_visit()).chain(self.second_visit())
    }

    /// The names of the three-step flow's steps, in order.
    pub fn step_names(&self) -> [&'static str; 5] {
        ["apply", "mailing", "arrival", "holder_task", "come_back"]
    }

    /// One step's text by name.
    pub fn step(&self, name: &str) -> Option<&Quoted> {
        let Flow::ThreeStep {
            apply,
            mailing,
            arrival,
            holder_task,
            come_back,
            ..
        } = self
        else {
            return None;
        };
        match name {
            "apply" => Some(apply),
            "mailing" => Some(mailing),
            "arrival" => Some(arrival),
            "holder_task" => Some(holder_task),
            "come_back" => Some(come_back),
            _ => None,
        }
    }

    /// The step texts of the three-step flow, in order.
    pub fn step_texts(&self) -> Vec<&Quoted> {
        match self {
            Flow::SameDay { .. } => Vec::new(),
            Flow::ThreeStep {
                apply,
                mailing,
                arrival,
                holder_task,
                come_back,
                ..
            } => vec![apply, mailing, arrival, holder_task, come_back],
        }
    }
}

/// How one applicant kind does one procedure. For a procedure and applicant the first route
/// whose `when` holds applies; the last one for each pair has no `when`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Route {
    pub id: String,
    pub procedure: ProcedureKind,
    pub applicant: ApplicantKind,
    pub title: String,
    #[serde(default)]
    pub when: Option<Condition>,
    pub flow: Flow,
    /// What staff read about this route.
    #[serde(default)]
    pub staff_notes: Vec<Quoted>,
    /// What the citizen reads on the sheet about this route.
    #[serde(default)]
    pub citizen_notes: Vec<Quoted>,
    /// What staff are prompted to do when its condition holds (an amber banner).
    #[serde(default)]
    pub staff_prompts: Vec<Notice>,
    pub source: Source,
}
