//! How a procedure is done: the routes, each with its flow (same day, Ibaraki's three steps,
//! or steps of any number), its visits and what is said about it.

use super::{ApplicantKind, Condition, Need, ProcedureKind, Source, TextKey};
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

/// One step of a flow of any number of steps: what happens, said in the page's words, with
/// notes under it; a step with a visit takes place at a counter (its documents, its place).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub says: Quoted,
    #[serde(default)]
    pub notes: Vec<Quoted>,
    #[serde(default)]
    pub visit: Option<Visit>,
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
    /// Any number of steps: the first is this visit at the counter, one later step is the
    /// return visit (the model check holds a flow to that shape).
    Steps { steps: Vec<Step> },
}

/// A step of any flow, read the same way: its words and notes with their translation keys,
/// and its visit.
#[derive(Debug, Clone, Copy)]
pub struct FlowStepText<'a> {
    pub quoted: &'a Quoted,
    pub key: TextKey<'a>,
}

#[derive(Debug, Clone)]
pub struct FlowStep<'a> {
    pub says: FlowStepText<'a>,
    pub notes: Vec<FlowStepText<'a>>,
    pub visit: Option<&'a Visit>,
}

/// The visit a flow with no visit in its first step would lack (the model check refuses such
/// a flow; this keeps the program from failing on one).
static NO_VISIT: Visit = Visit {
    place: None,
    documents: Vec::new(),
};

impl Flow {
    pub fn is_same_day(&self) -> bool {
        matches!(self, Flow::SameDay { .. })
    }

    pub fn first_visit(&self) -> &Visit {
        match self {
            Flow::SameDay { visit } => visit,
            Flow::ThreeStep { first_visit, .. } => first_visit,
            Flow::Steps { steps } => steps
                .first()
                .and_then(|s| s.visit.as_ref())
                .unwrap_or(&NO_VISIT),
        }
    }

    pub fn second_visit(&self) -> Option<&Visit> {
        match self {
            Flow::SameDay { .. } => None,
            Flow::ThreeStep { second_visit, .. } => Some(second_visit),
            Flow::Steps { steps } => steps.iter().skip(1).find_map(|s| s.visit.as_ref()),
        }
    }

    pub fn visits(&self) -> impl Iterator<Item = &Visit> {
        std::iter::once(self.first_visit()).chain(self.second_visit())
    }

    /// The steps of a flow that is not done the same day, in order, each with the key its
    /// words are translated under (`route` is the route's id).
    pub fn steps<'a>(&'a self, route: &'a str) -> Vec<FlowStep<'a>> {
        let text = |quoted: &'a Quoted, step: &'a str| FlowStepText {
            quoted,
            key: TextKey::RouteStep { route, step },
        };
        match self {
            Flow::SameDay { .. } => Vec::new(),
            Flow::ThreeStep {
                apply,
                first_visit,
                mailing,
                arrival,
                holder_task,
                come_back,
                second_visit,
            } => vec![
                FlowStep {
                    says: text(apply, "apply"),
                    notes: vec![text(mailing, "mailing")],
                    visit: Some(first_visit),
                },
                FlowStep {
                    says: text(arrival, "arrival"),
                    notes: vec![text(holder_task, "holder_task")],
                    visit: None,
                },
                FlowStep {
                    says: text(come_back, "come_back"),
                    notes: Vec::new(),
                    visit: Some(second_visit),
                },
            ],
            Flow::Steps { steps } => steps
                .iter()
                .enumerate()
                .map(|(index, step)| FlowStep {
                    says: FlowStepText {
                        quoted: &step.says,
                        key: TextKey::FlowStep { route, index },
                    },
                    notes: (step.notes.iter().enumerate())
                        .map(|(note, quoted)| FlowStepText {
                            quoted,
                            key: TextKey::FlowStepNote { route, index, note },
                        })
                        .collect(),
                    visit: step.visit.as_ref(),
                })
                .collect(),
        }
    }

    /// The texts of every step and note, in order.
    pub fn step_texts(&self) -> Vec<&Quoted> {
        self.steps("")
            .into_iter()
            .flat_map(|step| {
                std::iter::once(step.says.quoted).chain(step.notes.into_iter().map(|n| n.quoted))
            })
            .collect()
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
