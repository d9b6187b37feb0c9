//! The sheet leaving the window, off the window's thread: looking up the printer, handing a
//! job to the print service, the save dialog, writing the file and opening it. The window asks
//! with a [`Job`] and goes on drawing; the [`Done`] comes back through a channel and wakes it.

use super::output::{Notice, SaveChoice, SaveDialog};
use crate::printing::{PrintError, PrinterChoice, Spooler, print_pdf, resolve};
use crate::sheet::Sheet;
use std::sync::mpsc::{Receiver, Sender, channel};

/// What the window asks of the worker, for which citizen (a count 次の方 moves on).
pub enum Job {
    /// Which printer the top bar names.
    LookUpPrinter,
    /// The sheet to the printer; with no printer at all, it is saved instead.
    Print {
        citizen: u64,
        sheet: Sheet,
        file_name: String,
    },
    /// A PDF the spooler refused, again (もう一度印刷).
    Reprint {
        citizen: u64,
        pdf: Vec<u8>,
        title: String,
    },
    /// The sheet to a file the save dialog names.
    Save {
        citizen: u64,
        sheet: Sheet,
        file_name: String,
    },
}

/// What came of a job.
pub struct Done {
    pub citizen: u64,
    pub notice: Option<Notice>,
    /// The top bar's words for the printer, when looked up again.
    pub printer_label: Option<String>,
    /// The sheet reached the printer or a file.
    pub handed_out: bool,
    /// A job the spooler refused, for もう一度印刷.
    pub refused: Option<(Vec<u8>, String)>,
}

/// The print service, the printer and the save dialog, owned by the worker's thread.
pub struct Output {
    pub spooler: Box<dyn Spooler + Send>,
    pub printer: PrinterChoice,
    pub save_dialog: SaveDialog,
    pub open_after_save: bool,
}

/// The window's end of the worker.
pub struct OutputWorker {
    jobs: Sender<Job>,
    done: Receiver<Done>,
}

impl OutputWorker {
    /// Starts the worker; every job done wakes the window. It looks the printer up first.
    pub fn start(mut output: Output, ctx: &egui::Context) -> OutputWorker {
        let (jobs, incoming) = channel::<Job>();
        let (report, done) = channel::<Done>();
        let ctx = ctx.clone();
        let _ = jobs.send(Job::LookUpPrinter);
        let spawned = std::thread::Builder::new()
            .name("sheet-output".into())
            .spawn(move || {
                for job in incoming {
                    let finished = output.run(job);
                    if report.send(finished).is_err() {
                        return;
                    }
                    ctx.request_repaint();
                }
            });
        if let Err(err) = spawned {
            eprintln!("印刷・保存の仕組みを始められません: {err}");
        }
        OutputWorker { jobs, done }
    }

    /// Hands a job over; gives false when the worker is gone.
    pub fn send(&self, job: Job) -> bool {
        self.jobs.send(job).is_ok()
    }

    /// What finished since the last frame.
    pub fn finished(&self) -> Vec<Done> {
        self.done.try_iter().collect()
    }
}

impl Output {
    fn run(&mut self, job: Job) -> Done {
        match job {
            Job::LookUpPrinter => Done {
                citizen: 0,
                notice: None,
                printer_label: Some(self.printer_label()),
                handed_out: false,
                refused: None,
            },
            Job::Print {
                citizen,
                sheet,
                file_name,
            } => {
                let done = match crate::sheet::pdf::render_pdf(&sheet) {
                    Ok(pdf) => {
                        let title = file_name.trim_end_matches(".pdf").to_string();
                        self.print(pdf, title, &sheet, &file_name)
                    }
                    Err(err) => failed(err.to_string()),
                };
                Done { citizen, ..done }
            }
            Job::Reprint {
                citizen,
                pdf,
                title,
            } => Done {
                citizen,
                ..self.send_to_printer(pdf, title)
            },
            Job::Save {
                citizen,
                sheet,
                file_name,
            } => Done {
                citizen,
                ..self.save(&sheet, &file_name, None)
            },
        }
    }

    /// The top bar's words for the printer in use.
    fn printer_label(&self) -> String {
        match resolve(self.spooler.as_ref(), &self.printer) {
            Ok(name) if self.printer == PrinterChoice::SystemDefault => {
                format!("プリンター: {name}（既定）")
            }
            Ok(name) => format!("プリンター: {name}"),
            Err(PrintError::NoDefault { known }) => {
                format!("プリンター: 既定なし（{known}）— PDF で保存")
            }
            Err(PrintError::SpoolerDown { .. }) => {
                "プリンター: 印刷システムに接続できません".into()
            }
            Err(_) => match &self.printer {
                PrinterChoice::Named(name) => format!("プリンター: {name}（見つかりません）"),
                PrinterChoice::SystemDefault => "プリンター: なし（PDF で保存）".to_string(),
            },
        }
    }

    fn print(&mut self, pdf: Vec<u8>, title: String, sheet: &Sheet, file_name: &str) -> Done {
        if let Err(err) = resolve(self.spooler.as_ref(), &self.printer)
            && err.no_printer()
        {
            return self.save(
                sheet,
                file_name,
                Some(format!("{err}。PDF として保存します")),
            );
        }
        self.send_to_printer(pdf, title)
    }

    fn send_to_printer(&mut self, pdf: Vec<u8>, title: String) -> Done {
        let printed = print_pdf(self.spooler.as_mut(), &self.printer, &title, &pdf);
        let label = Some(self.printer_label());
        match printed {
            Ok(job) => Done {
                citizen: 0,
                notice: Some(Notice::Done(format!(
                    "プリンター「{}」に送りました（ジョブ {}）",
                    job.printer, job.job
                ))),
                printer_label: label,
                handed_out: true,
                refused: None,
            },
            Err(err) => Done {
                citizen: 0,
                notice: Some(Notice::PrintFailed(err.to_string())),
                printer_label: label,
                handed_out: false,
                refused: Some((pdf, title)),
            },
        }
    }

    /// The sheet to a file the save dialog names. `why` says why a print became a save.
    fn save(&mut self, sheet: &Sheet, file_name: &str, why: Option<String>) -> Done {
        let before = why.map_or(String::new(), |w| format!("{w}: "));
        let path = match (self.save_dialog)(file_name) {
            SaveChoice::Path(path) => path,
            SaveChoice::Cancelled => return failed(format!("{before}保存を取り消しました")),
            SaveChoice::Unavailable(reason) => {
                return failed(format!(
                    "{before}{reason}。--print-dir フォルダ を付けて起動すると、保存先を尋ねずにそのフォルダに保存します"
                ));
            }
        };
        if let Err(err) = crate::sheet_file::write_pdf_file(sheet, &path) {
            return failed(format!("{before}{err}"));
        }
        let saved = format!("{before}保存しました: {}", path.display());
        let notice = match self.open_after_save.then(|| opener::open(&path)) {
            Some(Err(err)) => Notice::Failed(format!(
                "{saved}。ただし PDF を開けませんでした（{err}）。ファイルを開いて印刷してください"
            )),
            _ => Notice::Done(saved),
        };
        Done {
            citizen: 0,
            notice: Some(notice),
            printer_label: None,
            handed_out: true,
            refused: None,
        }
    }
}

/// Nothing printed or saved, and why.
fn failed(text: String) -> Done {
    Done {
        citizen: 0,
        notice: Some(Notice::Failed(text)),
        printer_label: None,
        handed_out: false,
        refused: None,
    }
}
