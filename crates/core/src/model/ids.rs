//! The ids fixed by the shared case format: procedures, applicant kinds, documents, blockers
//! and warnings.

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

/// What stops the procedure today (ids fixed by the shared case format).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockerId {
    CardExpired,
    CardExpiresWithCert,
    BeforeRenewalWindow,
}

impl BlockerId {
    pub const ALL: [BlockerId; 3] = [
        BlockerId::CardExpired,
        BlockerId::CardExpiresWithCert,
        BlockerId::BeforeRenewalWindow,
    ];
}

/// What staff must look at (ids fixed by the shared case format).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WarningId {
    ApplicantAgeMismatch,
}

impl WarningId {
    pub const ALL: [WarningId; 1] = [WarningId::ApplicantAgeMismatch];
}
