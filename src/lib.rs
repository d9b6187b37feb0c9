//! madoguchi, the application: the counter window ([`ui`]), the command line ([`cli`]),
//! printing ([`printing`]), files ([`file_error`], [`safe_write`], [`model_file`],
//! [`case_file`], [`sheet_file`]), signed rules ([`signing`]) and the console ([`terminal`]).
//!
//! The layers below are crates of their own, so that the compiler keeps them apart:
//! `madoguchi-core` (the rules and every word: no file, no window, no PDF),
//! `madoguchi-sheet` (the paper: layout and PDF bytes), `madoguchi-officer` (diagram and
//! diff) and `madoguchi-card` (the card reader). Their modules are re-exported here under their own names (`madoguchi::engine`,
//! `madoguchi::sheet`, …) for the window, the command line and the tests.

pub use madoguchi_card as card;
pub use madoguchi_core::{
    case, counter, dates, engine, guidance, json_name, language, model, phrases, report,
    ron_options, ruby, source_text,
};
pub use madoguchi_officer::{approval, diagram, model_diff};
pub use madoguchi_sheet as sheet;
pub use madoguchi_sheet::{fonts, fuzzing};

pub mod case_file;
pub mod cli;
pub mod file_error;
pub mod model_file;
pub mod printing;
pub mod safe_write;
pub mod sheet_file;
pub mod signing;
pub mod terminal;
pub mod ui;

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
    /// `card`: no reader, no card, or no PC/SC service.
    pub const EXIT_NO_CARD: i32 = madoguchi_card::EXIT_NO_CARD;
    /// `card`: not a My Number Card (or a 住基カード), or taken away mid-read.
    pub const EXIT_WRONG_CARD: i32 = madoguchi_card::EXIT_WRONG_CARD;
}
