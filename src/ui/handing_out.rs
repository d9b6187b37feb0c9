//! The sheet leaving the window: 印刷 (the counter's printer) and 保存（PDF）, handed to the
//! output worker so the window never waits; what came of it comes back as a notice.

use super::counter_state::CounterState;
use super::output::Notice;
use super::output_worker::{Done, Job};
use crate::sheet::Sheet;

/// The sheet as it stands, or why there is none to hand out.
fn sheet_to_hand_out(state: &CounterState, action: &str) -> Result<(Sheet, String), String> {
    if state.busy {
        return Err(format!(
            "{action}できません: 前の印刷・保存がまだ終わっていません"
        ));
    }
    let view = &state.view;
    let (Some(sheet), Some(guidance)) = (&view.sheet, &view.guidance) else {
        let reason = match &view.evaluation {
            Err(reason) => reason.to_string(),
            Ok(_) => "案内がありません".to_string(),
        };
        return Err(format!("{action}できません: {reason}"));
    };
    if !guidance.missing_texts.is_empty() {
        return Err(format!(
            "{action}できません: 案内の言語に訳のない文があります（{}）",
            guidance.missing_texts.join(", ")
        ));
    }
    Ok((sheet.clone(), view.file_name.clone()))
}

/// Hands a job to the worker; the status line says 印刷中… until it is done.
fn hand_over(state: &mut CounterState, job: Job, working: &str) {
    let sent = state.worker.as_ref().is_some_and(|worker| worker.send(job));
    state.notice = Some(if sent {
        state.busy = true;
        Notice::Working(working.to_string())
    } else {
        Notice::Failed("印刷・保存の仕組みが動いていません。画面を開き直してください".into())
    });
}

/// 印刷 / Ctrl+P.
pub fn print(state: &mut CounterState) {
    match sheet_to_hand_out(state, "印刷") {
        Ok((sheet, file_name)) => {
            let citizen = state.citizen;
            let job = Job::Print {
                citizen,
                sheet,
                file_name,
            };
            hand_over(state, job, "印刷中…");
        }
        Err(why) => state.notice = Some(Notice::Refused(why)),
    }
}

/// 保存（PDF）.
pub fn save(state: &mut CounterState) {
    match sheet_to_hand_out(state, "保存") {
        Ok((sheet, file_name)) => {
            let citizen = state.citizen;
            let job = Job::Save {
                citizen,
                sheet,
                file_name,
            };
            hand_over(state, job, "保存中…");
        }
        Err(why) => state.notice = Some(Notice::Refused(why)),
    }
}

/// もう一度印刷: the sheet the spooler refused, again.
pub fn reprint(state: &mut CounterState) {
    if state.busy {
        return;
    }
    if let Some((pdf, title)) = state.refused_sheet.take() {
        let citizen = state.citizen;
        let job = Job::Reprint {
            citizen,
            pdf,
            title,
        };
        hand_over(state, job, "印刷中…");
    }
}

/// What the worker finished: the notice, the printer's name, whether this citizen's sheet was
/// handed out.
pub fn finished(state: &mut CounterState, done: Done) {
    if let Some(label) = done.printer_label {
        state.printer_label = label;
    }
    if let Some(notice) = done.notice {
        state.busy = false;
        // A notice for the citizen before 次の方 still says what happened to that sheet.
        state.notice = Some(notice);
    }
    if done.citizen == state.citizen {
        state.handed_out |= done.handed_out;
        if done.refused.is_some() {
            state.refused_sheet = done.refused;
        }
    }
}
