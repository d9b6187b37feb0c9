//! The form: procedure(s), who is at the counter, dates, and only the questions that matter.

use super::theme::{self, APPLICANT_KEYS, PROCEDURE_KEYS};
use crate::counter::{CounterSession, DateField};
use crate::engine::VisitNumber;
use crate::model::ProcedureModel;
use egui::RichText;

/// Draws the form into `ui`; edits go straight into the session (the form's own state).
pub fn form_ui(ui: &mut egui::Ui, session: &mut CounterSession, model: &ProcedureModel) {
    ui.heading("受付内容");
    ui.add_space(4.0);
    procedures_ui(ui, session, model);
    ui.add_space(6.0);
    applicants_ui(ui, session, model);
    ui.add_space(6.0);
    ui.label(
        RichText::new("日付（西暦 2026-11-25 または和暦 S55.6.15・昭和55年6月15日）").strong(),
    );
    for field in DateField::ALL {
        date_field_ui(ui, session, field);
    }
    ui.add_space(6.0);
    questions_ui(ui, session, model);
    visit_number_ui(ui, session, model);
    ui.add_space(8.0);
    ui.label(
        RichText::new(
            "暗証番号はこの画面に入力しません。本人が記入用紙に書くか、窓口の端末で入力します。",
        )
        .small()
        .weak(),
    );
}

fn procedures_ui(ui: &mut egui::Ui, session: &mut CounterSession, model: &ProcedureModel) {
    ui.label(RichText::new("手続き").strong());
    for (key, procedure) in PROCEDURE_KEYS {
        let title = model.procedure_title(procedure);
        ui.horizontal(|ui| {
            let response = ui.checkbox(session.procedure_mut(procedure), title);
            if let Some(info) = model.procedure(procedure) {
                response.on_hover_text(&info.description);
            }
            ui.label(RichText::new(key.name()).small().weak());
        });
    }
}

fn applicants_ui(ui: &mut egui::Ui, session: &mut CounterSession, model: &ProcedureModel) {
    ui.label(RichText::new("窓口に来た人").strong());
    for (key, applicant) in APPLICANT_KEYS {
        let Some(info) = model.applicant(applicant) else {
            continue;
        };
        ui.horizontal(|ui| {
            ui.radio_value(
                &mut session.applicant,
                Some(applicant),
                info.short_label.as_str(),
            )
            .on_hover_text(&info.label);
            ui.label(RichText::new(key.name()).small().weak());
        });
    }
}

/// Only the questions the chosen routes read, with the model's words.
fn questions_ui(ui: &mut egui::Ui, session: &mut CounterSession, model: &ProcedureModel) {
    let questions = session.questions(model);
    if questions.is_empty() {
        return;
    }
    ui.label(RichText::new("確認すること").strong());
    for question in questions {
        let mut answer = session.answer(model, &question.id);
        let response = ui.checkbox(&mut answer, question.label.as_str());
        let response = match &question.help {
            Some(help) => response.on_hover_text(help),
            None => response,
        };
        if response.changed() {
            session.set_answer(&question.id, answer);
        }
    }
    ui.add_space(6.0);
}

/// Which visit of the three-step route this is (only on that route).
fn visit_number_ui(ui: &mut egui::Ui, session: &mut CounterSession, model: &ProcedureModel) {
    let three_step = session
        .evaluation(model)
        .is_ok_and(|e| e.going_ahead().any(|o| !o.same_day));
    if !three_step {
        return;
    }
    ui.label(RichText::new("来庁の回数（3段階の手続き）").strong());
    ui.horizontal(|ui| {
        ui.radio_value(&mut session.visit, VisitNumber::First, "1回目（申請）");
        ui.radio_value(
            &mut session.visit,
            VisitNumber::Second,
            "2回目（書類の持参）",
        );
    });
}

fn date_field_ui(ui: &mut egui::Ui, session: &mut CounterSession, field: DateField) {
    ui.horizontal(|ui| {
        let label = ui.add_sized([150.0, 20.0], egui::Label::new(field.label()));
        let hint = match field {
            DateField::Visit => "2026-11-25",
            DateField::Birth => "S55.6.15",
            _ => "R8.12.10",
        };
        ui.add(
            egui::TextEdit::singleline(session.text_mut(field))
                .hint_text(hint)
                .desired_width(150.0),
        )
        .labelled_by(label.id);
    });
    if let Some(problem) = session.field_problem(field) {
        ui.colored_label(theme::RED, problem.to_string());
    } else if let Some(echo) = session.echo(field) {
        ui.label(RichText::new(format!("＝ {echo}")).color(ui.visuals().weak_text_color()));
    }
}
