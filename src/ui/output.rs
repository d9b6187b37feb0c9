//! The words and choices around the sheet leaving the window: the notice that says where it
//! went or what went wrong, and the save dialog.

use std::path::PathBuf;

/// The status line after 印刷, 保存 or a key that could not act.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// Printed or saved.
    Done(String),
    /// Nothing was printed or saved, and why.
    Failed(String),
    /// The spooler refused the sheet; it is kept for もう一度印刷.
    PrintFailed(String),
    /// A key that could not act, and why.
    Refused(String),
    /// A job with the worker: 印刷中…, 保存中….
    Working(String),
}

impl Notice {
    pub fn text(&self) -> &str {
        match self {
            Notice::Done(text)
            | Notice::Failed(text)
            | Notice::PrintFailed(text)
            | Notice::Refused(text)
            | Notice::Working(text) => text,
        }
    }
}

/// What the save dialog gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveChoice {
    Path(PathBuf),
    /// Staff closed the dialog.
    Cancelled,
    /// No dialog could open (no desktop portal, no display bus), and why.
    Unavailable(String),
}

/// Asks where to save the sheet.
pub type SaveDialog = Box<dyn FnMut(&str) -> SaveChoice + Send>;

/// The system's save dialog (rfd). On Linux it needs the desktop portal over the session bus:
/// without one rfd returns at once, which is not a cancel, and is said so.
pub fn system_save_dialog(default_name: &str) -> SaveChoice {
    #[cfg(all(unix, not(target_os = "macos")))]
    {
        let bus_in_env = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some();
        let bus_socket = std::env::var_os("XDG_RUNTIME_DIR")
            .is_some_and(|dir| std::path::Path::new(&dir).join("bus").exists());
        if !bus_in_env && !bus_socket {
            return SaveChoice::Unavailable(
                "デスクトップのセッションバスがなく、保存ダイアログ（xdg-desktop-portal）を開けません".into(),
            );
        }
    }
    let started = std::time::Instant::now();
    match rfd::FileDialog::new()
        .set_title("お渡しする案内を保存")
        .set_file_name(default_name)
        .add_filter("PDF", &["pdf"])
        .save_file()
    {
        Some(path) => SaveChoice::Path(path),
        // Nobody closes a dialog within a third of a second: it never opened.
        None if started.elapsed() < std::time::Duration::from_millis(300) => {
            SaveChoice::Unavailable("保存ダイアログが開きませんでした".into())
        }
        None => SaveChoice::Cancelled,
    }
}
