//! What serde cannot see in a model file, one named rule at a time, each problem at the
//! line and column of the entry it is about.
//!
//! The rules are grouped by what they look at: ids and entries (`ids`), names that refer to
//! other parts (`references`), the routes and what they stop (`coverage`), numbers
//! (`numbers`).

mod coverage;
mod ids;
mod numbers;
mod references;

use super::{Flow, ModelProblem, ProcedureModel, Visit};
use crate::source_text::{LazyOutline, Step};
use std::collections::BTreeSet;

/// Every problem of a parsed model; empty when it can be used.
pub(super) fn problems(model: &ProcedureModel, text: &str, file: &str) -> Vec<ModelProblem> {
    let mut check = Validator {
        model,
        outline: LazyOutline::new(text),
        file,
        problems: Vec::new(),
    };
    check.ids_are_unique();
    check.routes_name_known_documents();
    check.routes_name_known_exemptions();
    check.questions_confirm_known_documents();
    check.visits_ask_for_something();
    check.one_entry_each();
    check.every_pair_has_a_fallback_route();
    check.every_route_can_be_chosen();
    check.numbers_are_within_the_law();
    check.conditions_read_declared_questions();
    check.blockers_and_warnings_stop_some_procedure();
    check.age_ranges_are_not_empty();
    check.step_flows_have_two_visits();
    check.pages_are_declared();
    check.notice_slots_are_known();
    check.problems
}

struct Validator<'a> {
    model: &'a ProcedureModel,
    outline: LazyOutline<'a>,
    file: &'a str,
    problems: Vec<ModelProblem>,
}

/// Each visit of a flow with its path inside the flow (`first_visit`, `steps[3].visit`).
fn visits_with_keys(flow: &Flow) -> Vec<(Vec<Step<'static>>, String, &Visit)> {
    match flow {
        Flow::SameDay { visit } => vec![(vec![Step::Key("visit")], "visit".into(), visit)],
        Flow::ThreeStep {
            first_visit,
            second_visit,
            ..
        } => vec![
            (
                vec![Step::Key("first_visit")],
                "first_visit".into(),
                first_visit,
            ),
            (
                vec![Step::Key("second_visit")],
                "second_visit".into(),
                second_visit,
            ),
        ],
        Flow::Steps { steps } => steps
            .iter()
            .enumerate()
            .filter_map(|(i, step)| {
                let path = vec![Step::Key("steps"), Step::Index(i), Step::Key("visit")];
                step.visit
                    .as_ref()
                    .map(|v| (path, format!("steps[{i}].visit"), v))
            })
            .collect(),
    }
}

/// The path of something inside a visit of route `route_index` (`visit_path` from
/// [`visits_with_keys`]).
fn at_visit<'p>(route_index: usize, visit_path: &[Step<'p>], rest: &[Step<'p>]) -> Vec<Step<'p>> {
    let mut path = vec![
        Step::Key("routes"),
        Step::Index(route_index),
        Step::Key("flow"),
    ];
    path.extend_from_slice(visit_path);
    path.extend_from_slice(rest);
    path
}

fn sorted_list<'s>(ids: impl IntoIterator<Item = &'s str>) -> String {
    ids.into_iter()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect::<Vec<_>>()
        .join(", ")
}

/// Edit distance, to recognise a typo.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let here = row[j + 1];
            row[j + 1] = (previous + usize::from(ca != *cb))
                .min(row[j] + 1)
                .min(here + 1);
            previous = here;
        }
    }
    row[b.len()]
}

impl Validator<'_> {
    /// Reports at the first place the file writes `needle` (the model's root if nowhere).
    fn report_at_words(&mut self, needle: &str, message: String) {
        let text = self.outline.text();
        let (line, column) = text
            .find(needle)
            .map_or((1, 1), |offset| crate::source_text::position(text, offset));
        self.problems.push(ModelProblem {
            file: self.file.to_string(),
            line,
            column,
            message,
        });
    }

    fn report(&mut self, path: &[Step], message: String) {
        let (line, column) = self.outline.locate(path);
        self.problems.push(ModelProblem {
            file: self.file.to_string(),
            line,
            column,
            message,
        });
    }
}

#[cfg(test)]
mod tests;
