//! The window's state and its frame: panels, shortcuts, commands.

use super::model_source::ModelSource;
use super::{checklist_panel, form_panel, summary_panel, theme};
use crate::counter::{CounterSession, NotReady};
use crate::engine::{Evaluation, VisitNumber};
use crate::guidance::Guidance;
use crate::model::{ApplicantKind, DocumentId, ModelOrigin, ProcedureKind};
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
    Print,
}

/// A line under the title after 印刷: where the sheet went, or what went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    Saved(String),
    Failed(String),
}

/// Asks where to save the sheet; `None` when staff cancel.
pub type SaveDialog = Box<dyn FnMut(&str) -> Option<PathBuf>>;

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
    /// Measuring start-up: print the wall clock at the first frame, then close.
    pub report_first_frame: bool,
}

/// What one frame computes before drawing: the evaluation and its guidance.
pub struct FrameState {
    pub evaluation: Result<Evaluation, NotReady>,
    pub guidance: Option<Guidance>,
}

impl CounterApp {
    /// A window for a blank citizen on `today`, saving through the system dialog.
    pub fn new(source: ModelSource, today: NaiveDate) -> CounterApp {
        CounterApp {
            source,
            session: CounterSession::new(today),
            notice: None,
            clock: Box::new(move || today),
            save_dialog: Box::new(|default_name| {
                rfd::FileDialog::new()
                    .set_title("お渡しする案内を保存")
                    .set_file_name(default_name)
                    .add_filter("PDF", &["pdf"])
                    .save_file()
            }),
            open_after_save: true,
            report_first_frame: false,
        }
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
        ui.ctx().input_mut(|input| {
            let mut commands = Vec::new();
            if input.consume_shortcut(&theme::SHORTCUT_NEXT) {
                commands.push(AppCommand::NextCitizen);
            }
            if input.consume_shortcut(&theme::SHORTCUT_PRINT) {
                commands.push(AppCommand::Print);
            }
            for (key, procedure) in theme::PROCEDURE_KEYS {
                if input.consume_key(Modifiers::NONE, key) {
                    commands.push(AppCommand::ToggleProcedure(procedure));
                }
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
        let guidance = match (&evaluation, self.session.case()) {
            (Ok(evaluation), Ok(case)) => {
                self.session.keep_ticks_of(evaluation);
                Some(Guidance::build(
                    model,
                    &case,
                    evaluation,
                    self.session.shown_visit(evaluation),
                    &self.session.presented(evaluation),
                ))
            }
            _ => None,
        };
        FrameState {
            evaluation,
            guidance,
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
            AppCommand::Print => {
                if let Some(guidance) = &frame.guidance {
                    self.notice = Some(self.print(guidance));
                }
            }
        }
    }

    fn print(&mut self, guidance: &Guidance) -> Notice {
        let sheet = crate::sheet::Sheet::from_guidance(guidance);
        let name = crate::sheet::pdf::default_file_name(guidance);
        let Some(path) = (self.save_dialog)(&name) else {
            return Notice::Failed("保存を取り消しました".into());
        };
        match crate::sheet::pdf::write_pdf_file(&sheet, &path) {
            Ok(()) => {
                let saved = format!("保存しました: {}", path.display());
                if !self.open_after_save {
                    return Notice::Saved(saved);
                }
                match opener::open(&path) {
                    Ok(()) => Notice::Saved(saved),
                    Err(err) => Notice::Failed(format!(
                        "{saved}。ただし PDF を開けませんでした（{err}）。ファイルを開いて印刷してください"
                    )),
                }
            }
            Err(err) => Notice::Failed(err.to_string()),
        }
    }

    /// Draws one frame into `ui` (the eframe root, or a test harness).
    pub fn show(&mut self, ui: &mut egui::Ui) {
        self.source.reload_if_changed();
        let mut commands = self.shortcuts(ui);

        egui::Panel::top("top_bar").show(ui, |ui| {
            self.top_bar_ui(ui, &mut commands);
        });
        egui::Panel::left("form_panel")
            .default_size(400.0)
            .min_size(320.0)
            .resizable(true)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    form_panel::form_ui(ui, &mut self.session, &self.source.model);
                });
            });

        let frame = self.compute();
        egui::Panel::right("summary_panel")
            .default_size(430.0)
            .min_size(300.0)
            .resizable(true)
            .show(ui, |ui| {
                commands.extend(summary_panel::summary_ui(ui, frame.guidance.as_ref()));
            });
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                commands.extend(checklist_panel::checklist_ui(ui, &self.session, &frame));
            });
        });

        for command in commands {
            self.apply(command, &frame);
        }
    }

    fn top_bar_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<AppCommand>) {
        ui.horizontal(|ui| {
            ui.heading("madoguchi 窓口");
            ui.label(
                RichText::new("電子証明書の更新・新規発行／暗証番号再設定（ロック解除）").weak(),
            );
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let next = ui
                    .button(RichText::new("次の方").strong())
                    .on_hover_text("入力と確認をすべて消して、次の方の受付を始めます（Ctrl+N）");
                if next.clicked() {
                    commands.push(AppCommand::NextCitizen);
                }
                ui.label(RichText::new("Ctrl+N").small().weak());
                let origin = match &self.source.origin {
                    ModelOrigin::Embedded => "組み込み".to_string(),
                    ModelOrigin::File(path) => format!("共有: {}", path.display()),
                };
                ui.label(
                    RichText::new(format!(
                        "規則: ページ更新日 {}（{origin}）",
                        self.source.model.page.updated
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
            Some(Notice::Saved(text)) => {
                ui.colored_label(theme::GREEN, text);
            }
            Some(Notice::Failed(text)) => {
                ui.colored_label(theme::RED, text);
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
