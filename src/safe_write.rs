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

/// Where the bytes go before the rename: a file, or (in tests) a writer that fails on
/// purpose.
pub trait Sink: Write {
    /// Makes the bytes durable (a file's `sync_all`).
    fn finish(&mut self) -> std::io::Result<()>;
}

impl Sink for std::fs::File {
    fn finish(&mut self) -> std::io::Result<()> {
        self.sync_all()
    }
}

/// Writes `bytes` to `path` atomically; the error names the path and what to do.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), FileError> {
    write_atomically_with(path, bytes, |temporary| std::fs::File::create(temporary))
}

/// The same through a sink `create` opens at the temporary path: a failure anywhere (disk
/// full, no permission, cut off) leaves the previous file as it was and no temporary file.
pub fn write_atomically_with<S: Sink>(
    path: &Path,
    bytes: &[u8],
    create: impl FnOnce(&Path) -> std::io::Result<S>,
) -> Result<(), FileError> {
    if path.is_dir() {
        return Err(FileError::new(
            path,
            "書き込めません: フォルダです。ファイル名を指定してください",
        ));
    }
    let temporary = temporary_path(path);
    let written = create(&temporary).and_then(|mut sink| {
        sink.write_all(bytes)?;
        sink.flush()?;
        sink.finish()
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

    /// A file that takes `room` bytes, then says the disk is full.
    struct FullDisk {
        file: std::fs::File,
        room: usize,
    }

    impl Write for FullDisk {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            if self.room == 0 {
                return Err(std::io::Error::from(std::io::ErrorKind::StorageFull));
            }
            let n = buf.len().min(self.room);
            self.room -= n;
            self.file.write(&buf[..n])
        }
        fn flush(&mut self) -> std::io::Result<()> {
            self.file.flush()
        }
    }

    impl Sink for FullDisk {
        fn finish(&mut self) -> std::io::Result<()> {
            self.file.sync_all()
        }
    }

    #[test]
    fn a_disk_that_fills_up_midway_leaves_the_old_file_and_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sheet.pdf");
        std::fs::write(&path, b"%PDF-old sheet").unwrap();
        let err = write_atomically_with(&path, &[7u8; 10_000], |temporary| {
            Ok(FullDisk {
                file: std::fs::File::create(temporary)?,
                room: 4096,
            })
        })
        .unwrap_err();
        assert!(err.to_string().contains("ディスクがいっぱい"), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), b"%PDF-old sheet");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_folder_without_permission_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sheet.pdf");
        let err = write_atomically_with(&path, b"x", |_| -> std::io::Result<std::fs::File> {
            Err(std::io::Error::from(std::io::ErrorKind::PermissionDenied))
        })
        .unwrap_err();
        assert!(err.to_string().contains("権限がありません"), "{err}");
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
