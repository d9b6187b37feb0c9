//! What staff can do in the window, as commands: every change of state goes through
//! [`CounterApp::apply`], once per frame, after drawing.

use super::app::{CounterApp, Undo};
use super::output::Notice;
use super::theme;
use crate::counter::{CounterSession, DateField};
use crate::engine::VisitNumber;
use crate::model::{ApplicantKind, DocumentId, ProcedureKind};
use std::time::{Duration, Instant};

/// What staff asked for this frame; applied once, after drawing.
#[must_use]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AppCommand {
    /// 次の方: asks first when this citizen's sheet was never printed or saved.
    NextCitizen,
    /// 次の方へ, in that question.
    ConfirmNextCitizen,
    /// 戻る (Esc), in that question.
    CancelNextCitizen,
    /// 元に戻す (Ctrl+Z): the citizen before 次の方, for a few seconds.
    UndoNextCitizen,
    ToggleProcedure(ProcedureKind),
    SetApplicant(ApplicantKind),
    /// A key typed into a date field (not read until the field is left).
    SetDateText(DateField, String),
    /// The date field was left: its date is read now.
    CommitDate(DateField),
    /// はい / いいえ / 未確認.
    SetAnswer(String, Option<bool>),
    SetVisit(VisitNumber),
    /// F4: the other visit of the three-step route.
    NextVisit,
    Tick(VisitNumber, DocumentId, bool),
    /// Space: tick the first document not yet seen.
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
    ToggleDiagram,
    /// Esc or the window's ✕ on 規則の図.
    CloseDiagram,
}

impl CounterApp {
    /// Applies one command; the view is computed again before the next frame draws.
    pub(super) fn apply(&mut self, command: AppCommand, ctx: &egui::Context) {
        // Any other action leaves the date field being typed in: its date is read.
        if !matches!(command, AppCommand::SetDateText(..)) && self.session.commit_all_dates() {
            self.refresh_view();
        }
        match command {
            AppCommand::NextCitizen => self.next_citizen(ctx),
            AppCommand::ConfirmNextCitizen => {
                self.confirming_next = false;
                self.clear_citizen(ctx);
            }
            AppCommand::CancelNextCitizen => self.confirming_next = false,
            AppCommand::UndoNextCitizen => self.undo_next_citizen(),
            AppCommand::Print => self.print_command(),
            AppCommand::RetryPrint => {
                if let Some((pdf, title)) = self.refused_sheet.take() {
                    let notice = self.send_to_printer(pdf, title);
                    self.notice = Some(notice);
                }
            }
            AppCommand::SavePdf => self.save_command(),
            AppCommand::ToggleDiagram => self.show_diagram = !self.show_diagram,
            AppCommand::CloseDiagram => self.show_diagram = false,
            AppCommand::TickNext => self.tick_next(),
            other => self.edit(other),
        }
    }

    /// A change to the form, the ticks or the sheet's language.
    fn edit(&mut self, command: AppCommand) {
        let model = &self.source.model;
        let session = &mut self.session;
        match command {
            AppCommand::ToggleProcedure(procedure) => session.toggle_procedure(procedure),
            AppCommand::SetApplicant(applicant) => session.applicant = Some(applicant),
            AppCommand::SetDateText(field, text) => {
                session.set_date_text(field, &text);
                return;
            }
            AppCommand::CommitDate(field) => {
                session.commit_date(field);
            }
            AppCommand::SetAnswer(id, answer) => session.set_answer(model, &id, answer),
            AppCommand::SetVisit(visit) => session.visit = visit,
            AppCommand::NextVisit => {
                session.visit = match session.visit {
                    VisitNumber::First => VisitNumber::Second,
                    VisitNumber::Second => VisitNumber::First,
                };
            }
            AppCommand::Tick(visit, document, ticked) => {
                session.tick(model, visit, &document, ticked);
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
            _ => return,
        }
        self.stale = true;
    }

    /// Space: the first document of the checklist not yet ticked; or why nothing was.
    fn tick_next(&mut self) {
        let next = match (&self.view.guidance, &self.view.evaluation) {
            (Some(guidance), _) => match guidance.checklist.iter().find(|d| !d.ticked) {
                Some(line) => Ok((guidance.visit, line.id.clone())),
                None if guidance.checklist.is_empty() => {
                    Err("確認する書類がありません（受付できない手続きだけです）".to_string())
                }
                None => Err("書類はすべて確認済みです".to_string()),
            },
            (None, Err(reason)) => Err(format!("書類を確認できません: {reason}")),
            (None, Ok(_)) => Err("書類を確認できません".to_string()),
        };
        match next {
            Ok((visit, document)) => {
                let model = &self.source.model;
                self.session.tick(model, visit, &document, true);
                self.stale = true;
            }
            Err(why) => self.notice = Some(Notice::Refused(format!("Space: {why}"))),
        }
    }

    /// 次の方: at once when the sheet was handed out or nothing was entered, else asked.
    fn next_citizen(&mut self, ctx: &egui::Context) {
        if self.handed_out || self.session.is_blank() {
            self.clear_citizen(ctx);
        } else {
            self.confirming_next = true;
        }
    }

    /// Forgets this citizen (kept a few seconds for 元に戻す): no answer, no tick, no focus in
    /// a field, the sheet back in Japanese.
    fn clear_citizen(&mut self, ctx: &egui::Context) {
        let today = (self.clock)();
        let previous = std::mem::replace(&mut self.session, CounterSession::new(today));
        let undo = Undo {
            session: previous,
            handed_out: self.handed_out,
            until: Instant::now() + Duration::from_secs(theme::UNDO_SECONDS),
        };
        self.undo = (!undo.session.is_blank()).then_some(undo);
        self.handed_out = false;
        self.refused_sheet = None;
        self.sheet_language = crate::language::SOURCE_LANGUAGE.to_string();
        self.notice = None;
        ctx.memory_mut(|memory| {
            if let Some(focused) = memory.focused() {
                memory.surrender_focus(focused);
            }
        });
        self.stale = true;
        if self.undo.is_some() {
            ctx.request_repaint_after(Duration::from_secs(theme::UNDO_SECONDS));
        }
    }

    /// 元に戻す: the citizen before 次の方, while it is offered.
    fn undo_next_citizen(&mut self) {
        match self.undo.take() {
            Some(undo) if Instant::now() < undo.until => {
                self.session = undo.session;
                self.handed_out = undo.handed_out;
                self.notice = Some(Notice::Done("前の方の入力を元に戻しました".into()));
                self.stale = true;
            }
            _ => {
                self.notice = Some(Notice::Refused(
                    "元に戻せる入力はありません（次の方の直後だけ戻せます）".into(),
                ));
            }
        }
    }

    /// Whether 元に戻す is still offered.
    pub fn undo_offered(&self) -> bool {
        self.undo.as_ref().is_some_and(|u| Instant::now() < u.until)
    }
}
