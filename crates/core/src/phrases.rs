//! The fixed words of the sheet and the command line (headings, verdicts, labels): the chrome
//! the renderers share. Which phrases exist is Rust (the renderers ask for them by name); what
//! they say is data, in `assets/lang/*.ron`. Every sentence that states a rule comes from the
//! model instead.

/// Declares the phrases once: the enum, the list of them all and each one's key in a
/// language file.
macro_rules! phrases {
    ($($(#[$doc:meta])* $variant:ident => $key:literal,)*) => {
        /// A fixed phrase. `{…}` slots are filled in by the guidance builder.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Phrase {
            $($(#[$doc])* $variant,)*
        }

        impl Phrase {
            pub const ALL: &'static [Phrase] = &[$(Phrase::$variant,)*];

            /// Its key in a language file.
            pub fn key(self) -> &'static str {
                match self {
                    $(Phrase::$variant => $key,)*
                }
            }
        }
    };
}

phrases! {
    Title => "title",
    Basis => "basis",
    HeadingVisit => "heading_visit",
    HeadingOutcome => "heading_outcome",
    HeadingDocuments => "heading_documents",
    HeadingMissing => "heading_missing",
    HeadingSteps => "heading_steps",
    HeadingPinWriting => "heading_pin_writing",
    HeadingCertificate => "heading_certificate",
    HeadingContact => "heading_contact",
    VisitDate => "visit_date",
    VisitFirst => "visit_first",
    VisitSecond => "visit_second",
    Procedures => "procedures",
    Applicant => "applicant",
    Place => "place",
    VerdictSameDayDone => "verdict_same_day_done",
    VerdictSameDayMissing => "verdict_same_day_missing",
    VerdictFirstVisitDone => "verdict_first_visit_done",
    VerdictFirstVisitMissing => "verdict_first_visit_missing",
    VerdictSecondVisitDone => "verdict_second_visit_done",
    VerdictSecondVisitMissing => "verdict_second_visit_missing",
    VerdictBlocked => "verdict_blocked",
    StateSameDay => "state_same_day",
    StateThreeStepFirst => "state_three_step_first",
    StateThreeStepSecond => "state_three_step_second",
    BringNextTime => "bring_next_time",
    Examples => "examples",
    NotNeeded => "not_needed",
    StepsLead => "steps_lead",
    StepToday => "step_today",
    Why => "why",
    NewExpiry => "new_expiry",
    HolderAge => "holder_age",
    CounterCopy => "counter_copy",
    CounterProcedureDone => "counter_procedure_done",
    CounterProcedureRefused => "counter_procedure_refused",
    CounterProcedureIncomplete => "counter_procedure_incomplete",
    CounterSeen => "counter_seen",
    CounterSeenNone => "counter_seen_none",
    CutLine => "cut_line",
    Stamp => "stamp",
    Ticked => "ticked",
    Unticked => "unticked",
    StepDocuments => "step_documents",
    /// Before the other offices where the procedure can be done.
    OtherOffices => "other_offices",
    ListSeparator => "list_separator",
    UnknownCertExpiry => "unknown_cert_expiry",
    UnknownCardExpiry => "unknown_card_expiry",
    TitleSeparator => "title_separator",
    Date => "date",
    VerdictUndecided => "verdict_undecided",
    ToConfirm => "to_confirm",
    StateUndecided => "state_undecided",
    CounterProcedureUndecided => "counter_procedure_undecided",
    FactCertExpiry => "fact_cert_expiry",
    FactCardExpiry => "fact_card_expiry",
    NewExpiryUpToCard => "new_expiry_up_to_card",
}

impl Phrase {
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
