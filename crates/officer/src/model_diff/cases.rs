//! Which answers at the counter change: every case of a folder run under both models, its
//! shared JSON compared field by field.

use super::CaseChange;
use madoguchi_core::case::Case;
use madoguchi_core::engine::evaluate;
use madoguchi_core::model::ProcedureModel;

/// One case file as the application read it: its name (the file's stem), the file for
/// messages, and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseText {
    pub name: String,
    pub file: String,
    pub text: String,
}

/// The fields of the shared JSON compared, at the top and per procedure.
const COMPARED: [&str; 7] = [
    "same_day",
    "documents",
    "next_visit_documents",
    "blockers",
    "warnings",
    "signature_cert",
    "new_cert_expiry",
];
const COMPARED_PER_PROCEDURE: [&str; 5] = [
    "same_day",
    "documents",
    "next_visit_documents",
    "blockers",
    "warnings",
];

/// Runs every case under both models; lists the cases whose answer changes.
pub fn diff_cases(
    old: &ProcedureModel,
    new: &ProcedureModel,
    cases: &[CaseText],
) -> Result<Vec<CaseChange>, String> {
    let mut changes = Vec::new();
    for case_text in cases {
        let case = Case::from_ron_for(&case_text.text, &case_text.file, new)
            .or_else(|_| Case::from_ron_for(&case_text.text, &case_text.file, old))
            .map_err(|e| e.to_string())?;
        let as_json = |model: &ProcedureModel| {
            serde_json::to_value(evaluate(model, &case)).unwrap_or_default()
        };
        let fields = changed_fields(&as_json(old), &as_json(new));
        if !fields.is_empty() {
            changes.push(CaseChange {
                case: case_text.name.clone(),
                fields,
            });
        }
    }
    Ok(changes)
}

/// The fields whose value differs, at the top and then procedure by procedure:
/// (field, before, after).
fn changed_fields(
    was: &serde_json::Value,
    now: &serde_json::Value,
) -> Vec<(String, String, String)> {
    let show = |v: Option<&serde_json::Value>| v.map_or_else(|| "null".into(), ToString::to_string);
    let mut fields: Vec<(String, String, String)> = COMPARED
        .into_iter()
        .filter(|field| was.get(field) != now.get(field))
        .map(|field| {
            (
                field.to_string(),
                show(was.get(field)),
                show(now.get(field)),
            )
        })
        .collect();
    let outcomes = |v: &serde_json::Value| {
        v.get("outcomes")
            .and_then(|o| o.as_array())
            .cloned()
            .unwrap_or_default()
    };
    let procedure_of = |o: &serde_json::Value| {
        o.get("procedure")
            .and_then(|p| p.as_str())
            .map(str::to_string)
    };
    let was_outcomes = outcomes(was);
    for outcome in &outcomes(now) {
        let procedure = procedure_of(outcome).unwrap_or_default();
        let before = was_outcomes
            .iter()
            .find(|o| procedure_of(o).as_deref() == Some(procedure.as_str()));
        for field in COMPARED_PER_PROCEDURE {
            let (a, b) = (before.and_then(|o| o.get(field)), outcome.get(field));
            if a != b {
                fields.push((format!("{procedure} の {field}"), show(a), show(b)));
            }
        }
    }
    fields
}
