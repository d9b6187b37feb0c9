//! Changes of the questions asked at the counter: added, reworded, with another first
//! answer, removed.

use super::changed;
use madoguchi_core::model::ProcedureModel;

/// Questions added or changed, in the new model's order, then the questions removed.
pub(super) fn question_changes(old: &ProcedureModel, new: &ProcedureModel) -> Vec<String> {
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
