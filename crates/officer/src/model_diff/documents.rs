//! Changes of the documents the model knows (name, examples, note) and of the exemptions
//! that spare one (reason, condition).

use super::changed;
use madoguchi_core::model::ProcedureModel;
use madoguchi_core::model::describe;

/// The documents' changes, then the exemptions'.
pub(super) fn document_changes(old: &ProcedureModel, new: &ProcedureModel) -> Vec<String> {
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
    lines.extend(exemption_changes(old, new));
    lines
}

/// Exemptions added or changed, in the new model's order, then the exemptions removed.
fn exemption_changes(old: &ProcedureModel, new: &ProcedureModel) -> Vec<String> {
    let mut lines = Vec::new();
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
