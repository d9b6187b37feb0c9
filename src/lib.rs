//! madoguchi: the counter tool for My Number Card e-certificate renewal and PIN reset.
//!
//! Core (no egui): [`model`] (the rules as data), [`case`] (one visit), [`engine`]
//! (decisions), [`dates`] (ISO and 和暦). Edges: [`cli`].

pub mod case;
pub mod cli;
pub mod dates;
pub mod engine;
pub mod model;
pub mod report;
pub mod source_text;

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
