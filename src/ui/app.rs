//! The window's frame: which keys it takes, the panels it draws, the commands they give
//! back, applied once per frame ([`edits::apply`]) to the [`CounterState`]; the view is
//! computed again only when a command or the model changed it.

use super::card_feed::{CardFeed, CardWatch};
use super::commands::AppCommand;
use super::counter_state::CounterState;
use super::model_source::ModelSource;
use super::output::{SaveChoice, SaveDialog};
use super::{checklist_panel, edits, form_panel, handing_out, status_line, summary_panel, theme};
use crate::guidance::Status;
use crate::model::ProcedureKind;
use crate::printing::{PrinterChoice, Spooler};
use chrono::NaiveDate;
use egui::Modifiers;

/// The whole window: its state, and what it remembers between frames for drawing.
pub struct CounterApp {
    pub counter: CounterState,
    /// The reader to watch, started at the first frame (the watch needs the window's context
    /// to wake it).
    card_watch: Option<Box<dyn CardWatch>>,
    card_feed: Option<CardFeed>,
    /// Each procedure's status at the last frame, to bring a changed one into view.
    shown_statuses: Vec<(ProcedureKind, Status)>,
    /// Measuring start-up: print the wall clock at the first frame, then close.
    pub report_first_frame: bool,
}

impl CounterApp {
    /// A window for a blank citizen on `today`, printing through the system's spooler (its
    /// printer is looked up by [`CounterApp::with_printer`]) and saving through the system
    /// dialog.
    pub fn new(source: ModelSource, today: NaiveDate) -> CounterApp {
        CounterApp {
            counter: CounterState::new(source, today),
            card_watch: None,
            card_feed: None,
            shown_statuses: Vec::new(),
            report_first_frame: false,
        }
    }

    /// Prints through `spooler` to the printer `choice` names (looked up off the window's
    /// thread at the first frame).
    pub fn with_printer(
        mut self,
        spooler: Box<dyn Spooler + Send>,
        choice: PrinterChoice,
    ) -> CounterApp {
        let output = self.counter.output_mut();
        output.spooler = spooler;
        output.printer = choice;
        self
    }

    /// Reads today's date from `clock` for every new citizen.
    pub fn with_clock(mut self, clock: Box<dyn Fn() -> NaiveDate>) -> CounterApp {
        self.counter.clock = clock;
        self
    }

    /// Replaces the save dialog (tests, or an office that prints to a fixed folder).
    pub fn with_save_dialog(mut self, dialog: SaveDialog, open_after_save: bool) -> CounterApp {
        let output = self.counter.output_mut();
        output.save_dialog = dialog;
        output.open_after_save = open_after_save;
        self
    }

    /// Watches a card reader (off the window's thread): a card put down fills the form.
    pub fn with_card_watch(mut self, watch: Box<dyn CardWatch>) -> CounterApp {
        self.card_watch = Some(watch);
        self.counter.reader_line = super::counter_state::ReaderLine::Waiting;
        self
    }

    /// Starts watching the shared model file.
    pub fn watch_model(&mut self, ctx: &egui::Context) {
        self.counter.source.watch(ctx);
    }

    /// The keys of the window. While 規則の図 or a question is open, only its own keys act.
    fn shortcuts(&self, ui: &egui::Ui) -> Vec<AppCommand> {
        let counter = &self.counter;
        let model = &counter.source.model;
        ui.ctx().input_mut(|input| {
            let mut commands = Vec::new();
            if counter.pending_card.is_some() {
                if input.consume_key(Modifiers::NONE, egui::Key::Escape) {
                    commands.push(AppCommand::KeepFormDates);
                }
                if input.consume_key(Modifiers::NONE, egui::Key::Enter) {
                    commands.push(AppCommand::TakeSecondCard);
                }
                return commands;
            }
            if counter.show_diagram || counter.confirming_next {
                if input.consume_key(Modifiers::NONE, egui::Key::Escape) {
                    commands.push(if counter.show_diagram {
                        AppCommand::CloseDiagram
                    } else {
                        AppCommand::CancelNextCitizen
                    });
                }
                if counter.confirming_next && input.consume_key(Modifiers::NONE, egui::Key::Enter) {
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
        let counter = &mut self.counter;
        if counter.source.reload_if_changed() {
            counter.stale = true;
        }
        if let Some(wait) = counter.source.retry_in() {
            // A shared file was being written: look at it again once it has settled.
            ui.ctx().request_repaint_after(wait);
        }
        if let Some(watch) = self.card_watch.take() {
            self.card_feed = Some(CardFeed::start(watch, ui.ctx()));
        }
        self.counter.start_output(ui.ctx());
        let finished = self
            .counter
            .worker
            .as_ref()
            .map(|w| w.finished())
            .unwrap_or_default();
        for done in finished {
            handing_out::finished(&mut self.counter, done);
        }
        for event in self.card_feed.iter().flat_map(CardFeed::drain) {
            edits::card_event(&mut self.counter, event);
        }
        let counter = &mut self.counter;
        if counter.stale {
            counter.refresh_view();
        }
        let mut commands = self.shortcuts(ui);
        let counter = &self.counter;
        egui::Panel::top("top_bar").show(ui, |ui| {
            status_line::top_bar_ui(ui, counter, &mut commands);
        });
        egui::Panel::bottom("status_line")
            .exact_size(theme::STATUS_HEIGHT)
            .resizable(false)
            .show(ui, |ui| status_line::notice_ui(ui, counter, &mut commands));
        self.panels_ui(ui, &mut commands);
        let counter = &self.counter;
        if counter.show_diagram {
            super::diagram_view::diagram_ui(ui.ctx(), &counter.source.model, &mut commands);
        }
        if counter.confirming_next {
            status_line::confirm_next_ui(ui.ctx(), &mut commands);
        }
        if let Some(card) = &counter.pending_card {
            status_line::second_card_ui(ui.ctx(), card, &mut commands);
        }
        for command in commands {
            edits::apply(&mut self.counter, command, ui.ctx());
        }
        if self.counter.stale {
            ui.ctx().request_repaint();
        }
    }

    /// The form (left), the preview (right) and the checklist between them.
    fn panels_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<AppCommand>) {
        let counter = &self.counter;
        // The checklist is where staff work: it keeps a readable width, the form and the
        // preview give way on a small screen.
        let side = theme::side_panel_range(ui.available_width());
        egui::Panel::left("form_panel")
            .default_size(side.max)
            .size_range(side)
            .resizable(true)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    let card = form_panel::CardMarks {
                        reader_line: &counter.reader_line,
                        from_card: counter.from_card.as_ref(),
                        want_card_expiry: counter.card_expiry_wanted,
                    };
                    commands.extend(form_panel::form_ui(
                        ui,
                        &counter.session,
                        counter.view(),
                        &counter.source,
                        &card,
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
                    counter.view(),
                    &counter.source.languages,
                    &counter.sheet_language,
                ));
            });
        let previous = std::mem::take(&mut self.shown_statuses);
        let mut shown = Vec::new();
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                let (drawn, statuses) =
                    checklist_panel::checklist_ui(ui, counter.view(), &counter.source, &previous);
                commands.extend(drawn);
                shown = statuses;
            });
        });
        self.shown_statuses = shown;
    }
}

impl eframe::App for CounterApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
        if std::mem::take(&mut self.report_first_frame) {
            report_first_frame(ui.ctx());
        }
    }

    /// egui is told of textures no larger than [`super::ATLAS_SIDE`].
    fn raw_input_hook(&mut self, _ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        super::cap_texture_side(raw_input);
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

/// The save dialog of `--print-dir`: straight into that folder.
pub fn save_into(dir: std::path::PathBuf) -> SaveDialog {
    Box::new(move |name| SaveChoice::Path(dir.join(name)))
}
