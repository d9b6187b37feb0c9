//! What an edit of the procedure model changes, grouped for a reader who knows the page:
//! documents, routes and their conditions, the texts the citizen reads, the page and its
//! sources — and, run over a folder of cases, which answers at the counter change.

use madoguchi_core::case::Case;
use madoguchi_core::engine::evaluate;
use madoguchi_core::model::describe;
use madoguchi_core::model::{Flow, ProcedureModel, Route, Source};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// One group of changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffSection {
    pub heading: String,
    pub lines: Vec<String>,
}

/// A case whose answer changes, field by field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseChange {
    pub case: String,
    pub fields: Vec<(String, String, String)>,
}

/// Everything that differs between two models.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ModelDiff {
    pub sections: Vec<DiffSection>,
    pub cases: Vec<CaseChange>,
    /// How many cases were run under both models.
    pub cases_run: usize,
}

impl ModelDiff {
    pub fn is_empty(&self) -> bool {
        self.sections.is_empty() && self.cases.is_empty()
    }
}

/// The changes from `old` to `new`.
pub fn diff(old: &ProcedureModel, new: &ProcedureModel) -> ModelDiff {
    let sections = [
        ("ページ（更新日・出典）", page_changes(old, new)),
        ("書類", document_changes(old, new)),
        ("確認すること（質問）", question_changes(old, new)),
        ("経路と条件", route_changes(old, new)),
        ("受付できない場合・注意", notice_changes(old, new)),
        ("市民が読む文", citizen_text_changes(old, new)),
    ]
    .into_iter()
    .filter(|(_, lines)| !lines.is_empty())
    .map(|(heading, lines)| DiffSection {
        heading: heading.to_string(),
        lines,
    })
    .collect();
    ModelDiff {
        sections,
        ..ModelDiff::default()
    }
}

fn changed<T: PartialEq + ?Sized>(
    lines: &mut Vec<String>,
    what: &str,
    old: &T,
    new: &T,
    show: impl Fn(&T) -> String,
) {
    if old != new {
        lines.push(format!("{what}: {} → {}", show(old), show(new)));
    }
}

fn page_changes(old: &ProcedureModel, new: &ProcedureModel) -> Vec<String> {
    let mut lines = Vec::new();
    changed(
        &mut lines,
        "ページの更新日",
        &old.page.updated,
        &new.page.updated,
        |s| s.clone(),
    );
    changed(
        &mut lines,
        "ページの題",
        &old.page.title,
        &new.page.title,
        |s| s.clone(),
    );
    changed(
        &mut lines,
        "発行元",
        &old.page.publisher,
        &new.page.publisher,
        |s| s.clone(),
    );
    let quotes = |m: &ProcedureModel| -> Vec<String> {
        let mut all: Vec<String> = m
            .sources()
            .into_iter()
            .map(|s| match s {
                Source::Page(text) => format!("ページ「{text}」"),
                Source::Outside(text) => format!("ページ外「{text}」"),
            })
            .collect();
        all.sort();
        all.dedup();
        all
    };
    let (before, after) = (quotes(old), quotes(new));
    for gone in before.iter().filter(|q| !after.contains(q)) {
        lines.push(format!("出典がなくなりました: {gone}"));
    }
    for added in after.iter().filter(|q| !before.contains(q)) {
        lines.push(format!("出典が加わりました: {added}"));
    }
    lines
}

fn document_changes(old: &ProcedureModel, new: &ProcedureModel) -> Vec<String> {
    let mut lines = Vec::new();
    for document in &old.documents {
        match new.document(&document.id) {
            None => lines.push(format!(
                "書類をなくしました: {}（{}）",
                document.label, document.id
            )),
            Some(now) => {
                changed(
                    &mut lines,
                    &format!("書類 {} の名前", document.id),
                    &document.label,
                    &now.label,
                    |s| format!("「{s}」"),
                );
                changed(
                    &mut lines,
                    &format!("書類「{}」の例", now.label),
                    &document.examples,
                    &now.examples,
                    |e| format!("「{}」", e.join("・")),
                );
                changed(
                    &mut lines,
                    &format!("書類「{}」の注意", now.label),
                    &document.note,
                    &now.note,
                    |n| n.clone().unwrap_or_else(|| "なし".into()),
                );
            }
        }
    }
    for document in new
        .documents
        .iter()
        .filter(|d| old.document(&d.id).is_none())
    {
        lines.push(format!(
            "書類を加えました: {}（{}）",
            document.label, document.id
        ));
    }
    for exemption in &new.exemptions {
        let before = old.exemption(&exemption.id);
        match before {
            None => lines.push(format!("免除を加えました: {}", exemption.reason)),
            Some(before) => {
                changed(
                    &mut lines,
                    &format!("免除 {} の理由", exemption.id),
                    &before.reason,
                    &exemption.reason,
                    |s| format!("「{s}」"),
                );
                if before.when != exemption.when {
                    lines.push(format!(
                        "免除 {} の条件: {} → {}",
                        exemption.id,
                        describe::condition(old, &before.when),
                        describe::condition(new, &exemption.when)
                    ));
                }
            }
        }
    }
    for exemption in old
        .exemptions
        .iter()
        .filter(|e| new.exemption(&e.id).is_none())
    {
        lines.push(format!("免除をなくしました: {}", exemption.reason));
    }
    lines
}

fn question_changes(old: &ProcedureModel, new: &ProcedureModel) -> Vec<String> {
    let mut lines = Vec::new();
    for question in &new.questions {
        match old.question(&question.id) {
            None => lines.push(format!(
                "質問を加えました: {}（{}）",
                question.label, question.id
            )),
            Some(before) => {
                changed(
                    &mut lines,
                    &format!("質問 {} の文", question.id),
                    &before.label,
                    &question.label,
                    |s| format!("「{s}」"),
                );
                changed(
                    &mut lines,
                    &format!("質問「{}」の初めの答え", question.label),
                    &before.default,
                    &question.default,
                    |b| {
                        if *b {
                            "はい".into()
                        } else {
                            "いいえ".into()
                        }
                    },
                );
            }
        }
    }
    for question in old
        .questions
        .iter()
        .filter(|q| new.question(&q.id).is_none())
    {
        lines.push(format!("質問をなくしました: {}", question.label));
    }
    lines
}

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
    let visits: Vec<(&'static str, &madoguchi_core::model::Visit)> = match &route.flow {
        Flow::SameDay { visit } => vec![("来庁", visit)],
        Flow::ThreeStep {
            first_visit,
            second_visit,
            ..
        } => vec![("1回目", first_visit), ("2回目", second_visit)],
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

fn route_changes(old: &ProcedureModel, new: &ProcedureModel) -> Vec<String> {
    let mut lines = Vec::new();
    for route in &new.routes {
        let Some(before) = old.route(&route.id) else {
            lines.push(format!(
                "経路を加えました: {}（{}、{}）",
                route.title,
                route.id,
                describe::route_condition(new, route)
            ));
            continue;
        };
        let title = &route.title;
        changed(
            &mut lines,
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
        if before.flow.is_same_day() != route.flow.is_same_day() {
            let kind = |same: bool| if same { "即日" } else { "3段階" };
            lines.push(format!(
                "経路「{title}」: {} → {}",
                kind(before.flow.is_same_day()),
                kind(route.flow.is_same_day())
            ));
        }
        let (was, now) = (visit_documents(old, before), visit_documents(new, route));
        for (visit, asked) in &now {
            let before_asked = was
                .iter()
                .find(|(v, _)| v == visit)
                .map_or(&[][..], |(_, a)| a.as_slice());
            for document in asked {
                let Some(previous) = before_asked.iter().find(|d| d.id == document.id) else {
                    lines.push(format!(
                        "経路「{title}」の{visit}に書類を加えました: {}",
                        document.label
                    ));
                    continue;
                };
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
    }
    for route in old.routes.iter().filter(|r| new.route(&r.id).is_none()) {
        lines.push(format!(
            "経路をなくしました: {}（{}）",
            route.title, route.id
        ));
    }
    let order = |m: &ProcedureModel| m.routes.iter().map(|r| r.id.clone()).collect::<Vec<_>>();
    let (was, now) = (order(old), order(new));
    let same_routes = {
        let (mut a, mut b) = (was.clone(), now.clone());
        a.sort();
        b.sort();
        a == b
    };
    if same_routes && was != now {
        lines.push("経路の順番が変わりました（上から順に当てはまる経路を使います）".to_string());
    }
    lines
}

fn notice_changes(old: &ProcedureModel, new: &ProcedureModel) -> Vec<String> {
    let mut lines = Vec::new();
    for blocker in &new.blockers {
        let Some(before) = old.blocker(blocker.id) else {
            continue;
        };
        let what = format!("「{}」", blocker.title);
        if before.when != blocker.when {
            lines.push(format!(
                "{what}の条件: {} → {}",
                describe::condition(old, &before.when),
                describe::condition(new, &blocker.when)
            ));
        }
        changed(
            &mut lines,
            &format!("{what}の手続き"),
            &before.procedures,
            &blocker.procedures,
            |p| {
                p.iter()
                    .map(|k| new.procedure_title(*k).to_string())
                    .collect::<Vec<_>>()
                    .join("・")
            },
        );
        changed(
            &mut lines,
            &format!("{what}の職員への文"),
            &before.staff_text,
            &blocker.staff_text,
            |s| format!("「{s}」"),
        );
        changed(
            &mut lines,
            &format!("{what}の名前"),
            &before.title,
            &blocker.title,
            |s| format!("「{s}」"),
        );
    }
    for warning in &new.warnings {
        let Some(before) = old.warning(warning.id) else {
            continue;
        };
        if before.when != warning.when {
            lines.push(format!(
                "「{}」の条件: {} → {}",
                warning.title,
                describe::condition(old, &before.when),
                describe::condition(new, &warning.when)
            ));
        }
        changed(
            &mut lines,
            &format!("「{}」の職員への文", warning.title),
            &before.staff_text,
            &warning.staff_text,
            |s| format!("「{s}」"),
        );
    }
    lines
}

/// The citizen's texts other than document labels and examples (listed under 書類).
fn citizen_text_changes(old: &ProcedureModel, new: &ProcedureModel) -> Vec<String> {
    let keep = |key: &str| !key.starts_with("document.") && !key.starts_with("example.");
    let map = |m: &ProcedureModel| -> BTreeMap<String, String> {
        m.citizen_texts()
            .into_iter()
            .filter(|(k, _)| keep(k))
            .collect()
    };
    let (before, after) = (map(old), map(new));
    let mut lines = Vec::new();
    for (key, text) in &after {
        match before.get(key) {
            None => lines.push(format!("文を加えました（{key}）: 「{text}」")),
            Some(was) if was != text => {
                lines.push(format!("文を変えました（{key}）: 「{was}」 → 「{text}」"));
            }
            Some(_) => {}
        }
    }
    for (key, text) in before.iter().filter(|(k, _)| !after.contains_key(*k)) {
        lines.push(format!("文をなくしました（{key}）: 「{text}」"));
    }
    lines
}

/// One case file as the application read it: its name (the file's stem), the file for
/// messages, and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseText {
    pub name: String,
    pub file: String,
    pub text: String,
}

/// The fields of the shared JSON compared, at the top and per procedure.
const COMPARED: [&str; 7] = [
    "same_day",
    "documents",
    "next_visit_documents",
    "blockers",
    "warnings",
    "signature_cert",
    "new_cert_expiry",
];
const COMPARED_PER_PROCEDURE: [&str; 5] = [
    "same_day",
    "documents",
    "next_visit_documents",
    "blockers",
    "warnings",
];

/// Runs every case under both models; lists the cases whose answer changes.
pub fn diff_cases(
    old: &ProcedureModel,
    new: &ProcedureModel,
    cases: &[CaseText],
) -> Result<Vec<CaseChange>, String> {
    let mut changes = Vec::new();
    for case_text in cases {
        let case = Case::from_ron_for(&case_text.text, &case_text.file, new)
            .or_else(|_| Case::from_ron_for(&case_text.text, &case_text.file, old))
            .map_err(|e| e.to_string())?;
        let as_json = |model: &ProcedureModel| {
            serde_json::to_value(evaluate(model, &case)).unwrap_or_default()
        };
        let fields = changed_fields(&as_json(old), &as_json(new));
        if !fields.is_empty() {
            changes.push(CaseChange {
                case: case_text.name.clone(),
                fields,
            });
        }
    }
    Ok(changes)
}

/// The fields whose value differs, at the top and then procedure by procedure:
/// (field, before, after).
fn changed_fields(
    was: &serde_json::Value,
    now: &serde_json::Value,
) -> Vec<(String, String, String)> {
    let show = |v: Option<&serde_json::Value>| v.map_or_else(|| "null".into(), ToString::to_string);
    let mut fields: Vec<(String, String, String)> = COMPARED
        .into_iter()
        .filter(|field| was.get(field) != now.get(field))
        .map(|field| {
            (
                field.to_string(),
                show(was.get(field)),
                show(now.get(field)),
            )
        })
        .collect();
    let outcomes = |v: &serde_json::Value| {
        v.get("outcomes")
            .and_then(|o| o.as_array())
            .cloned()
            .unwrap_or_default()
    };
    let procedure_of = |o: &serde_json::Value| {
        o.get("procedure")
            .and_then(|p| p.as_str())
            .map(str::to_string)
    };
    let was_outcomes = outcomes(was);
    for outcome in &outcomes(now) {
        let procedure = procedure_of(outcome).unwrap_or_default();
        let before = was_outcomes
            .iter()
            .find(|o| procedure_of(o).as_deref() == Some(procedure.as_str()));
        for field in COMPARED_PER_PROCEDURE {
            let (a, b) = (before.and_then(|o| o.get(field)), outcome.get(field));
            if a != b {
                fields.push((format!("{procedure} の {field}"), show(a), show(b)));
            }
        }
    }
    fields
}

/// The report as text (`■` headings) or Markdown (`##` headings).
pub fn render(diff: &ModelDiff, old_name: &str, new_name: &str, markdown: bool) -> String {
    let mut out = String::new();
    let (h1, h2, item) = if markdown {
        ("# ", "## ", "- ")
    } else {
        ("", "■ ", "  ・")
    };
    let _ = writeln!(out, "{h1}手続きモデルの変更: {old_name} → {new_name}");
    if diff.sections.is_empty() {
        let _ = writeln!(out, "\n規則と文の変更はありません。");
    }
    for section in &diff.sections {
        let _ = writeln!(out, "\n{h2}{}", section.heading);
        if markdown {
            let _ = writeln!(out);
        }
        for line in &section.lines {
            let _ = writeln!(out, "{item}{line}");
        }
    }
    if diff.cases_run > 0 {
        let _ = writeln!(
            out,
            "\n{h2}事例の答えの変化（{} 件中 {} 件）",
            diff.cases_run,
            diff.cases.len()
        );
        if markdown {
            let _ = writeln!(out);
        }
        for change in &diff.cases {
            let _ = writeln!(out, "{item}{}", change.case);
            for (field, was, now) in &change.fields {
                let indent = if markdown { "  - " } else { "      " };
                let _ = writeln!(out, "{indent}{field}: {was} → {now}");
            }
        }
    }
    out
}
