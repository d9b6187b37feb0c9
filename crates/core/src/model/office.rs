//! The page the model follows, the office's counter and its procedures, the applicant kinds
//! and the questions the counter answers about a visit.

use super::{ApplicantKind, DocumentId, ProcedureKind, Quoted, Source};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageInfo {
    pub title: String,
    pub updated: String,
    pub publisher: String,
    /// The model's own version, raised by the officer at each approved edit (it goes into
    /// the signature's trusted comment).
    #[serde(default)]
    pub model_version: String,
}

/// One of the pages a model follows, when the city has a page per procedure: the entries
/// quote it as `PageOf("id", "…")`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageRef {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub url: Option<String>,
    pub updated: String,
}

/// Where the counter is, when it is open, what it costs and whom to ask.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Office {
    pub counter_place: String,
    pub counter_place_source: Source,
    pub contact: Vec<String>,
    pub contact_source: Source,
    /// Opening hours, fees and the reservation line, when the page gives them (on the sheet).
    #[serde(default)]
    pub hours: Option<Quoted>,
    #[serde(default)]
    pub fees: Option<Quoted>,
    #[serde(default)]
    pub reservation: Option<Quoted>,
    /// Other offices (支所・出張所) where the citizen may go instead.
    #[serde(default)]
    pub branches: Vec<Branch>,
}

/// Another office that does some of the procedures.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Branch {
    pub name: String,
    pub place: String,
    #[serde(default)]
    pub hours: Option<String>,
    /// The procedures done there.
    pub procedures: Vec<ProcedureKind>,
    pub source: Source,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProcedureInfo {
    pub kind: ProcedureKind,
    pub title: String,
    pub short_title: String,
    pub description: String,
    /// Its own counter (「1番窓口」), when the page names one for it.
    #[serde(default)]
    pub place: Option<Quoted>,
    /// The id of its own page in `pages`, when the city has a page per procedure.
    #[serde(default)]
    pub page: Option<String>,
    pub source: Source,
}

/// Ages as whole years on the visit date; `below` is exclusive.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgeRange {
    #[serde(default)]
    pub at_least: Option<u32>,
    #[serde(default)]
    pub below: Option<u32>,
}

impl AgeRange {
    pub fn contains(&self, age: u32) -> bool {
        self.at_least.is_none_or(|min| age >= min) && self.below.is_none_or(|max| age < max)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApplicantInfo {
    pub kind: ApplicantKind,
    pub label: String,
    pub short_label: String,
    /// The holder's age this applicant kind fits; outside it a warning is raised.
    pub holder_age: AgeRange,
    #[serde(default)]
    pub holder_age_source: Option<Source>,
    pub source: Source,
}

/// A yes/no question the counter answers about the visit. The form asks it only when a
/// route, blocker or warning of the chosen procedures reads it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// The field name in a case file (`pins_known: false`).
    pub id: String,
    /// What the form shows beside the tick box.
    pub label: String,
    /// A longer explanation shown on hover.
    #[serde(default)]
    pub help: Option<String>,
    /// The answer until someone says otherwise (case files; the counter asks before it
    /// decides on a question that decides a document).
    pub default: bool,
    /// A document this question stands for: answering yes is having seen it at the counter,
    /// so staff confirm it once (the sealed 照会書兼回答書).
    #[serde(default)]
    pub confirms: Option<DocumentId>,
    pub source: Source,
}
