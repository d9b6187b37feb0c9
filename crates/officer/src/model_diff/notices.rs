//! Changes of what stops a procedure (blockers) and of the warnings for the staff: their
//! conditions, procedures and texts; those added or removed (a city declares its own).

use super::changed;
use madoguchi_core::model::describe;
use madoguchi_core::model::{BlockerInfo, ProcedureModel, WarningInfo};

/// The blockers' changes, then the warnings'.
pub(super) fn notice_changes(old: &ProcedureModel, new: &ProcedureModel) -> Vec<String> {
    let mut lines = Vec::new();
    for blocker in &new.blockers {
        match old.blocker(&blocker.id) {
            Some(before) => blocker_changes(old, new, before, blocker, &mut lines),
            None => lines.push(format!(
                "受付できない理由を加えました: 「{}」（{}）: {}のとき、{}を止めます",
                blocker.title,
                blocker.id,
                describe::condition(new, &blocker.when),
                titles(new, &blocker.procedures)
            )),
        }
    }
    for blocker in old.blockers.iter().filter(|b| new.blocker(&b.id).is_none()) {
        lines.push(format!(
            "受付できない理由をなくしました: 「{}」（{}）",
            blocker.title, blocker.id
        ));
    }
    for warning in &new.warnings {
        match old.warning(&warning.id) {
            Some(before) => warning_changes(old, new, before, warning, &mut lines),
            None => lines.push(format!(
                "注意を加えました: 「{}」（{}）: {}のとき",
                warning.title,
                warning.id,
                describe::condition(new, &warning.when)
            )),
        }
    }
    for warning in old.warnings.iter().filter(|w| new.warning(&w.id).is_none()) {
        lines.push(format!(
            "注意をなくしました: 「{}」（{}）",
            warning.title, warning.id
        ));
    }
    lines
}

/// The procedures' titles, joined.
fn titles(model: &ProcedureModel, procedures: &[madoguchi_core::model::ProcedureKind]) -> String {
    procedures
        .iter()
        .map(|k| model.procedure_title(*k).to_string())
        .collect::<Vec<_>>()
        .join("・")
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
        |p| titles(new, p),
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
