//! The window's state and its frame: what it holds, what it shows, which keys it takes. What
//! staff do comes back from the panels as [`AppCommand`]s, applied once per frame
//! (`commands.rs`); the view is computed again only when a command or the model changed it.

use super::commands::AppCommand;
use super::model_source::ModelSource;
use super::output::{Notice, SaveChoice, SaveDialog, system_save_dialog};
use super::{checklist_panel, form_panel, status_line, summary_panel, theme};
use crate::counter::{CounterSession, NotReady};
use crate::engine::Evaluation;
use crate::guidance::{Guidance, Status};
use crate::model::ProcedureKind;
use crate::printing::{PrinterChoice, Spooler, SystemSpooler};
use crate::sheet::Sheet;
use chrono::NaiveDate;
use egui::Modifiers;
use std::time::Instant;

/// What the window shows of the citizen at the counter, computed when it changes (not every
/// frame): the evaluation, its guidance for staff, and the sheet in the chosen language.
pub struct View {
    pub evaluation: Result<Evaluation, NotReady>,
    pub guidance: Option<Guidance>,
    pub sheet: Option<Sheet>,
    /// The default file name of the sheet.
    pub file_name: String,
}

/// The citizen before 次の方, kept for 「元に戻す」 for a few seconds.
pub(super) struct Undo {
    pub session: CounterSession,
    pub handed_out: bool,
    pub until: Instant,
}

/// The whole window: the model, one citizen's session, what is shown, the last notice.
pub struct CounterApp {
    pub source: ModelSource,
    pub session: CounterSession,
    pub notice: Option<Notice>,
    pub(super) view: View,
    /// The view no longer matches the session (a command or the model changed it).
    pub(super) stale: bool,
    /// Today's date for a new citizen: the system clock in the real window (a counter PC may
    /// run past midnight), a fixed day in tests.
    pub(super) clock: Box<dyn Fn() -> NaiveDate>,
    pub(super) save_dialog: SaveDialog,
    pub(super) open_after_save: bool,
    pub(super) spooler: Box<dyn Spooler>,
    pub(super) printer: PrinterChoice,
    /// The printer in use, as the top bar names it.
    pub(super) printer_label: String,
    /// A sheet the spooler refused, kept for もう一度印刷.
    pub(super) refused_sheet: Option<(Vec<u8>, String)>,
    /// This citizen's sheet was printed or saved.
    pub(super) handed_out: bool,
    /// 次の方 was pressed for a citizen whose sheet was never handed out: asking first.
    pub(super) confirming_next: bool,
    pub(super) undo: Option<Undo>,
    /// Each procedure's status at the last frame, to bring a changed one into view.
    pub(super) shown_statuses: Vec<(ProcedureKind, Status)>,
    /// The code of the sheet's language (the window itself stays Japanese).
    pub sheet_language: String,
    /// 規則の図 is open.
    pub show_diagram: bool,
    /// Measuring start-up: print the wall clock at the first frame, then close.
    pub report_first_frame: bool,
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
            view: View {
                evaluation: Err(NotReady::NoProcedure),
                guidance: None,
                sheet: None,
                file_name: String::new(),
            },
            stale: true,
            clock: Box::new(move || today),
            save_dialog: Box::new(system_save_dialog),
            open_after_save: true,
            spooler: Box::new(SystemSpooler),
            printer: PrinterChoice::SystemDefault,
            printer_label: String::new(),
            refused_sheet: None,
            handed_out: false,
            confirming_next: false,
            undo: None,
            shown_statuses: Vec::new(),
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
        let model = &self.source.model;
        // A case file answers every question: unanswered ones take the model's default.
        for question in self.session.questions(model) {
            if self.session.given_answer(&question.id).is_none() {
                let answer = case.answers.get(model, &question.id);
                self.session.set_answer(model, &question.id, Some(answer));
            }
        }
        if let Ok(evaluation) = self.session.evaluation(model) {
            let visit = crate::guidance::shown_visit(&evaluation, self.session.visit);
            for id in presented {
                let document = crate::model::DocumentId(id.clone());
                self.session.tick(model, visit, &document, true);
            }
            self.session.keep_ticks_of(&evaluation);
        }
        self.stale = true;
    }

    /// Starts watching the shared model file.
    pub fn watch_model(&mut self, ctx: &egui::Context) {
        self.source.watch(ctx);
    }

    /// What the window shows now.
    pub fn view(&self) -> &View {
        &self.view
    }

    /// The evaluation and guidance of the form as it stands; ticks of documents no longer
    /// asked for are dropped. Run only when something changed.
    pub(super) fn refresh_view(&mut self) {
        self.stale = false;
        let model = &self.source.model;
        let case = self.session.case(model);
        let evaluation = match &case {
            Ok(case) => Ok(crate::engine::evaluate(model, case)),
            Err(reason) => Err(reason.clone()),
        };
        let (Ok(case), Ok(found)) = (&case, &evaluation) else {
            self.view = View {
                evaluation,
                guidance: None,
                sheet: None,
                file_name: String::new(),
            };
            return;
        };
        self.session.keep_ticks_of(found);
        let visit = crate::guidance::shown_visit(found, self.session.visit);
        let presented = self.session.ticked_at(visit);
        let languages = &self.source.languages;
        let guidance =
            Guidance::build_in(languages.source(), model, case, found, visit, &presented);
        let language = languages
            .get(&self.sheet_language)
            .unwrap_or_else(|| languages.source());
        let sheet = if language.is_source() {
            Sheet::from_guidance(&guidance, language)
        } else {
            let translated = Guidance::build_in(language, model, case, found, visit, &presented);
            Sheet::from_guidance(&translated, language)
        };
        let file_name = crate::sheet::pdf::default_file_name(&guidance, &language.code);
        self.view = View {
            evaluation,
            guidance: Some(guidance),
            sheet: Some(sheet),
            file_name,
        };
    }

    /// The keys of the window. While 規則の図 or a question is open, only its own keys act.
    fn shortcuts(&self, ui: &egui::Ui) -> Vec<AppCommand> {
        let model = &self.source.model;
        ui.ctx().input_mut(|input| {
            let mut commands = Vec::new();
            if self.show_diagram || self.confirming_next {
                if input.consume_key(Modifiers::NONE, egui::Key::Escape) {
                    commands.push(if self.show_diagram {
                        AppCommand::CloseDiagram
                    } else {
                        AppCommand::CancelNextCitizen
                    });
                }
                if self.confirming_next && input.consume_key(Modifiers::NONE, egui::Key::Enter) {
                    commands.push(AppCommand::ConfirmNextCitizen);
                }
                return commands;
            }
            let mut key = |shortcut: &egui::KeyboardShortcut, command: AppCommand| {
                if input.consume_shortcut(shortcut) {
                    commands.push(command);
                }
            };
            key(&theme::SHORTCUT_NEXT, AppCommand::NextCitizen);
            key(&theme::SHORTCUT_PRINT, AppCommand::Print);
            key(&theme::SHORTCUT_UNDO, AppCommand::UndoNextCitizen);
            // Space ticks the next document whatever has the focus: never a question, never a
            // space typed into a date (dates need none).
            if input.consume_key(Modifiers::NONE, theme::KEY_TICK_NEXT) {
                commands.push(AppCommand::TickNext);
            }
            for (key, procedure) in theme::PROCEDURE_KEYS.iter().zip(&model.procedures) {
                if input.consume_key(Modifiers::NONE, *key) {
                    commands.push(AppCommand::ToggleProcedure(procedure.kind));
                }
            }
            for (key, applicant) in theme::APPLICANT_KEYS.iter().zip(&model.applicants) {
                if input.consume_key(Modifiers::NONE, *key) {
                    commands.push(AppCommand::SetApplicant(applicant.kind));
                }
            }
            if input.consume_key(Modifiers::NONE, theme::KEY_VISIT) {
                commands.push(AppCommand::NextVisit);
            }
            if input.consume_key(Modifiers::NONE, theme::KEY_NEXT_LANGUAGE) {
                commands.push(AppCommand::NextSheetLanguage);
            }
            commands
        })
    }

    /// Draws one frame into `ui` (the eframe root, or a test harness).
    pub fn show(&mut self, ui: &mut egui::Ui) {
        if self.source.reload_if_changed() {
            self.stale = true;
        }
        if let Some(wait) = self.source.retry_in() {
            // A shared file was being written: look at it again once it has settled.
            ui.ctx().request_repaint_after(wait);
        }
        if self.stale {
            self.refresh_view();
        }
        let mut commands = self.shortcuts(ui);
        egui::Panel::top("top_bar").show(ui, |ui| {
            status_line::top_bar_ui(ui, self, &mut commands);
        });
        egui::Panel::bottom("status_line")
            .exact_size(theme::STATUS_HEIGHT)
            .resizable(false)
            .show(ui, |ui| status_line::notice_ui(ui, self, &mut commands));
        self.panels_ui(ui, &mut commands);
        if self.show_diagram {
            super::diagram_view::diagram_ui(ui.ctx(), &self.source.model, &mut commands);
        }
        if self.confirming_next {
            status_line::confirm_next_ui(ui.ctx(), &mut commands);
        }
        for command in commands {
            self.apply(command, ui.ctx());
        }
        if self.stale {
            ui.ctx().request_repaint();
        }
    }

    /// The form (left), the preview (right) and the checklist between them.
    fn panels_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<AppCommand>) {
        // The checklist is where staff work: it keeps a readable width, the form and the
        // preview give way on a small screen.
        let side = theme::side_panel_range(ui.available_width());
        egui::Panel::left("form_panel")
            .default_size(side.max)
            .size_range(side)
            .resizable(true)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    commands.extend(form_panel::form_ui(
                        ui,
                        &self.session,
                        &self.view,
                        &self.source,
                    ));
                });
            });
        egui::Panel::right("summary_panel")
            .default_size(side.max)
            .size_range(side)
            .resizable(true)
            .show(ui, |ui| {
                commands.extend(summary_panel::summary_ui(
                    ui,
                    &self.view,
                    &self.source.languages,
                    &self.sheet_language,
                ));
            });
        let previous = std::mem::take(&mut self.shown_statuses);
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                let (drawn, statuses) =
                    checklist_panel::checklist_ui(ui, &self.view, &self.source, &previous);
                commands.extend(drawn);
                self.shown_statuses = statuses;
            });
        });
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

/// Fills `SaveChoice` for a folder given on the command line.
pub fn save_into(dir: std::path::PathBuf) -> SaveDialog {
    Box::new(move |name| SaveChoice::Path(dir.join(name)))
}
