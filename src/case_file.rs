//! Reading a case file from disk (the text is read here, at the edge; the core parses it).

use crate::file_error::FileError;
use madoguchi_core::case::{Case, CaseError};
use madoguchi_core::model::ProcedureModel;
use std::path::Path;

/// Why a case file cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CaseFileError {
    #[error("{0}")]
    Read(FileError),
    #[error("{0}")]
    Invalid(CaseError),
    #[error("{0}")]
    Internal(String),
}

/// Reads a case file against the model's questions, with the file named in every message. A
/// panic inside reading becomes an error (the last line of defence: a case handed in by a
/// colleague never takes the counter down).
pub fn read(path: &Path, model: &ProcedureModel) -> Result<Case, CaseFileError> {
    let name = path.display().to_string();
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let text = crate::file_error::read_text(path).map_err(CaseFileError::Read)?;
        Case::from_ron_for(&text, &name, model).map_err(CaseFileError::Invalid)
    }))
    .unwrap_or_else(|_| {
        Err(CaseFileError::Internal(format!(
            "{name}: 事例ファイルを読み込めません（読み込み中にプログラム内部の誤りが起きました）"
        )))
    })
}

/// The `NAME.ron` files of a folder, sorted, as the officer's tools take them.
pub fn read_folder(folder: &Path) -> Result<Vec<madoguchi_officer::model_diff::CaseText>, String> {
    let entries = std::fs::read_dir(folder)
        .map_err(|e| FileError::from_io(folder, "事例フォルダを読み込めません", &e).to_string())?;
    let mut paths: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|path| {
            let text = crate::file_error::read_text(path).map_err(|e| e.to_string())?;
            Ok(madoguchi_officer::model_diff::CaseText {
                name: path
                    .file_stem()
                    .map(|s| s.to_string_lossy().to_string())
                    .unwrap_or_default(),
                file: path.display().to_string(),
                text,
            })
        })
        .collect()
}
