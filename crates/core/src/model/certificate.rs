//! The rules of the electronic certificates and the PINs: validity, the renewal window, the
//! 署名用 certificate, and how the PINs are written.

use super::{ApplicantKind, Source};
use serde::{Deserialize, Serialize};

/// Dates and limits of the electronic certificates.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CertificateRules {
    /// A certificate is valid until this birthday after the day it is issued ...
    pub valid_until_birthday: u32,
    pub validity_source: Source,
    /// ... except the renewal of a valid certificate inside its window, which runs to this
    /// birthday after the old certificate's expiry.
    pub renewal_valid_until_birthday_after_old_expiry: u32,
    pub renewal_validity_source: Source,
    pub renewal_window_months: u32,
    /// The window opens the day after the date `renewal_window_months` before the expiry
    /// (Ibaraki's 「3か月前の翌日から」), or on that date itself (「3か月前から」).
    #[serde(default = "from_next_day")]
    pub renewal_window_from_next_day: bool,
    pub renewal_window_source: Source,
    /// No 署名用電子証明書 for a holder younger than this (an unknown age is presumed to be in
    /// the applicant kind's `holder_age`) ...
    pub signature_cert_min_age: u32,
    /// ... nor for a holder these applicant kinds act for (an adult ward).
    pub signature_cert_not_for: Vec<ApplicantKind>,
    pub signature_cert_source: Source,
    /// What staff and the citizen read when a 署名用電子証明書 can / cannot be issued.
    pub signature_cert_issued: String,
    pub signature_cert_refused: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PinKind {
    pub id: String,
    pub label: String,
    pub format: String,
    pub format_source: Source,
    #[serde(default)]
    pub locks_after_wrong_entries: Option<u32>,
    pub source: Source,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PinWritingRule {
    pub text: String,
    pub source: Source,
}

fn from_next_day() -> bool {
    true
}
