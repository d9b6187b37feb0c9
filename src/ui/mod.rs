//! The counter window (egui + eframe). It draws the [`CounterSession`](crate::counter) and
//! the engine's evaluation and forwards what staff do; it decides no rule.

mod app;
mod card_feed;
mod checklist_panel;
mod commands;
mod counter_state;
mod diagram_view;
mod edits;
mod form_panel;
mod handing_out;
mod model_source;
mod output;
mod output_worker;
mod status_line;
mod summary_panel;
pub mod theme;
mod view;
pub mod warm_up;
mod window_start;

pub use app::{CounterApp, report_first_frame, save_into};
pub use card_feed::{CardWatch, PcscWatch};
pub use commands::AppCommand;
pub use counter_state::{CounterState, ReaderLine};
pub use model_source::ModelSource;
pub use output::{Notice, SaveChoice, system_save_dialog};
pub use view::View;
pub use window_start::run;

use std::path::PathBuf;
use std::sync::Arc;

pub use crate::fonts::JAPANESE_FONT;

/// Installs the Japanese font first in every family so labels are glyphs, never boxes, and
/// the light, paper-like theme of the counter.
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        "bizud_gothic".to_owned(),
        Arc::new(egui::FontData::from_static(JAPANESE_FONT)),
    );
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .insert(0, "bizud_gothic".to_owned());
    }
    // A face of its own for each size but the body's (see theme::SIZES); the fallbacks are
    // the body's.
    let fallbacks = fonts.families[&egui::FontFamily::Proportional][1..].to_vec();
    for size in theme::SIZES {
        let name = format!("bizud_gothic@{size}");
        fonts.font_data.insert(
            name.clone(),
            Arc::new(egui::FontData::from_static(JAPANESE_FONT)),
        );
        let faces = std::iter::once(name).chain(fallbacks.iter().cloned());
        fonts.families.insert(theme::family(size), faces.collect());
    }
    ctx.set_fonts(fonts);
    ctx.set_theme(egui::Theme::Light);
    ctx.global_style_mut(|style| {
        theme::apply(style);
        for (text_style, font) in style.text_styles.iter_mut() {
            *font = match text_style {
                egui::TextStyle::Heading => theme::font(theme::HEADING_SIZE),
                egui::TextStyle::Small => theme::font(theme::SMALL_SIZE),
                egui::TextStyle::Monospace => egui::FontId::monospace(theme::BODY_SIZE),
                _ => egui::FontId::proportional(theme::BODY_SIZE),
            };
        }
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        // Solid scroll bars that are always there to see, not thin floating ones.
        style.spacing.scroll = egui::style::ScrollStyle::solid();
    });
}

/// The environment variable naming the card reader the window watches (else any reader).
pub const READER_ENV: &str = "MADOGUCHI_READER";

/// Set to measure start-up: the window prints the time of its first frame and closes.
pub const REPORT_FIRST_FRAME_ENV: &str = "MADOGUCHI_REPORT_FIRST_FRAME";

/// The model's procedures, as the title names them: `電子証明書の更新・新規発行／暗証番号再設定…`.
pub fn procedure_titles(model: &crate::model::ProcedureModel) -> String {
    let titles: Vec<&str> = model.procedures.iter().map(|p| p.title.as_str()).collect();
    titles.join("／")
}

/// The window's title: the procedures of the model in use.
pub fn window_title(model: &crate::model::ProcedureModel) -> String {
    format!("{WINDOW_NAME} — {}", procedure_titles(model))
}

/// The window's name before its model is known (the title names the procedures once it is).
pub const WINDOW_NAME: &str = "madoguchi 窓口";

/// The largest texture side the window tells egui of, whatever more the GPU can hold
/// (`CounterApp`'s `raw_input_hook`): egui's glyph atlas is this wide.
///
/// Fixed, so that the warm-up's atlas (`warm_up.rs`) holds on every GPU that can hold it
/// (every GPU made for Direct3D 10 or later can); GPUs report 16384 or 32768 and egui would
/// start its atlas anew for each other value. 8192 is room for the glyphs of a whole day (the
/// atlas grows downwards), and half the memory of egui's own start of 16384 × 32.
pub const ATLAS_SIDE: usize = 8 * 1024;

/// Caps what the GPU reports at [`ATLAS_SIDE`] (a smaller GPU keeps its own); the window's
/// and the bare window's `raw_input_hook`.
pub fn cap_texture_side(raw_input: &mut egui::RawInput) {
    if let Some(side) = &mut raw_input.max_texture_side {
        *side = (*side).min(ATLAS_SIDE);
    }
}

/// The window's size as it opens, in points.
pub const WINDOW_SIZE: [f32; 2] = [1366.0, 768.0];

/// The window's options, shared with the bare window used to measure start-up.
pub fn native_options(title: String) -> eframe::NativeOptions {
    eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size(WINDOW_SIZE)
            .with_min_inner_size([1000.0, 600.0])
            .with_title(title),
        // The embedded font holds the Japanese; a font provider added by eframe would also
        // make egui start its glyph atlas again after the start-up warm-up.
        system_font_fallback: false,
        ..Default::default()
    }
}

/// What the window starts with (from the command line).
#[derive(Debug, Clone)]
pub struct WindowOptions {
    /// `--procedures`, else `MADOGUCHI_PROCEDURES`, else the embedded model.
    pub procedures: Option<PathBuf>,
    /// A case file to fill the form with.
    pub case: Option<PathBuf>,
    /// Documents to tick (with `case`).
    pub presented: Vec<String>,
    /// Save the sheet into this folder without a dialog.
    pub print_dir: Option<PathBuf>,
    /// The printer of 印刷.
    pub printer: crate::printing::PrinterChoice,
    /// `--trusted-key`, else `MADOGUCHI_TRUSTED_KEY`: only signed shared rules are used.
    pub trusted_key: Option<PathBuf>,
}

/// Why no window can open on this machine, said for staff: no screen to show it on.
pub fn no_display() -> Option<String> {
    if !cfg!(all(unix, not(target_os = "macos"))) {
        return None;
    }
    let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
    if set("DISPLAY") || set("WAYLAND_DISPLAY") || set("WAYLAND_SOCKET") {
        return None;
    }
    Some(
        "画面（ディスプレイ）がないため、窓口の画面を開けません。デスクトップから起動するか、環境変数 DISPLAY を設定してください。画面なしでは madoguchi evaluate（判定）、summary（案内の PDF）、print（印刷）が使えます（madoguchi --help）。".to_string(),
    )
}

/// Why the window did not open, for staff and the city's IT.
pub fn window_failure(err: &eframe::Error) -> String {
    match err {
        eframe::Error::OpenGL(_)
        | eframe::Error::Glutin(_)
        | eframe::Error::NoGlutinConfigs(..) => {
            // The windowing library's own words are kept in brackets for the IT desk.
            format!(
                "この PC のグラフィックスでは窓口の画面を描けません（OpenGL 2.0 以上が必要です: {}）。リモートデスクトップや仮想 PC で起こることがあります。情報システムの担当者に README.md の「Windows」の項（OpenGL）を見てもらってください。画面なしでは madoguchi evaluate、summary、print が使えます。",
                gist(err)
            )
        }
        _ => format!(
            "窓口の画面を開けませんでした（{}）。画面なしでは madoguchi evaluate、summary、print が使えます。",
            gist(err)
        ),
    }
}

/// The error of the windowing library names its own source files: keep the gist.
fn gist(err: &eframe::Error) -> String {
    let text = err.to_string();
    let last = text.rsplit(": ").next().unwrap_or_default();
    last.lines().next().unwrap_or_default().trim().to_string()
}
