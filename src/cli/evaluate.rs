//! `madoguchi evaluate CASE.ron [--json]`: the answer for one case.

use super::{EXIT_BAD_INPUT, EXIT_OK};
use crate::case::Case;
use crate::engine::{VisitNumber, evaluate};
use crate::guidance::Guidance;
use crate::model::ProcedureModel;
use crate::model_file::ModelOrigin;
use crate::report;
use crate::signing::TrustedKey;
use std::path::Path;

/// Reads a case file against the model's questions, with the file named in every message.
pub fn read_case(path: &Path, model: &ProcedureModel) -> Result<Case, String> {
    crate::case_file::read(path, model).map_err(|e| e.to_string())
}

/// The model and a case file, or the message that says which of them is wrong and where.
pub(super) fn load_model_and_case(
    origin: &ModelOrigin,
    trust: Option<&TrustedKey>,
    case_path: &Path,
) -> Result<(ProcedureModel, Case), String> {
    let model = origin.load_verified(trust).map_err(|e| e.to_string())?;
    let case = read_case(case_path, &model)?;
    Ok((model, case))
}

pub(super) fn run_evaluate(
    origin: &ModelOrigin,
    trust: Option<&TrustedKey>,
    case_path: &Path,
    json: bool,
) -> i32 {
    let (model, case) = match load_model_and_case(origin, trust, case_path) {
        Ok(loaded) => loaded,
        Err(message) => {
            crate::errln!("{message}");
            return EXIT_BAD_INPUT;
        }
    };
    let evaluation = evaluate(&model, &case);
    if json {
        crate::terminal::json(&format!("{}\n", report::to_json(&evaluation)));
    } else {
        let guidance = Guidance::build(&model, &case, &evaluation, VisitNumber::First, &[]);
        out!("{}", report::to_text(&guidance));
    }
    EXIT_OK
}
