//! The procedure model: every rule of the city's page as data (`assets/procedures.ron`),
//! loaded with serde + ron and then checked for what serde cannot see.

pub mod origin;
mod validate;

pub use origin::{LoadError, MODEL_ENV, ModelOrigin};

use crate::source_text::ron_error_message;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The model shipped inside the binary.
pub const EMBEDDED_MODEL: &str = include_str!("../../assets/procedures.ron");
/// The name under which the embedded model is reported in messages.
pub const EMBEDDED_MODEL_NAME: &str = "assets/procedures.ron（組み込み）";

/// 電子証明書の更新・新規発行 or 暗証番号再設定（ロック解除）.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ProcedureKind {
    CertIssue,
    PinReset,
}

impl ProcedureKind {
    pub const ALL: [ProcedureKind; 2] = [ProcedureKind::CertIssue, ProcedureKind::PinReset];
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

/// Where an entry comes from: a passage of the city's page, word for word, or (rarely) a
/// rule from outside the page, said in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Source {
    Page(String),
    Outside(String),
}

impl Source {
    pub fn text(&self) -> &str {
        match self {
            Source::Page(text) | Source::Outside(text) => text,
        }
    }
}

/// A fact about the visit that a rule can depend on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Condition {
    /// The proxy brings the sealed 照会書兼回答書 from the expiry notice.
    HasInquiryForm,
    /// The holder surely knows all four PINs.
    PinsKnown,
    /// A PIN is locked by wrong entries.
    PinLocked,
    /// The certificate is neither revoked nor past its expiry on the visit date.
    CertValid,
    /// 本籍地 is in the city.
    DomicileInCity,
    /// Parent and child in one household with parental authority visible in the record.
    SameHouseholdParent,
    /// This procedure is asked for at the same visit.
    Requested(ProcedureKind),
    Not(Box<Condition>),
    AnyOf(Vec<Condition>),
    AllOf(Vec<Condition>),
}

/// The whole procedure model.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProcedureModel {
    pub page: PageInfo,
    pub office: Office,
    pub procedures: Vec<ProcedureInfo>,
    pub applicants: Vec<ApplicantInfo>,
    pub certificate: CertificateRules,
    pub documents: Vec<DocumentInfo>,
    pub exemptions: Vec<Exemption>,
    pub routes: Vec<Route>,
    pub blockers: Vec<BlockerInfo>,
    pub warnings: Vec<WarningInfo>,
    pub pins: Vec<PinKind>,
    pub pin_writing_rules: Vec<PinWritingRule>,
    pub convenience_store: Quoted,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageInfo {
    pub title: String,
    pub updated: String,
    pub publisher: String,
}

/// Where the counter is and whom to ask.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Office {
    pub counter_place: String,
    pub counter_place_source: Source,
    pub contact: Vec<String>,
    pub contact_source: Source,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProcedureInfo {
    pub kind: ProcedureKind,
    pub title: String,
    pub short_title: String,
    pub description: String,
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
    pub source: Source,
}

/// Dates and limits of the electronic certificates.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CertificateRules {
    /// The certificate is valid until this birthday after issue.
    pub valid_until_birthday: u32,
    /// ... or this one when issued within `renewal_window_months` before a birthday.
    pub valid_until_birthday_when_issued_in_window: u32,
    pub validity_source: Source,
    pub validity_in_window_source: Source,
    pub renewal_window_months: u32,
    pub renewal_window_source: Source,
    /// No 署名用電子証明書 for a holder younger than this ...
    pub signature_cert_min_age: u32,
    /// ... nor when these applicant kinds act for the holder.
    pub signature_cert_not_for: Vec<ApplicantKind>,
    pub signature_cert_source: Source,
}

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

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Visit {
    #[serde(default)]
    pub place: Option<String>,
    pub documents: Vec<Need>,
}

/// What the office mails to the holder in the three-step route.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mailing {
    pub items: Vec<String>,
    pub method: String,
    pub recipient: String,
    pub source: Source,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quoted {
    pub text: String,
    pub source: Source,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[allow(clippy::large_enum_variant)] // a handful of routes, read once
pub enum Flow {
    /// Done at this visit.
    SameDay { visit: Visit },
    /// (1) apply, (2) the office mails the forms to the holder, (3) come back with them.
    ThreeStep {
        first_visit: Visit,
        mailing: Mailing,
        holder_task: Quoted,
        second_visit: Visit,
    },
}

impl Flow {
    pub fn is_same_day(&self) -> bool {
        matches!(self, Flow::SameDay { .. })
    }

    pub fn first_visit(&self) -> &Visit {
        match self {
            Flow::SameDay { visit } => visit,
            Flow::ThreeStep { first_visit, .. } => first_visit,
        }
    }

    pub fn second_visit(&self) -> Option<&Visit> {
        match self {
            Flow::SameDay { .. } => None,
            Flow::ThreeStep { second_visit, .. } => Some(second_visit),
        }
    }

    fn visits(&self) -> impl Iterator<Item = &Visit> {
        std::iter::once(self.first_visit()).chain(self.second_visit())
    }
}

/// How one applicant kind does one procedure. For a procedure and applicant the first route
/// whose `when` holds applies; the last one for each pair has no `when`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Route {
    pub id: String,
    pub procedure: ProcedureKind,
    pub applicant: ApplicantKind,
    pub title: String,
    #[serde(default)]
    pub when: Option<Condition>,
    pub flow: Flow,
    #[serde(default)]
    pub notes: Vec<String>,
    pub source: Source,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BlockerInfo {
    pub id: BlockerId,
    pub title: String,
    pub what_to_do: String,
    pub source: Source,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WarningInfo {
    pub id: WarningId,
    pub title: String,
    pub what_to_do: String,
    pub source: Source,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PinKind {
    pub id: String,
    pub label: String,
    pub format: String,
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

/// One thing wrong with a model file, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelProblem {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for ModelProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

/// Everything wrong with a model file (at least one problem).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ModelError {
    pub problems: Vec<ModelProblem>,
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lines: Vec<String> = self.problems.iter().map(ToString::to_string).collect();
        f.write_str(&lines.join("\n"))
    }
}

impl ProcedureModel {
    /// Parses and validates a model; `file` names it in every message.
    pub fn from_ron(text: &str, file: &str) -> Result<ProcedureModel, ModelError> {
        // Windows editors may save UTF-8 with a byte-order mark.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let model: ProcedureModel = crate::ron_options().from_str(text).map_err(|err| {
            let (line, column, message) = ron_error_message(&err);
            ModelError {
                problems: vec![ModelProblem {
                    file: file.to_string(),
                    line,
                    column,
                    message,
                }],
            }
        })?;
        let problems = validate::problems(&model, text, file);
        if problems.is_empty() {
            Ok(model)
        } else {
            Err(ModelError { problems })
        }
    }

    /// The model built into the binary.
    pub fn embedded() -> Result<ProcedureModel, ModelError> {
        ProcedureModel::from_ron(EMBEDDED_MODEL, EMBEDDED_MODEL_NAME)
    }

    pub fn document(&self, id: &DocumentId) -> Option<&DocumentInfo> {
        self.documents.iter().find(|d| &d.id == id)
    }

    pub fn exemption(&self, id: &str) -> Option<&Exemption> {
        self.exemptions.iter().find(|e| e.id == id)
    }

    pub fn route(&self, id: &str) -> Option<&Route> {
        self.routes.iter().find(|r| r.id == id)
    }

    pub fn procedure(&self, kind: ProcedureKind) -> Option<&ProcedureInfo> {
        self.procedures.iter().find(|p| p.kind == kind)
    }

    pub fn applicant(&self, kind: ApplicantKind) -> Option<&ApplicantInfo> {
        self.applicants.iter().find(|a| a.kind == kind)
    }

    pub fn blocker(&self, id: BlockerId) -> Option<&BlockerInfo> {
        self.blockers.iter().find(|b| b.id == id)
    }

    pub fn warning(&self, id: WarningId) -> Option<&WarningInfo> {
        self.warnings.iter().find(|w| w.id == id)
    }

    /// Label of a document, its id if the model lacks it.
    pub fn document_label<'a>(&'a self, id: &'a DocumentId) -> &'a str {
        self.document(id).map_or(id.as_str(), |d| d.label.as_str())
    }

    pub fn procedure_title(&self, kind: ProcedureKind) -> &str {
        self.procedure(kind).map_or("", |p| p.title.as_str())
    }

    pub fn applicant_label(&self, kind: ApplicantKind) -> &str {
        self.applicant(kind).map_or("", |a| a.label.as_str())
    }

    /// Every passage of the page the model quotes, in file order.
    pub fn page_quotes(&self) -> Vec<&str> {
        let mut sources: Vec<&Source> = vec![
            &self.office.counter_place_source,
            &self.office.contact_source,
            &self.certificate.validity_source,
            &self.certificate.validity_in_window_source,
            &self.certificate.renewal_window_source,
            &self.certificate.signature_cert_source,
            &self.convenience_store.source,
        ];
        sources.extend(self.procedures.iter().map(|p| &p.source));
        sources.extend(self.applicants.iter().map(|a| &a.source));
        sources.extend(self.exemptions.iter().map(|e| &e.source));
        sources.extend(self.blockers.iter().map(|b| &b.source));
        sources.extend(self.warnings.iter().map(|w| &w.source));
        sources.extend(self.pins.iter().map(|p| &p.source));
        sources.extend(self.pin_writing_rules.iter().map(|p| &p.source));
        for route in &self.routes {
            sources.push(&route.source);
            for visit in route.flow.visits() {
                sources.extend(visit.documents.iter().map(|n| &n.source));
            }
            if let Flow::ThreeStep {
                mailing,
                holder_task,
                ..
            } = &route.flow
            {
                sources.push(&mailing.source);
                sources.push(&holder_task.source);
            }
        }
        let mut quotes: Vec<&str> = sources
            .into_iter()
            .filter_map(|s| match s {
                Source::Page(text) => Some(text.as_str()),
                Source::Outside(_) => None,
            })
            .collect();
        quotes.extend(
            self.routes
                .iter()
                .flat_map(|r| r.notes.iter().map(String::as_str)),
        );
        quotes
    }
}
