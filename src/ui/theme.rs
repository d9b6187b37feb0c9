//! The window's look and keys, in one place: colours, sizes, key bindings. Every text colour
//! reads at 4.5:1 or more against the fill it stands on, and the tick box's edge at 3:1 or
//! more (WCAG 2.1 AA; `tests` below checks each pair).

use egui::{Color32, Key, KeyboardShortcut, Modifiers};

/// The window's background (egui's light panel fill).
pub const PANEL: Color32 = Color32::from_gray(248);
/// The background of a text field.
pub const FIELD: Color32 = Color32::WHITE;
/// Body text.
pub const TEXT: Color32 = Color32::from_gray(0x20);
/// Secondary text: hints, key names, placeholders, the rules' date.
pub const WEAK: Color32 = Color32::from_gray(0x55);
/// The edge of a tick box, a radio button, a text field.
pub const EDGE: Color32 = Color32::from_gray(0x6a);

/// Text of a refusal, an error beside a field, a failed print.
pub const RED: Color32 = Color32::from_rgb(0xa3, 0x16, 0x16);
/// The fill behind a refusal.
pub const RED_FILL: Color32 = Color32::from_rgb(0xfd, 0xe2, 0xe1);
/// Text and fill of a warning, of something still to settle.
pub const AMBER: Color32 = Color32::from_rgb(0x6b, 0x40, 0x00);
pub const AMBER_FILL: Color32 = Color32::from_rgb(0xff, 0xf1, 0xc9);
/// 受付可 (done today), and a sheet saved or printed.
pub const GREEN: Color32 = Color32::from_rgb(0x17, 0x62, 0x1b);
pub const GREEN_FILL: Color32 = Color32::from_rgb(0xe3, 0xf4, 0xe4);
/// 受付可 as the first of three visits: accepted, not finished.
pub const BLUE: Color32 = Color32::from_rgb(0x0d, 0x47, 0xa1);
pub const BLUE_FILL: Color32 = Color32::from_rgb(0xe1, 0xec, 0xfa);

/// Font sizes (points; 1 point is 1 pixel at 100 %) of the window's text styles.
pub const HEADING_SIZE: f32 = 22.0;
pub const BODY_SIZE: f32 = 16.0;
pub const SMALL_SIZE: f32 = 14.0;
/// A document on the checklist, a banner's title.
pub const ITEM_SIZE: f32 = 18.0;
/// A procedure's status (受付可, 本日は受付できません, …).
pub const VERDICT_SIZE: f32 = 26.0;

/// The sizes other than the body's, each drawn with a face of its own (a copy of the body's
/// font under another name, see [`super::install_fonts`]).
///
/// egui keeps one hinting set-up per face and sets it up again (the font's own programs run)
/// whenever the face is asked for another size than the last. The first frame asks for
/// these sizes in turn, glyph after glyph: with a face per size that work is done once per
/// size, and the first frame's text takes about a quarter less time.
pub const SIZES: [f32; 4] = [HEADING_SIZE, SMALL_SIZE, ITEM_SIZE, VERDICT_SIZE];

/// The font family of each of [`SIZES`], in the same order.
static SIZE_FAMILIES: std::sync::LazyLock<[egui::FontFamily; 4]> = std::sync::LazyLock::new(|| {
    SIZES.map(|size| egui::FontFamily::Name(format!("madoguchi-{size}").into()))
});

/// The font family of `size`: its own for [`SIZES`], else the body's.
pub fn family(size: f32) -> egui::FontFamily {
    SIZES
        .iter()
        .position(|&s| s == size)
        .map_or(egui::FontFamily::Proportional, |i| SIZE_FAMILIES[i].clone())
}

/// The font of text at `size`.
pub fn font(size: f32) -> egui::FontId {
    egui::FontId::new(size, family(size))
}

pub const SHORTCUT_NEXT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);
pub const SHORTCUT_PRINT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::P);
pub const SHORTCUT_UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
/// Ticks the first document not yet seen, wherever the focus is (never a question).
pub const KEY_TICK_NEXT: Key = Key::Space;
/// 1回目 / 2回目 of the three-step route.
pub const KEY_VISIT: Key = Key::F4;
/// Cycles the sheet's language (ja → en → やさしい日本語).
pub const KEY_NEXT_LANGUAGE: Key = Key::F9;
/// The procedures of the model, by position.
pub const PROCEDURE_KEYS: [Key; 3] = [Key::F1, Key::F2, Key::F3];
/// Who came to the counter, the model's applicant kinds by position.
pub const APPLICANT_KEYS: [Key; 4] = [Key::F5, Key::F6, Key::F7, Key::F8];

/// How long 「元に戻す」 is offered after 次の方.
pub const UNDO_SECONDS: u64 = 20;

/// The narrowest the checklist becomes (points).
pub const CHECKLIST_MIN_WIDTH: f32 = 400.0;
/// The height of the status line under the panels, always there so a notice moves nothing.
pub const STATUS_HEIGHT: f32 = 56.0;

/// How wide the form and the preview may be in a window this wide: each up to 420 points,
/// never leaving the checklist less than [`CHECKLIST_MIN_WIDTH`], never below 250.
pub fn side_panel_range(window_width: f32) -> egui::Rangef {
    let max = ((window_width - CHECKLIST_MIN_WIDTH) / 2.0).clamp(250.0, 420.0);
    egui::Rangef::new(250.0_f32.min(max), max)
}

/// The counter's light theme: dark text, visible edges on every control.
pub fn apply(style: &mut egui::Style) {
    let visuals = &mut style.visuals;
    visuals.panel_fill = PANEL;
    visuals.window_fill = PANEL;
    visuals.extreme_bg_color = FIELD;
    visuals.override_text_color = Some(TEXT);
    visuals.weak_text_color = Some(WEAK);
    let widgets = &mut visuals.widgets;
    widgets.noninteractive.fg_stroke.color = TEXT;
    widgets.inactive.bg_fill = FIELD;
    widgets.inactive.weak_bg_fill = Color32::from_gray(232);
    widgets.inactive.bg_stroke = egui::Stroke::new(1.5, EDGE);
    widgets.inactive.fg_stroke.color = TEXT;
    widgets.hovered.bg_stroke = egui::Stroke::new(2.0, TEXT);
    widgets.active.bg_stroke = egui::Stroke::new(2.0, TEXT);
}

/// The contrast ratio of two colours (WCAG 2.1: relative luminance of sRGB).
pub fn contrast(a: Color32, b: Color32) -> f32 {
    fn luminance(c: Color32) -> f32 {
        let channel = |v: u8| {
            let v = f32::from(v) / 255.0;
            if v <= 0.039_28 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b())
    }
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_reads_at_4_5_to_1_against_its_background() {
        let pairs = [
            ("text on the panel", TEXT, PANEL),
            ("text in a field", TEXT, FIELD),
            ("hints and key names", WEAK, PANEL),
            ("placeholders in a field", WEAK, FIELD),
            ("a refusal", RED, RED_FILL),
            ("an error beside a field", RED, PANEL),
            ("a warning", AMBER, AMBER_FILL),
            ("something to settle", AMBER, PANEL),
            ("受付可", GREEN, GREEN_FILL),
            ("a sheet printed", GREEN, PANEL),
            ("受付可（1回目）", BLUE, BLUE_FILL),
            ("the next step", BLUE, PANEL),
        ];
        for (what, text, background) in pairs {
            let ratio = contrast(text, background);
            assert!(ratio >= 4.5, "{what}: {ratio:.2}:1");
        }
    }

    #[test]
    fn tick_boxes_and_fields_stand_out_at_3_to_1() {
        assert!(contrast(EDGE, PANEL) >= 3.0, "{:.2}", contrast(EDGE, PANEL));
        assert!(contrast(EDGE, FIELD) >= 3.0, "{:.2}", contrast(EDGE, FIELD));
        // The theme the window installs uses these.
        let mut style = egui::Style::default();
        apply(&mut style);
        let inactive = style.visuals.widgets.inactive;
        assert!(contrast(inactive.bg_stroke.color, style.visuals.panel_fill) >= 3.0);
        assert_eq!(style.visuals.weak_text_color(), WEAK);
    }

    #[test]
    fn body_text_in_the_installed_style_is_at_least_16_pixels() {
        let ctx = egui::Context::default();
        super::super::install_fonts(&ctx);
        let style = ctx.global_style();
        for (text_style, font) in &style.text_styles {
            let least = match text_style {
                egui::TextStyle::Small => 14.0,
                _ => 16.0,
            };
            assert!(font.size >= least, "{text_style:?}: {}", font.size);
        }
    }

    /// The glyph atlas and the text's place after one frame that shows `text` in `font`.
    fn drawn(font: egui::FontId, text: &str) -> (egui::ImageData, egui::Rect) {
        let ctx = egui::Context::default();
        super::super::install_fonts(&ctx);
        let mut rect = egui::Rect::NOTHING;
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            rect = ui.label(egui::RichText::new(text).font(font.clone())).rect;
        });
        let delta = output.textures_delta.set[&egui::TextureId::default()].first();
        let atlas = delta.expect("the atlas is uploaded").image.clone();
        output.textures_delta.clear();
        (atlas, rect)
    }

    #[test]
    fn a_size_with_a_face_of_its_own_looks_as_the_body_font_at_that_size() {
        let text = "受付内容 F1・F2 2026-12-01 ✓ 本日は受付できません";
        for size in SIZES {
            assert_ne!(family(size), egui::FontFamily::Proportional);
            let own = drawn(font(size), text);
            let shared = drawn(egui::FontId::proportional(size), text);
            assert!(own.0 == shared.0, "{size}: the same glyphs in the atlas");
            assert_eq!(own.1, shared.1, "{size}: the same place and size");
        }
        assert_eq!(font(BODY_SIZE), egui::FontId::proportional(BODY_SIZE));
    }

    #[test]
    fn the_contrast_formula_gives_the_known_extremes() {
        assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 0.01);
        assert!((contrast(PANEL, PANEL) - 1.0).abs() < 0.001);
    }
}
