//! The fixed words of the sheet and the command line (headings, verdicts, labels): the chrome
//! the renderers share. Which phrases exist is Rust (the renderers ask for them by name); what
//! they say is data, in `assets/lang/*.ron`. Every sentence that states a rule comes from the
//! model instead.

/// A fixed phrase. `{…}` slots are filled in by the guidance builder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Phrase {
    Title,
    Basis,
    HeadingVisit,
    HeadingOutcome,
    HeadingDocuments,
    HeadingMissing,
    HeadingSteps,
    HeadingPinWriting,
    HeadingCertificate,
    HeadingContact,
    VisitDate,
    VisitFirst,
    VisitSecond,
    Procedures,
    Applicant,
    Place,
    VerdictSameDayDone,
    VerdictSameDayMissing,
    VerdictFirstVisitDone,
    VerdictFirstVisitMissing,
    VerdictSecondVisitDone,
    VerdictSecondVisitMissing,
    VerdictBlocked,
    StateSameDay,
    StateThreeStepFirst,
    StateThreeStepSecond,
    BringNextTime,
    Examples,
    NotNeeded,
    StepsLead,
    StepToday,
    Why,
    NewExpiry,
    HolderAge,
    CounterCopy,
    CounterProcedureDone,
    CounterProcedureRefused,
    CounterProcedureIncomplete,
    CounterSeen,
    CounterSeenNone,
    CutLine,
    Stamp,
    Ticked,
    Unticked,
    StepDocuments,
    /// Before the other offices where the procedure can be done.
    OtherOffices,
    ListSeparator,
    UnknownCertExpiry,
    UnknownCardExpiry,
    TitleSeparator,
    Date,
    VerdictUndecided,
    ToConfirm,
    StateUndecided,
    CounterProcedureUndecided,
    FactCertExpiry,
    FactCardExpiry,
}

impl Phrase {
    pub const ALL: [Phrase; 57] = [
        Phrase::Title,
        Phrase::Basis,
        Phrase::HeadingVisit,
        Phrase::HeadingOutcome,
        Phrase::HeadingDocuments,
        Phrase::HeadingMissing,
        Phrase::HeadingSteps,
        Phrase::HeadingPinWriting,
        Phrase::HeadingCertificate,
        Phrase::HeadingContact,
        Phrase::VisitDate,
        Phrase::VisitFirst,
        Phrase::VisitSecond,
        Phrase::Procedures,
        Phrase::Applicant,
        Phrase::Place,
        Phrase::VerdictSameDayDone,
        Phrase::VerdictSameDayMissing,
        Phrase::VerdictFirstVisitDone,
        Phrase::VerdictFirstVisitMissing,
        Phrase::VerdictSecondVisitDone,
        Phrase::VerdictSecondVisitMissing,
        Phrase::VerdictBlocked,
        Phrase::StateSameDay,
        Phrase::StateThreeStepFirst,
        Phrase::StateThreeStepSecond,
        Phrase::BringNextTime,
        Phrase::Examples,
        Phrase::NotNeeded,
        Phrase::StepsLead,
        Phrase::StepToday,
        Phrase::Why,
        Phrase::NewExpiry,
        Phrase::HolderAge,
        Phrase::CounterCopy,
        Phrase::CounterProcedureDone,
        Phrase::CounterProcedureRefused,
        Phrase::CounterProcedureIncomplete,
        Phrase::CounterSeen,
        Phrase::CounterSeenNone,
        Phrase::CutLine,
        Phrase::Stamp,
        Phrase::Ticked,
        Phrase::Unticked,
        Phrase::StepDocuments,
        Phrase::OtherOffices,
        Phrase::ListSeparator,
        Phrase::UnknownCertExpiry,
        Phrase::UnknownCardExpiry,
        Phrase::TitleSeparator,
        Phrase::Date,
        Phrase::VerdictUndecided,
        Phrase::ToConfirm,
        Phrase::StateUndecided,
        Phrase::CounterProcedureUndecided,
        Phrase::FactCertExpiry,
        Phrase::FactCardExpiry,
    ];

    /// Its key in a language file.
    pub fn key(self) -> &'static str {
        match self {
            Phrase::Title => "title",
            Phrase::Basis => "basis",
            Phrase::HeadingVisit => "heading_visit",
            Phrase::HeadingOutcome => "heading_outcome",
            Phrase::HeadingDocuments => "heading_documents",
            Phrase::HeadingMissing => "heading_missing",
            Phrase::HeadingSteps => "heading_steps",
            Phrase::HeadingPinWriting => "heading_pin_writing",
            Phrase::HeadingCertificate => "heading_certificate",
            Phrase::HeadingContact => "heading_contact",
            Phrase::VisitDate => "visit_date",
            Phrase::VisitFirst => "visit_first",
            Phrase::VisitSecond => "visit_second",
            Phrase::Procedures => "procedures",
            Phrase::Applicant => "applicant",
            Phrase::Place => "place",
            Phrase::VerdictSameDayDone => "verdict_same_day_done",
            Phrase::VerdictSameDayMissing => "verdict_same_day_missing",
            Phrase::VerdictFirstVisitDone => "verdict_first_visit_done",
            Phrase::VerdictFirstVisitMissing => "verdict_first_visit_missing",
            Phrase::VerdictSecondVisitDone => "verdict_second_visit_done",
            Phrase::VerdictSecondVisitMissing => "verdict_second_visit_missing",
            Phrase::VerdictBlocked => "verdict_blocked",
            Phrase::StateSameDay => "state_same_day",
            Phrase::StateThreeStepFirst => "state_three_step_first",
            Phrase::StateThreeStepSecond => "state_three_step_second",
            Phrase::BringNextTime => "bring_next_time",
            Phrase::Examples => "examples",
            Phrase::NotNeeded => "not_needed",
            Phrase::StepsLead => "steps_lead",
            Phrase::StepToday => "step_today",
            Phrase::Why => "why",
            Phrase::NewExpiry => "new_expiry",
            Phrase::HolderAge => "holder_age",
            Phrase::CounterCopy => "counter_copy",
            Phrase::CounterProcedureDone => "counter_procedure_done",
            Phrase::CounterProcedureRefused => "counter_procedure_refused",
            Phrase::CounterProcedureIncomplete => "counter_procedure_incomplete",
            Phrase::CounterSeen => "counter_seen",
            Phrase::CounterSeenNone => "counter_seen_none",
            Phrase::CutLine => "cut_line",
            Phrase::Stamp => "stamp",
            Phrase::Ticked => "ticked",
            Phrase::Unticked => "unticked",
            Phrase::StepDocuments => "step_documents",
            Phrase::OtherOffices => "other_offices",
            Phrase::ListSeparator => "list_separator",
            Phrase::UnknownCertExpiry => "unknown_cert_expiry",
            Phrase::UnknownCardExpiry => "unknown_card_expiry",
            Phrase::TitleSeparator => "title_separator",
            Phrase::Date => "date",
            Phrase::VerdictUndecided => "verdict_undecided",
            Phrase::ToConfirm => "to_confirm",
            Phrase::StateUndecided => "state_undecided",
            Phrase::CounterProcedureUndecided => "counter_procedure_undecided",
            Phrase::FactCertExpiry => "fact_cert_expiry",
            Phrase::FactCardExpiry => "fact_card_expiry",
        }
    }

    /// Printed on the citizen's part of the sheet, so every language has it; the others are
    /// for staff and the counter copy, which stay Japanese.
    pub fn for_citizen(self) -> bool {
        !matches!(
            self,
            Phrase::StateSameDay
                | Phrase::StateThreeStepFirst
                | Phrase::StateThreeStepSecond
                | Phrase::Why
                | Phrase::HolderAge
                | Phrase::CounterCopy
                | Phrase::CounterProcedureDone
                | Phrase::CounterProcedureRefused
                | Phrase::CounterProcedureIncomplete
                | Phrase::CounterSeen
                | Phrase::CounterSeenNone
                | Phrase::CutLine
                | Phrase::Stamp
                | Phrase::UnknownCertExpiry
                | Phrase::UnknownCardExpiry
                | Phrase::StateUndecided
                | Phrase::CounterProcedureUndecided
                | Phrase::FactCertExpiry
                | Phrase::FactCardExpiry
        )
    }
}
