//! The live checklist: per asked procedure its state (受付可, or why not), the blocker and
//! warning banners, the documents of this visit as tick boxes, what staff should know. It
//! draws the guidance and gives back the ticks as commands.

use super::app::{AppCommand, FrameState};
use super::theme;
use crate::counter::{CounterSession, ProcedureStatus};
use crate::engine::VisitNumber;
use crate::guidance::{DocumentLine, Guidance};
use egui::{Color32, RichText};

/// Draws the checklist; ticks come back as commands.
pub fn checklist_ui(
    ui: &mut egui::Ui,
    session: &CounterSession,
    frame: &FrameState,
) -> Vec<AppCommand> {
    ui.heading("確認する書類");
    let (Ok(evaluation), Some(guidance)) = (&frame.evaluation, &frame.guidance) else {
        not_ready_ui(ui, frame);
        return Vec::new();
    };
    notices_ui(ui, guidance);
    for procedure in guidance.going_ahead() {
        ui.label(
            RichText::new(format!(
                "{}: {}",
                procedure.short_title, procedure.state_text
            ))
            .strong(),
        );
    }
    ui.add_space(4.0);
    let commands = documents_ui(ui, guidance, session.shown_visit(evaluation));
    ui.add_space(8.0);
    for (procedure, status) in session.statuses(evaluation) {
        let title = guidance
            .procedures
            .iter()
            .find(|p| p.procedure == procedure)
            .map(|p| p.short_title.as_str());
        status_ui(ui, title.filter(|_| guidance.procedures.len() > 1), status);
    }
    ui.add_space(8.0);
    ui.separator();
    staff_facts_ui(ui, guidance);
    commands
}

/// Why there is nothing to check yet, and the keys that help.
fn not_ready_ui(ui: &mut egui::Ui, frame: &FrameState) {
    let reason = match &frame.evaluation {
        Err(reason) => reason.to_string(),
        Ok(_) => String::new(),
    };
    ui.add_space(8.0);
    ui.label(RichText::new(reason).size(18.0).weak());
    ui.label(
        RichText::new("F1/F2 で手続き、F5〜F8 で窓口に来た人を選べます。")
            .small()
            .weak(),
    );
}

/// A red banner for each blocker, an amber one for each warning (once).
fn notices_ui(ui: &mut egui::Ui, guidance: &Guidance) {
    for procedure in &guidance.procedures {
        for blocker in &procedure.blockers {
            banner(
                ui,
                theme::RED_FILL,
                theme::RED,
                &format!(
                    "{}: 受付できません: {}",
                    procedure.short_title, blocker.title
                ),
                &blocker.for_staff,
            );
        }
    }
    for prompt in guidance.procedures.iter().flat_map(|p| &p.staff_prompts) {
        banner(ui, theme::AMBER_FILL, theme::AMBER, "要確認", prompt);
    }
    for hint in &guidance.unknown_dates {
        ui.label(RichText::new(format!("▲ {hint}")).color(theme::AMBER));
    }
    let mut shown: Vec<&str> = Vec::new();
    for warning in guidance.procedures.iter().flat_map(|p| &p.warnings) {
        if shown.contains(&warning.title.as_str()) {
            continue;
        }
        shown.push(&warning.title);
        banner(
            ui,
            theme::AMBER_FILL,
            theme::AMBER,
            &format!("要確認: {}", warning.title),
            &warning.for_staff,
        );
    }
}

/// The documents of this visit as tick boxes, and the ones not needed.
fn documents_ui(ui: &mut egui::Ui, guidance: &Guidance, visit: VisitNumber) -> Vec<AppCommand> {
    let mut commands = Vec::new();
    for document in &guidance.checklist {
        let mut ticked = document.ticked;
        let reasons = reasons_of(document);
        let response = ui
            .checkbox(
                &mut ticked,
                RichText::new(&document.label).size(theme::ITEM_SIZE),
            )
            .on_hover_text(reasons.join("\n"));
        if response.changed() {
            commands.push(AppCommand::Tick(visit, document.id.clone(), ticked));
        }
        ui.indent(document.id.as_str(), |ui| {
            document_details_ui(ui, document, &reasons)
        });
    }
    for exempted in &guidance.exempted {
        ui.label(
            RichText::new(format!(
                "－ {}（不要: {}）",
                exempted.label, exempted.reason
            ))
            .weak(),
        );
    }
    commands
}

fn reasons_of(document: &DocumentLine) -> Vec<String> {
    document
        .why
        .iter()
        .map(|w| format!("根拠（{}）: {}", w.route_title, w.passage))
        .collect()
}

fn document_details_ui(ui: &mut egui::Ui, document: &DocumentLine, reasons: &[String]) {
    if !document.examples.is_empty() {
        ui.label(RichText::new(format!("例: {}", document.examples.join("・"))).small());
    }
    if let Some(note) = &document.note {
        ui.label(RichText::new(format!("※{note}")).small());
    }
    egui::CollapsingHeader::new(RichText::new("なぜ必要か").small())
        .id_salt(("why", document.id.as_str()))
        .show(ui, |ui| {
            for reason in reasons {
                ui.label(RichText::new(reason).small().weak());
            }
        });
}

/// One procedure's state: the count, 受付可, or 本日は受付できません.
fn status_ui(ui: &mut egui::Ui, procedure: Option<&str>, status: ProcedureStatus) {
    ui.horizontal(|ui| {
        if let Some(title) = procedure {
            ui.label(RichText::new(format!("{title}:")).size(18.0));
        }
        match status {
            ProcedureStatus::Acceptable => {
                ui.label(
                    RichText::new("受付可")
                        .size(theme::VERDICT_SIZE)
                        .strong()
                        .color(theme::GREEN),
                );
            }
            ProcedureStatus::Checking { ticked, total } => {
                ui.label(RichText::new(format!("{ticked} / {total} 確認済み")).size(18.0));
            }
            ProcedureStatus::Blocked => {
                ui.label(
                    RichText::new("本日は受付できません")
                        .size(20.0)
                        .strong()
                        .color(theme::RED),
                );
            }
        }
    });
}

/// Age, 署名用, the new expiry, the route's notes: what staff should know.
fn staff_facts_ui(ui: &mut egui::Ui, guidance: &Guidance) {
    if let Some(age) = guidance.holder_age {
        ui.label(format!("本人の年齢（来庁日）: {age}歳"));
    }
    if let Some(signature) = &guidance.signature {
        ui.label(signature);
    }
    if let Some(expiry) = &guidance.new_cert_expiry {
        ui.label(expiry);
    }
    for procedure in &guidance.procedures {
        for note in &procedure.staff_notes {
            ui.label(RichText::new(note).small().color(Color32::DARK_GRAY));
        }
    }
}

fn banner(ui: &mut egui::Ui, fill: Color32, text: Color32, title: &str, body: &str) {
    egui::Frame::new()
        .fill(fill)
        .inner_margin(8.0)
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new(title)
                    .strong()
                    .size(theme::ITEM_SIZE)
                    .color(text),
            );
            ui.label(RichText::new(body).color(text));
        });
    ui.add_space(4.0);
}
