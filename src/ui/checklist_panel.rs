//! The live checklist: per asked procedure where it stands (受付可 of its kind, what to settle,
//! or why not), the refusal and warning banners, the documents of this visit as tick boxes
//! under the procedures they are for, what staff should know. It draws the guidance and the
//! language file's words; the ticks come back as commands.

use super::commands::AppCommand;
use super::model_source::ModelSource;
use super::theme;
use super::view::View;
use crate::engine::VisitNumber;
use crate::guidance::{DocumentLine, Guidance, ProcedureGuidance, Status};
use crate::language::Language;
use crate::model::ProcedureKind;
use crate::phrases::Phrase;
use egui::{Color32, RichText};

/// Draws the checklist; gives the ticks as commands and each procedure's status as drawn.
/// A status that differs from `previous` is scrolled into view.
pub fn checklist_ui(
    ui: &mut egui::Ui,
    view: &View,
    source: &ModelSource,
    previous: &[(ProcedureKind, Status)],
) -> (Vec<AppCommand>, Vec<(ProcedureKind, Status)>) {
    ui.heading("確認する書類");
    let Some(guidance) = &view.guidance else {
        not_ready_ui(ui, view, source);
        return (Vec::new(), previous.to_vec());
    };
    let words = source.languages.source();
    notices_ui(ui, guidance);
    let commands = documents_ui(ui, guidance, words);
    ui.add_space(8.0);
    let mut statuses = Vec::new();
    for procedure in &guidance.procedures {
        let response = status_ui(ui, procedure, words);
        let status = (procedure.procedure, procedure.status);
        if !previous.is_empty() && !previous.contains(&status) {
            response.scroll_to_me(Some(egui::Align::Center));
        }
        statuses.push(status);
    }
    ui.add_space(8.0);
    ui.separator();
    staff_facts_ui(ui, guidance, words);
    (commands, statuses)
}

/// Why there is nothing to check yet, and the keys that help.
fn not_ready_ui(ui: &mut egui::Ui, view: &View, source: &ModelSource) {
    let reason = match &view.evaluation {
        Err(reason) => reason.to_string(),
        Ok(_) => String::new(),
    };
    ui.add_space(8.0);
    ui.label(
        RichText::new(reason)
            .font(theme::font(theme::ITEM_SIZE))
            .color(theme::AMBER),
    );
    let model = &source.model;
    let keys = |count: usize, keys: &[egui::Key]| {
        let names: Vec<&str> = keys.iter().take(count).map(|k| k.name()).collect();
        names.join("・")
    };
    ui.label(
        RichText::new(format!(
            "{} で手続き、{} で窓口に来た人を選べます。",
            keys(model.procedures.len(), &theme::PROCEDURE_KEYS),
            keys(model.applicants.len(), &theme::APPLICANT_KEYS)
        ))
        .small()
        .weak(),
    );
}

/// A red banner for each refusal, an amber one for each prompt and warning (once).
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

/// The documents of this visit as tick boxes, grouped under the procedures they are for (a
/// document both procedures ask for is listed once, under both names), then those not needed.
fn documents_ui(ui: &mut egui::Ui, guidance: &Guidance, words: &Language) -> Vec<AppCommand> {
    let mut commands = Vec::new();
    let going: Vec<&ProcedureGuidance> = guidance.going_ahead().collect();
    let mut groups: Vec<(Vec<&str>, Vec<&DocumentLine>)> = Vec::new();
    for document in &guidance.checklist {
        let owners: Vec<&str> = going
            .iter()
            .filter(|p| p.documents.iter().any(|d| d.id == document.id))
            .map(|p| p.short_title.as_str())
            .collect();
        match groups.iter_mut().find(|(o, _)| *o == owners) {
            Some((_, lines)) => lines.push(document),
            None => groups.push((owners, vec![document])),
        }
    }
    for (owners, lines) in groups {
        if going.len() > 1 {
            ui.label(RichText::new(format!("■ {}", owners.join("・"))).strong());
        }
        for document in lines {
            document_ui(ui, document, guidance.visit, words, &mut commands);
        }
    }
    for exempted in &guidance.exempted {
        ui.label(
            RichText::new(format!(
                "－ {}（{}: {}）",
                exempted.label,
                words.phrase(Phrase::NotNeeded),
                exempted.reason
            ))
            .weak(),
        );
    }
    commands
}

fn document_ui(
    ui: &mut egui::Ui,
    document: &DocumentLine,
    visit: VisitNumber,
    words: &Language,
    commands: &mut Vec<AppCommand>,
) {
    let mut ticked = document.ticked;
    let reasons = reasons_of(document, words);
    let response = ui
        .checkbox(
            &mut ticked,
            RichText::new(&document.label).font(theme::font(theme::ITEM_SIZE)),
        )
        .on_hover_text(reasons.join("\n"));
    if response.changed() {
        commands.push(AppCommand::Tick(visit, document.id.clone(), ticked));
    }
    ui.indent(document.id.as_str(), |ui| {
        if let Some(facts) = &document.to_confirm {
            ui.label(
                RichText::new(format!("？ 要否を確認してください: {facts}"))
                    .color(theme::AMBER)
                    .strong(),
            );
        }
        document_details_ui(ui, document, &reasons, words)
    });
}

fn reasons_of(document: &DocumentLine, words: &Language) -> Vec<String> {
    document
        .why
        .iter()
        .map(|w| {
            format!(
                "{}（{}）: {}",
                words.phrase(Phrase::Why),
                w.route_title,
                w.passage
            )
        })
        .collect()
}

fn document_details_ui(
    ui: &mut egui::Ui,
    document: &DocumentLine,
    reasons: &[String],
    words: &Language,
) {
    if !document.examples.is_empty() {
        let examples = document.examples.join(words.phrase(Phrase::TitleSeparator));
        let text = words
            .phrase(Phrase::Examples)
            .replace("{examples}", &examples);
        ui.label(RichText::new(text).small());
    }
    if let Some(note) = &document.note {
        ui.label(RichText::new(format!("※{note}")).small());
    }
    if !reasons.is_empty() {
        egui::CollapsingHeader::new(RichText::new("なぜ必要か").small())
            .id_salt(("why", document.id.as_str()))
            .show(ui, |ui| {
                for reason in reasons {
                    ui.label(RichText::new(reason).small().weak());
                }
            });
    }
}

/// How one status is drawn: its mark, its verdict, the line under them, the colour of the
/// text and the fill behind it.
struct StatusLook {
    mark: &'static str,
    verdict: String,
    detail: String,
    colour: Color32,
    fill: Color32,
}

/// Each kind of status with its own mark, words and colour.
fn status_look(procedure: &ProcedureGuidance, words: &Language) -> StatusLook {
    let (mark, verdict, detail, colour, fill) = match procedure.status {
        Status::AcceptedToday => (
            "✓",
            "受付可".to_string(),
            "本日で完了します".to_string(),
            theme::GREEN,
            theme::GREEN_FILL,
        ),
        Status::AcceptedFirstVisit => (
            "→",
            "受付可".to_string(),
            format!(
                "{}。書類を郵送し、2回目の来庁で完了します",
                words.phrase(Phrase::VisitFirst)
            ),
            theme::BLUE,
            theme::BLUE_FILL,
        ),
        Status::AcceptedSecondVisit => (
            "✓",
            "受付可".to_string(),
            format!("{}。これで完了します", words.phrase(Phrase::VisitSecond)),
            theme::GREEN,
            theme::GREEN_FILL,
        ),
        Status::Checking { ticked, total } => (
            "□",
            format!("{ticked} / {total} 確認済み"),
            procedure.state_text.clone(),
            theme::TEXT,
            theme::PANEL,
        ),
        Status::Undecided => (
            "？",
            "確認が必要です".to_string(),
            format!("入力・確認してください: {}", procedure.to_settle.join("、")),
            theme::AMBER,
            theme::AMBER_FILL,
        ),
        Status::Refused => (
            "×",
            words
                .phrase(Phrase::VerdictBlocked)
                .trim_end_matches('。')
                .to_string(),
            refusal_detail(procedure),
            theme::RED,
            theme::RED_FILL,
        ),
    };
    StatusLook {
        mark,
        verdict,
        detail,
        colour,
        fill,
    }
}

/// One procedure's status, each kind with its own mark, words and colour.
fn status_ui(ui: &mut egui::Ui, procedure: &ProcedureGuidance, words: &Language) -> egui::Response {
    let StatusLook {
        mark,
        verdict,
        detail,
        colour,
        fill,
    } = status_look(procedure, words);
    egui::Frame::new()
        .fill(fill)
        .inner_margin(8.0)
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(format!("{}:", procedure.short_title))
                        .font(theme::font(theme::ITEM_SIZE))
                        .color(colour),
                );
                ui.label(
                    RichText::new(mark)
                        .font(theme::font(theme::VERDICT_SIZE))
                        .color(colour),
                );
                ui.label(
                    RichText::new(verdict)
                        .font(theme::font(theme::VERDICT_SIZE))
                        .strong()
                        .color(colour),
                );
            });
            ui.label(RichText::new(detail).color(colour));
        })
        .response
}

/// Why a procedure is refused and what to do instead (when to come back).
fn refusal_detail(procedure: &ProcedureGuidance) -> String {
    let reasons: Vec<&str> = procedure
        .blockers
        .iter()
        .map(|b| b.title_for_staff.as_str())
        .collect();
    let mut detail = reasons.join("・");
    if let Some(next) = procedure
        .blockers
        .iter()
        .find_map(|b| b.for_citizen.as_ref())
    {
        detail.push_str(&format!("。{next}"));
    }
    detail
}

/// Age, 署名用, the new expiry, the route's notes: what staff should know.
fn staff_facts_ui(ui: &mut egui::Ui, guidance: &Guidance, words: &Language) {
    if let Some(age) = guidance.holder_age {
        ui.label(
            words
                .phrase(Phrase::HolderAge)
                .replace("{age}", &age.to_string()),
        );
    }
    if let Some(signature) = &guidance.signature {
        ui.label(signature);
    }
    if let Some(expiry) = &guidance.new_cert_expiry {
        ui.label(expiry);
    }
    for procedure in &guidance.procedures {
        for note in &procedure.staff_notes {
            ui.label(RichText::new(note).small().color(theme::WEAK));
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
                    .font(theme::font(theme::ITEM_SIZE))
                    .color(text),
            );
            ui.label(RichText::new(body).color(text));
        });
    ui.add_space(4.0);
}
