//! `madoguchi check [MODEL.ron] [--cases DIR]`: validate a model and its languages, run the
//! regression cases (NAME.ron beside the expected NAME.json).

use super::{EXIT_BAD_INPUT, EXIT_DISAGREE, EXIT_OK, read_case};
use crate::engine::evaluate;
use crate::model::ProcedureModel;
use crate::model_file::ModelOrigin;
use crate::signing::TrustedKey;
use std::path::{Path, PathBuf};

/// One example case that does not agree with its expected JSON.
#[derive(Debug, Clone, PartialEq)]
pub struct Disagreement {
    pub case: String,
    pub field: String,
    pub got: serde_json::Value,
    pub want: serde_json::Value,
}

/// What a folder of regression cases says about a model.
#[derive(Debug, Default)]
pub struct CaseRun {
    pub total: usize,
    pub agreed: usize,
    pub disagreements: Vec<Disagreement>,
    /// Case files (or expected JSON) that could not be read.
    pub unreadable: Vec<String>,
}

/// Compares the fields an expected JSON names; lists compare as sets.
pub fn compare_expected(
    case_name: &str,
    got: &serde_json::Value,
    want: &serde_json::Value,
) -> Vec<Disagreement> {
    let disagreement =
        |field: &str, got: &serde_json::Value, want: &serde_json::Value| Disagreement {
            case: case_name.to_string(),
            field: field.to_string(),
            got: got.clone(),
            want: want.clone(),
        };
    let Some(want_fields) = want.as_object() else {
        return vec![disagreement("(全体)", got, want)];
    };
    want_fields
        .iter()
        .filter_map(|(field, want_value)| {
            let got_value = got.get(field).cloned().unwrap_or(serde_json::Value::Null);
            let same = if field == "outcomes" {
                same_outcomes(&got_value, want_value)
            } else {
                same_value(&got_value, want_value)
            };
            (!same).then(|| disagreement(field, &got_value, want_value))
        })
        .collect()
}

/// Lists compare as sets; everything else as it is.
fn same_value(got: &serde_json::Value, want: &serde_json::Value) -> bool {
    let normalise = |v: &serde_json::Value| match v {
        serde_json::Value::Array(items) => {
            let mut texts: Vec<String> = items.iter().map(|i| i.to_string()).collect();
            texts.sort();
            texts.dedup();
            serde_json::Value::from(texts)
        }
        other => other.clone(),
    };
    normalise(got) == normalise(want)
}

/// `outcomes` compare per procedure, on the fields the expectation names (as the shared
/// `check_cases.py` does).
fn same_outcomes(got: &serde_json::Value, want: &serde_json::Value) -> bool {
    let (Some(got), Some(want)) = (got.as_array(), want.as_array()) else {
        return false;
    };
    let procedure = |o: &serde_json::Value| o.get("procedure").cloned();
    let mut got_procedures: Vec<String> = got
        .iter()
        .filter_map(procedure)
        .map(|p| p.to_string())
        .collect();
    let mut want_procedures: Vec<String> = want
        .iter()
        .filter_map(procedure)
        .map(|p| p.to_string())
        .collect();
    got_procedures.sort();
    want_procedures.sort();
    got_procedures == want_procedures
        && want.iter().all(|w| {
            let Some(g) = got.iter().find(|g| procedure(g) == procedure(w)) else {
                return false;
            };
            w.as_object().is_some_and(|fields| {
                fields
                    .iter()
                    .all(|(k, v)| same_value(g.get(k).unwrap_or(&serde_json::Value::Null), v))
            })
        })
}

/// Evaluates every `NAME.ron` of a folder that has a `NAME.json` beside it.
pub fn run_cases(model: &ProcedureModel, folder: &Path) -> Result<CaseRun, String> {
    let entries = std::fs::read_dir(folder).map_err(|e| {
        crate::file_error::FileError::from_io(folder, "事例フォルダを読み込めません", &e)
            .to_string()
    })?;
    let mut names: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "ron"))
        .collect();
    names.sort();
    let mut run = CaseRun::default();
    for case_path in names {
        let expected_path = case_path.with_extension("json");
        if !expected_path.exists() {
            continue;
        }
        run.total += 1;
        let case_name = case_path
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        let case = match read_case(&case_path, model) {
            Ok(case) => case,
            Err(message) => {
                run.unreadable.push(message);
                continue;
            }
        };
        let want: serde_json::Value = match crate::file_error::read_text(&expected_path)
            .map_err(|e| e.what)
            .and_then(|text| {
                serde_json::from_str(&text)
                    .map_err(|e| format!("JSON の {} 行 {} 列が読めません", e.line(), e.column()))
            }) {
            Ok(value) => value,
            Err(message) => {
                run.unreadable.push(format!(
                    "{}: 期待する結果（JSON）を読めません: {message}",
                    expected_path.display()
                ));
                continue;
            }
        };
        let got = serde_json::to_value(evaluate(model, &case)).unwrap_or_default();
        let disagreements = compare_expected(&case_name, &got, &want);
        if disagreements.is_empty() {
            run.agreed += 1;
        }
        run.disagreements.extend(disagreements);
    }
    Ok(run)
}

/// `check`: the model and its languages, then the regression cases of `--cases` if given;
/// gives the exit status.
pub(super) fn run_check(
    origin: &ModelOrigin,
    trust: Option<&TrustedKey>,
    cases: Option<&Path>,
) -> i32 {
    let model = match super::load_model(origin, trust) {
        Ok(model) => model,
        Err(status) => return status,
    };
    let languages = match origin.languages(&model) {
        Ok(languages) => languages,
        Err(err) => {
            crate::errln!("{err}");
            crate::errln!("案内の言語ファイルに誤りがあります（上の行: ファイル:行:列: 内容）。");
            return EXIT_BAD_INPUT;
        }
    };
    crate::outln!(
        "手続きモデル {} は正しく読み込めました（経路 {} 件、書類 {} 種類、案内の言語 {}）。",
        origin.name(),
        model.routes.len(),
        model.documents.len(),
        languages.codes().join("・")
    );
    match cases {
        Some(folder) => check_cases(&model, folder),
        None => EXIT_OK,
    }
}

/// Runs the regression cases of `folder` and says how many agree; gives the exit status.
fn check_cases(model: &ProcedureModel, folder: &Path) -> i32 {
    let run = match run_cases(model, folder) {
        Ok(run) => run,
        Err(message) => {
            crate::errln!("{message}");
            return EXIT_BAD_INPUT;
        }
    };
    for message in &run.unreadable {
        crate::errln!("{message}");
    }
    for d in &run.disagreements {
        crate::outln!(
            "不一致 {}: {} が {} になりました（期待: {}）",
            d.case,
            d.field,
            d.got,
            d.want
        );
    }
    crate::outln!("{}/{} 件の事例が一致しました。", run.agreed, run.total);
    if !run.unreadable.is_empty() || run.total == 0 {
        if run.total == 0 {
            crate::errln!(
                "{}: NAME.ron と NAME.json の組が1つもありません",
                folder.display()
            );
        }
        EXIT_BAD_INPUT
    } else if run.disagreements.is_empty() {
        EXIT_OK
    } else {
        EXIT_DISAGREE
    }
}
