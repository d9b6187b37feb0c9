//! A preview of the paper handed to the citizen in the chosen language, the language selector
//! (F9 cycles), and the 印刷 / 保存（PDF） buttons. Readings (ruby) are shown over their kanji
//! as on the paper.

use super::commands::AppCommand;
use super::theme;
use super::view::View;
use crate::language::Languages;
use crate::ruby::{Span, parse, plain};
use crate::sheet::{Sheet, SheetLine};
use egui::{Color32, RichText};

/// Draws the preview of the view's sheet; gives the commands of the buttons and the selector.
pub fn summary_ui(
    ui: &mut egui::Ui,
    view: &View,
    languages: &Languages,
    chosen: &str,
) -> Vec<AppCommand> {
    let mut commands = Vec::new();
    let sheet = view.sheet.as_ref();
    let not_ready = match &view.evaluation {
        Err(reason) => reason.to_string(),
        Ok(_) => String::new(),
    };
    ui.heading("お渡しする案内");
    ui.horizontal_wrapped(|ui| {
        let print = ui
            .add_enabled(sheet.is_some(), egui::Button::new("印刷"))
            .on_hover_text("窓口のプリンターで A4 1枚を印刷します（Ctrl+P）")
            .on_disabled_hover_text(format!("印刷できません: {not_ready}"));
        if print.clicked() {
            commands.push(AppCommand::Print);
        }
        ui.label(RichText::new("Ctrl+P").small().weak());
        let save = ui
            .add_enabled(sheet.is_some(), egui::Button::new("保存（PDF）"))
            .on_hover_text("案内を PDF ファイルに保存します")
            .on_disabled_hover_text(format!("保存できません: {not_ready}"));
        if save.clicked() {
            commands.push(AppCommand::SavePdf);
        }
    });
    languages_ui(ui, languages, chosen, &mut commands);
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

fn languages_ui(
    ui: &mut egui::Ui,
    languages: &Languages,
    chosen: &str,
    commands: &mut Vec<AppCommand>,
) {
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(format!(
                "案内の言語（{}）:",
                theme::KEY_NEXT_LANGUAGE.name()
            ))
            .small(),
        );
        if languages.all.len() == 1 {
            ui.label(
                RichText::new("日本語のみ（この手続きモデルには訳がありません: モデルの横の lang フォルダに置きます）")
                    .small()
                    .weak(),
            );
        }
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
}

/// The sheet's lines, readings over their kanji.
fn sheet_ui(ui: &mut egui::Ui, sheet: &Sheet) {
    ruby_ui(ui, &sheet.title, theme::ITEM_SIZE, None, true);
    for section in &sheet.sections {
        ui.add_space(4.0);
        ruby_ui(
            ui,
            &format!("【{}】", section.heading),
            theme::BODY_SIZE,
            None,
            true,
        );
        for line in &section.lines {
            match line {
                SheetLine::Text(text) => ruby_ui(ui, text, theme::BODY_SIZE, None, false),
                SheetLine::Alert(text) => {
                    ruby_ui(ui, text, theme::BODY_SIZE, Some(theme::RED), true);
                }
                SheetLine::Bullet(text) => {
                    ruby_ui(ui, &format!("・{text}"), theme::BODY_SIZE, None, false);
                }
                SheetLine::Check { ticked, label, .. } => {
                    let mark = if *ticked { "✓" } else { "□" };
                    ruby_ui(
                        ui,
                        &format!("{mark} {label}"),
                        theme::BODY_SIZE,
                        None,
                        false,
                    );
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

/// A text with `{漢字|かんじ}` readings: plain runs as wrapped text, each reading small over
/// its base. Text without readings is one label.
fn ruby_ui(ui: &mut egui::Ui, text: &str, size: f32, colour: Option<Color32>, strong: bool) {
    let style = |text: &str, size: f32| {
        let mut rich = RichText::new(text).font(theme::font(size));
        if strong {
            rich = rich.strong();
        }
        match colour {
            Some(colour) => rich.color(colour),
            None => rich,
        }
    };
    let spans = match parse(text) {
        Ok(spans) if spans.iter().any(|s| s.reading.is_some()) => spans,
        _ => {
            ui.label(style(&plain(text), size));
            return;
        }
    };
    // Bottom-aligned rows: a base with its reading stands on the same line as plain text.
    let row = egui::Layout::left_to_right(egui::Align::BOTTOM).with_main_wrap(true);
    ui.with_layout(row, |ui| {
        ui.spacing_mut().item_spacing.x = 0.0;
        for Span { base, reading } in &spans {
            match reading {
                Some(reading) => {
                    ui.vertical(|ui| {
                        ui.spacing_mut().item_spacing.y = 0.0;
                        ui.label(RichText::new(reading).size(size * 0.55).color(theme::WEAK));
                        ui.label(style(base, size));
                    });
                }
                // Plain runs are set word by word so the line wraps like the rest.
                None => {
                    for piece in base.split_inclusive([' ', '、', '。']) {
                        ui.label(style(piece, size));
                    }
                }
            }
        }
    });
}
