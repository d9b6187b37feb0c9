//! The command line's renderings of a visit: the JSON of the shared contract, and the
//! readable Japanese text of a [`Guidance`] (the same words as the window and the sheet).

use crate::engine::Evaluation;
use crate::guidance::{
    DocumentLine, Guidance, Phrase, ProcedureGuidance, ProcedureState, StepsGuidance, Wording,
};
use std::fmt::Write as _;

/// The JSON that `madoguchi evaluate --json` prints.
pub fn to_json(evaluation: &Evaluation) -> String {
    serde_json::to_string_pretty(evaluation).expect("an evaluation always serialises")
}

/// The readable answer of `madoguchi evaluate` without `--json`.
pub fn to_text(guidance: &Guidance) -> String {
    let wording = Wording::source();
    let mut out = String::new();
    let _ = writeln!(out, "{}", guidance.title);
    let _ = writeln!(
        out,
        "{}: {}",
        wording.phrase(Phrase::VisitDate),
        guidance.visit_date
    );
    let _ = writeln!(
        out,
        "{}: {}",
        wording.phrase(Phrase::Applicant),
        guidance.applicant
    );
    if let Some(age) = guidance.holder_age {
        let age = age.to_string();
        let _ = writeln!(out, "{}", wording.fill(Phrase::HolderAge, &[("age", &age)]));
    }
    for hint in &guidance.unknown_dates {
        let _ = writeln!(out, "▲ {hint}");
    }
    for procedure in &guidance.procedures {
        write_procedure(&mut out, procedure, &wording);
    }
    if !guidance.exempted.is_empty() {
        let _ = writeln!(out);
        for exempted in &guidance.exempted {
            let _ = writeln!(
                out,
                "  － {}: {}（{}）",
                exempted.label,
                wording.phrase(Phrase::NotNeeded),
                exempted.reason
            );
        }
    }
    if let Some(steps) = &guidance.steps {
        write_steps(&mut out, steps, &wording);
    }
    let _ = writeln!(out);
    for line in guidance.signature.iter().chain(
        guidance
            .certificate
            .iter()
            .filter(|l| Some(*l) != guidance.signature.as_ref()),
    ) {
        let _ = writeln!(out, "{line}");
    }
    let _ = writeln!(out, "（{}）", guidance.footer);
    out
}

fn write_steps(out: &mut String, steps: &StepsGuidance, wording: &Wording<'_>) {
    let _ = writeln!(out);
    let _ = writeln!(out, "■ {}", wording.phrase(Phrase::HeadingSteps));
    let count = steps.count_slots();
    let slots: Vec<(&str, &str)> = count.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let _ = writeln!(out, "  {}", wording.fill(Phrase::StepsLead, &slots));
    for (index, step) in steps.steps.iter().enumerate() {
        let today = if index == 0 {
            wording.phrase(Phrase::StepToday)
        } else {
            ""
        };
        let _ = writeln!(out, "  ({}) {}{today}", index + 1, step.text);
        for note in &step.notes {
            let _ = writeln!(out, "      ※{note}");
        }
        if index == steps.second_visit_step {
            let _ = writeln!(
                out,
                "      {}: {}　{}:",
                wording.phrase(Phrase::Place),
                steps.second_visit_place,
                wording.phrase(Phrase::StepDocuments)
            );
            for document in &steps.second_visit_documents {
                write_document(out, document, wording, "      ");
            }
        }
    }
}

fn write_procedure(out: &mut String, procedure: &ProcedureGuidance, wording: &Wording<'_>) {
    let _ = writeln!(out);
    let _ = writeln!(out, "■ {}: {}", procedure.title, procedure.state_text);
    let _ = writeln!(out, "  {}", procedure.route_title);
    for note in &procedure.staff_notes {
        let _ = writeln!(out, "  {note}");
    }
    for blocker in &procedure.blockers {
        let _ = writeln!(out, "  ■ {}", blocker.title);
        let _ = writeln!(out, "    {}", blocker.for_staff);
    }
    for warning in &procedure.warnings {
        let _ = writeln!(out, "  ▲ {}", warning.title);
        let _ = writeln!(out, "    {}", warning.for_staff);
    }
    for prompt in &procedure.staff_prompts {
        let _ = writeln!(out, "  ▲ {prompt}");
    }
    if !procedure.bring_next_time.is_empty() {
        let _ = writeln!(out, "  {}:", wording.phrase(Phrase::BringNextTime));
        for document in &procedure.bring_next_time {
            write_document(out, document, wording, "  ");
        }
    }
    if procedure.state != ProcedureState::Blocked {
        for document in &procedure.documents {
            write_document(out, document, wording, "  ");
        }
    }
}

fn write_document(out: &mut String, document: &DocumentLine, wording: &Wording<'_>, indent: &str) {
    let examples = document
        .examples_text(wording)
        .map_or(String::new(), |e| format!("（{e}）"));
    let note = document
        .note
        .as_deref()
        .map_or(String::new(), |n| format!("　※{n}"));
    let mark = wording.phrase(if document.ticked {
        Phrase::Ticked
    } else {
        Phrase::Unticked
    });
    let _ = writeln!(out, "{indent}{mark} {}{examples}{note}", document.label);
    for why in &document.why {
        let _ = writeln!(
            out,
            "{indent}    {}（{}）: {}",
            wording.phrase(Phrase::Why),
            why.route_title,
            why.passage
        );
    }
}
