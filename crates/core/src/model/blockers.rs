//! What stops a procedure today and what staff must look at: when, and what to say.

use super::{BlockerId, Condition, ProcedureKind, Source, WarningId};
use serde::{Deserialize, Serialize};

/// What stops a procedure today, when, and what to say.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BlockerInfo {
    pub id: BlockerId,
    /// The procedures it stops.
    pub procedures: Vec<ProcedureKind>,
    pub when: Condition,
    pub title: String,
    /// For staff (the window, the command line); `{window_start}` and `{age}` are filled in.
    pub staff_text: String,
    /// For the citizen (the sheet).
    pub citizen_text: String,
    /// The same documents will do when the citizen comes back (the sheet lists them).
    pub come_back_with_documents: bool,
    pub source: Source,
}

/// What staff must look at, when, and what to say.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WarningInfo {
    pub id: WarningId,
    pub procedures: Vec<ProcedureKind>,
    pub when: Condition,
    pub title: String,
    pub staff_text: String,
    pub source: Source,
}
