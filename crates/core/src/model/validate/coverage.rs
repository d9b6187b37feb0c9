//! Every procedure can be done and stopped as the page says: each procedure × applicant has
//! a route to fall back on, every route can be chosen and each of its visits asks for
//! something, every blocker and warning names a procedure.

use super::{Validator, visits_with_keys};
use crate::model::{ApplicantKind, Flow, ProcedureKind, Route};
use crate::source_text::Step;

impl Validator<'_> {
    pub(super) fn visits_ask_for_something(&mut self) {
        let model = self.model;
        for (route_index, route) in model.routes.iter().enumerate() {
            for (path, visit_key, visit) in visits_with_keys(&route.flow) {
                if visit.documents.is_empty() {
                    let mut at = vec![
                        Step::Key("routes"),
                        Step::Index(route_index),
                        Step::Key("flow"),
                    ];
                    at.extend(path);
                    self.report(
                        &at,
                        format!(
                            "経路 \"{}\" の来庁（{visit_key}）に必要書類が1つもありません。documents: [ Need(document: \"card\", source: Page(\"…\")) ] のように書類を挙げてください",
                            route.id
                        ),
                    );
                }
            }
        }
    }

    fn routes_of(
        &self,
        procedure: ProcedureKind,
        applicant: ApplicantKind,
    ) -> Vec<(usize, &Route)> {
        self.model
            .routes
            .iter()
            .enumerate()
            .filter(|(_, r)| r.procedure == procedure && r.applicant == applicant)
            .collect()
    }

    /// Each procedure × applicant has routes, and its last one has no `when`.
    pub(super) fn every_pair_has_a_fallback_route(&mut self) {
        for procedure in ProcedureKind::ALL {
            for applicant in ApplicantKind::ALL {
                let routes = self.routes_of(procedure, applicant);
                match routes.last() {
                    None => self.report(
                        &[Step::Key("routes")],
                        format!("{procedure:?} × {applicant:?} の経路（Route）がありません"),
                    ),
                    Some((index, last)) if last.when.is_some() => {
                        let (index, id) = (*index, last.id.clone());
                        self.report(
                            &[Step::Key("routes"), Step::Index(index), Step::Key("when")],
                            format!(
                                "{procedure:?} × {applicant:?} の最後の経路 \"{id}\" に when があります。どの条件にも当てはまらない場合の経路として、最後の経路は when なしにしてください"
                            ),
                        );
                    }
                    Some(_) => {}
                }
            }
        }
    }

    /// A route without `when` before the last route of its pair hides every route after it.
    pub(super) fn every_route_can_be_chosen(&mut self) {
        for procedure in ProcedureKind::ALL {
            for applicant in ApplicantKind::ALL {
                let routes = self.routes_of(procedure, applicant);
                let Some((fallback_position, (_, fallback))) = routes
                    .iter()
                    .enumerate()
                    .find(|(_, (_, r))| r.when.is_none())
                else {
                    continue;
                };
                let fallback_id = fallback.id.clone();
                let hidden: Vec<(usize, String)> = routes[fallback_position + 1..]
                    .iter()
                    .map(|(index, r)| (*index, r.id.clone()))
                    .collect();
                for (index, id) in hidden {
                    self.report(
                        &[Step::Key("routes"), Step::Index(index), Step::Key("id")],
                        format!(
                            "経路 \"{id}\" は選ばれることがありません。前にある経路 \"{fallback_id}\" に when がないため、{procedure:?} × {applicant:?} はいつもそちらになります。\"{fallback_id}\" に when を書くか、経路の順番を直してください"
                        ),
                    );
                }
            }
        }
    }

    pub(super) fn blockers_and_warnings_stop_some_procedure(&mut self) {
        let empty: Vec<(&str, usize)> = self
            .model
            .blockers
            .iter()
            .enumerate()
            .filter(|(_, b)| b.procedures.is_empty())
            .map(|(i, _)| ("blockers", i))
            .chain(
                self.model
                    .warnings
                    .iter()
                    .enumerate()
                    .filter(|(_, w)| w.procedures.is_empty())
                    .map(|(i, _)| ("warnings", i)),
            )
            .collect();
        for (section, index) in empty {
            self.report(
                &[Step::Key(section), Step::Index(index), Step::Key("procedures")],
                format!("{section} の procedures が空です。[CertIssue] のように、止める手続きを書いてください"),
            );
        }
    }

    /// A flow of steps starts with this visit at the counter and has one return visit: the
    /// counter checks two visits (F4), no more.
    pub(super) fn step_flows_have_two_visits(&mut self) {
        let model = self.model;
        for (route_index, route) in model.routes.iter().enumerate() {
            let Flow::Steps { steps } = &route.flow else {
                continue;
            };
            let at = [
                Step::Key("routes"),
                Step::Index(route_index),
                Step::Key("flow"),
                Step::Key("steps"),
            ];
            let visits = steps.iter().filter(|s| s.visit.is_some()).count();
            let problem = if steps.len() < 2 {
                Some("手順（steps）が2つ以上ありません。即日で済む経路は SameDay(visit: …) で書いてください".to_string())
            } else if steps[0].visit.is_none() {
                Some("最初の手順に来庁（visit: Visit(documents: […])）がありません。最初の手順は窓口での申請（今回の来庁）です".to_string())
            } else if visits != 2 {
                Some(format!(
                    "来庁（visit）のある手順が{visits}つあります。madoguchi が扱えるのは、最初の手順（今回の来庁）ともう1回の来庁の2つです"
                ))
            } else {
                None
            };
            if let Some(problem) = problem {
                self.report(&at, format!("経路 \"{}\" の流れ: {problem}", route.id));
            }
        }
    }

    /// A refusal's or warning's words use only the slots the program fills, and their titles
    /// none (a title is printed as it is written).
    pub(super) fn notice_slots_are_known(&mut self) {
        use crate::guidance::NOTICE_SLOTS;
        let mut problems = Vec::new();
        let mut look = |section: &'static str,
                        index: usize,
                        key: &'static str,
                        text: &str,
                        allowed: &[&str]| {
            for slot in crate::ruby::slots(text) {
                if !allowed.contains(&slot.as_str()) {
                    let can = if allowed.is_empty() {
                        "ここには差し込みを書けません".to_string()
                    } else {
                        format!(
                            "書けるのは {} です",
                            allowed
                                .iter()
                                .map(|s| format!("{{{s}}}"))
                                .collect::<Vec<_>>()
                                .join("、")
                        )
                    };
                    problems.push((
                        vec![Step::Key(section), Step::Index(index), Step::Key(key)],
                        format!("{section} の {key} に差し込み {{{slot}}} がありますが、{can}"),
                    ));
                }
            }
        };
        for (i, b) in self.model.blockers.iter().enumerate() {
            look("blockers", i, "title", &b.title, &[]);
            look("blockers", i, "staff_text", &b.staff_text, &NOTICE_SLOTS);
            look(
                "blockers",
                i,
                "citizen_text",
                &b.citizen_text,
                &NOTICE_SLOTS,
            );
        }
        for (i, w) in self.model.warnings.iter().enumerate() {
            look("warnings", i, "title", &w.title, &[]);
            look("warnings", i, "staff_text", &w.staff_text, &NOTICE_SLOTS);
        }
        for (path, message) in problems {
            self.report(&path, message);
        }
    }
}
