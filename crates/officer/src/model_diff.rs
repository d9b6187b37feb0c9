//! What an edit of the procedure model changes, grouped for a reader who knows the page:
//! documents, routes and their conditions, the texts the citizen reads, the page and its
//! sources — and, run over a folder of cases, which answers at the counter change. Each kind
//! of change has its own module; `report` writes them all as text or Markdown.

mod cases;
mod certificate;
mod citizen_texts;
mod documents;
mod notices;
mod page;
mod questions;
mod report;
mod routes;

pub use cases::{CaseText, diff_cases};
pub use report::render;

use certificate::rule_changes;
use citizen_texts::citizen_text_changes;
use documents::document_changes;
use madoguchi_core::model::ProcedureModel;
use notices::notice_changes;
use page::page_changes;
use questions::question_changes;
use routes::route_changes;

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
        ("電子証明書の期限・年齢・受付場所", rule_changes(old, new)),
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

/// Adds `what: before → after` to `lines` when the value changed, each side shown by `show`.
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
