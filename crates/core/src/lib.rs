//! The core of madoguchi: every rule and every word, with no file, no window, no PDF and no
//! clock. Text comes in (the model, a case, a language file, a typed date); decisions and
//! words come out.
//!
//! [`model`] (the rules as data, validated with line and column through [`source_text`]),
//! [`case`] (one visit), [`dates`] (ISO and 和暦), [`engine`] (decisions, one outcome per
//! procedure), [`guidance`] (what is said about a visit, once, in [`phrases`] and the
//! [`language`] of the sheet, with [`ruby`] readings), [`counter`] (one citizen at the
//! counter: the form's answers and ticks), [`report`] (the command line's text and the shared
//! JSON contract).

pub mod case;
pub mod counter;
pub mod dates;
pub mod engine;
pub mod guidance;
pub mod language;
pub mod model;
pub mod phrases;
pub mod report;
pub mod ruby;
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
