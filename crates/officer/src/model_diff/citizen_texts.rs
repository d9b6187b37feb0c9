//! Changes of the texts the citizen reads, key by key.

use madoguchi_core::model::ProcedureModel;
use std::collections::BTreeMap;

/// The citizen's texts other than document labels and examples (listed under 書類).
pub(super) fn citizen_text_changes(old: &ProcedureModel, new: &ProcedureModel) -> Vec<String> {
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
