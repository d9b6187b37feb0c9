//! What the counter knows about one visit, and the case file (RON) that writes it down.

use crate::dates::{format_iso, parse_date};
use crate::model::{ApplicantKind, ProcedureKind, ProcedureModel};
use crate::source_text::{Outline, Step, ron_error_message};
use chrono::NaiveDate;
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeMap;
use std::fmt;

/// The yes/no answers of one visit, by question id (`pins_known`, ...). An answer not given
/// takes the default its question declares in the model: the defaults are written once,
/// there.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answers(BTreeMap<String, bool>);

impl Answers {
    /// The answer given for `id`, if any.
    pub fn given(&self, id: &str) -> Option<bool> {
        self.0.get(id).copied()
    }

    /// The answer for `id`: given, or else the model's default (false for a question the
    /// model does not declare).
    pub fn get(&self, model: &ProcedureModel, id: &str) -> bool {
        self.given(id)
            .or_else(|| model.question(id).map(|q| q.default))
            .unwrap_or(false)
    }

    pub fn set(&mut self, id: &str, value: bool) {
        self.0.insert(id.to_string(), value);
    }

    /// Gives an answer, or takes it back (`None`: the question is open again).
    pub fn set_given(&mut self, id: &str, value: Option<bool>) {
        match value {
            Some(value) => self.set(id, value),
            None => {
                self.0.remove(id);
            }
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, bool)> {
        self.0.iter().map(|(id, value)| (id.as_str(), *value))
    }
}

/// The answers the shared case format names (`../shared/spec/case-format.md`); a case file
/// read without a model may give only these.
pub const CASE_FORMAT_ANSWERS: [&str; 6] = [
    "cert_revoked",
    "has_inquiry_form",
    "pins_known",
    "pin_locked",
    "domicile_in_city",
    "same_household_parent",
];

/// One visit. Dates are known or not; the visit date is always given, never read from a clock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    pub today: CaseDate,
    pub procedures: Vec<ProcedureKind>,
    pub applicant: ApplicantKind,
    pub birth_date: Option<CaseDate>,
    pub cert_expiry: Option<CaseDate>,
    pub card_expiry: Option<CaseDate>,
    pub answers: Answers,
    /// Questions the counter has asked but not yet had answered: a decision that reads one
    /// is not taken on its default (the window; a case file answers by default).
    pub open_questions: Vec<String>,
    /// Staff saw on the card's face that the card's own expiry falls after `cert_expiry`
    /// (the window, when the card's date is not typed; the chip does not hold it without a
    /// PIN). With it, the card is known not to expire with the certificate, nor before it.
    /// Not part of a case file, which gives `card_expiry` instead.
    pub card_outlives_cert: bool,
}

const DATE_AND_KIND_FIELDS: [&str; 6] = [
    "today",
    "procedures",
    "applicant",
    "birth_date",
    "cert_expiry",
    "card_expiry",
];

impl<'de> Deserialize<'de> for Case {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Case, D::Error> {
        deserializer.deserialize_struct("Case", &DATE_AND_KIND_FIELDS, CaseVisitor)
    }
}

struct CaseVisitor;

impl<'de> Visitor<'de> for CaseVisitor {
    type Value = Case;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("Case(today: …, procedures: […], applicant: …)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Case, A::Error> {
        let mut today = None;
        let mut procedures = None;
        let mut applicant = None;
        let (mut birth_date, mut cert_expiry, mut card_expiry) = (None, None, None);
        let mut answers = Answers::default();
        let mut seen: Vec<String> = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            if seen.contains(&key) {
                return Err(de::Error::custom(format!(
                    "Case の項目「{key}」が2回書かれています"
                )));
            }
            seen.push(key.clone());
            match key.as_str() {
                "today" => today = Some(map.next_value()?),
                "procedures" => procedures = Some(map.next_value()?),
                "applicant" => applicant = Some(map.next_value()?),
                "birth_date" => birth_date = map.next_value()?,
                "cert_expiry" => cert_expiry = map.next_value()?,
                "card_expiry" => card_expiry = map.next_value()?,
                // Every other field is the answer to a yes/no question; which questions
                // exist is checked against the model after reading.
                _ => {
                    let value: bool = map.next_value().map_err(|_: A::Error| {
                        de::Error::custom(format!(
                            "「{key}」には true か false を書いてください（日付と手続きの項目は: {}）",
                            DATE_AND_KIND_FIELDS.join(", ")
                        ))
                    })?;
                    answers.set(&key, value);
                }
            }
        }
        Ok(Case {
            today: today.ok_or_else(|| de::Error::missing_field("today"))?,
            procedures: procedures.ok_or_else(|| de::Error::missing_field("procedures"))?,
            applicant: applicant.ok_or_else(|| de::Error::missing_field("applicant"))?,
            birth_date,
            cert_expiry,
            card_expiry,
            answers,
            open_questions: Vec::new(),
            card_outlives_cert: false,
        })
    }
}

impl Case {
    /// A case with only the required answers; the rest as the model's defaults.
    pub fn new(today: NaiveDate, procedures: Vec<ProcedureKind>, applicant: ApplicantKind) -> Case {
        Case {
            today: CaseDate(today),
            procedures,
            applicant,
            birth_date: None,
            cert_expiry: None,
            card_expiry: None,
            answers: Answers::default(),
            open_questions: Vec::new(),
            card_outlives_cert: false,
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

    /// Sets a yes/no answer (builder style, for tests and examples).
    pub fn with(mut self, id: &str, value: bool) -> Case {
        self.answers.set(id, value);
        self
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

    /// Reads a case file that gives only the answers the case format names.
    pub fn from_ron(text: &str, file: &str) -> Result<Case, CaseError> {
        Case::parse(text, file, &CASE_FORMAT_ANSWERS)
    }

    /// Reads a case file whose answers are the questions of `model`.
    pub fn from_ron_for(text: &str, file: &str, model: &ProcedureModel) -> Result<Case, CaseError> {
        let ids: Vec<&str> = model.questions.iter().map(|q| q.id.as_str()).collect();
        Case::parse(text, file, &ids)
    }

    fn parse(text: &str, file: &str, questions: &[&str]) -> Result<Case, CaseError> {
        // Windows editors may save UTF-8 with a byte-order mark.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let refuse = |(line, column): (usize, usize), message: String| CaseError {
            file: file.to_string(),
            line,
            column,
            message,
        };
        let mut case: Case = crate::ron_options().from_str(text).map_err(|err| {
            let (line, column, message) = ron_error_message(&err);
            refuse((line, column), message)
        })?;
        let outline = Outline::parse(text);
        if let Some((id, _)) = case.answers.iter().find(|(id, _)| !questions.contains(id)) {
            return Err(refuse(
                outline.locate(&[Step::Key(id)]),
                format!(
                    "Case に「{id}」という項目はありません（書けるのは: {}, {}）",
                    DATE_AND_KIND_FIELDS.join(", "),
                    questions.join(", ")
                ),
            ));
        }
        if let Some((field, message)) = case.problems().into_iter().next() {
            return Err(refuse(outline.locate(&[Step::Key(field)]), message));
        }
        case.procedures.sort();
        case.procedures.dedup();
        Ok(case)
    }

    /// The case as a RON text that `from_ron` reads back.
    pub fn to_ron(&self) -> String {
        let mut out = String::from("Case(\n");
        out.push_str(&format!("    today: \"{}\",\n", format_iso(self.today())));
        let procedures: Vec<String> = self.procedures.iter().map(|p| format!("{p:?}")).collect();
        out.push_str(&format!("    procedures: [{}],\n", procedures.join(", ")));
        out.push_str(&format!("    applicant: {:?},\n", self.applicant));
        for (field, date) in [
            ("birth_date", self.birth_date()),
            ("cert_expiry", self.cert_expiry()),
            ("card_expiry", self.card_expiry()),
        ] {
            if let Some(date) = date {
                out.push_str(&format!("    {field}: Some(\"{}\"),\n", format_iso(date)));
            }
        }
        for (id, value) in self.answers.iter() {
            out.push_str(&format!("    {id}: {value},\n"));
        }
        out.push_str(")\n");
        out
    }
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
mod tests;
