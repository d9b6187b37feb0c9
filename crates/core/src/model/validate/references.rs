//! Every name the model refers to is one it defines: the documents and exemptions the routes
//! ask for, the documents questions confirm, the questions conditions read.

use super::{Validator, at_visit, distance, sorted_list, visits_with_keys};
use crate::model::Condition;
use crate::source_text::Step;
use std::collections::{BTreeSet, HashSet};

impl Validator<'_> {
    /// Every document a route asks for is in `documents`. A document id that no route uses
    /// and that is one typo away from an id the routes ask for is reported once, at that
    /// document, instead of at every route.
    pub(super) fn routes_name_known_documents(&mut self) {
        let model = self.model;
        let defined: Vec<&str> = model.documents.iter().map(|d| d.id.as_str()).collect();
        let mut asked: BTreeSet<&str> = BTreeSet::new();
        for route in &model.routes {
            for (_, _, visit) in visits_with_keys(&route.flow) {
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
            for (visit_path, _, visit) in visits_with_keys(&route.flow) {
                for (need_index, need) in visit.documents.iter().enumerate() {
                    let id = need.document.as_str();
                    if defined.contains(&id) || explained.contains(id) {
                        continue;
                    }
                    self.report(
                        &at_visit(route_index, &visit_path, &[Step::Key("documents"),
                            Step::Index(need_index),
                            Step::Key("document")]),
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
    pub(super) fn questions_confirm_known_documents(&mut self) {
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

    pub(super) fn routes_name_known_exemptions(&mut self) {
        let model = self.model;
        let known: Vec<&str> = model.exemptions.iter().map(|e| e.id.as_str()).collect();
        for (route_index, route) in model.routes.iter().enumerate() {
            for (visit_path, _, visit) in visits_with_keys(&route.flow) {
                for (need_index, need) in visit.documents.iter().enumerate() {
                    for (k, exemption) in need.exempt_if.iter().enumerate() {
                        if known.contains(&exemption.as_str()) {
                            continue;
                        }
                        self.report(
                            &at_visit(route_index, &visit_path, &[Step::Key("documents"),
                                Step::Index(need_index),
                                Step::Key("exempt_if"),
                                Step::Index(k)]),
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

    /// Every condition of the model, with the path of its `when`.
    fn conditions(&self) -> Vec<(Vec<Step<'static>>, &Condition)> {
        let model = self.model;
        let mut all = self.route_conditions();
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
        if let Some(store) = &model.convenience_store {
            all.push((
                vec![Step::Key("convenience_store"), Step::Key("when")],
                &store.when,
            ));
        }
        all
    }

    /// The conditions of the routes: each route's `when` and its documents' `when`, then the
    /// staff prompts of every route.
    fn route_conditions(&self) -> Vec<(Vec<Step<'static>>, &Condition)> {
        let model = self.model;
        let mut all: Vec<(Vec<Step<'static>>, &Condition)> = Vec::new();
        for (i, route) in model.routes.iter().enumerate() {
            if let Some(when) = &route.when {
                all.push((
                    vec![Step::Key("routes"), Step::Index(i), Step::Key("when")],
                    when,
                ));
            }
            for (visit_path, _, visit) in visits_with_keys(&route.flow) {
                for (j, need) in visit.documents.iter().enumerate() {
                    if let Some(when) = &need.when {
                        all.push((
                            at_visit(
                                i,
                                &visit_path,
                                &[Step::Key("documents"), Step::Index(j), Step::Key("when")],
                            ),
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
        all
    }

    /// `Answer("…")` names a question of `questions` (a typo would silently read false).
    pub(super) fn conditions_read_declared_questions(&mut self) {
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

    /// Every page a procedure or a source names is one of `pages`.
    pub(super) fn pages_are_declared(&mut self) {
        let model = self.model;
        let declared: Vec<&str> = model.pages.iter().map(|p| p.id.as_str()).collect();
        let known = || {
            if declared.is_empty() {
                "pages にページがありません".to_string()
            } else {
                format!("あるもの: {}", sorted_list(declared.iter().copied()))
            }
        };
        let mut problems = Vec::new();
        for (index, procedure) in model.procedures.iter().enumerate() {
            if let Some(page) = procedure.page.as_deref().filter(|p| !declared.contains(p)) {
                let path = vec![
                    Step::Key("procedures"),
                    Step::Index(index),
                    Step::Key("page"),
                ];
                let message = format!(
                    "手続きのページ \"{page}\" が pages にありません（{}）",
                    known()
                );
                problems.push((Some(path), String::new(), message));
            }
        }
        for source in model.sources() {
            if let Some(page) = source.page_id().filter(|p| !declared.contains(p)) {
                let needle = format!("PageOf(\"{page}\"");
                let message = format!(
                    "出典 PageOf(\"{page}\", …) のページが pages にありません（{}）",
                    known()
                );
                problems.push((None, needle, message));
            }
        }
        problems.dedup_by(|a, b| a.1 == b.1 && a.2 == b.2);
        for (path, needle, message) in problems {
            match path {
                Some(path) => self.report(&path, message),
                None => self.report_at_words(&needle, message),
            }
        }
    }
}
