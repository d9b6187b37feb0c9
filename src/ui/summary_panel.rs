//! A preview of the paper handed to the citizen, and the 印刷 button.

use super::app::AppCommand;
use crate::case::Case;
use crate::counter::CounterSession;
use crate::engine::Evaluation;
use crate::model::ProcedureModel;
use crate::sheet::{Sheet, SheetLine};
use egui::RichText;

/// Draws the preview; gives `Print` when the button is pressed.
pub fn summary_ui(
    ui: &mut egui::Ui,
    session: &CounterSession,
    model: &ProcedureModel,
    case: Option<&Case>,
    evaluation: &Result<Evaluation, String>,
) -> Vec<AppCommand> {
    let mut commands = Vec::new();
    ui.horizontal(|ui| {
        ui.heading("お渡しする案内");
        let ready = case.is_some() && evaluation.is_ok();
        let button = ui
            .add_enabled(ready, egui::Button::new("印刷"))
            .on_hover_text("A4 の PDF を保存して、印刷のために開きます（Ctrl+P）")
            .on_disabled_hover_text("手続きと窓口に来た人を選ぶと印刷できます");
        if button.clicked() {
            commands.push(AppCommand::Print);
        }
    });
    let (Some(case), Ok(evaluation)) = (case, evaluation) else {
        ui.label(RichText::new("受付内容を入力すると、ここに案内の内容が表示されます。").weak());
        return commands;
    };
    let sheet = Sheet::build(
        model,
        case,
        evaluation,
        session.shown_visit(evaluation),
        &session.presented(evaluation),
    );
    egui::ScrollArea::vertical()
        .id_salt("summary_scroll")
        .show(ui, |ui| {
            ui.label(RichText::new(&sheet.title).strong().size(17.0));
            for section in &sheet.sections {
                ui.add_space(4.0);
                ui.label(RichText::new(format!("【{}】", section.heading)).strong());
                for line in &section.lines {
                    match line {
                        SheetLine::Text(text) => {
                            ui.label(text);
                        }
                        SheetLine::Alert(text) => {
                            ui.label(
                                RichText::new(text)
                                    .strong()
                                    .color(super::checklist_panel::BLOCKER_RED),
                            );
                        }
                        SheetLine::Bullet(text) => {
                            ui.label(format!("・{text}"));
                        }
                        SheetLine::Check { ticked, label, .. } => {
                            ui.label(format!("{} {label}", if *ticked { "✓" } else { "□" }));
                        }
                    }
                }
            }
        });
    commands
}
