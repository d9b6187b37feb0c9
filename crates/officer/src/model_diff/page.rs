//! Changes of the page the model follows: its date, title and publisher, and the sentences
//! of it (or from outside it) that the model quotes as sources.

use super::changed;
use madoguchi_core::model::{ProcedureModel, Source};

/// The page's date, title and publisher, then the sources no longer quoted and the new ones.
pub(super) fn page_changes(old: &ProcedureModel, new: &ProcedureModel) -> Vec<String> {
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
                Source::PageOf(page, text) => format!("ページ {page}「{text}」"),
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
