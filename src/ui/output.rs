//! The sheet leaving the window: 印刷 (the counter's printer) and 保存（PDF）, with the notice
//! that says where it went or what went wrong.

use super::app::CounterApp;
use crate::printing::{PrinterChoice, print_pdf, resolve};
use crate::sheet::Sheet;
use std::path::PathBuf;

/// The status line after 印刷, 保存 or a key that could not act.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// Printed or saved.
    Done(String),
    /// Nothing was printed or saved, and why.
    Failed(String),
    /// The spooler refused the sheet; it is kept for もう一度印刷.
    PrintFailed(String),
    /// A key that could not act, and why.
    Refused(String),
}

impl Notice {
    pub fn text(&self) -> &str {
        match self {
            Notice::Done(text)
            | Notice::Failed(text)
            | Notice::PrintFailed(text)
            | Notice::Refused(text) => text,
        }
    }
}

/// What the save dialog gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveChoice {
    Path(PathBuf),
    /// Staff closed the dialog.
    Cancelled,
    /// No dialog could open (no desktop portal, no display bus), and why.
    Unavailable(String),
}

/// Asks where to save the sheet.
pub type SaveDialog = Box<dyn FnMut(&str) -> SaveChoice>;

/// The system's save dialog (rfd). On Linux it needs the desktop portal over the session bus:
/// without one rfd returns at once, which is not a cancel, and is said so.
pub fn system_save_dialog(default_name: &str) -> SaveChoice {
    #[cfg(all(unix, not(target_os = "macos")))]
    {
        let bus_in_env = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some();
        let bus_socket = std::env::var_os("XDG_RUNTIME_DIR")
            .is_some_and(|dir| std::path::Path::new(&dir).join("bus").exists());
        if !bus_in_env && !bus_socket {
            return SaveChoice::Unavailable(
                "デスクトップのセッションバスがなく、保存ダイアログ（xdg-desktop-portal）を開けません".into(),
            );
        }
    }
    let started = std::time::Instant::now();
    match rfd::FileDialog::new()
        .set_title("お渡しする案内を保存")
        .set_file_name(default_name)
        .add_filter("PDF", &["pdf"])
        .save_file()
    {
        Some(path) => SaveChoice::Path(path),
        // Nobody closes a dialog within a third of a second: it never opened.
        None if started.elapsed() < std::time::Duration::from_millis(300) => {
            SaveChoice::Unavailable("保存ダイアログが開きませんでした".into())
        }
        None => SaveChoice::Cancelled,
    }
}

impl CounterApp {
    /// The top bar's words for the printer in use.
    pub(super) fn refresh_printer_label(&mut self) {
        self.printer_label = match resolve(self.spooler.as_ref(), &self.printer) {
            Ok(name) if self.printer == PrinterChoice::SystemDefault => {
                format!("プリンター: {name}（既定）")
            }
            Ok(name) => format!("プリンター: {name}"),
            Err(_) => match &self.printer {
                PrinterChoice::Named(name) => format!("プリンター: {name}（見つかりません）"),
                PrinterChoice::SystemDefault => "プリンター: なし（PDF で保存）".to_string(),
            },
        };
    }

    /// The sheet as it stands, or why there is none to hand out.
    fn sheet_to_hand_out(&self, action: &str) -> Result<(Sheet, String), String> {
        let view = &self.view;
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
    pub(super) fn print_command(&mut self) {
        self.notice = Some(match self.sheet_to_hand_out("印刷") {
            Ok((sheet, file_name)) => self.print(&sheet, &file_name),
            Err(why) => Notice::Refused(why),
        });
    }

    /// 保存（PDF）.
    pub(super) fn save_command(&mut self) {
        self.notice = Some(match self.sheet_to_hand_out("保存") {
            Ok((sheet, file_name)) => self.save(&sheet, &file_name, None),
            Err(why) => Notice::Refused(why),
        });
    }

    /// The sheet to the printer; with no printer at all, to a PDF file instead.
    fn print(&mut self, sheet: &Sheet, file_name: &str) -> Notice {
        let pdf = match crate::sheet::pdf::render_pdf(sheet) {
            Ok(pdf) => pdf,
            Err(err) => return Notice::Failed(err.to_string()),
        };
        match resolve(self.spooler.as_ref(), &self.printer) {
            Err(err) if err.no_printer() => self.save(
                sheet,
                file_name,
                Some(format!("{err}。PDF として保存します")),
            ),
            _ => self.send_to_printer(pdf, file_name.trim_end_matches(".pdf").to_string()),
        }
    }

    pub(super) fn send_to_printer(&mut self, pdf: Vec<u8>, title: String) -> Notice {
        let printed = print_pdf(self.spooler.as_mut(), &self.printer, &title, &pdf);
        self.refresh_printer_label();
        match printed {
            Ok(job) => {
                self.refused_sheet = None;
                self.handed_out = true;
                Notice::Done(format!(
                    "プリンター「{}」に送りました（ジョブ {}）",
                    job.printer, job.job
                ))
            }
            Err(err) => {
                self.refused_sheet = Some((pdf, title));
                Notice::PrintFailed(err.to_string())
            }
        }
    }

    /// The sheet to a file the save dialog names. `why` says why a print became a save.
    fn save(&mut self, sheet: &Sheet, file_name: &str, why: Option<String>) -> Notice {
        let before = why.map_or(String::new(), |w| format!("{w}: "));
        let path = match (self.save_dialog)(file_name) {
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
                self.handed_out = true;
                let saved = format!("{before}保存しました: {}", path.display());
                if !self.open_after_save {
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
}
