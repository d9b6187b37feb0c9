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
    /// A step of a flow of any number of steps (counted from 0).
    FlowStep {
        route: &'a str,
        index: usize,
    },
    FlowStepNote {
        route: &'a str,
        index: usize,
        note: usize,
    },
    /// The place of a route's first visit (the same-day visit included), when it has one.
    FirstVisitPlace(&'a str),
    SecondVisitPlace(&'a str),
    /// The counter of a procedure, when the model names one.
    ProcedurePlace(ProcedureKind),
    /// The office's hours, fees and reservation line.
    OfficeHours,
    OfficeFees,
    OfficeReservation,
    /// Another office where the procedures are done: its name, place and hours.
    BranchName(usize),
    BranchPlace(usize),
    BranchHours(usize),
    /// A page the model follows (one per procedure): its title.
    PageTitleOf(&'a str),
    CitizenNote {
        route: &'a str,
        index: usize,
    },
    BlockerTitle(&'a BlockerId),
    BlockerCitizenText(&'a BlockerId),
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
            TextKey::FlowStep { route, index } => write!(f, "route.{route}.step.{}", index + 1),
            TextKey::FlowStepNote { route, index, note } => {
                write!(f, "route.{route}.step.{}.note.{note}", index + 1)
            }
            TextKey::FirstVisitPlace(route) => write!(f, "route.{route}.first_visit_place"),
            TextKey::SecondVisitPlace(route) => write!(f, "route.{route}.second_visit_place"),
            TextKey::ProcedurePlace(kind) => write!(f, "procedure.{kind:?}.place"),
            TextKey::OfficeHours => write!(f, "office.hours"),
            TextKey::OfficeFees => write!(f, "office.fees"),
            TextKey::OfficeReservation => write!(f, "office.reservation"),
            TextKey::BranchName(i) => write!(f, "office.branch.{i}.name"),
            TextKey::BranchPlace(i) => write!(f, "office.branch.{i}.place"),
            TextKey::BranchHours(i) => write!(f, "office.branch.{i}.hours"),
            TextKey::PageTitleOf(id) => write!(f, "page.{id}.title"),
            TextKey::CitizenNote { route, index } => {
                write!(f, "route.{route}.citizen_note.{index}")
            }
            TextKey::BlockerTitle(id) => write!(f, "blocker.{id}.title"),
            TextKey::BlockerCitizenText(id) => {
                write!(f, "blocker.{id}.citizen_text")
            }
            TextKey::SignatureCertRefused => write!(f, "certificate.signature_cert_refused"),
            TextKey::PinLabel(id) => write!(f, "pin.{id}.label"),
            TextKey::PinFormat(id) => write!(f, "pin.{id}.format"),
            TextKey::PinWritingRule(i) => write!(f, "pin_writing_rule.{i}"),
            TextKey::ConvenienceStore => write!(f, "convenience_store"),
        }
    }
}
