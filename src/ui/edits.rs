//! Every change of the window's state, one command at a time ([`apply`]), once per frame after
//! drawing: the form, the ticks, the sheet's language, 次の方 and 元に戻す, and the sheet
//! handed out ([`handing_out`]).

use super::commands::AppCommand;
use super::counter_state::{CounterState, ReaderLine, Undo};
use super::handing_out;
use super::output::Notice;
use super::theme;
use crate::card::CardReading;
use crate::card::reader::ReaderEvent;
use crate::counter::CounterSession;
use crate::counter::DateField;
use crate::dates::format_iso;
use crate::engine::VisitNumber;
use std::time::{Duration, Instant};

/// Applies one command; the view is computed again before the next frame draws.
pub fn apply(state: &mut CounterState, command: AppCommand, ctx: &egui::Context) {
    // Any other action leaves the date field being typed in: its date is read.
    if !matches!(command, AppCommand::SetDateText(..)) && state.session.commit_all_dates() {
        state.refresh_view();
    }
    match command {
        AppCommand::NextCitizen => next_citizen(state, ctx),
        AppCommand::ConfirmNextCitizen => {
            state.confirming_next = false;
            clear_citizen(state, ctx);
        }
        AppCommand::CancelNextCitizen => state.confirming_next = false,
        AppCommand::UndoNextCitizen => undo_next_citizen(state),
        AppCommand::Print => handing_out::print(state),
        AppCommand::RetryPrint => handing_out::reprint(state),
        AppCommand::SavePdf => handing_out::save(state),
        AppCommand::TakeSecondCard => {
            if let Some(reading) = state.pending_card.take() {
                fill_from_card(state, reading);
            }
        }
        AppCommand::KeepFormDates => state.pending_card = None,
        AppCommand::CardExpiryFocused => state.card_expiry_wanted = false,
        AppCommand::ToggleDiagram => state.show_diagram = !state.show_diagram,
        AppCommand::CloseDiagram => state.show_diagram = false,
        AppCommand::TickNext => tick_next(state),
        other => edit(state, other),
    }
}

/// A change to the form, the ticks or the sheet's language.
fn edit(state: &mut CounterState, command: AppCommand) {
    let model = &state.source.model;
    let session = &mut state.session;
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
        AppCommand::SetCardOutlivesCert(seen) => session.set_card_outlives_cert(seen),
        AppCommand::SetVisit(visit) => session.visit = visit,
        AppCommand::NextVisit => {
            let three_step = state
                .view
                .evaluation
                .as_ref()
                .is_ok_and(crate::guidance::three_step_goes_ahead);
            if !three_step {
                state.notice = Some(Notice::Refused(
                    "F4: 来庁の回数は即日で終わらない手続きのときだけ選べます".into(),
                ));
                return;
            }
            session.visit = match session.visit {
                VisitNumber::First => VisitNumber::Second,
                VisitNumber::Second => VisitNumber::First,
            };
        }
        AppCommand::Tick(visit, document, ticked) => {
            session.tick(model, visit, &document, ticked);
        }
        AppCommand::SetSheetLanguage(code) => state.sheet_language = code,
        AppCommand::NextSheetLanguage if state.source.languages.all.len() == 1 => {
            state.notice = Some(Notice::Refused(
                "F9: この手続きモデルには訳がないため、案内は日本語だけです".into(),
            ));
            return;
        }
        AppCommand::NextSheetLanguage => {
            state.sheet_language = state
                .source
                .languages
                .next_after(&state.sheet_language)
                .code
                .clone();
        }
        _ => return,
    }
    state.stale = true;
}

/// Space: the first document of the checklist not yet ticked; or why nothing was.
fn tick_next(state: &mut CounterState) {
    let next = match (&state.view.guidance, &state.view.evaluation) {
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
            let model = &state.source.model;
            state.session.tick(model, visit, &document, true);
            state.stale = true;
        }
        Err(why) => state.notice = Some(Notice::Refused(format!("Space: {why}"))),
    }
}

/// 次の方: at once when the sheet was handed out or nothing was entered, else asked.
fn next_citizen(state: &mut CounterState, ctx: &egui::Context) {
    if state.handed_out || state.session.is_blank() {
        clear_citizen(state, ctx);
    } else {
        state.confirming_next = true;
    }
}

/// Forgets this citizen (kept a few seconds for 元に戻す): no answer, no tick, no focus in
/// a field, the sheet back in Japanese.
fn clear_citizen(state: &mut CounterState, ctx: &egui::Context) {
    let today = (state.clock)();
    let previous = std::mem::replace(&mut state.session, CounterSession::new(today));
    let undo = Undo {
        session: previous,
        handed_out: state.handed_out,
        until: Instant::now() + Duration::from_secs(theme::UNDO_SECONDS),
    };
    state.undo = (!undo.session.is_blank()).then_some(undo);
    state.handed_out = false;
    state.refused_sheet = None;
    state.card_expiry_wanted = false;
    state.citizen += 1;
    state.sheet_language = crate::language::SOURCE_LANGUAGE.to_string();
    state.notice = None;
    ctx.memory_mut(|memory| {
        if let Some(focused) = memory.focused() {
            memory.surrender_focus(focused);
        }
    });
    state.stale = true;
    if state.undo.is_some() {
        ctx.request_repaint_after(Duration::from_secs(theme::UNDO_SECONDS));
    }
}

/// 元に戻す: the citizen before 次の方, while it is offered.
fn undo_next_citizen(state: &mut CounterState) {
    match state.undo.take() {
        Some(undo) if Instant::now() < undo.until => {
            state.session = undo.session;
            state.handed_out = undo.handed_out;
            state.notice = Some(Notice::Done("前の方の入力を元に戻しました".into()));
            state.stale = true;
        }
        _ => {
            state.notice = Some(Notice::Refused(
                "元に戻せる入力はありません（次の方の直後だけ戻せます）".into(),
            ));
        }
    }
}

/// The question the card answers: a PIN the certificates need is locked (the shared case
/// format's `pin_locked`).
const PIN_LOCKED: &str = "pin_locked";

/// What happened at the reader.
pub fn card_event(state: &mut CounterState, event: ReaderEvent) {
    state.reader_line = match event {
        ReaderEvent::NoReader => ReaderLine::NoReader,
        // Taken away: what was read stays in the form; the next card is read afresh.
        ReaderEvent::Waiting | ReaderEvent::Removed => ReaderLine::Waiting,
        ReaderEvent::Reading => ReaderLine::Reading,
        ReaderEvent::Failed(error) => ReaderLine::Failed(error.to_string()),
        ReaderEvent::Read(reading) => {
            let card_date = reading.cert_expiry.map(format_iso).unwrap_or_default();
            let typed = state.session.text(DateField::CertExpiry).trim().to_string();
            if !typed.is_empty() && typed != card_date && state.pending_card.is_none() {
                state.pending_card = Some(reading);
            } else {
                fill_from_card(state, reading);
            }
            ReaderLine::Read
        }
    };
}

/// The certificate's expiry and whether a PIN is locked, from the card; marked as such.
fn fill_from_card(state: &mut CounterState, reading: CardReading) {
    let model = &state.source.model;
    if let Some(date) = reading.cert_expiry {
        state
            .session
            .set_date_text(DateField::CertExpiry, &format_iso(date));
        state.session.commit_date(DateField::CertExpiry);
    }
    let locked = reading.pins.certificate_pin_locked();
    state.session.set_answer(model, PIN_LOCKED, Some(locked));
    state.from_card = Some(reading);
    state.card_expiry_wanted = state.session.text(DateField::CardExpiry).trim().is_empty();
    state.stale = true;
}
