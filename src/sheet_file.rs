//! Writing the citizen's sheet to a file (the paper crate makes the bytes; files are written
//! here, at the edge).

use crate::file_error::FileError;
use madoguchi_sheet::Sheet;
use madoguchi_sheet::pdf::{SheetError, render_pdf};
use std::path::Path;

/// Why a sheet could not be saved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SaveError {
    #[error("{0}")]
    Sheet(#[from] SheetError),
    #[error("{0}")]
    Write(#[from] FileError),
}

/// Writes the sheet's PDF to `path` through a temporary file in the same folder and a
/// rename, so a failure leaves no partial file.
pub fn write_pdf_file(sheet: &Sheet, path: &Path) -> Result<(), SaveError> {
    let bytes = render_pdf(sheet)?;
    Ok(crate::safe_write::write_atomically(path, &bytes)?)
}
