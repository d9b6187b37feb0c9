//! Files the program reads and writes, and what the operating system said about them, in
//! Japanese with what to do — never a raw 「No such file or directory (os error 2)」.

use std::io::ErrorKind;
use std::path::{Path, PathBuf};

/// What went wrong with a file, and which.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}: {what}", path.display())]
pub struct FileError {
    pub path: PathBuf,
    pub what: String,
}

impl FileError {
    pub fn new(path: &Path, what: impl Into<String>) -> FileError {
        FileError {
            path: path.to_path_buf(),
            what: what.into(),
        }
    }

    /// The operating system's error, said for staff.
    pub fn from_io(path: &Path, doing: &str, err: &std::io::Error) -> FileError {
        FileError::new(path, format!("{doing}: {}", describe_io_error(err)))
    }
}

/// An operating-system error in Japanese, with what to do.
pub fn describe_io_error(err: &std::io::Error) -> String {
    match err.kind() {
        ErrorKind::NotFound => {
            "ファイルまたはフォルダがありません。名前と場所を確かめてください".to_string()
        }
        ErrorKind::PermissionDenied => {
            "権限がありません。ファイルやフォルダの権限を確かめるか、別の場所を指定してください"
                .to_string()
        }
        ErrorKind::IsADirectory => "フォルダです。ファイルを指定してください".to_string(),
        ErrorKind::NotADirectory => {
            "途中の名前がフォルダではありません。場所を確かめてください".to_string()
        }
        ErrorKind::InvalidData => {
            "UTF-8 の文字として読めません。メモ帳などで UTF-8 として保存し直してください"
                .to_string()
        }
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => {
            "ディスクがいっぱいです。空きを作るか、別の場所を指定してください".to_string()
        }
        ErrorKind::ReadOnlyFilesystem => {
            "読み取り専用の場所です。別の場所を指定してください".to_string()
        }
        ErrorKind::AlreadyExists => "同じ名前のファイルがすでにあります".to_string(),
        ErrorKind::WriteZero | ErrorKind::UnexpectedEof => {
            "書き込みが途中で止まりました。ディスクの空きと接続を確かめてください".to_string()
        }
        _ => format!("入出力の誤りです（{err}）"),
    }
}

/// Reads a UTF-8 text file; the error says which file and what to do.
pub fn read_text(path: &Path) -> Result<String, FileError> {
    if path.is_dir() {
        return Err(FileError::new(
            path,
            "読み込めません: フォルダです。ファイルを指定してください",
        ));
    }
    std::fs::read_to_string(path).map_err(|e| FileError::from_io(path, "読み込めません", &e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_file_is_said_in_japanese() {
        let err = read_text(Path::new("/no/such/file.ron")).unwrap_err();
        let text = err.to_string();
        assert!(
            text.contains("ファイルまたはフォルダがありません"),
            "{text}"
        );
        assert!(!text.contains("os error"), "{text}");
    }

    #[test]
    fn a_folder_and_bytes_that_are_not_utf8_are_named() {
        let dir = tempfile::tempdir().unwrap();
        assert!(
            read_text(dir.path())
                .unwrap_err()
                .to_string()
                .contains("フォルダ")
        );
        let path = dir.path().join("x.ron");
        std::fs::write(&path, [0xff, 0xfe, 0x00]).unwrap();
        assert!(read_text(&path).unwrap_err().to_string().contains("UTF-8"));
    }
}
