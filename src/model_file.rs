//! Where the model comes from — the binary, or an office's shared file — and loading it so
//! that nothing inside loading can take a counter down.

use crate::file_error::FileError;
use madoguchi_core::language::{EMBEDDED_LANGUAGES, Languages};
use madoguchi_core::model::{EMBEDDED_MODEL_NAME, ModelError, ProcedureModel};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

/// The environment variable naming the shared procedure model of an office.
pub const MODEL_ENV: &str = "MADOGUCHI_PROCEDURES";

/// Where the model comes from: an explicit path, the environment, or the binary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelOrigin {
    Embedded,
    File(PathBuf),
}

/// Why a model cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    /// The file cannot be read (missing, no permission, not UTF-8, …).
    #[error("{0}")]
    Read(FileError),
    /// The file is read but wrong: every problem with its line and column.
    #[error("{0}")]
    Invalid(ModelError),
    /// A trusted key is configured and the file is not signed by it.
    #[error("{0}")]
    Unsigned(crate::signing::SignatureProblem),
    /// Loading itself failed (a defect of this program, caught so the counter keeps going).
    #[error(
        "{name}: 共有の手続きモデルを読み込めません（読み込み中にプログラム内部の誤りが起きました: {detail}）"
    )]
    Internal { name: String, detail: String },
}

impl LoadError {
    /// True when the message names a line and column of the file.
    pub fn has_positions(&self) -> bool {
        matches!(self, LoadError::Invalid(_))
    }
}

impl ModelOrigin {
    /// `--procedures` wins over `MADOGUCHI_PROCEDURES`; without both, the embedded model.
    pub fn choose(flag: Option<&Path>, env_value: Option<&str>) -> ModelOrigin {
        match (flag, env_value.map(str::trim).filter(|v| !v.is_empty())) {
            (Some(path), _) => ModelOrigin::File(path.to_path_buf()),
            (None, Some(value)) => ModelOrigin::File(PathBuf::from(value)),
            (None, None) => ModelOrigin::Embedded,
        }
    }

    /// The origin named by a flag, or else by this process's environment.
    pub fn from_flag_or_env(flag: Option<&Path>) -> ModelOrigin {
        ModelOrigin::choose(flag, std::env::var(MODEL_ENV).ok().as_deref())
    }

    pub fn name(&self) -> String {
        match self {
            ModelOrigin::Embedded => EMBEDDED_MODEL_NAME.to_string(),
            ModelOrigin::File(path) => path.display().to_string(),
        }
    }

    /// Reads and validates the model. A panic anywhere inside becomes
    /// [`LoadError::Internal`]: the last line of defence, so a defect in message-building
    /// code shows as a banner, never as a dead window.
    pub fn load(&self) -> Result<ProcedureModel, LoadError> {
        self.load_verified(None)
    }

    /// The same; with a trusted key, a shared file is used only when its signature verifies
    /// against that key, on the very bytes that are then read (the embedded model is trusted
    /// as part of the program).
    pub fn load_verified(
        &self,
        trust: Option<&crate::signing::TrustedKey>,
    ) -> Result<ProcedureModel, LoadError> {
        guarded(&self.name(), || match self {
            ModelOrigin::Embedded => ProcedureModel::embedded().map_err(LoadError::Invalid),
            ModelOrigin::File(path) => {
                let text = crate::file_error::read_text(path).map_err(LoadError::Read)?;
                if let Some(key) = trust {
                    key.verify(path, text.as_bytes())
                        .map_err(LoadError::Unsigned)?;
                }
                ProcedureModel::from_ron(&text, &path.display().to_string())
                    .map_err(LoadError::Invalid)
            }
        })
    }

    /// The language files that go with a model, as `(file, text)`: the `lang` folder beside a
    /// shared model file, or the built-in ones for the embedded model.
    pub fn language_files(&self) -> Result<Vec<(String, String)>, ModelError> {
        let folder = match self {
            ModelOrigin::File(path) => path
                .parent()
                .map(|dir| dir.join("lang"))
                .filter(|dir| dir.is_dir()),
            ModelOrigin::Embedded => None,
        };
        let Some(folder) = folder else {
            return Ok(match self {
                ModelOrigin::File(_) => Vec::new(),
                ModelOrigin::Embedded => EMBEDDED_LANGUAGES
                    .iter()
                    .map(|(name, text)| (name.to_string(), text.to_string()))
                    .collect(),
            });
        };
        let entries = std::fs::read_dir(&folder).map_err(|err| {
            ModelError::single(
                &folder.display().to_string(),
                crate::file_error::describe_io_error(&err),
            )
        })?;
        let mut files = Vec::new();
        for entry in entries.filter_map(Result::ok) {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "ron") {
                let text = crate::file_error::read_text(&path).map_err(|err| {
                    ModelError::single(&path.display().to_string(), err.what.clone())
                })?;
                files.push((path.display().to_string(), text));
            }
        }
        files.sort();
        Ok(files)
    }

    /// The languages that go with a model, checked against it: the built-in ones for the
    /// embedded model; for a shared model file, the files of the `lang` folder beside it, or
    /// Japanese alone when there is none (never another model's translations).
    pub fn languages(&self, model: &ProcedureModel) -> Result<Languages, ModelError> {
        let files = self.language_files()?;
        if files.is_empty() {
            // The built-in translations are Ibaraki's words: a shared model without its own
            // `lang` folder gets none of them, only its own Japanese.
            return Ok(Languages::source_only());
        }
        let borrowed: Vec<(&str, &str)> = files
            .iter()
            .map(|(name, text)| (name.as_str(), text.as_str()))
            .collect();
        Languages::from_files(&borrowed, model)
    }
}

/// Runs `load`, turning a panic inside it into [`LoadError::Internal`].
pub fn guarded<T>(name: &str, load: impl FnOnce() -> Result<T, LoadError>) -> Result<T, LoadError> {
    catch_unwind(AssertUnwindSafe(load)).unwrap_or_else(|payload| {
        let detail = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "不明".to_string());
        Err(LoadError::Internal {
            name: name.to_string(),
            detail,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_inside_loading_becomes_an_error() {
        let result: Result<(), LoadError> = guarded("x.ron", || panic!("boom"));
        let message = result.unwrap_err().to_string();
        assert!(
            message.contains("共有の手続きモデルを読み込めません") && message.contains("boom"),
            "{message}"
        );
    }

    #[test]
    fn the_flag_wins_over_the_environment() {
        assert_eq!(
            ModelOrigin::choose(Some(Path::new("a.ron")), Some("b.ron")),
            ModelOrigin::File("a.ron".into())
        );
        assert_eq!(
            ModelOrigin::choose(None, Some(" b.ron ")),
            ModelOrigin::File("b.ron".into())
        );
        assert_eq!(ModelOrigin::choose(None, Some("  ")), ModelOrigin::Embedded);
    }
}
