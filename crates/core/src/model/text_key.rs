//! The keys under which a language file translates the model's citizen texts: written in one
//! place, so a key cannot be misspelt where it is looked up. The model lists its texts with
//! them ([`ProcedureModel::citizen_texts`](super::ProcedureModel::citizen_texts)); the guidance
//! looks them up with them.

use super::{ApplicantKind, BlockerId, DocumentId, ProcedureKind};
use std::fmt;

/// One citizen text of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKey<'a> {
    PageTitle,
    PagePublisher,
    CounterPlace,
    /// A line of the contact block.
    Contact(usize),
    ProcedureTitle(ProcedureKind),
    ApplicantLabel(ApplicantKind),
    DocumentLabel(&'a DocumentId),
    DocumentNote(&'a DocumentId),
    /// An example, keyed by its own words: a word several documents use is translated once.
    Example(&'a str),
    ExemptionReason(&'a str),
    /// A route's own label for a document.
    NeedLabel {
        route: &'a str,
        document: &'a DocumentId,
    },
    /// A step of a route's flow (`apply`, `mailing`, …).
    RouteStep {
        route: &'a str,
        step: &'a str,
    },
    SecondVisitPlace(&'a str),
    CitizenNote {
        route: &'a str,
        index: usize,
    },
    BlockerTitle(BlockerId),
    BlockerCitizenText(BlockerId),
    SignatureCertRefused,
    PinLabel(&'a str),
    PinFormat(&'a str),
    PinWritingRule(usize),
    ConvenienceStore,
}

impl fmt::Display for TextKey<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TextKey::PageTitle => write!(f, "page.title"),
            TextKey::PagePublisher => write!(f, "page.publisher"),
            TextKey::CounterPlace => write!(f, "office.counter_place"),
            TextKey::Contact(i) => write!(f, "office.contact.{i}"),
            TextKey::ProcedureTitle(kind) => write!(f, "procedure.{kind:?}.title"),
            TextKey::ApplicantLabel(kind) => write!(f, "applicant.{kind:?}.label"),
            TextKey::DocumentLabel(id) => write!(f, "document.{id}.label"),
            TextKey::DocumentNote(id) => write!(f, "document.{id}.note"),
            TextKey::Example(words) => write!(f, "example.{words}"),
            TextKey::ExemptionReason(id) => write!(f, "exemption.{id}.reason"),
            TextKey::NeedLabel { route, document } => write!(f, "route.{route}.{document}.label"),
            TextKey::RouteStep { route, step } => write!(f, "route.{route}.{step}"),
            TextKey::SecondVisitPlace(route) => write!(f, "route.{route}.second_visit_place"),
            TextKey::CitizenNote { route, index } => {
                write!(f, "route.{route}.citizen_note.{index}")
            }
            TextKey::BlockerTitle(id) => write!(f, "blocker.{}.title", crate::json_name(id)),
            TextKey::BlockerCitizenText(id) => {
                write!(f, "blocker.{}.citizen_text", crate::json_name(id))
            }
            TextKey::SignatureCertRefused => write!(f, "certificate.signature_cert_refused"),
            TextKey::PinLabel(id) => write!(f, "pin.{id}.label"),
            TextKey::PinFormat(id) => write!(f, "pin.{id}.format"),
            TextKey::PinWritingRule(i) => write!(f, "pin_writing_rule.{i}"),
            TextKey::ConvenienceStore => write!(f, "convenience_store"),
        }
    }
}
