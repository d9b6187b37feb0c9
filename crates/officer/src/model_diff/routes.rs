//! Changes of the routes: added or removed, renamed, used under another condition, same-day
//! or in three steps, the documents asked at each visit, and the order in which the routes
//! are tried.

use super::changed;
use madoguchi_core::model::describe;
use madoguchi_core::model::{Flow, ProcedureModel, Route, Visit};

/// One document a route asks for at a visit: its id, label and condition in words.
struct AskedDocument {
    id: String,
    label: String,
    when: Option<String>,
    /// The route's own examples, when it gives them.
    examples: Option<Vec<String>>,
}

/// The documents of each visit of a route.
fn visit_documents(
    model: &ProcedureModel,
    route: &Route,
) -> Vec<(&'static str, Vec<AskedDocument>)> {
    let visits: Vec<(&'static str, &Visit)> = match &route.flow {
        Flow::SameDay { visit } => vec![("来庁", visit)],
        flow => ["1回目", "2回目"].into_iter().zip(flow.visits()).collect(),
    };
    visits
        .into_iter()
        .map(|(name, visit)| {
            let asked = visit
                .documents
                .iter()
                .map(|need| AskedDocument {
                    id: need.document.to_string(),
                    label: describe::need_label(model, need.label.as_ref(), &need.document),
                    when: need.when.as_ref().map(|c| describe::condition(model, c)),
                    examples: need.examples.clone(),
                })
                .collect();
            (name, asked)
        })
        .collect()
}

/// Routes added or changed, in the new model's order, then the routes removed, then whether
/// the same routes are tried in another order.
pub(super) fn route_changes(old: &ProcedureModel, new: &ProcedureModel) -> Vec<String> {
    let mut lines = Vec::new();
    for route in &new.routes {
        match old.route(&route.id) {
            None => {
                lines.push(format!(
                    "経路を加えました: {}（{}、{}）",
                    route.title,
                    route.id,
                    describe::route_condition(new, route)
                ));
                for (visit, asked) in visit_documents(new, route) {
                    let labels: Vec<&str> = asked.iter().map(|a| a.label.as_str()).collect();
                    lines.push(format!("　{visit}の書類: {}", labels.join("、")));
                }
            }
            Some(before) => edited_route_changes(old, new, before, route, &mut lines),
        }
    }
    for route in old.routes.iter().filter(|r| new.route(&r.id).is_none()) {
        lines.push(format!(
            "経路をなくしました: {}（{}）",
            route.title, route.id
        ));
    }
    lines.extend(order_change(old, new));
    lines
}

/// A route both models have: its name, condition, kind, and the documents of each visit.
fn edited_route_changes(
    old: &ProcedureModel,
    new: &ProcedureModel,
    before: &Route,
    route: &Route,
    lines: &mut Vec<String>,
) {
    let title = &route.title;
    changed(
        lines,
        &format!("経路 {} の名前", route.id),
        &before.title,
        title,
        |s| format!("「{s}」"),
    );
    let (was, now) = (
        describe::route_condition(old, before),
        describe::route_condition(new, route),
    );
    if was != now {
        lines.push(format!("経路「{title}」を使う条件: {was} → {now}"));
    }
    let kind = |flow: &Flow| match flow.steps(&route.id).len() {
        0 => "即日".to_string(),
        n => format!("{n}段階"),
    };
    let (kind_was, kind_now) = (kind(&before.flow), kind(&route.flow));
    if kind_was != kind_now {
        lines.push(format!("経路「{title}」: {kind_was} → {kind_now}"));
    }
    let (was, now) = (visit_documents(old, before), visit_documents(new, route));
    for (visit, asked) in &now {
        let before_asked = was
            .iter()
            .find(|(v, _)| v == visit)
            .map_or(&[][..], |(_, a)| a.as_slice());
        visit_document_changes(title, visit, before_asked, asked, lines);
    }
}

/// The documents a route asks for at one visit: added or changed, in the new order, then
/// the documents no longer asked for.
fn visit_document_changes(
    title: &str,
    visit: &str,
    before_asked: &[AskedDocument],
    asked: &[AskedDocument],
    lines: &mut Vec<String>,
) {
    for document in asked {
        match before_asked.iter().find(|d| d.id == document.id) {
            None => lines.push(format!(
                "経路「{title}」の{visit}に書類を加えました: {}",
                document.label
            )),
            Some(previous) => asked_document_changes(title, visit, previous, document, lines),
        }
    }
    for gone in before_asked
        .iter()
        .filter(|d| !asked.iter().any(|a| a.id == d.id))
    {
        lines.push(format!(
            "経路「{title}」の{visit}から書類をなくしました: {}",
            gone.label
        ));
    }
}

/// A document asked for at the same visit of a route in both models: its name there, its
/// examples there, and when it is asked for.
fn asked_document_changes(
    title: &str,
    visit: &str,
    previous: &AskedDocument,
    document: &AskedDocument,
    lines: &mut Vec<String>,
) {
    if previous.label != document.label {
        lines.push(format!(
            "経路「{title}」の{visit}の書類の名前: 「{}」 → 「{}」",
            previous.label, document.label
        ));
    }
    if previous.examples != document.examples {
        let show = |e: &Option<Vec<String>>| {
            e.as_ref().map_or_else(
                || "書類の例のまま".into(),
                |e| format!("「{}」", e.join("・")),
            )
        };
        lines.push(format!(
            "経路「{title}」の{visit}の「{}」の例: {} → {}",
            document.label,
            show(&previous.examples),
            show(&document.examples)
        ));
    }
    if previous.when != document.when {
        let show = |w: &Option<String>| w.clone().unwrap_or_else(|| "いつも".into());
        lines.push(format!(
            "経路「{title}」の{visit}で「{}」を求める条件: {} → {}",
            document.label,
            show(&previous.when),
            show(&document.when)
        ));
    }
}

/// The same routes, tried in another order (the first route that applies is used).
fn order_change(old: &ProcedureModel, new: &ProcedureModel) -> Option<String> {
    let order = |m: &ProcedureModel| m.routes.iter().map(|r| r.id.clone()).collect::<Vec<_>>();
    let (was, now) = (order(old), order(new));
    let same_routes = {
        let (mut a, mut b) = (was.clone(), now.clone());
        a.sort();
        b.sort();
        a == b
    };
    (same_routes && was != now)
        .then(|| "経路の順番が変わりました（上から順に当てはまる経路を使います）".to_string())
}
