//! The documents the counter may ask for, the exemptions that spare one, and a route's need
//! of a document at one visit.

use super::{Condition, DocumentId, Source};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentInfo {
    pub id: DocumentId,
    pub label: String,
    /// Acceptable examples (運転免許証, 旅券, ...).
    #[serde(default)]
    pub examples: Vec<String>,
    /// How the document must be (sealed, signed, ...).
    #[serde(default)]
    pub note: Option<String>,
}

/// A reason a document is not needed.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exemption {
    pub id: String,
    pub when: Condition,
    pub reason: String,
    pub source: Source,
}

/// One document a visit asks for.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Need {
    pub document: DocumentId,
    /// A label that replaces the document's own on this route.
    #[serde(default)]
    pub label: Option<String>,
    /// Asked for only when this holds.
    #[serde(default)]
    pub when: Option<Condition>,
    /// Not needed when any of these exemptions applies.
    #[serde(default)]
    pub exempt_if: Vec<String>,
    /// Examples that replace the document's own for this route.
    #[serde(default)]
    pub examples: Option<Vec<String>>,
    pub source: Source,
}
