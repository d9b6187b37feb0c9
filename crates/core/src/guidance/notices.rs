//! What stops a procedure and what staff must look at, in staff's words and the citizen's.

use crate::engine::Outcome;
use crate::model::TextKey;

use super::wording::fill;
use super::{Builder, Wording};

/// A blocker or warning: its title, what staff say, what the citizen reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoticeText {
    /// In the citizen's language.
    pub title: String,
    /// In Japanese.
    pub title_for_staff: String,
    pub for_staff: String,
    pub for_citizen: Option<String>,
}

/// What a refusal's or warning's words for staff and the citizen may leave for the program to
/// fill: the renewal window's first day and the holder's age.
pub const NOTICE_SLOTS: [&str; 2] = ["window_start", "age"];

impl Builder<'_> {
    /// Fills `{window_start}` and `{age}`, the date written as `wording` writes dates.
    fn notice_slots(&self, wording: &Wording<'_>, template: &str) -> String {
        let window = self
            .evaluation
            .renewal_window_start
            .map_or_else(String::new, |d| wording.date(d));
        let age = self
            .evaluation
            .holder_age
            .map_or_else(String::new, |a| a.to_string());
        fill(
            template,
            &[(NOTICE_SLOTS[0], &window), (NOTICE_SLOTS[1], &age)],
        )
    }

    pub(super) fn blockers(&self, outcome: &Outcome) -> Vec<NoticeText> {
        outcome
            .blockers
            .iter()
            .filter_map(|id| self.model.blocker(id))
            .map(|b| {
                let wording = &self.wording;
                NoticeText {
                    title: wording.text(TextKey::BlockerTitle(&b.id), &b.title),
                    title_for_staff: b.title.clone(),
                    for_staff: self.notice_slots(&self.source, &b.staff_text),
                    for_citizen: Some(self.notice_slots(
                        wording,
                        &wording.text(TextKey::BlockerCitizenText(&b.id), &b.citizen_text),
                    )),
                }
            })
            .collect()
    }

    pub(super) fn warnings(&self, outcome: &Outcome) -> Vec<NoticeText> {
        outcome
            .warnings
            .iter()
            .filter_map(|id| self.model.warning(id))
            .map(|w| NoticeText {
                title: w.title.clone(),
                title_for_staff: w.title.clone(),
                for_staff: self.notice_slots(&self.source, &w.staff_text),
                for_citizen: None,
            })
            .collect()
    }
}
