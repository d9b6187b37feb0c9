//! The window's look and keys, in one place: colours, sizes, key bindings.

use crate::model::{ApplicantKind, ProcedureKind};
use egui::{Color32, Key, KeyboardShortcut, Modifiers};

/// Text of a blocker, an error beside a field, a failed print.
pub const RED: Color32 = Color32::from_rgb(0xb0, 0x1e, 0x1e);
/// The fill behind a blocker banner.
pub const RED_FILL: Color32 = Color32::from_rgb(0xfd, 0xe2, 0xe1);
/// Text and fill of a warning banner.
pub const AMBER: Color32 = Color32::from_rgb(0x7a, 0x4a, 0x00);
pub const AMBER_FILL: Color32 = Color32::from_rgb(0xff, 0xf1, 0xc9);
/// 受付可, and a sheet saved or printed.
pub const GREEN: Color32 = Color32::from_rgb(0x1b, 0x6e, 0x20);

/// Font sizes (points) of the window's text styles.
pub const HEADING_SIZE: f32 = 22.0;
pub const BODY_SIZE: f32 = 15.0;
pub const SMALL_SIZE: f32 = 14.0;
/// A document on the checklist, a banner's title.
pub const ITEM_SIZE: f32 = 17.0;
/// 受付可.
pub const VERDICT_SIZE: f32 = 30.0;

pub const SHORTCUT_NEXT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);
pub const SHORTCUT_PRINT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::P);
/// With no control focused, ticks the first document not yet seen.
pub const KEY_TICK_NEXT: Key = Key::Space;
/// Cycles the sheet's language (ja → en → やさしい日本語).
pub const KEY_NEXT_LANGUAGE: Key = Key::F9;
pub const PROCEDURE_KEYS: [(Key, ProcedureKind); 2] = [
    (Key::F1, ProcedureKind::CertIssue),
    (Key::F2, ProcedureKind::PinReset),
];
pub const APPLICANT_KEYS: [(Key, ApplicantKind); 4] = [
    (Key::F5, ApplicantKind::Principal),
    (Key::F6, ApplicantKind::LegalRepMinor),
    (Key::F7, ApplicantKind::LegalRepWard),
    (Key::F8, ApplicantKind::Proxy),
];

/// The narrowest the checklist becomes (points).
pub const CHECKLIST_MIN_WIDTH: f32 = 400.0;

/// How wide the form and the preview may be in a window this wide: each up to 420 points,
/// never leaving the checklist less than [`CHECKLIST_MIN_WIDTH`], never below 250.
pub fn side_panel_range(window_width: f32) -> egui::Rangef {
    let max = ((window_width - CHECKLIST_MIN_WIDTH) / 2.0).clamp(250.0, 420.0);
    egui::Rangef::new(250.0_f32.min(max), max)
}
