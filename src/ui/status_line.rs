//! The window's edges: the top bar (title, 次の方, 規則の図, the rules and the printer in use,
//! the shared model's problems), the status line under the panels (always the same height, so
//! a notice moves nothing), and the question before 次の方 clears an unprinted citizen.

use super::commands::AppCommand;
use super::counter_state::CounterState;
use super::output::Notice;
use super::theme;
use crate::model_file::ModelOrigin;
use egui::RichText;

/// The title, the buttons and what the window runs on.
pub fn top_bar_ui(ui: &mut egui::Ui, app: &CounterState, commands: &mut Vec<AppCommand>) {
    ui.horizontal(|ui| {
        // The procedures are named in the window's title and in the form, not here: the top
        // bar keeps its room for the rules and the printer in use.
        ui.heading("madoguchi 窓口");
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let next = ui
                .button(RichText::new("次の方").strong())
                .on_hover_text("入力と確認をすべて消して、次の方の受付を始めます（Ctrl+N）");
            if next.clicked() {
                commands.push(AppCommand::NextCitizen);
            }
            ui.label(RichText::new("Ctrl+N").small().weak());
            if ui
                .selectable_label(app.show_diagram, "規則の図")
                .on_hover_text("使っている手続きモデルを流れ図で見ます（Esc で閉じます）")
                .clicked()
            {
                commands.push(AppCommand::ToggleDiagram);
            }
            // A long shared path or printer list gives way (shown whole on hover) rather than
            // run over the title.
            let room = (ui.available_width() - TITLE_ROOM).max(0.0);
            let printer = app.printer_label();
            let rules = rules_in_use(app);
            // The printer gives way first, never below half the room.
            let rules_width = small_text_width(ui, &rules);
            let printer_room = (room - rules_width - ui.spacing().item_spacing.x).max(room / 2.0);
            ui.allocate_ui(egui::vec2(printer_room, ui.available_height()), |ui| {
                ui.add(egui::Label::new(RichText::new(printer).small().weak()).truncate())
                    .on_hover_text(printer);
            });
            let room = (ui.available_width() - TITLE_ROOM).max(0.0);
            ui.allocate_ui(egui::vec2(room, ui.available_height()), |ui| {
                ui.add(egui::Label::new(RichText::new(&rules).small().weak()).truncate())
                    .on_hover_text(rules);
            });
        });
    });
    for problem in app.source.problems() {
        egui::Frame::new()
            .fill(theme::RED_FILL)
            .inner_margin(6.0)
            .show(ui, |ui| {
                ui.colored_label(theme::RED, problem);
            });
    }
}

/// How wide `text` is in the top bar's small type.
fn small_text_width(ui: &egui::Ui, text: &str) -> f32 {
    let font = egui::TextStyle::Small.resolve(ui.style());
    ui.fonts_mut(|f| {
        f.layout_no_wrap(text.to_string(), font, egui::Color32::PLACEHOLDER)
            .size()
            .x
    })
}

/// The width the title 「madoguchi 窓口」 keeps at the left of the top bar.
const TITLE_ROOM: f32 = 170.0;

/// `規則: ページ更新日 2024年3月22日（組み込み・署名なし）`.
fn rules_in_use(app: &CounterState) -> String {
    let origin = match &app.source.origin {
        ModelOrigin::Embedded => "組み込み".to_string(),
        ModelOrigin::File(path) => format!("共有: {}", path.display()),
    };
    // Thin hyphens vanish in small grey text: the date in words.
    let updated = &app.source.model.page.updated;
    let updated = crate::dates::parse_date(updated).map_or_else(
        |_| updated.clone(),
        |d| d.format("%Y年%-m月%-d日").to_string(),
    );
    format!(
        "規則: ページ更新日 {updated}（{origin}{}）",
        app.source.approval()
    )
}

/// The last notice, and 元に戻す after 次の方; the same height with or without them.
pub fn notice_ui(ui: &mut egui::Ui, app: &CounterState, commands: &mut Vec<AppCommand>) {
    ui.horizontal_wrapped(|ui| {
        if app.undo_offered() {
            ui.label("次の方に進みました。");
            if ui
                .button("元に戻す")
                .on_hover_text("前の方の入力に戻します（Ctrl+Z）")
                .clicked()
            {
                commands.push(AppCommand::UndoNextCitizen);
            }
            ui.label(RichText::new("Ctrl+Z").small().weak());
        }
        match &app.notice {
            Some(Notice::Done(text)) => {
                ui.colored_label(theme::GREEN, format!("✓ {text}"));
            }
            // No spinner: a window that is only waiting asks for no repaint.
            Some(Notice::Working(text)) => {
                ui.colored_label(theme::BLUE, format!("… {text}"));
            }
            Some(Notice::Failed(text)) | Some(Notice::Refused(text)) => {
                ui.colored_label(theme::RED, format!("× {text}"));
            }
            Some(Notice::PrintFailed(text)) => {
                ui.colored_label(theme::RED, format!("× {text}"));
                if ui.button("もう一度印刷").clicked() {
                    commands.push(AppCommand::RetryPrint);
                }
            }
            None => {}
        }
    });
}

/// 次の方 for a citizen whose sheet was never printed or saved: asked once.
pub fn confirm_next_ui(ctx: &egui::Context, commands: &mut Vec<AppCommand>) {
    egui::Modal::new(egui::Id::unique("confirm_next_citizen")).show(ctx, |ui| {
        ui.set_width(420.0);
        ui.heading("次の方に進みますか");
        ui.label("この方の案内はまだ印刷も保存もしていません。入力と確認をすべて消します（消したあと少しの間は「元に戻す」で戻せます）。");
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("次の方へ（Enter）").clicked() {
                commands.push(AppCommand::ConfirmNextCitizen);
            }
            if ui.button("戻る（Esc）").clicked() {
                commands.push(AppCommand::CancelNextCitizen);
            }
        });
    });
}

/// A second card for the same visit whose expiry differs from the form's: asked first.
pub fn second_card_ui(
    ctx: &egui::Context,
    card: &crate::card::CardReading,
    commands: &mut Vec<AppCommand>,
) {
    let expiry = card
        .cert_expiry
        .map_or_else(|| "なし".to_string(), crate::dates::format_both);
    egui::Modal::new(egui::Id::unique("second_card")).show(ctx, |ui| {
        ui.set_width(460.0);
        ui.heading("別のカードが置かれました");
        ui.label(format!(
            "このカードの電子証明書の有効期限は {expiry} です。入力してある日付と違います。このカードの内容に置き換えますか。"
        ));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("置き換える（Enter）").clicked() {
                commands.push(AppCommand::TakeSecondCard);
            }
            if ui.button("入力のままにする（Esc）").clicked() {
                commands.push(AppCommand::KeepFormDates);
            }
        });
    });
}
