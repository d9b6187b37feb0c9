//! The paper handed to the citizen: what was checked today, what is missing, what happens
//! next. No file is written here: the application writes the bytes. `Sheet::from_guidance` lays a [`Guidance`] out in sections (used by the window's
//! preview and the PDF); `pdf` puts them on A4. The words all come from the guidance.

pub mod fonts;
pub mod fuzzing;
pub mod pdf;

use madoguchi_core::guidance::{
    DocumentLine, Guidance, Phrase, ProcedureGuidance, StepsGuidance, Wording,
};
use madoguchi_core::language::Language;

/// One line of the sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetLine {
    /// Plain text.
    Text(String),
    /// A checklist item: ticked at the counter or not, with what it is and why.
    Check {
        ticked: bool,
        label: String,
        detail: String,
    },
    /// A bullet point.
    Bullet(String),
    /// Something the citizen must not miss (printed bold and red).
    Alert(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetSection {
    pub heading: String,
    pub lines: Vec<SheetLine>,
}

/// The small copy below the cut line that the counter keeps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CounterCopy {
    pub heading: String,
    pub lines: Vec<String>,
    pub cut_line: String,
    pub stamp: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    pub title: String,
    pub subtitle: String,
    pub sections: Vec<SheetSection>,
    pub counter_copy: CounterCopy,
    /// The texts carry readings (`{漢字|かんじ}`) to set as ruby.
    pub ruby: bool,
}

/// The detail after a checklist item: the page's reason (on the Japanese sheet; the others
/// give the examples) and how the document must be.
fn reason_detail(document: &DocumentLine, wording: &Wording<'_>) -> String {
    let Some(why) = document.why.first() else {
        return bring_detail(document, wording);
    };
    let mut detail = format!("{}: {}", wording.phrase(Phrase::Why), why.passage);
    if let Some(note) = &document.note {
        detail.push_str(&format!("　※{note}"));
    }
    detail
}

/// The detail after a document to bring: its examples and how it must be.
fn bring_detail(document: &DocumentLine, wording: &Wording<'_>) -> String {
    let mut detail = document
        .examples_text(wording)
        .map(|e| format!("（{e}）"))
        .unwrap_or_default();
    if let Some(note) = &document.note {
        detail.push_str(&format!("※{note}"));
    }
    detail
}

impl Sheet {
    /// The sheet of a visit, section by section, in the language the guidance was built in
    /// (`language`); the counter copy stays Japanese.
    pub fn from_guidance(guidance: &Guidance, language: &Language) -> Sheet {
        let wording = Wording::new(language);
        let mut sections = vec![visit_section(guidance, &wording)];
        sections.push(outcome_section(guidance, &wording));
        sections.push(documents_section(guidance, &wording));
        sections.extend(missing_section(guidance, &wording));
        sections.extend(guidance.steps.as_ref().map(|s| steps_section(s, &wording)));
        if !guidance.pin_writing.is_empty() {
            sections.push(SheetSection {
                heading: wording.phrase(Phrase::HeadingPinWriting).to_string(),
                lines: guidance
                    .pin_writing
                    .iter()
                    .map(|l| SheetLine::Bullet(l.clone()))
                    .collect(),
            });
        }
        if !guidance.certificate.is_empty() {
            sections.push(SheetSection {
                heading: wording.phrase(Phrase::HeadingCertificate).to_string(),
                lines: guidance
                    .certificate
                    .iter()
                    .map(|l| SheetLine::Text(l.clone()))
                    .collect(),
            });
        }
        sections.push(SheetSection {
            heading: wording.phrase(Phrase::HeadingContact).to_string(),
            lines: guidance
                .contact
                .chunks(3)
                .map(|group| SheetLine::Text(group.join("　")))
                .collect(),
        });
        Sheet {
            title: guidance.title.clone(),
            subtitle: guidance.basis.clone(),
            sections,
            counter_copy: counter_copy(guidance, &Wording::source()),
            ruby: language.ruby,
        }
    }

    /// Every text of the sheet, one string a line, readings left out (for previews and
    /// tests).
    pub fn plain_lines(&self) -> Vec<String> {
        self.marked_lines()
            .iter()
            .map(|line| madoguchi_core::ruby::plain(line))
            .collect()
    }

    /// Every text of the sheet, one string a line, readings written in (`{漢字|かんじ}`).
    pub fn marked_lines(&self) -> Vec<String> {
        let mut lines = vec![self.title.clone(), self.subtitle.clone()];
        for section in &self.sections {
            lines.push(format!("【{}】", section.heading));
            for line in &section.lines {
                lines.push(match line {
                    SheetLine::Text(text) | SheetLine::Alert(text) => text.clone(),
                    SheetLine::Bullet(text) => format!("・{text}"),
                    SheetLine::Check {
                        ticked,
                        label,
                        detail,
                    } => format!("{} {label}　{detail}", if *ticked { "✓" } else { "□" }),
                });
            }
        }
        lines.push(self.counter_copy.heading.clone());
        lines.extend(self.counter_copy.lines.iter().cloned());
        lines
    }
}

fn visit_section(guidance: &Guidance, wording: &Wording<'_>) -> SheetSection {
    let stage = guidance
        .visit_stage
        .as_ref()
        .map_or(String::new(), |s| format!("（{s}）"));
    SheetSection {
        heading: wording.phrase(Phrase::HeadingVisit).to_string(),
        lines: vec![
            SheetLine::Text(format!(
                "{}: {}{stage}",
                wording.phrase(Phrase::VisitDate),
                guidance.visit_date
            )),
            SheetLine::Text(format!(
                "{}: {}",
                wording.phrase(Phrase::Procedures),
                guidance.procedures_text
            )),
            SheetLine::Text(format!(
                "{}: {}",
                wording.phrase(Phrase::Applicant),
                guidance.applicant
            )),
            SheetLine::Text(format!(
                "{}: {}",
                wording.phrase(Phrase::Place),
                guidance.place
            )),
        ]
        .into_iter()
        .chain(
            guidance
                .office_lines
                .iter()
                .map(|l| SheetLine::Text(l.clone())),
        )
        .chain(other_offices(guidance, wording))
        .collect(),
    }
}

/// The other offices where the procedures going ahead can be done, under a line that says so.
fn other_offices(guidance: &Guidance, wording: &Wording<'_>) -> Vec<SheetLine> {
    if guidance.other_offices.is_empty() {
        return Vec::new();
    }
    std::iter::once(SheetLine::Text(format!(
        "{}:",
        wording.phrase(Phrase::OtherOffices)
    )))
    .chain(
        guidance
            .other_offices
            .iter()
            .map(|o| SheetLine::Bullet(o.clone())),
    )
    .collect()
}

/// For each procedure: its verdict; for a refused one, why, and what to bring next time.
fn outcome_section(guidance: &Guidance, wording: &Wording<'_>) -> SheetSection {
    let mut lines = Vec::new();
    for procedure in &guidance.procedures {
        lines.extend(procedure_outcome_lines(procedure, wording));
    }
    SheetSection {
        heading: wording.phrase(Phrase::HeadingOutcome).to_string(),
        lines,
    }
}

fn procedure_outcome_lines(procedure: &ProcedureGuidance, wording: &Wording<'_>) -> Vec<SheetLine> {
    let headline = format!("{}: {}", procedure.title, procedure.verdict);
    if procedure.goes_ahead() {
        return vec![SheetLine::Text(headline)];
    }
    let mut lines = vec![SheetLine::Alert(headline)];
    for blocker in &procedure.blockers {
        lines.extend(blocker.for_citizen.clone().map(SheetLine::Text));
    }
    if !procedure.bring_next_time.is_empty() {
        let labels: Vec<&str> = procedure
            .bring_next_time
            .iter()
            .map(|d| d.label.as_str())
            .collect();
        lines.push(SheetLine::Bullet(format!(
            "{}: {}",
            wording.phrase(Phrase::BringNextTime),
            labels.join(wording.phrase(Phrase::ListSeparator))
        )));
    }
    lines
}

fn documents_section(guidance: &Guidance, wording: &Wording<'_>) -> SheetSection {
    let not_needed = wording.phrase(Phrase::NotNeeded);
    SheetSection {
        heading: wording.phrase(Phrase::HeadingDocuments).to_string(),
        lines: guidance
            .checklist
            .iter()
            .map(|d| SheetLine::Check {
                ticked: d.ticked,
                label: d.label.clone(),
                detail: reason_detail(d, wording),
            })
            .chain(
                guidance.exempted.iter().map(|e| {
                    SheetLine::Text(format!("－ {}: {not_needed}（{}）", e.label, e.reason))
                }),
            )
            .collect(),
    }
}

/// The documents still missing, when a procedure goes ahead today.
fn missing_section(guidance: &Guidance, wording: &Wording<'_>) -> Option<SheetSection> {
    if guidance.missing.is_empty() || guidance.going_ahead().next().is_none() {
        return None;
    }
    Some(SheetSection {
        heading: wording.phrase(Phrase::HeadingMissing).to_string(),
        lines: guidance
            .missing
            .iter()
            .map(|d| SheetLine::Bullet(format!("{}{}", d.label, bring_detail(d, wording))))
            .collect(),
    })
}

fn steps_section(steps: &StepsGuidance, wording: &Wording<'_>) -> SheetSection {
    let count = steps.count_slots();
    let slots: Vec<(&str, &str)> = count.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let mut lines = vec![SheetLine::Text(wording.fill(Phrase::StepsLead, &slots))];
    for (index, step) in steps.steps.iter().enumerate() {
        let today = if index == 0 {
            wording.phrase(Phrase::StepToday)
        } else {
            ""
        };
        lines.push(SheetLine::Bullet(format!(
            "({}) {}{today}",
            index + 1,
            step.text
        )));
        lines.extend(
            step.notes
                .iter()
                .map(|n| SheetLine::Text(format!("　※{n}"))),
        );
        if index == steps.second_visit_step {
            lines.push(SheetLine::Text(format!(
                "　{}: {}　{}:",
                wording.phrase(Phrase::Place),
                steps.second_visit_place,
                wording.phrase(Phrase::StepDocuments)
            )));
            lines.extend(
                steps
                    .second_visit_documents
                    .iter()
                    .map(|d| SheetLine::Check {
                        ticked: false,
                        label: d.label.clone(),
                        detail: bring_detail(d, wording),
                    }),
            );
        }
    }
    SheetSection {
        heading: wording.phrase(Phrase::HeadingSteps).to_string(),
        lines,
    }
}

fn counter_copy(guidance: &Guidance, wording: &Wording<'_>) -> CounterCopy {
    let copy = &guidance.counter_copy;
    let seen = if copy.seen.is_empty() {
        wording.phrase(Phrase::CounterSeenNone).to_string()
    } else {
        copy.seen.join(wording.phrase(Phrase::ListSeparator))
    };
    let mut lines = vec![format!(
        "{}: {}　{}: {}",
        wording.phrase(Phrase::VisitDate),
        copy.date,
        wording.phrase(Phrase::Applicant),
        copy.applicant
    )];
    lines.extend(copy.procedures.iter().cloned());
    lines.push(format!("{}: {seen}", wording.phrase(Phrase::CounterSeen)));
    CounterCopy {
        heading: wording.phrase(Phrase::CounterCopy).to_string(),
        lines,
        cut_line: wording.phrase(Phrase::CutLine).to_string(),
        stamp: wording.phrase(Phrase::Stamp).to_string(),
    }
}
