//! The part of the sheet the counter keeps, always in Japanese: the date, each procedure's
//! result in one line, the applicant and the documents seen.

use crate::dates::format_iso;
use crate::phrases::Phrase;

use super::{Builder, DocumentLine, ProcedureGuidance, Status};

/// The part of the sheet the counter keeps (always Japanese).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CounterCopy {
    pub date: String,
    pub procedures: Vec<String>,
    pub applicant: String,
    pub seen: Vec<String>,
}

impl Builder<'_> {
    /// The counter's copy: `applicant` is the applicant's label in Japanese, `checklist` the
    /// documents of this visit with their ticks.
    pub(super) fn counter_copy(
        &self,
        procedures: &[ProcedureGuidance],
        checklist: &[DocumentLine],
        applicant: String,
    ) -> CounterCopy {
        CounterCopy {
            date: format_iso(self.case.today()),
            procedures: procedures.iter().map(|p| self.counter_line(p)).collect(),
            applicant,
            seen: self
                .evaluation
                .requirements_for(self.visit)
                .filter(|r| checklist.iter().any(|d| d.ticked && d.id == r.document))
                .map(|r| r.label.clone())
                .collect(),
        }
    }

    fn counter_line(&self, procedure: &ProcedureGuidance) -> String {
        let wording = &self.source;
        let state = if procedure.all_ticked() {
            wording.phrase(Phrase::CounterProcedureDone).to_string()
        } else if procedure.status == Status::Undecided {
            wording.fill(
                Phrase::CounterProcedureUndecided,
                &[(
                    "facts",
                    &procedure
                        .to_settle
                        .join(wording.phrase(Phrase::ListSeparator)),
                )],
            )
        } else if procedure.goes_ahead() {
            wording
                .phrase(Phrase::CounterProcedureIncomplete)
                .to_string()
        } else {
            let reasons: Vec<&str> = procedure
                .blockers
                .iter()
                .map(|b| b.title_for_staff.as_str())
                .collect();
            wording.fill(
                Phrase::CounterProcedureRefused,
                &[(
                    "reason",
                    &reasons.join(wording.phrase(Phrase::ListSeparator)),
                )],
            )
        };
        format!("{}: {state}", procedure.short_title)
    }
}
