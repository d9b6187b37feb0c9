//! The live checklist: the documents of this visit as tick boxes, blockers and warnings, the
//! count, and 受付可 only when everything is seen and nothing blocks.

use crate::counter::{CounterSession, CounterStatus};
use crate::dates::format_both;
use crate::engine::{Evaluation, VisitNumber};
use crate::model::ProcedureModel;
use crate::report::fill_slots;
use egui::{Color32, RichText};

pub const BLOCKER_RED: Color32 = Color32::from_rgb(0xb0, 0x1e, 0x1e);
const BLOCKER_FILL: Color32 = Color32::from_rgb(0xfd, 0xe2, 0xe1);
const WARNING_FILL: Color32 = Color32::from_rgb(0xff, 0xf1, 0xc9);
const WARNING_TEXT: Color32 = Color32::from_rgb(0x7a, 0x4a, 0x00);
const OK_GREEN: Color32 = Color32::from_rgb(0x1b, 0x6e, 0x20);

/// Draws the checklist; ticks go straight into the session.
pub fn checklist_ui(
    ui: &mut egui::Ui,
    session: &mut CounterSession,
    model: &ProcedureModel,
    evaluation: &Result<Evaluation, String>,
) {
    ui.heading("確認する書類");
    let status = session.status(evaluation);
    let evaluation = match evaluation {
        Err(reason) => {
            ui.add_space(8.0);
            ui.label(RichText::new(reason).size(18.0).weak());
            ui.label(
                RichText::new("F1/F2 で手続き、F5〜F8 で窓口に来た人を選べます。")
                    .small()
                    .weak(),
            );
            return;
        }
        Ok(evaluation) => evaluation,
    };

    for blocker in &evaluation.blockers {
        let Some(info) = model.blocker(*blocker) else {
            continue;
        };
        banner(
            ui,
            BLOCKER_FILL,
            BLOCKER_RED,
            &format!("受付できません: {}", info.title),
            &fill_slots(&info.what_to_do, evaluation),
        );
    }
    for warning in &evaluation.warnings {
        let Some(info) = model.warning(*warning) else {
            continue;
        };
        banner(
            ui,
            WARNING_FILL,
            WARNING_TEXT,
            &format!("要確認: {}", info.title),
            &fill_slots(&info.what_to_do, evaluation),
        );
    }

    let visit = session.shown_visit(evaluation);
    let route_words = match (evaluation.same_day, visit) {
        (true, _) => "即日で手続きできます".to_string(),
        (false, VisitNumber::First) => {
            "即日不可（3段階）: 今回は1回目の申請です。市から本人の住民票の住所へ書類を郵送します"
                .to_string()
        }
        (false, VisitNumber::Second) => {
            "即日不可（3段階）: 今回は2回目、書類の持参です".to_string()
        }
    };
    ui.label(RichText::new(route_words).strong());
    ui.add_space(4.0);

    let checklist = session.checklist(evaluation);
    for requirement in &checklist {
        let mut ticked = session.is_ticked(visit, &requirement.document);
        let reasons: Vec<String> = requirement
            .reasons
            .iter()
            .map(|r| {
                format!(
                    "根拠（{}）: {}",
                    route_title(model, &r.route),
                    r.source.replace('\n', " ")
                )
            })
            .collect();
        let response = ui
            .checkbox(&mut ticked, RichText::new(&requirement.label).size(17.0))
            .on_hover_text(reasons.join("\n"));
        if response.changed() {
            session.set_tick(visit, &requirement.document, ticked);
        }
        ui.indent(requirement.document.as_str(), |ui| {
            if !requirement.examples.is_empty() {
                ui.label(RichText::new(format!("例: {}", requirement.examples.join("・"))).small());
            }
            if let Some(note) = &requirement.note {
                ui.label(RichText::new(format!("※{note}")).small());
            }
            egui::CollapsingHeader::new(RichText::new("なぜ必要か").small())
                .id_salt(("why", requirement.document.as_str()))
                .show(ui, |ui| {
                    for reason in &reasons {
                        ui.label(RichText::new(reason).small().weak());
                    }
                });
        });
    }
    for exempted in evaluation.exempted.iter().filter(|e| e.visit == visit) {
        ui.label(
            RichText::new(format!(
                "－ {}（不要: {}）",
                model.document_label(&exempted.document),
                exempted.reason
            ))
            .weak(),
        );
    }
    ui.add_space(8.0);

    match status {
        CounterStatus::Acceptable => {
            ui.label(RichText::new(format!(
                "{0} / {0} 確認済み",
                checklist.len()
            )));
            ui.label(RichText::new("受付可").size(30.0).strong().color(OK_GREEN));
        }
        CounterStatus::Checking { ticked, total } => {
            ui.label(RichText::new(format!("{ticked} / {total} 確認済み")).size(18.0));
        }
        CounterStatus::Blocked => {
            ui.label(
                RichText::new("本日は受付できません")
                    .size(20.0)
                    .strong()
                    .color(BLOCKER_RED),
            );
        }
        CounterStatus::NotReady(reason) => {
            ui.label(reason);
        }
    }
    ui.add_space(8.0);

    ui.separator();
    if let Some(age) = evaluation.holder_age {
        ui.label(format!("本人の年齢（来庁日）: {age}歳"));
    }
    ui.label(if evaluation.signature_cert {
        "署名用電子証明書: 発行できます"
    } else {
        "署名用電子証明書: 原則として発行できません（15歳未満・成年被後見人）"
    });
    if let Some(expiry) = evaluation.new_cert_expiry {
        ui.label(format!(
            "本日発行した場合の有効期限: {}",
            format_both(expiry)
        ));
    }
    if let Some(start) = evaluation.renewal_window_start {
        ui.label(format!("更新できるのは: {} から", format_both(start)));
    }
}

fn route_title<'m>(model: &'m ProcedureModel, route: &str) -> &'m str {
    model.route(route).map_or("", |r| r.title.as_str())
}

fn banner(ui: &mut egui::Ui, fill: Color32, text: Color32, title: &str, body: &str) {
    egui::Frame::new()
        .fill(fill)
        .inner_margin(8.0)
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(title).strong().size(17.0).color(text));
            ui.label(RichText::new(body).color(text));
        });
    ui.add_space(4.0);
}
