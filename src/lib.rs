//! madoguchi: the counter tool for My Number Card e-certificate renewal and PIN reset.
//!
//! Core (no egui): [`model`] (the rules as data), [`case`] (one visit), [`engine`]
//! (decisions), [`dates`] (ISO and 和暦), [`guidance`] (what is said about a visit),
//! [`counter`] (one citizen at the counter), [`sheet`] (the paper for the citizen, and its
//! PDF). Edges: [`cli`], [`report`] (the command line's words), [`ui`] (the window).

pub mod case;
pub mod cli;
pub mod counter;
pub mod dates;
pub mod diagram;
pub mod engine;
pub mod file_error;

/// Exit statuses of the program, documented in README.md.
pub mod exit {
    /// Everything agreed.
    pub const EXIT_OK: i32 = 0;
    /// A regression case disagrees with its expected answer.
    pub const EXIT_DISAGREE: i32 = 1;
    /// Bad input: a file that cannot be read or used, a wrong argument.
    pub const EXIT_BAD_INPUT: i32 = 2;
    /// The window cannot open (no display).
    pub const EXIT_NO_WINDOW: i32 = 3;
}

pub mod fonts;
pub mod fuzzing;
pub mod guidance;
pub mod language;
pub mod model;
pub mod model_diff;
pub mod printing;
pub mod report;
pub mod ruby;
pub mod safe_write;
pub mod sheet;
pub mod signing;
pub mod source_text;
pub mod terminal;
pub mod ui;

/// RON options shared by the model and case readers: `Some(…)` may be left out.
pub fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

/// The snake_case name serde gives an id (`card_expired`).
pub fn json_name<T: serde::Serialize>(id: &T) -> String {
    serde_json::to_value(id)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}
