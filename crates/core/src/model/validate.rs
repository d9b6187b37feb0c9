//! What serde cannot see in a model file, one named rule at a time, each problem at the
//! line and column of the entry it is about.

use super::{
    ApplicantKind, BlockerId, Condition, Flow, ModelProblem, ProcedureKind, ProcedureModel, Route,
    WarningId,
};
use crate::source_text::{Outline, Step};
use std::collections::{BTreeSet, HashSet};
use std::ops::RangeInclusive;

/// Every problem of a parsed model; empty when it can be used.
pub(super) fn problems(model: &ProcedureModel, text: &str, file: &str) -> Vec<ModelProblem> {
    let mut check = Validator {
        model,
        outline: Outline::parse(text),
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
    check.problems
}

struct Validator<'a> {
    model: &'a ProcedureModel,
    outline: Outline<'a>,
    file: &'a str,
    problems: Vec<ModelProblem>,
}

/// The RON key of a visit inside its flow.
fn visits_with_keys(flow: &Flow) -> Vec<(&'static str, &super::Visit)> {
    match flow {
        Flow::SameDay { visit } => vec![("visit", visit)],
        Flow::ThreeStep {
            first_visit,
            second_visit,
            ..
        } => vec![("first_visit", first_visit), ("second_visit", second_visit)],
    }
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
    fn report(&mut self, path: &[Step], message: String) {
        let (line, column) = self.outline.locate(path);
        self.problems.push(ModelProblem {
            file: self.file.to_string(),
            line,
            column,
            message,
        });
    }

    /// A document, exemption, route or PIN kind id written twice.
    fn ids_are_unique(&mut self) {
        let model = self.model;
        let sections: [(&str, &str, Vec<&str>); 5] = [
            (
                "questions",
                "質問",
                model.questions.iter().map(|q| q.id.as_str()).collect(),
            ),
            (
                "documents",
                "書類",
                model.documents.iter().map(|d| d.id.as_str()).collect(),
            ),
            (
                "exemptions",
                "免除",
                model.exemptions.iter().map(|e| e.id.as_str()).collect(),
            ),
            (
                "routes",
                "経路",
                model.routes.iter().map(|r| r.id.as_str()).collect(),
            ),
            (
                "pins",
                "暗証番号",
                model.pins.iter().map(|p| p.id.as_str()).collect(),
            ),
        ];
        for (section, what, ids) in sections {
            let mut seen = HashSet::new();
            for (index, id) in ids.iter().enumerate() {
                if !seen.insert(*id) {
                    self.report(
                        &[Step::Key(section), Step::Index(index), Step::Key("id")],
                        format!(
                            "{section} に{what}の id \"{id}\" が2回あります。id は1つずつ別の名前にしてください"
                        ),
                    );
                }
            }
        }
    }

    /// Every document a route asks for is in `documents`. A document id that no route uses
    /// and that is one typo away from an id the routes ask for is reported once, at that
    /// document, instead of at every route.
    fn routes_name_known_documents(&mut self) {
        let model = self.model;
        let defined: Vec<&str> = model.documents.iter().map(|d| d.id.as_str()).collect();
        let mut asked: BTreeSet<&str> = BTreeSet::new();
        for route in &model.routes {
            for (_, visit) in visits_with_keys(&route.flow) {
                asked.extend(visit.documents.iter().map(|n| n.document.as_str()));
            }
        }
        let mut explained: HashSet<&str> = HashSet::new();
        for (index, id) in defined.iter().enumerate() {
            if asked.contains(id) {
                continue;
            }
            let typo_of = asked
                .iter()
                .filter(|a| !defined.contains(a))
                .find(|a| distance(id, a) <= 2);
            if let Some(meant) = typo_of {
                explained.insert(meant);
                self.report(
                    &[Step::Key("documents"), Step::Index(index), Step::Key("id")],
                    format!(
                        "書類の id \"{id}\" はどの経路からも使われていません。経路は \"{meant}\" を求めていますが、documents にその id がありません。\"{meant}\" の書き誤りではありませんか"
                    ),
                );
            }
        }
        for (route_index, route) in model.routes.iter().enumerate() {
            for (visit_key, visit) in visits_with_keys(&route.flow) {
                for (need_index, need) in visit.documents.iter().enumerate() {
                    let id = need.document.as_str();
                    if defined.contains(&id) || explained.contains(id) {
                        continue;
                    }
                    self.report(
                        &[
                            Step::Key("routes"),
                            Step::Index(route_index),
                            Step::Key("flow"),
                            Step::Key(visit_key),
                            Step::Key("documents"),
                            Step::Index(need_index),
                            Step::Key("document"),
                        ],
                        format!(
                            "経路 \"{}\" が書類 \"{id}\" を求めていますが、documents にその id の書類がありません（あるもの: {}）",
                            route.id,
                            sorted_list(defined.iter().copied())
                        ),
                    );
                }
            }
        }
    }

    /// A question that stands for a document names one the model defines.
    fn questions_confirm_known_documents(&mut self) {
        let model = self.model;
        let defined: Vec<&str> = model.documents.iter().map(|d| d.id.as_str()).collect();
        for (index, question) in model.questions.iter().enumerate() {
            let Some(document) = &question.confirms else {
                continue;
            };
            if !defined.contains(&document.as_str()) {
                self.report(
                    &[Step::Key("questions"), Step::Index(index), Step::Key("confirms")],
                    format!(
                        "質問 \"{}\" が書類 \"{document}\" を確かめるとしていますが、documents にその id の書類がありません（あるもの: {}）",
                        question.id,
                        sorted_list(defined.iter().copied())
                    ),
                );
            }
        }
    }

    fn routes_name_known_exemptions(&mut self) {
        let model = self.model;
        let known: Vec<&str> = model.exemptions.iter().map(|e| e.id.as_str()).collect();
        for (route_index, route) in model.routes.iter().enumerate() {
            for (visit_key, visit) in visits_with_keys(&route.flow) {
                for (need_index, need) in visit.documents.iter().enumerate() {
                    for (k, exemption) in need.exempt_if.iter().enumerate() {
                        if known.contains(&exemption.as_str()) {
                            continue;
                        }
                        self.report(
                            &[
                                Step::Key("routes"),
                                Step::Index(route_index),
                                Step::Key("flow"),
                                Step::Key(visit_key),
                                Step::Key("documents"),
                                Step::Index(need_index),
                                Step::Key("exempt_if"),
                                Step::Index(k),
                            ],
                            format!(
                                "経路 \"{}\" の exempt_if に \"{exemption}\" とありますが、exemptions にその id がありません（あるもの: {}）",
                                route.id,
                                sorted_list(known.iter().copied())
                            ),
                        );
                    }
                }
            }
        }
    }

    fn visits_ask_for_something(&mut self) {
        let model = self.model;
        for (route_index, route) in model.routes.iter().enumerate() {
            for (visit_key, visit) in visits_with_keys(&route.flow) {
                if visit.documents.is_empty() {
                    self.report(
                        &[
                            Step::Key("routes"),
                            Step::Index(route_index),
                            Step::Key("flow"),
                            Step::Key(visit_key),
                        ],
                        format!(
                            "経路 \"{}\" の来庁（{visit_key}）に必要書類が1つもありません。documents: [ Need(document: \"card\", source: Page(\"…\")) ] のように書類を挙げてください",
                            route.id
                        ),
                    );
                }
            }
        }
    }

    /// Each procedure, applicant kind, blocker and warning exactly once.
    fn one_entry_each(&mut self) {
        let model = self.model;
        let sections: [(&str, Vec<(String, usize)>); 4] = [
            (
                "procedures",
                ProcedureKind::ALL
                    .iter()
                    .map(|k| {
                        let n = model.procedures.iter().filter(|p| p.kind == *k).count();
                        (format!("{k:?}"), n)
                    })
                    .collect(),
            ),
            (
                "applicants",
                ApplicantKind::ALL
                    .iter()
                    .map(|k| {
                        let n = model.applicants.iter().filter(|a| a.kind == *k).count();
                        (format!("{k:?}"), n)
                    })
                    .collect(),
            ),
            (
                "blockers",
                BlockerId::ALL
                    .iter()
                    .map(|id| {
                        let n = model.blockers.iter().filter(|b| b.id == *id).count();
                        (crate::json_name(id), n)
                    })
                    .collect(),
            ),
            (
                "warnings",
                WarningId::ALL
                    .iter()
                    .map(|id| {
                        let n = model.warnings.iter().filter(|w| w.id == *id).count();
                        (crate::json_name(id), n)
                    })
                    .collect(),
            ),
        ];
        for (section, counts) in sections {
            for (name, count) in counts {
                match count {
                    1 => {}
                    0 => self.report(
                        &[Step::Key(section)],
                        format!("{section} に {name} の項目がありません"),
                    ),
                    n => self.report(
                        &[Step::Key(section)],
                        format!("{section} に {name} の項目が{n}個あります。1つにしてください"),
                    ),
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
    fn every_pair_has_a_fallback_route(&mut self) {
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
    fn every_route_can_be_chosen(&mut self) {
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

    /// Every condition of the model, with the path of its `when`.
    fn conditions(&self) -> Vec<(Vec<Step<'static>>, &Condition)> {
        let model = self.model;
        let mut all: Vec<(Vec<Step<'static>>, &Condition)> = Vec::new();
        for (i, route) in model.routes.iter().enumerate() {
            if let Some(when) = &route.when {
                all.push((
                    vec![Step::Key("routes"), Step::Index(i), Step::Key("when")],
                    when,
                ));
            }
            for (visit_key, visit) in visits_with_keys(&route.flow) {
                for (j, need) in visit.documents.iter().enumerate() {
                    if let Some(when) = &need.when {
                        all.push((
                            vec![
                                Step::Key("routes"),
                                Step::Index(i),
                                Step::Key("flow"),
                                Step::Key(visit_key),
                                Step::Key("documents"),
                                Step::Index(j),
                                Step::Key("when"),
                            ],
                            when,
                        ));
                    }
                }
            }
        }
        for (i, route) in model.routes.iter().enumerate() {
            for (j, prompt) in route.staff_prompts.iter().enumerate() {
                all.push((
                    vec![
                        Step::Key("routes"),
                        Step::Index(i),
                        Step::Key("staff_prompts"),
                        Step::Index(j),
                        Step::Key("when"),
                    ],
                    &prompt.when,
                ));
            }
        }
        for (i, e) in model.exemptions.iter().enumerate() {
            all.push((
                vec![Step::Key("exemptions"), Step::Index(i), Step::Key("when")],
                &e.when,
            ));
        }
        for (i, b) in model.blockers.iter().enumerate() {
            all.push((
                vec![Step::Key("blockers"), Step::Index(i), Step::Key("when")],
                &b.when,
            ));
        }
        for (i, w) in model.warnings.iter().enumerate() {
            all.push((
                vec![Step::Key("warnings"), Step::Index(i), Step::Key("when")],
                &w.when,
            ));
        }
        all.push((
            vec![Step::Key("convenience_store"), Step::Key("when")],
            &model.convenience_store.when,
        ));
        all
    }

    /// `Answer("…")` names a question of `questions` (a typo would silently read false).
    fn conditions_read_declared_questions(&mut self) {
        let declared: Vec<&str> = self.model.questions.iter().map(|q| q.id.as_str()).collect();
        let mut problems = Vec::new();
        for (path, condition) in self.conditions() {
            let mut read = Vec::new();
            condition.answers_read(&mut read);
            for id in read.iter().filter(|id| !declared.contains(&id.as_str())) {
                problems.push((
                    path.clone(),
                    format!(
                        "条件が質問 \"{id}\" の答えを読んでいますが、questions にその id の質問がありません（あるもの: {}）",
                        sorted_list(declared.iter().copied())
                    ),
                ));
            }
        }
        for (path, message) in problems {
            self.report(&path, message);
        }
    }

    fn blockers_and_warnings_stop_some_procedure(&mut self) {
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

    fn in_range(&mut self, path: &[Step], name: &str, value: u32, range: RangeInclusive<u32>) {
        if !range.contains(&value) {
            self.report(
                path,
                format!(
                    "{name} が {value} です。{}〜{} の範囲にしてください",
                    range.start(),
                    range.end()
                ),
            );
        }
    }

    /// Birthdays, months and ages as the law has them, give or take: a typo such as
    /// `valid_until_birthday: 2147483647` is refused, not computed with.
    fn numbers_are_within_the_law(&mut self) {
        let rules = &self.model.certificate;
        let certificate = |key| [Step::Key("certificate"), Step::Key(key)];
        self.in_range(
            &certificate("valid_until_birthday"),
            "valid_until_birthday",
            rules.valid_until_birthday,
            1..=10,
        );
        self.in_range(
            &certificate("renewal_valid_until_birthday_after_old_expiry"),
            "renewal_valid_until_birthday_after_old_expiry",
            rules.renewal_valid_until_birthday_after_old_expiry,
            1..=10,
        );
        self.in_range(
            &certificate("renewal_window_months"),
            "renewal_window_months",
            rules.renewal_window_months,
            1..=6,
        );
        self.in_range(
            &certificate("signature_cert_min_age"),
            "signature_cert_min_age",
            rules.signature_cert_min_age,
            0..=20,
        );
        for (index, applicant) in self.model.applicants.iter().enumerate() {
            let range = &applicant.holder_age;
            for (key, value) in [("at_least", range.at_least), ("below", range.below)] {
                if let Some(value) = value {
                    self.in_range(
                        &[
                            Step::Key("applicants"),
                            Step::Index(index),
                            Step::Key("holder_age"),
                            Step::Key(key),
                        ],
                        &format!("{:?} の holder_age の {key}", applicant.kind),
                        value,
                        0..=150,
                    );
                }
            }
        }
    }

    fn age_ranges_are_not_empty(&mut self) {
        for (index, applicant) in self.model.applicants.iter().enumerate() {
            if let (Some(min), Some(max)) =
                (applicant.holder_age.at_least, applicant.holder_age.below)
                && min >= max
            {
                self.report(
                    &[
                        Step::Key("applicants"),
                        Step::Index(index),
                        Step::Key("holder_age"),
                    ],
                    format!(
                        "{:?} の holder_age: at_least（{min}）が below（{max}）以上です",
                        applicant.kind
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests;
