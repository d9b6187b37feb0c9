//! The words of the guidance in one language: phrases with their `{name}` slots, the model's
//! citizen texts, dates.

use crate::dates::format_wareki;
use crate::language::{Language, Languages};
use crate::model::TextKey;
use crate::phrases::Phrase;
use chrono::{Datelike, NaiveDate};

/// Fills `{name}` slots.
pub(super) fn fill(template: &str, slots: &[(&str, &str)]) -> String {
    slots
        .iter()
        .fold(template.to_string(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}

/// The words of the guidance in one language: its phrases, its texts for the model's
/// citizen texts, its way of writing a date.
#[derive(Clone, Copy)]
pub struct Wording<'a> {
    pub language: &'a Language,
    /// Where the keys of texts the language lacks are written down, when someone listens.
    pub(super) missing: Option<&'a std::cell::RefCell<Vec<String>>>,
}

impl<'a> Wording<'a> {
    /// Japanese, as built in.
    pub fn source() -> Wording<'static> {
        Wording::new(Languages::embedded().source())
    }

    pub fn new(language: &'a Language) -> Wording<'a> {
        Wording {
            language,
            missing: None,
        }
    }

    pub fn phrase(&self, phrase: Phrase) -> &'a str {
        self.language.phrase(phrase)
    }

    pub fn fill(&self, phrase: Phrase, slots: &[(&str, &str)]) -> String {
        fill(self.phrase(phrase), slots)
    }

    /// A citizen text of the model in this language.
    /// A text the language lacks is never passed off as a translation: its key is written
    /// down ([`Guidance::missing_texts`](super::Guidance::missing_texts)) and the Japanese
    /// stands in.
    pub fn text(&self, key: TextKey, japanese: &str) -> String {
        let key = key.to_string();
        match self.language.translation(&key) {
            Some(text) => text.to_string(),
            None if self.language.is_source() => japanese.to_string(),
            None => {
                if let Some(missing) = self.missing {
                    missing.borrow_mut().push(key);
                }
                japanese.to_string()
            }
        }
    }

    /// A date as this language writes it (`{year}`, `{month}`, `{day}`, `{month_name}`,
    /// `{wareki}` in the date phrase).
    pub fn date(&self, date: NaiveDate) -> String {
        let month_name = self
            .language
            .months
            .get(date.month0() as usize)
            .cloned()
            .unwrap_or_default();
        self.fill(
            Phrase::Date,
            &[
                ("year", &date.year().to_string()),
                ("month", &date.month().to_string()),
                ("day", &date.day().to_string()),
                ("month_name", &month_name),
                ("wareki", &format_wareki(date)),
            ],
        )
    }
}
