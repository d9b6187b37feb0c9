//! The sheet leaving the window: 印刷 (the counter's printer) and 保存（PDF）, each ending in the
//! notice that says where it went or what went wrong.

use super::counter_state::CounterState;
use super::output::{Notice, SaveChoice};
use crate::printing::{print_pdf, resolve};
use crate::sheet::Sheet;

/// The sheet as it stands, or why there is none to hand out.
fn sheet_to_hand_out(state: &CounterState, action: &str) -> Result<(Sheet, String), String> {
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

/// 印刷 / Ctrl+P.
pub fn print(state: &mut CounterState) {
    let notice = match sheet_to_hand_out(state, "印刷") {
        Ok((sheet, file_name)) => print_sheet(state, &sheet, &file_name),
        Err(why) => Notice::Refused(why),
    };
    state.notice = Some(notice);
}

/// 保存（PDF）.
pub fn save(state: &mut CounterState) {
    let notice = match sheet_to_hand_out(state, "保存") {
        Ok((sheet, file_name)) => save_sheet(state, &sheet, &file_name, None),
        Err(why) => Notice::Refused(why),
    };
    state.notice = Some(notice);
}

/// The sheet to the printer; with no printer at all, to a PDF file instead.
fn print_sheet(state: &mut CounterState, sheet: &Sheet, file_name: &str) -> Notice {
    let pdf = match crate::sheet::pdf::render_pdf(sheet) {
        Ok(pdf) => pdf,
        Err(err) => return Notice::Failed(err.to_string()),
    };
    match resolve(state.spooler.as_ref(), &state.printer) {
        Err(err) if err.no_printer() => save_sheet(
            state,
            sheet,
            file_name,
            Some(format!("{err}。PDF として保存します")),
        ),
        _ => send_to_printer(state, pdf, file_name.trim_end_matches(".pdf").to_string()),
    }
}

pub fn send_to_printer(state: &mut CounterState, pdf: Vec<u8>, title: String) -> Notice {
    let printed = print_pdf(state.spooler.as_mut(), &state.printer, &title, &pdf);
    state.refresh_printer_label();
    match printed {
        Ok(job) => {
            state.refused_sheet = None;
            state.handed_out = true;
            Notice::Done(format!(
                "プリンター「{}」に送りました（ジョブ {}）",
                job.printer, job.job
            ))
        }
        Err(err) => {
            state.refused_sheet = Some((pdf, title));
            Notice::PrintFailed(err.to_string())
        }
    }
}

/// The sheet to a file the save dialog names. `why` says why a print became a save.
fn save_sheet(
    state: &mut CounterState,
    sheet: &Sheet,
    file_name: &str,
    why: Option<String>,
) -> Notice {
    let before = why.map_or(String::new(), |w| format!("{w}: "));
    let path = match (state.save_dialog)(file_name) {
        SaveChoice::Path(path) => path,
        SaveChoice::Cancelled => {
            return Notice::Failed(format!("{before}保存を取り消しました"));
        }
        SaveChoice::Unavailable(reason) => {
            return Notice::Failed(format!(
                "{before}{reason}。--print-dir フォルダ を付けて起動すると、保存先を尋ねずにそのフォルダに保存します"
            ));
        }
    };
    match crate::sheet_file::write_pdf_file(sheet, &path) {
        Ok(()) => {
            state.handed_out = true;
            let saved = format!("{before}保存しました: {}", path.display());
            if !state.open_after_save {
                return Notice::Done(saved);
            }
            match opener::open(&path) {
                Ok(()) => Notice::Done(saved),
                Err(err) => Notice::Failed(format!(
                    "{saved}。ただし PDF を開けませんでした（{err}）。ファイルを開いて印刷してください"
                )),
            }
        }
        Err(err) => Notice::Failed(format!("{before}{err}")),
    }
}
