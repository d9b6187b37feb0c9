//! A preview of the paper handed to the citizen in the chosen language, the language selector
//! (F9 cycles), and the 印刷 / 保存（PDF） buttons.

use super::app::AppCommand;
use super::theme;
use crate::language::Languages;
use crate::ruby::plain;
use crate::sheet::{Sheet, SheetLine};
use egui::RichText;

/// Draws the preview of `sheet`; gives the commands of the buttons and the selector.
pub fn summary_ui(
    ui: &mut egui::Ui,
    sheet: Option<&Sheet>,
    languages: &Languages,
    chosen: &str,
) -> Vec<AppCommand> {
    let mut commands = Vec::new();
    ui.heading("お渡しする案内");
    ui.horizontal_wrapped(|ui| {
        let print = ui
            .add_enabled(sheet.is_some(), egui::Button::new("印刷"))
            .on_hover_text("窓口のプリンターで A4 1枚を印刷します（Ctrl+P）")
            .on_disabled_hover_text("手続きと窓口に来た人を選ぶと印刷できます");
        if print.clicked() {
            commands.push(AppCommand::Print);
        }
        let save = ui
            .add_enabled(sheet.is_some(), egui::Button::new("保存（PDF）"))
            .on_hover_text("案内を PDF ファイルに保存します")
            .on_disabled_hover_text("手続きと窓口に来た人を選ぶと保存できます");
        if save.clicked() {
            commands.push(AppCommand::SavePdf);
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("案内の言語（F9）:").small());
        for language in &languages.all {
            if ui
                .selectable_label(language.code == chosen, language.name.as_str())
                .on_hover_text("窓口控えは日本語のままです")
                .clicked()
            {
                commands.push(AppCommand::SetSheetLanguage(language.code.clone()));
            }
        }
    });
    let Some(sheet) = sheet else {
        ui.label(RichText::new("受付内容を入力すると、ここに案内の内容が表示されます。").weak());
        return commands;
    };
    egui::ScrollArea::vertical()
        .id_salt("summary_scroll")
        .auto_shrink(false)
        .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
        .show(ui, |ui| {
            // Leave the scroll bar its own strip so no text runs under it.
            ui.set_max_width(ui.available_width() - ui.spacing().scroll.bar_width);
            sheet_ui(ui, sheet);
        });
    commands
}

/// The sheet's lines; readings (ruby) are printed on paper, the preview shows the base text.
fn sheet_ui(ui: &mut egui::Ui, sheet: &Sheet) {
    ui.label(
        RichText::new(plain(&sheet.title))
            .strong()
            .size(theme::ITEM_SIZE),
    );
    for section in &sheet.sections {
        ui.add_space(4.0);
        ui.label(RichText::new(format!("【{}】", plain(&section.heading))).strong());
        for line in &section.lines {
            match line {
                SheetLine::Text(text) => {
                    ui.label(plain(text));
                }
                SheetLine::Alert(text) => {
                    ui.label(RichText::new(plain(text)).strong().color(theme::RED));
                }
                SheetLine::Bullet(text) => {
                    ui.label(format!("・{}", plain(text)));
                }
                SheetLine::Check { ticked, label, .. } => {
                    ui.label(format!(
                        "{} {}",
                        if *ticked { "✓" } else { "□" },
                        plain(label)
                    ));
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
}
