//! The procedure model: every rule of the city's page as data (`assets/procedures.ron`),
//! loaded with serde + ron and then checked for what serde cannot see.
//!
//! One file per part of the model: the ids of the shared case format, the conditions, the
//! sources, the office and its people, the certificate and PIN rules, the documents, the
//! routes, the blockers and warnings, the problems of a model file, and the texts the
//! citizen reads.

pub mod describe;

mod blockers;
mod certificate;
mod citizen_texts;
mod condition;
mod documents;
mod error;
mod ids;
mod office;
mod routes;
mod sources;
mod text_key;
mod validate;

pub use blockers::{BlockerInfo, WarningInfo};
pub use certificate::{CertificateRules, PinKind, PinWritingRule};
pub use condition::{CERT_REVOKED, Condition};
pub use documents::{DocumentInfo, Exemption, Need};
pub use error::{ModelError, ModelProblem};
pub use ids::{ApplicantKind, BlockerId, DocumentId, ProcedureKind, WarningId};
pub use office::{
    AgeRange, ApplicantInfo, Branch, Office, PageInfo, PageRef, ProcedureInfo, Question,
};
pub use routes::{Flow, FlowStep, FlowStepText, Notice, Quoted, Route, Step, Visit};
pub use sources::Source;
pub use text_key::TextKey;

use crate::source_text::ron_error_message;
use serde::{Deserialize, Serialize};

/// The model shipped inside the binary.
pub const EMBEDDED_MODEL: &str = include_str!("../../../../assets/procedures.ron");
/// The name under which the embedded model is reported in messages.
pub const EMBEDDED_MODEL_NAME: &str = "assets/procedures.ron（組み込み）";

/// The whole procedure model.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProcedureModel {
    pub page: PageInfo,
    /// A page per procedure, when the city has them (each procedure names its own).
    #[serde(default)]
    pub pages: Vec<PageRef>,
    pub office: Office,
    pub procedures: Vec<ProcedureInfo>,
    pub applicants: Vec<ApplicantInfo>,
    pub questions: Vec<Question>,
    pub certificate: CertificateRules,
    pub documents: Vec<DocumentInfo>,
    pub exemptions: Vec<Exemption>,
    pub routes: Vec<Route>,
    pub blockers: Vec<BlockerInfo>,
    pub warnings: Vec<WarningInfo>,
    pub pins: Vec<PinKind>,
    pub pin_writing_rules: Vec<PinWritingRule>,
    /// The line about resetting a PIN at a convenience store, for a city whose page has it.
    #[serde(default)]
    pub convenience_store: Option<Notice>,
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

    pub fn blocker(&self, id: &BlockerId) -> Option<&BlockerInfo> {
        self.blockers.iter().find(|b| &b.id == id)
    }

    pub fn warning(&self, id: &WarningId) -> Option<&WarningInfo> {
        self.warnings.iter().find(|w| &w.id == id)
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

    pub fn page_ref(&self, id: &str) -> Option<&PageRef> {
        self.pages.iter().find(|p| p.id == id)
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }
}
