//! Changes of what stops a procedure (blockers) and of the warnings for the staff: their
//! conditions, procedures and texts. Only those both models have are compared.

use super::changed;
use madoguchi_core::model::describe;
use madoguchi_core::model::{BlockerInfo, ProcedureModel, WarningInfo};

/// The blockers' changes, then the warnings'.
pub(super) fn notice_changes(old: &ProcedureModel, new: &ProcedureModel) -> Vec<String> {
    let mut lines = Vec::new();
    for blocker in &new.blockers {
        if let Some(before) = old.blocker(blocker.id) {
            blocker_changes(old, new, before, blocker, &mut lines);
        }
    }
    for warning in &new.warnings {
        if let Some(before) = old.warning(warning.id) {
            warning_changes(old, new, before, warning, &mut lines);
        }
    }
    lines
}

/// A blocker's condition, procedures, text for the staff and name.
fn blocker_changes(
    old: &ProcedureModel,
    new: &ProcedureModel,
    before: &BlockerInfo,
    blocker: &BlockerInfo,
    lines: &mut Vec<String>,
) {
    let what = format!("「{}」", blocker.title);
    if before.when != blocker.when {
        lines.push(format!(
            "{what}の条件: {} → {}",
            describe::condition(old, &before.when),
            describe::condition(new, &blocker.when)
        ));
    }
    changed(
        lines,
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
        lines,
        &format!("{what}の職員への文"),
        &before.staff_text,
        &blocker.staff_text,
        |s| format!("「{s}」"),
    );
    changed(
        lines,
        &format!("{what}の名前"),
        &before.title,
        &blocker.title,
        |s| format!("「{s}」"),
    );
}

/// A warning's condition and text for the staff.
fn warning_changes(
    old: &ProcedureModel,
    new: &ProcedureModel,
    before: &WarningInfo,
    warning: &WarningInfo,
    lines: &mut Vec<String>,
) {
    if before.when != warning.when {
        lines.push(format!(
            "「{}」の条件: {} → {}",
            warning.title,
            describe::condition(old, &before.when),
            describe::condition(new, &warning.when)
        ));
    }
    changed(
        lines,
        &format!("「{}」の職員への文", warning.title),
        &before.staff_text,
        &warning.staff_text,
        |s| format!("「{s}」"),
    );
}
