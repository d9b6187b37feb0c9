//! What the counter knows about one visit, and the case file (RON) that writes it down.

use crate::dates::{format_iso, parse_date};
use crate::model::{ApplicantKind, ProcedureKind};
use crate::source_text::{Outline, Step, ron_error_message};
use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// One visit. Dates are known or not; the visit date is always given, never read from a clock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename = "Case", deny_unknown_fields)]
pub struct Case {
    pub today: CaseDate,
    pub procedures: Vec<ProcedureKind>,
    pub applicant: ApplicantKind,
    #[serde(default)]
    pub birth_date: Option<CaseDate>,
    #[serde(default)]
    pub cert_expiry: Option<CaseDate>,
    #[serde(default)]
    pub card_expiry: Option<CaseDate>,
    #[serde(default)]
    pub cert_revoked: bool,
    #[serde(default)]
    pub has_inquiry_form: bool,
    #[serde(default = "yes")]
    pub pins_known: bool,
    #[serde(default)]
    pub pin_locked: bool,
    #[serde(default)]
    pub domicile_in_city: bool,
    #[serde(default)]
    pub same_household_parent: bool,
}

fn yes() -> bool {
    true
}

impl Case {
    /// A case with only the required answers; the rest as the case format's defaults.
    pub fn new(today: NaiveDate, procedures: Vec<ProcedureKind>, applicant: ApplicantKind) -> Case {
        Case {
            today: CaseDate(today),
            procedures,
            applicant,
            birth_date: None,
            cert_expiry: None,
            card_expiry: None,
            cert_revoked: false,
            has_inquiry_form: false,
            pins_known: true,
            pin_locked: false,
            domicile_in_city: false,
            same_household_parent: false,
        }
    }

    pub fn today(&self) -> NaiveDate {
        self.today.0
    }

    pub fn birth_date(&self) -> Option<NaiveDate> {
        self.birth_date.map(|d| d.0)
    }

    pub fn cert_expiry(&self) -> Option<NaiveDate> {
        self.cert_expiry.map(|d| d.0)
    }

    pub fn card_expiry(&self) -> Option<NaiveDate> {
        self.card_expiry.map(|d| d.0)
    }

    pub fn requests(&self, procedure: ProcedureKind) -> bool {
        self.procedures.contains(&procedure)
    }

    /// The rules a case must keep beyond its syntax, each broken one with the field it is in.
    pub fn problems(&self) -> Vec<(&'static str, String)> {
        let mut problems = Vec::new();
        if self.procedures.is_empty() {
            problems.push((
                "procedures",
                "手続きが1つもありません。procedures: [CertIssue] のように CertIssue と PinReset の少なくとも1つを書いてください".to_string(),
            ));
        }
        if let Some(birth) = self.birth_date() {
            if self.today() < birth {
                problems.push((
                    "today",
                    format!(
                        "来庁日 {} が生年月日 {} より前です",
                        format_iso(self.today()),
                        format_iso(birth)
                    ),
                ));
            }
            for (field, label, date) in [
                ("cert_expiry", "電子証明書の有効期限", self.cert_expiry()),
                ("card_expiry", "カードの有効期限", self.card_expiry()),
            ] {
                if let Some(date) = date.filter(|d| *d < birth) {
                    problems.push((
                        field,
                        format!(
                            "{label} {} が生年月日 {} より前です",
                            format_iso(date),
                            format_iso(birth)
                        ),
                    ));
                }
            }
        }
        problems
    }

    /// Reads a case file; `file` names it in every message.
    pub fn from_ron(text: &str, file: &str) -> Result<Case, CaseError> {
        // Windows editors may save UTF-8 with a byte-order mark.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut case: Case = crate::ron_options().from_str(text).map_err(|err| {
            let (line, column, message) = ron_error_message(&err);
            CaseError {
                file: file.to_string(),
                line,
                column,
                message,
            }
        })?;
        if let Some((field, message)) = case.problems().into_iter().next() {
            let (line, column) = Outline::parse(text).locate(&[Step::Key(field)]);
            return Err(CaseError {
                file: file.to_string(),
                line,
                column,
                message,
            });
        }
        case.procedures.sort();
        case.procedures.dedup();
        Ok(case)
    }

    /// Reads a case file. A panic inside reading becomes an error (the last line of defence:
    /// a case handed in by a colleague never takes the counter down).
    pub fn from_file(path: &std::path::Path) -> Result<Case, CaseFileError> {
        let name = path.display().to_string();
        std::panic::catch_unwind(|| {
            let text = crate::file_error::read_text(path).map_err(CaseFileError::Read)?;
            Case::from_ron(&text, &name).map_err(CaseFileError::Invalid)
        })
        .unwrap_or_else(|_| {
            Err(CaseFileError::Internal(format!(
                "{name}: 事例ファイルを読み込めません（読み込み中にプログラム内部の誤りが起きました）"
            )))
        })
    }

    /// The case as a RON text that `from_ron` reads back.
    pub fn to_ron(&self) -> String {
        ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default().struct_names(true))
            .unwrap_or_default()
    }
}

/// Why a case file cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CaseFileError {
    #[error("{0}")]
    Read(crate::file_error::FileError),
    #[error("{0}")]
    Invalid(CaseError),
    #[error("{0}")]
    Internal(String),
}

/// A case file that cannot be used, with where and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct CaseError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for CaseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

/// A date in a case file: `"2026-11-25"` (和暦 such as `"S55.6.15"` is read too).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct CaseDate(pub NaiveDate);

impl Serialize for CaseDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&format_iso(self.0))
    }
}

impl<'de> Deserialize<'de> for CaseDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<CaseDate, D::Error> {
        let text = String::deserialize(deserializer)?;
        parse_date(&text)
            .map(CaseDate)
            .map_err(|err| serde::de::Error::custom(err.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_minimal_case_takes_the_format_defaults() {
        let case = Case::from_ron(
            r#"Case(today: "2026-11-25", procedures: [CertIssue], applicant: Principal)"#,
            "x.ron",
        )
        .unwrap();
        assert!(case.pins_known);
        assert!(!case.pin_locked && !case.has_inquiry_form && !case.cert_revoked);
        assert_eq!(case.birth_date, None);
    }

    #[test]
    fn dates_may_be_written_with_or_without_some() {
        for birth in [r#"Some("1980-06-15")"#, r#""1980-06-15""#, r#""S55.6.15""#] {
            let text = format!(
                r#"Case(today: "2026-11-25", procedures: [PinReset], applicant: Proxy, birth_date: {birth})"#
            );
            let case = Case::from_ron(&text, "x.ron").unwrap();
            assert_eq!(
                case.birth_date(),
                NaiveDate::from_ymd_opt(1980, 6, 15),
                "{birth}"
            );
        }
    }

    #[test]
    fn a_bad_date_names_file_line_and_column() {
        let text = "Case(\n    today: \"2026-02-30\",\n    procedures: [CertIssue],\n    applicant: Principal,\n)";
        let err = Case::from_ron(text, "bad.ron").unwrap_err();
        assert_eq!((err.line, err.file.as_str()), (2, "bad.ron"));
        assert!(err.message.contains("存在しない"), "{err}");
    }

    #[test]
    fn an_unknown_field_is_refused_not_ignored() {
        let text = "Case(today: \"2026-11-25\", procedures: [CertIssue], applicant: Principal, pin_lockd: true)";
        let err = Case::from_ron(text, "typo.ron").unwrap_err();
        assert!(err.message.contains("pin_lockd"), "{err}");
        assert!(err.message.contains("pin_locked"), "{err}");
    }

    #[test]
    fn no_procedures_is_refused_at_the_procedures_line() {
        let text = "Case(\n  today: \"2026-11-25\",\n  procedures: [],\n  applicant: Principal,\n)";
        let err = Case::from_ron(text, "empty.ron").unwrap_err();
        assert_eq!((err.line, err.column), (3, 3));
        assert!(err.message.contains("手続きが1つもありません"));
    }

    #[test]
    fn a_visit_before_the_birth_date_is_refused() {
        let text = "Case(today: \"2000-01-01\", procedures: [CertIssue], applicant: Principal, birth_date: Some(\"2001-01-01\"))";
        let err = Case::from_ron(text, "x.ron").unwrap_err();
        assert!(err.message.contains("生年月日"), "{err}");
    }

    #[test]
    fn an_unknown_applicant_lists_the_kinds() {
        let text = "Case(today: \"2026-11-25\", procedures: [CertIssue], applicant: Parent)";
        let err = Case::from_ron(text, "x.ron").unwrap_err();
        assert!(err.message.contains("LegalRepMinor"), "{err}");
    }

    #[test]
    fn a_byte_order_mark_and_windows_line_ends_are_read() {
        let text = "\u{feff}Case(\r\n  today: \"2026-11-25\",\r\n  procedures: [PinReset],\r\n  applicant: Principal,\r\n)\r\n";
        assert!(Case::from_ron(text, "win.ron").is_ok());
    }

    #[test]
    fn a_case_round_trips_through_ron() {
        let mut case = Case::new(
            NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
            vec![ProcedureKind::CertIssue, ProcedureKind::PinReset],
            ApplicantKind::LegalRepMinor,
        );
        case.birth_date = Some(CaseDate(NaiveDate::from_ymd_opt(2015, 2, 28).unwrap()));
        case.same_household_parent = true;
        assert_eq!(Case::from_ron(&case.to_ron(), "x.ron").unwrap(), case);
    }
}
