//! Writing a file so that a failure never leaves a partial one: a temporary name in the
//! target folder, then a rename.

use crate::file_error::FileError;
use std::io::Write;
use std::path::{Path, PathBuf};

fn temporary_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "output".into());
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    path.with_file_name(format!(".{name}.{}-{nanos}.tmp", std::process::id()))
}

/// Writes `bytes` to `path` atomically; the error names the path and what to do.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), FileError> {
    if path.is_dir() {
        return Err(FileError::new(
            path,
            "書き込めません: フォルダです。ファイル名を指定してください",
        ));
    }
    let temporary = temporary_path(path);
    let written = std::fs::File::create(&temporary).and_then(|mut file| {
        file.write_all(bytes)?;
        file.sync_all()
    });
    let result = written.and_then(|()| std::fs::rename(&temporary, path));
    result.map_err(|err| {
        // The temporary file may not exist (creating it failed): nothing else to clean.
        let _ = std::fs::remove_file(&temporary);
        FileError::from_io(path, "書き込めません", &err)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_written_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.pdf");
        write_atomically(&path, b"hello").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"hello");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_missing_folder_gives_a_message_and_no_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no-such-folder").join("a.pdf");
        let err = write_atomically(&path, b"x").unwrap_err();
        let err = err.to_string();
        assert!(
            err.contains("書き込めません") && err.contains("a.pdf"),
            "{err}"
        );
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn a_folder_as_target_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        assert!(
            write_atomically(dir.path(), b"x")
                .unwrap_err()
                .to_string()
                .contains("フォルダ")
        );
    }
}
