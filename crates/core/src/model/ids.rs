//! The ids of the shared case format: procedures, applicant kinds, documents, and the
//! blockers and warnings a model declares.

use serde::{Deserialize, Serialize};
use std::fmt;

/// 電子証明書の更新・新規発行 or 暗証番号再設定（ロック解除）.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ProcedureKind {
    CertIssue,
    PinReset,
}

impl ProcedureKind {
    pub const ALL: [ProcedureKind; 2] = [ProcedureKind::CertIssue, ProcedureKind::PinReset];

    /// `cert_issue`, `pin_reset`: the name the JSON and file names use.
    pub fn snake_name(self) -> &'static str {
        match self {
            ProcedureKind::CertIssue => "cert_issue",
            ProcedureKind::PinReset => "pin_reset",
        }
    }
}

/// Who stands at the counter for the card holder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ApplicantKind {
    /// 本人
    Principal,
    /// 法定代理人（親権者） of a holder under 15
    LegalRepMinor,
    /// 法定代理人（成年後見人） of an adult ward
    LegalRepWard,
    /// 任意代理人
    Proxy,
}

impl ApplicantKind {
    pub const ALL: [ApplicantKind; 4] = [
        ApplicantKind::Principal,
        ApplicantKind::LegalRepMinor,
        ApplicantKind::LegalRepWard,
        ApplicantKind::Proxy,
    ];
}

/// The id of a document, as fixed by the shared case format (`card`, `agent_photo_id`, ...).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DocumentId(pub String);

impl DocumentId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for DocumentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What stops the procedure today: an id the model declares (`blockers`). Ibaraki's model
/// uses the ids fixed by the shared case format (`card_expired`, …); another city's model may
/// declare its own.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct BlockerId(pub String);

/// What staff must look at: an id the model declares (`warnings`), like [`BlockerId`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct WarningId(pub String);

macro_rules! declared_id {
    ($name:ident) => {
        impl $name {
            pub fn new(id: &str) -> $name {
                $name(id.to_string())
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

declared_id!(BlockerId);
declared_id!(WarningId);
