//! Birthdays, months and ages as the law has them, and age ranges that are not empty.

use super::Validator;
use crate::source_text::Step;
use std::ops::RangeInclusive;

impl Validator<'_> {
    fn in_range(&mut self, path: &[Step], name: &str, value: u32, range: RangeInclusive<u32>) {
        if !range.contains(&value) {
            self.report(
                path,
                format!(
                    "{name} が {value} です。{}〜{} の範囲にしてください",
                    range.start(),
                    range.end()
                ),
            );
        }
    }

    /// Birthdays, months and ages as the law has them, give or take: a typo such as
    /// `valid_until_birthday: 2147483647` is refused, not computed with.
    pub(super) fn numbers_are_within_the_law(&mut self) {
        let rules = &self.model.certificate;
        let certificate = |key| [Step::Key("certificate"), Step::Key(key)];
        self.in_range(
            &certificate("valid_until_birthday"),
            "valid_until_birthday",
            rules.valid_until_birthday,
            1..=10,
        );
        self.in_range(
            &certificate("renewal_valid_until_birthday_after_old_expiry"),
            "renewal_valid_until_birthday_after_old_expiry",
            rules.renewal_valid_until_birthday_after_old_expiry,
            1..=10,
        );
        self.in_range(
            &certificate("renewal_window_months"),
            "renewal_window_months",
            rules.renewal_window_months,
            1..=6,
        );
        self.in_range(
            &certificate("signature_cert_min_age"),
            "signature_cert_min_age",
            rules.signature_cert_min_age,
            0..=20,
        );
        for (index, applicant) in self.model.applicants.iter().enumerate() {
            let range = &applicant.holder_age;
            for (key, value) in [("at_least", range.at_least), ("below", range.below)] {
                if let Some(value) = value {
                    self.in_range(
                        &[
                            Step::Key("applicants"),
                            Step::Index(index),
                            Step::Key("holder_age"),
                            Step::Key(key),
                        ],
                        &format!("{:?} の holder_age の {key}", applicant.kind),
                        value,
                        0..=150,
                    );
                }
            }
        }
    }

    pub(super) fn age_ranges_are_not_empty(&mut self) {
        for (index, applicant) in self.model.applicants.iter().enumerate() {
            if let (Some(min), Some(max)) =
                (applicant.holder_age.at_least, applicant.holder_age.below)
                && min >= max
            {
                self.report(
                    &[
                        Step::Key("applicants"),
                        Step::Index(index),
                        Step::Key("holder_age"),
                    ],
                    format!(
                        "{:?} の holder_age: at_least（{min}）が below（{max}）以上です",
                        applicant.kind
                    ),
                );
            }
        }
    }
}
