//! Only approved rules reach the counter: a shared model is used only when its minisign
//! signature (`MODEL.ron.minisig`) verifies against the office's public key. Signing uses the
//! `minisign` crate, verifying `minisign-verify` (through `madoguchi_officer::approval`); both
//! read and write the files of the Debian `minisign` tool.

use crate::file_error::FileError;
use madoguchi_officer::approval::{self, Approval, OfficeKey};
use std::path::{Path, PathBuf};

/// The environment variable naming the office's public key on a counter PC.
pub const TRUSTED_KEY_ENV: &str = "MADOGUCHI_TRUSTED_KEY";
/// The environment variable that gives the secret key's password to `keygen` and `sign`
/// without a prompt (scripts, tests).
pub const KEY_PASSWORD_ENV: &str = "MADOGUCHI_KEY_PASSWORD";

/// The signature file of a model: `MODEL.ron.minisig`.
pub fn signature_path(model: &Path) -> PathBuf {
    let mut name = model.as_os_str().to_owned();
    name.push(".minisig");
    PathBuf::from(name)
}

/// Why a shared model's signature does not make it approved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignatureProblem {
    #[error(
        "{}: 署名ファイル（{}）がありません。事務の鍵で署名（madoguchi sign）してから置いてください",
        model.display(),
        signature.display()
    )]
    Missing { model: PathBuf, signature: PathBuf },
    #[error("{}: 署名ファイルを読めません（{reason}）", signature.display())]
    Unreadable { signature: PathBuf, reason: String },
    #[error(
        "{}: 事務の鍵とは別の鍵で署名されています。承認された鍵で署名し直してください",
        model.display()
    )]
    OtherKey { model: PathBuf },
    #[error(
        "{}: 署名は別のファイル（{signed}）のものです。このファイルに署名し直してください",
        model.display()
    )]
    OtherFile { model: PathBuf, signed: String },
    #[error(
        "{}: 署名の後でファイルが変更されています。変更を承認して署名し直すか、承認されたファイルに戻してください",
        model.display()
    )]
    Changed { model: PathBuf },
}

/// The office's public key, as configured on the counter PC.
#[derive(Debug, Clone)]
pub struct TrustedKey {
    pub path: PathBuf,
    key: OfficeKey,
}

impl TrustedKey {
    /// Reads a public key file (`NAME.pub`, as `madoguchi keygen` or `minisign -G` write it).
    pub fn from_file(path: &Path) -> Result<TrustedKey, FileError> {
        let text = crate::file_error::read_text(path)?;
        let key = OfficeKey::decode(&text).ok_or_else(|| {
            FileError::new(
                path,
                "公開鍵として読めません（madoguchi keygen または minisign -G で作った .pub を指定してください）",
            )
        })?;
        Ok(TrustedKey {
            path: path.to_path_buf(),
            key,
        })
    }

    /// The key named by `--trusted-key`, or else by `MADOGUCHI_TRUSTED_KEY`; none when
    /// neither is set.
    pub fn from_flag_or_env(flag: Option<&Path>) -> Result<Option<TrustedKey>, FileError> {
        let from_env = std::env::var_os(TRUSTED_KEY_ENV)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from);
        flag.map(Path::to_path_buf)
            .or(from_env)
            .map(|path| TrustedKey::from_file(&path))
            .transpose()
    }

    /// Checks that `bytes`, read from `model`, carry a signature of this key.
    pub fn verify(&self, model: &Path, bytes: &[u8]) -> Result<(), SignatureProblem> {
        let signature_file = signature_path(model);
        let text = match std::fs::read_to_string(&signature_file) {
            Ok(text) => text,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                return Err(SignatureProblem::Missing {
                    model: model.to_path_buf(),
                    signature: signature_file,
                });
            }
            Err(err) => {
                return Err(SignatureProblem::Unreadable {
                    signature: signature_file,
                    reason: crate::file_error::describe_io_error(&err),
                });
            }
        };
        let name = model
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let model = model.to_path_buf();
        match approval::check(&self.key, &text, &name, bytes) {
            Approval::Approved => Ok(()),
            Approval::NotASignature => Err(SignatureProblem::Unreadable {
                signature: signature_file,
                reason: "minisign の署名の形ではありません".to_string(),
            }),
            Approval::OtherKey => Err(SignatureProblem::OtherKey { model }),
            Approval::OtherFile(signed) => Err(SignatureProblem::OtherFile { model, signed }),
            Approval::Changed => Err(SignatureProblem::Changed { model }),
        }
    }
}

/// The password for a secret key: from `MADOGUCHI_KEY_PASSWORD`, else asked for by minisign.
fn password_from_env() -> Option<String> {
    std::env::var(KEY_PASSWORD_ENV).ok()
}

/// Why keys or a signature could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SigningError {
    #[error("{0}")]
    File(#[from] FileError),
    #[error("{}: すでにあります。上書きしません。別の名前を指定してください", .0.display())]
    Exists(PathBuf),
    #[error("鍵を作れませんでした: {0}")]
    Keygen(String),
    #[error("{}: 秘密鍵を開けません（パスワードが違うか、鍵ファイルが壊れています）: {reason}", path.display())]
    SecretKey { path: PathBuf, reason: String },
    #[error("署名できませんでした: {0}")]
    Sign(String),
}

/// Writes `NAME.key` (password-protected) and `NAME.pub`; never over existing files.
pub fn keygen(name: &Path) -> Result<(PathBuf, PathBuf), SigningError> {
    let with = |ext: &str| {
        let mut file = name.as_os_str().to_owned();
        file.push(ext);
        PathBuf::from(file)
    };
    let (secret, public) = (with(".key"), with(".pub"));
    for path in [&secret, &public] {
        if path.exists() {
            return Err(SigningError::Exists(path.clone()));
        }
    }
    let pair = minisign::KeyPair::generate_encrypted_keypair(password_from_env())
        .map_err(|e| SigningError::Keygen(e.to_string()))?;
    let secret_text = pair
        .sk
        .to_box(Some("madoguchi secret key"))
        .map_err(|e| SigningError::Keygen(e.to_string()))?
        .into_string();
    let public_text = pair
        .pk
        .to_box()
        .map_err(|e| SigningError::Keygen(e.to_string()))?
        .into_string();
    crate::safe_write::write_atomically(&secret, secret_text.as_bytes())?;
    crate::safe_write::write_atomically(&public, public_text.as_bytes())?;
    Ok((secret, public))
}

/// Signs a model file with a secret key; the trusted comment names the file, the page date
/// and the model's version. Writes `MODEL.ron.minisig`.
pub fn sign(
    model_path: &Path,
    model_bytes: &[u8],
    key_path: &Path,
    page_updated: &str,
    model_version: &str,
) -> Result<PathBuf, SigningError> {
    let text = crate::file_error::read_text(key_path)?;
    let secret_error = |e: minisign::PError| SigningError::SecretKey {
        path: key_path.to_path_buf(),
        reason: e.to_string(),
    };
    let key = minisign::SecretKeyBox::from_string(&text)
        .and_then(|b| b.into_secret_key(password_from_env()))
        .map_err(secret_error)?;
    let name = model_path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let timestamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let trusted = format!(
        "timestamp:{timestamp}\tfile:{name}\tpage:{page_updated}\tversion:{model_version}\thashed"
    );
    let signature = minisign::sign(
        None,
        &key,
        model_bytes,
        Some(&trusted),
        Some("madoguchi procedure model signature"),
    )
    .map_err(|e| SigningError::Sign(e.to_string()))?;
    let path = signature_path(model_path);
    crate::safe_write::write_atomically(&path, signature.into_string().as_bytes())?;
    Ok(path)
}
