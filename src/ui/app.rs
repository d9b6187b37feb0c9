//! The window's state and its frame: panels, shortcuts, commands.

use super::model_source::ModelSource;
use super::{checklist_panel, form_panel, summary_panel, theme};
use crate::counter::{CounterSession, NotReady};
use crate::engine::{Evaluation, VisitNumber};
use crate::guidance::Guidance;
use crate::model::{ApplicantKind, DocumentId, ProcedureKind};
use crate::model_file::ModelOrigin;
use crate::printing::{PrinterChoice, Spooler, SystemSpooler, print_pdf, resolve};
use crate::sheet::Sheet;
use chrono::NaiveDate;
use egui::{Modifiers, RichText};
use std::path::PathBuf;

/// What staff asked for this frame; applied once, after drawing.
#[must_use]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AppCommand {
    NextCitizen,
    ToggleProcedure(ProcedureKind),
    SetApplicant(ApplicantKind),
    Tick(VisitNumber, DocumentId, bool),
    /// Space with no control focused: tick the first document not yet seen.
    TickNext,
    /// 印刷 / Ctrl+P: the sheet to the printer.
    Print,
    /// もう一度印刷: the same sheet again after the spooler refused it.
    RetryPrint,
    /// 保存（PDF）: the sheet to a file.
    SavePdf,
    /// The selector in the preview: the sheet's language.
    SetSheetLanguage(String),
    /// F9: the next language (ja → en → やさしい日本語 → ja).
    NextSheetLanguage,
}

/// A line under the title after 印刷 or 保存: where the sheet went, or what went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// Printed or saved.
    Done(String),
    /// Nothing was printed or saved, and why.
    Failed(String),
    /// The spooler refused the sheet; it is kept for もう一度印刷.
    PrintFailed(String),
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

/// The whole window: the model, one citizen's session, the last notice.
pub struct CounterApp {
    pub source: ModelSource,
    pub session: CounterSession,
    pub notice: Option<Notice>,
    /// Today's date for a new citizen: the system clock in the real window (a counter PC may
    /// run past midnight), a fixed day in tests.
    clock: Box<dyn Fn() -> NaiveDate>,
    save_dialog: SaveDialog,
    open_after_save: bool,
    spooler: Box<dyn Spooler>,
    printer: PrinterChoice,
    /// The printer in use, as the top bar names it.
    printer_label: String,
    /// A sheet the spooler refused, kept for もう一度印刷.
    refused_sheet: Option<(Vec<u8>, String)>,
    /// The code of the sheet's language (the window itself stays Japanese).
    pub sheet_language: String,
    /// 規則の図 is open.
    pub show_diagram: bool,
    /// Measuring start-up: print the wall clock at the first frame, then close.
    pub report_first_frame: bool,
}

/// What one frame computes before drawing: the evaluation, its guidance for staff, and the
/// sheet in the chosen language.
pub struct FrameState {
    pub evaluation: Result<Evaluation, NotReady>,
    pub guidance: Option<Guidance>,
    pub sheet: Option<Sheet>,
    /// The default file name of the sheet.
    pub file_name: String,
}

impl CounterApp {
    /// A window for a blank citizen on `today`, printing through the system's spooler (its
    /// printer is looked up by [`CounterApp::with_printer`]) and saving through the system
    /// dialog.
    pub fn new(source: ModelSource, today: NaiveDate) -> CounterApp {
        CounterApp {
            source,
            session: CounterSession::new(today),
            notice: None,
            clock: Box::new(move || today),
            save_dialog: Box::new(system_save_dialog),
            open_after_save: true,
            spooler: Box::new(SystemSpooler),
            printer: PrinterChoice::SystemDefault,
            printer_label: String::new(),
            refused_sheet: None,
            sheet_language: crate::language::SOURCE_LANGUAGE.to_string(),
            show_diagram: false,
            report_first_frame: false,
        }
    }

    /// Prints through `spooler` to the printer `choice` names.
    pub fn with_printer(mut self, spooler: Box<dyn Spooler>, choice: PrinterChoice) -> CounterApp {
        self.spooler = spooler;
        self.printer = choice;
        self.refresh_printer_label();
        self
    }

    /// The top bar's words for the printer in use.
    fn refresh_printer_label(&mut self) {
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

    /// The printer in use, as the top bar names it.
    pub fn printer_label(&self) -> &str {
        &self.printer_label
    }

    /// Reads today's date from `clock` for every new citizen.
    pub fn with_clock(mut self, clock: Box<dyn Fn() -> NaiveDate>) -> CounterApp {
        self.clock = clock;
        self
    }

    /// Replaces the save dialog (tests, or an office that prints to a fixed folder).
    pub fn with_save_dialog(mut self, dialog: SaveDialog, open_after_save: bool) -> CounterApp {
        self.save_dialog = dialog;
        self.open_after_save = open_after_save;
        self
    }

    /// Fills the form from a case file and ticks `presented` (training, screenshots).
    pub fn prefill(&mut self, case: &crate::case::Case, presented: &[String]) {
        self.session = CounterSession::from_case(case);
        if let Ok(evaluation) = self.session.evaluation(&self.source.model) {
            let visit = self.session.shown_visit(&evaluation);
            for id in presented {
                self.session.set_tick(visit, &DocumentId(id.clone()), true);
            }
            self.session.keep_ticks_of(&evaluation);
        }
    }

    /// Starts watching the shared model file.
    pub fn watch_model(&mut self, ctx: &egui::Context) {
        self.source.watch(ctx);
    }

    fn shortcuts(&self, ui: &egui::Ui) -> Vec<AppCommand> {
        let focused = ui.ctx().memory(|m| m.focused().is_some());
        ui.ctx().input_mut(|input| {
            let mut commands = Vec::new();
            if input.consume_shortcut(&theme::SHORTCUT_NEXT) {
                commands.push(AppCommand::NextCitizen);
            }
            if input.consume_shortcut(&theme::SHORTCUT_PRINT) {
                commands.push(AppCommand::Print);
            }
            if !focused && input.consume_key(Modifiers::NONE, theme::KEY_TICK_NEXT) {
                commands.push(AppCommand::TickNext);
            }
            for (key, procedure) in theme::PROCEDURE_KEYS {
                if input.consume_key(Modifiers::NONE, key) {
                    commands.push(AppCommand::ToggleProcedure(procedure));
                }
            }
            if input.consume_key(Modifiers::NONE, theme::KEY_NEXT_LANGUAGE) {
                commands.push(AppCommand::NextSheetLanguage);
            }
            for (key, applicant) in theme::APPLICANT_KEYS {
                if input.consume_key(Modifiers::NONE, key) {
                    commands.push(AppCommand::SetApplicant(applicant));
                }
            }
            commands
        })
    }

    /// The evaluation and guidance of the form as it stands; ticks of documents no longer
    /// asked for are dropped.
    fn compute(&mut self) -> FrameState {
        let model = &self.source.model;
        let evaluation = self.session.evaluation(model);
        let (Ok(found), Ok(case)) = (&evaluation, self.session.case()) else {
            return FrameState {
                evaluation,
                guidance: None,
                sheet: None,
                file_name: String::new(),
            };
        };
        self.session.keep_ticks_of(found);
        let visit = self.session.shown_visit(found);
        let presented = self.session.presented(found);
        let languages = &self.source.languages;
        let guidance =
            Guidance::build_in(languages.source(), model, &case, found, visit, &presented);
        let language = languages
            .get(&self.sheet_language)
            .unwrap_or_else(|| languages.source());
        let sheet = if language.is_source() {
            Sheet::from_guidance(&guidance, language)
        } else {
            let translated = Guidance::build_in(language, model, &case, found, visit, &presented);
            Sheet::from_guidance(&translated, language)
        };
        let file_name = crate::sheet::pdf::default_file_name(&guidance, &language.code);
        FrameState {
            evaluation,
            guidance: Some(guidance),
            sheet: Some(sheet),
            file_name,
        }
    }

    fn apply(&mut self, command: AppCommand, frame: &FrameState) {
        match command {
            AppCommand::NextCitizen => {
                self.session.next_citizen((self.clock)());
                self.notice = None;
            }
            AppCommand::ToggleProcedure(procedure) => self.session.toggle_procedure(procedure),
            AppCommand::SetApplicant(applicant) => self.session.applicant = Some(applicant),
            AppCommand::Tick(visit, document, ticked) => {
                self.session.set_tick(visit, &document, ticked);
            }
            AppCommand::TickNext => {
                if let (Some(guidance), Ok(evaluation)) = (&frame.guidance, &frame.evaluation)
                    && let Some(next) = guidance.checklist.iter().find(|d| !d.ticked)
                {
                    let visit = self.session.shown_visit(evaluation);
                    self.session.set_tick(visit, &next.id, true);
                }
            }
            AppCommand::Print => {
                if let Some(sheet) = &frame.sheet {
                    self.notice = Some(self.print(sheet, &frame.file_name));
                }
            }
            AppCommand::RetryPrint => {
                if let Some((pdf, title)) = self.refused_sheet.take() {
                    self.notice = Some(self.send_to_printer(pdf, title));
                }
            }
            AppCommand::SavePdf => {
                if let Some(sheet) = &frame.sheet {
                    self.notice = Some(self.save(sheet, &frame.file_name, None));
                }
            }
            AppCommand::SetSheetLanguage(code) => self.sheet_language = code,
            AppCommand::NextSheetLanguage => {
                self.sheet_language = self
                    .source
                    .languages
                    .next_after(&self.sheet_language)
                    .code
                    .clone();
            }
        }
    }

    /// 印刷: the sheet to the printer; with no printer at all, to a PDF file instead.
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

    fn send_to_printer(&mut self, pdf: Vec<u8>, title: String) -> Notice {
        let printed = print_pdf(self.spooler.as_mut(), &self.printer, &title, &pdf);
        self.refresh_printer_label();
        match printed {
            Ok(job) => {
                self.refused_sheet = None;
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

    /// 保存（PDF）: the sheet to a file the save dialog names. `why` says why a print became
    /// a save.
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

    /// Draws one frame into `ui` (the eframe root, or a test harness).
    pub fn show(&mut self, ui: &mut egui::Ui) {
        self.source.reload_if_changed();
        if let Some(wait) = self.source.retry_in() {
            // A shared file was being written: look at it again once it has settled.
            ui.ctx().request_repaint_after(wait);
        }
        let mut commands = self.shortcuts(ui);

        egui::Panel::top("top_bar").show(ui, |ui| {
            self.top_bar_ui(ui, &mut commands);
        });
        // The checklist is where staff work: it keeps a readable width, the form and the
        // preview give way on a small screen.
        let side = theme::side_panel_range(ui.available_width());
        egui::Panel::left("form_panel")
            .default_size(side.max)
            .size_range(side)
            .resizable(true)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    form_panel::form_ui(ui, &mut self.session, &self.source.model);
                });
            });

        let frame = self.compute();
        egui::Panel::right("summary_panel")
            .default_size(side.max)
            .size_range(side)
            .resizable(true)
            .show(ui, |ui| {
                commands.extend(summary_panel::summary_ui(
                    ui,
                    frame.sheet.as_ref(),
                    &self.source.languages,
                    &self.sheet_language,
                ));
            });
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                commands.extend(checklist_panel::checklist_ui(ui, &self.session, &frame));
            });
        });

        if self.show_diagram {
            super::diagram_view::diagram_ui(ui.ctx(), &self.source.model, &mut self.show_diagram);
        }
        for command in commands {
            self.apply(command, &frame);
        }
    }

    fn top_bar_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<AppCommand>) {
        let roomy = ui.available_width() > 1300.0;
        ui.horizontal(|ui| {
            ui.heading("madoguchi 窓口");
            if roomy {
                ui.label(
                    RichText::new("電子証明書の更新・新規発行／暗証番号再設定（ロック解除）")
                        .weak(),
                );
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let next = ui
                    .button(RichText::new("次の方").strong())
                    .on_hover_text("入力と確認をすべて消して、次の方の受付を始めます（Ctrl+N）");
                if next.clicked() {
                    commands.push(AppCommand::NextCitizen);
                }
                ui.label(RichText::new("Ctrl+N").small().weak());
                ui.toggle_value(&mut self.show_diagram, "規則の図")
                    .on_hover_text("使っている手続きモデルを流れ図で見ます");
                ui.label(RichText::new(&self.printer_label).small().weak());
                let origin = match &self.source.origin {
                    ModelOrigin::Embedded => "組み込み".to_string(),
                    ModelOrigin::File(path) => format!("共有: {}", path.display()),
                };
                // Thin hyphens vanish in small grey text: the date in words.
                let updated = &self.source.model.page.updated;
                let updated = crate::dates::parse_date(updated).map_or_else(
                    |_| updated.clone(),
                    |d| d.format("%Y年%-m月%-d日").to_string(),
                );
                ui.label(
                    RichText::new(format!(
                        "規則: ページ更新日 {updated}（{origin}{}）",
                        self.source.approval()
                    ))
                    .small()
                    .weak(),
                );
            });
        });
        for problem in self.source.problems() {
            egui::Frame::new()
                .fill(theme::RED_FILL)
                .inner_margin(6.0)
                .show(ui, |ui| {
                    ui.colored_label(theme::RED, problem);
                });
        }
        match &self.notice {
            Some(Notice::Done(text)) => {
                ui.colored_label(theme::GREEN, text);
            }
            Some(Notice::Failed(text)) => {
                ui.colored_label(theme::RED, text);
            }
            Some(Notice::PrintFailed(text)) => {
                egui::Frame::new()
                    .fill(theme::RED_FILL)
                    .inner_margin(6.0)
                    .show(ui, |ui| {
                        ui.horizontal_wrapped(|ui| {
                            ui.colored_label(theme::RED, text);
                            if ui.button("もう一度印刷").clicked() {
                                commands.push(AppCommand::RetryPrint);
                            }
                        });
                    });
            }
            None => {}
        }
    }
}

impl eframe::App for CounterApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
        if std::mem::take(&mut self.report_first_frame) {
            report_first_frame(ui.ctx());
        }
    }
}

/// Prints `first_frame_unix_nanos=N` and closes the window (scripts/startup.sh).
pub fn report_first_frame(ctx: &egui::Context) {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    println!("first_frame_unix_nanos={nanos}");
    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
}
