//! A preview of the paper handed to the citizen, and the 印刷 button.

use super::app::AppCommand;
use super::theme;
use crate::guidance::Guidance;
use crate::sheet::{Sheet, SheetLine};
use egui::RichText;

/// Draws the preview of the sheet of `guidance`; gives `Print` when the button is pressed.
pub fn summary_ui(ui: &mut egui::Ui, guidance: Option<&Guidance>) -> Vec<AppCommand> {
    let mut commands = Vec::new();
    ui.heading("お渡しする案内");
    ui.horizontal_wrapped(|ui| {
        let print = ui
            .add_enabled(guidance.is_some(), egui::Button::new("印刷"))
            .on_hover_text("窓口のプリンターで A4 1枚を印刷します（Ctrl+P）")
            .on_disabled_hover_text("手続きと窓口に来た人を選ぶと印刷できます");
        if print.clicked() {
            commands.push(AppCommand::Print);
        }
        let save = ui
            .add_enabled(guidance.is_some(), egui::Button::new("保存（PDF）"))
            .on_hover_text("案内を PDF ファイルに保存します")
            .on_disabled_hover_text("手続きと窓口に来た人を選ぶと保存できます");
        if save.clicked() {
            commands.push(AppCommand::SavePdf);
        }
    });
    let Some(guidance) = guidance else {
        ui.label(RichText::new("受付内容を入力すると、ここに案内の内容が表示されます。").weak());
        return commands;
    };
    let sheet = Sheet::from_guidance(guidance);
    egui::ScrollArea::vertical()
        .id_salt("summary_scroll")
        .auto_shrink(false)
        .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
        .show(ui, |ui| {
            // Leave the scroll bar its own strip so no text runs under it.
            ui.set_max_width(ui.available_width() - ui.spacing().scroll.bar_width);
            ui.label(RichText::new(&sheet.title).strong().size(theme::ITEM_SIZE));
            for section in &sheet.sections {
                ui.add_space(4.0);
                ui.label(RichText::new(format!("【{}】", section.heading)).strong());
                for line in &section.lines {
                    match line {
                        SheetLine::Text(text) => {
                            ui.label(text);
                        }
                        SheetLine::Alert(text) => {
                            ui.label(RichText::new(text).strong().color(theme::RED));
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
            ui.add_space(4.0);
            ui.separator();
            ui.label(RichText::new(&sheet.counter_copy.heading).strong());
            for line in &sheet.counter_copy.lines {
                ui.label(line);
            }
        });
    commands
}
