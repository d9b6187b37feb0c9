//! The form: procedure(s), who is at the counter, dates, and only the questions that matter.
//! The lists and their F-keys come from the model, in its order; edits come back as commands.

use super::commands::AppCommand;
use super::counter_state::ReaderLine;
use super::model_source::ModelSource;
use super::theme;
use super::view::View;
use crate::card::CardReading;
use crate::counter::{CounterSession, DateField, document_questions};
use crate::dates::format_iso;
use crate::engine::VisitNumber;
use crate::phrases::Phrase;
use chrono::Datelike;
use egui::RichText;

/// What the card on the reader said, for the form's marks.
pub struct CardMarks<'a> {
    pub reader_line: &'a ReaderLine,
    pub from_card: Option<&'a CardReading>,
    /// Put the cursor in カードの有効期限 (a card was just read, that date is still empty).
    pub want_card_expiry: bool,
}

/// Draws the form into `ui`; gives back what staff changed.
pub fn form_ui(
    ui: &mut egui::Ui,
    session: &CounterSession,
    view: &View,
    source: &ModelSource,
    card: &CardMarks,
) -> Vec<AppCommand> {
    let mut commands = Vec::new();
    ui.heading("受付内容");
    reader_ui(ui, card.reader_line);
    ui.add_space(4.0);
    procedures_ui(ui, session, source, &mut commands);
    ui.add_space(6.0);
    applicants_ui(ui, session, source, &mut commands);
    ui.add_space(6.0);
    ui.label(RichText::new("日付（西暦 2026-11-25・和暦 S55.6.15・数字8桁 20261125）").strong());
    for field in DateField::ALL {
        date_field_ui(ui, session, field, card, &mut commands);
    }
    ui.add_space(6.0);
    questions_ui(ui, session, source, card, &mut commands);
    visit_number_ui(ui, session, view, source, &mut commands);
    ui.add_space(8.0);
    ui.label(
        RichText::new(
            "暗証番号はこの画面に入力しません。本人が記入用紙に書くか、窓口の端末で入力します。",
        )
        .small()
        .weak(),
    );
    commands
}

fn procedures_ui(
    ui: &mut egui::Ui,
    session: &CounterSession,
    source: &ModelSource,
    commands: &mut Vec<AppCommand>,
) {
    ui.label(RichText::new("手続き").strong());
    for (index, procedure) in source.model.procedures.iter().enumerate() {
        ui.horizontal(|ui| {
            let mut chosen = session.requests(procedure.kind);
            let response = ui
                .checkbox(&mut chosen, procedure.title.as_str())
                .on_hover_text(&procedure.description);
            if response.changed() {
                commands.push(AppCommand::ToggleProcedure(procedure.kind));
            }
            if let Some(key) = theme::PROCEDURE_KEYS.get(index) {
                ui.label(RichText::new(key.name()).small().weak());
            }
        });
    }
}

fn applicants_ui(
    ui: &mut egui::Ui,
    session: &CounterSession,
    source: &ModelSource,
    commands: &mut Vec<AppCommand>,
) {
    ui.label(RichText::new("窓口に来た人").strong());
    for (index, applicant) in source.model.applicants.iter().enumerate() {
        ui.horizontal(|ui| {
            let chosen = session.applicant == Some(applicant.kind);
            if ui
                .radio(chosen, applicant.short_label.as_str())
                .on_hover_text(&applicant.label)
                .clicked()
            {
                commands.push(AppCommand::SetApplicant(applicant.kind));
            }
            if let Some(key) = theme::APPLICANT_KEYS.get(index) {
                ui.label(RichText::new(key.name()).small().weak());
            }
        });
    }
}

/// Only the questions the chosen routes read, with the model's words. A question that
/// decides a document starts unanswered (a dash) and says so until staff answer it.
fn questions_ui(
    ui: &mut egui::Ui,
    session: &CounterSession,
    source: &ModelSource,
    card: &CardMarks,
    commands: &mut Vec<AppCommand>,
) {
    let model = &source.model;
    let questions = session.questions(model);
    if questions.is_empty() {
        return;
    }
    let deciding = document_questions(model);
    ui.label(RichText::new("確認すること").strong());
    for question in questions {
        let given = session.given_answer(&question.id);
        let open = given.is_none() && deciding.contains(&question.id.as_str());
        let mut answer = given.unwrap_or(question.default) && !open;
        ui.horizontal_wrapped(|ui| {
            let response = ui
                .add(egui::Checkbox::new(&mut answer, question.label.as_str()).indeterminate(open));
            let response = match &question.help {
                Some(help) => response.on_hover_text(help),
                None => response,
            };
            if response.clicked() {
                // From 未確認 a click says はい; then each click turns it over.
                let next = if open { true } else { answer };
                commands.push(AppCommand::SetAnswer(question.id.clone(), Some(next)));
            }
            if open {
                ui.label(RichText::new("未確認").color(theme::AMBER).strong());
            }
            if let Some(tries) = card_answer(card, &question.id, given) {
                ui.label(RichText::new(tries).color(theme::BLUE));
            }
        });
    }
    ui.add_space(6.0);
}

/// Which visit of the three-step route this is (only on that route); F4 turns it over.
fn visit_number_ui(
    ui: &mut egui::Ui,
    session: &CounterSession,
    view: &View,
    source: &ModelSource,
    commands: &mut Vec<AppCommand>,
) {
    let three_step = view
        .evaluation
        .as_ref()
        .is_ok_and(crate::guidance::three_step_goes_ahead);
    if !three_step {
        return;
    }
    let words = source.languages.source();
    ui.horizontal(|ui| {
        ui.label(RichText::new("来庁の回数（即日で終わらない手続き）").strong());
        ui.label(RichText::new(theme::KEY_VISIT.name()).small().weak());
    });
    for (visit, phrase) in [
        (VisitNumber::First, Phrase::VisitFirst),
        (VisitNumber::Second, Phrase::VisitSecond),
    ] {
        if ui
            .radio(session.visit == visit, words.phrase(phrase))
            .clicked()
        {
            commands.push(AppCommand::SetVisit(visit));
        }
    }
}

/// A date field: read when it is left (Tab, Enter, a click elsewhere), never mid-typing.
fn date_field_ui(
    ui: &mut egui::Ui,
    session: &CounterSession,
    field: DateField,
    card: &CardMarks,
    commands: &mut Vec<AppCommand>,
) {
    ui.horizontal(|ui| {
        let label = ui.add_sized([170.0, 22.0], egui::Label::new(field.label()));
        let hint = match field {
            DateField::Visit => "2026-11-25",
            DateField::Birth => "S55.6.15",
            _ => "R8.12.10",
        };
        let mut text = session.text(field).to_string();
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut text)
                    // A stable id: the lines under a field come and go, focus must not.
                    .id_salt(("date_field", field))
                    .hint_text(hint)
                    .desired_width(140.0),
            )
            .labelled_by(label.id);
        if response.changed() {
            commands.push(AppCommand::SetDateText(field, text));
        }
        if response.lost_focus() {
            commands.push(AppCommand::CommitDate(field));
        }
        // When the card's face can be asked about instead, the cursor goes there.
        let face_asked = || session.card_outlives_question().is_some();
        if field == DateField::CardExpiry && !face_asked() && wants_focus(ui, card) {
            response.request_focus();
            commands.push(AppCommand::CardExpiryFocused);
        }
    });
    if field == DateField::CardExpiry {
        card_expiry_hint(ui, session, card);
        card_outlives_ui(ui, session, card, commands);
    }
    let from_card = card
        .from_card
        .and_then(|c| c.cert_expiry)
        .is_some_and(|date| {
            field == DateField::CertExpiry && session.text(field) == format_iso(date)
        });
    if let Some(problem) = session.field_problem(field) {
        ui.colored_label(theme::RED, problem.to_string());
    } else if let Some(echo) = session.echo(field) {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(format!("＝ {echo}")).weak());
            if from_card {
                ui.label(RichText::new("カードから").color(theme::BLUE).strong());
            }
        });
    }
}

/// The cursor goes to the card's expiry once after a card was read, if nothing has it.
fn wants_focus(ui: &egui::Ui, card: &CardMarks) -> bool {
    card.want_card_expiry && ui.memory(|m| m.focused().is_none())
}

/// Under カードの有効期限 once a card was read and that date is still empty: the chip holds
/// the certificate's expiry, not the card's.
fn card_expiry_hint(ui: &mut egui::Ui, session: &CounterSession, card: &CardMarks) {
    let field = DateField::CardExpiry;
    if card.from_card.is_none()
        || !session.text(field).trim().is_empty()
        || session.card_outlives_cert()
    {
        return;
    }
    let words = if session.card_outlives_question().is_some() {
        "カード本体の有効期限はICチップから読めません。カード表面のカード本体の有効期限（電子証明書の欄ではなく）を見て、下の日付より後なら Enter でチェック、同じ日か前なら Shift+Tab で日付を入力してください"
    } else {
        "カード表面のカード本体の有効期限を入力してください（ICチップからは読めません）"
    };
    ui.colored_label(theme::AMBER, words);
}

/// 「カード表面の有効期限は電子証明書の有効期限より後」: seen on the card, so its date need not
/// be typed. Asked while the certificate's expiry is known and the card's is not typed; the
/// cursor comes here once after a card was read (Enter ticks it).
fn card_outlives_ui(
    ui: &mut egui::Ui,
    session: &CounterSession,
    card: &CardMarks,
    commands: &mut Vec<AppCommand>,
) {
    let Some(cert) = session.card_outlives_question() else {
        return;
    };
    let mut seen = session.card_outlives_cert();
    let words = format!(
        "カード表面の有効期限は {}年{}月{}日（電子証明書の有効期限）より後",
        cert.year(),
        cert.month(),
        cert.day()
    );
    // A stable id: the hint above comes and goes, the focus must stay.
    let checkbox = |ui: &mut egui::Ui| ui.add(egui::Checkbox::new(&mut seen, words));
    let scope = egui::UiBuilder::new().scope_id(egui::Id::unique("card_outlives_cert"));
    let response = ui
        .scope_builder(scope, checkbox)
        .inner
        .on_hover_text(
            "電子証明書とカード本体が同じ日に有効期限を迎えるときは、電子証明書だけの更新はできません（カードの再発行）。カード本体の有効期限が同じ日か、それより前のときはチェックせず、その日付を入力してください。",
        );
    if response.clicked() {
        commands.push(AppCommand::SetCardOutlivesCert(seen));
    }
    if wants_focus(ui, card) {
        response.request_focus();
        commands.push(AppCommand::CardExpiryFocused);
    }
}

/// The reader's state, on one line at the top of the form.
fn reader_ui(ui: &mut egui::Ui, line: &ReaderLine) {
    let colour = match line {
        ReaderLine::Failed(_) => theme::RED,
        ReaderLine::Read => theme::BLUE,
        _ => theme::WEAK,
    };
    ui.label(RichText::new(format!("読み取り機: {}", line.words())).color(colour));
}

/// 「カードから（…）」 beside the question the card answered, while its answer is the card's.
fn card_answer(card: &CardMarks, question: &str, given: Option<bool>) -> Option<String> {
    let reading = card.from_card?;
    let pins = reading.pins;
    (question == "pin_locked" && given == Some(pins.certificate_pin_locked())).then(|| {
        format!(
            "カードから（残り: 利用者証明用 {}回・署名用 {}回）",
            pins.user_auth, pins.signature
        )
    })
}
