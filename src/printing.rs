//! Sending the sheet to the counter's printer through the operating system's print system:
//! CUPS on Linux and macOS (libcups, loaded when first needed: [`cups`]), the PDF handler's
//! `printto` verb on Windows (its printers through the `printers` crate). Behind the [`Spooler`] trait so the window and the command line
//! are tested without a printer.

use crate::sheet::pdf::SheetError;

/// The environment variable naming the counter's printer.
pub const PRINTER_ENV: &str = "MADOGUCHI_PRINTER";

/// Which printer: one named with `--printer` / `MADOGUCHI_PRINTER`, or the system's default.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrinterChoice {
    Named(String),
    SystemDefault,
}

impl PrinterChoice {
    /// `--printer` wins over `MADOGUCHI_PRINTER`; without both, the system's default.
    pub fn choose(flag: Option<&str>, env_value: Option<&str>) -> PrinterChoice {
        let named = |v: &str| Some(v.trim()).filter(|v| !v.is_empty()).map(str::to_string);
        match flag.and_then(named).or_else(|| env_value.and_then(named)) {
            Some(name) => PrinterChoice::Named(name),
            None => PrinterChoice::SystemDefault,
        }
    }

    /// The choice named by a flag, or else by this process's environment.
    pub fn from_flag_or_env(flag: Option<&str>) -> PrinterChoice {
        PrinterChoice::choose(flag, std::env::var(PRINTER_ENV).ok().as_deref())
    }
}

/// A job the spooler accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintedJob {
    pub printer: String,
    pub job: u64,
}

/// Why the sheet was not printed, with what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PrintError {
    #[error(
        "プリンターが設定されていません（印刷システムにプリンターがありません）。プリンターを設定するか、--printer でプリンター名を指定してください"
    )]
    NoPrinter,
    /// Printers are set up, none is the default, and none was named.
    #[error(
        "既定のプリンターが決まっていません（設定されているもの: {known}）。--printer か環境変数 MADOGUCHI_PRINTER でプリンター名を指定するか、印刷システムで既定のプリンターを決めてください"
    )]
    NoDefault { known: String },
    #[error(
        "プリンター「{name}」が見つかりません（設定されているもの: {known}）。--printer または MADOGUCHI_PRINTER の名前を確かめてください"
    )]
    UnknownPrinter { name: String, known: String },
    /// The print service does not answer. `detail` is the print system's own words (often
    /// English), kept for a log, never shown.
    #[error("印刷システムに接続できません。印刷サービス（CUPS）が動いているか確かめてください")]
    SpoolerDown { detail: String },
    #[error(
        "プリンター「{printer}」が印刷を受け付けませんでした（{detail}）。プリンターの電源・用紙・接続を確かめ、もう一度「印刷」を押してください"
    )]
    Refused { printer: String, detail: String },
    #[error("{0}")]
    Sheet(#[from] SheetError),
}

impl PrintError {
    /// No printer could be found at all: saving a PDF is the way out.
    pub fn no_printer(&self) -> bool {
        matches!(self, PrintError::NoPrinter | PrintError::NoDefault { .. })
            || matches!(self, PrintError::UnknownPrinter { known, .. } if known == NONE_KNOWN)
    }
}

const NONE_KNOWN: &str = "なし";

/// The operating system's print queue, as far as the counter needs it.
pub trait Spooler {
    /// The names of the printers set up on this computer.
    fn printers(&self) -> Result<Vec<String>, PrintError>;
    /// The system's default printer, if one is set.
    fn default_printer(&self) -> Result<Option<String>, PrintError>;
    /// Hands a PDF to the spooler; gives the job number it accepted.
    fn submit(&mut self, printer: &str, title: &str, pdf: &[u8]) -> Result<u64, PrintError>;
}

/// The printer a choice names on this spooler, or why there is none.
pub fn resolve(spooler: &dyn Spooler, choice: &PrinterChoice) -> Result<String, PrintError> {
    match choice {
        PrinterChoice::SystemDefault => match spooler.default_printer()? {
            Some(name) => Ok(name),
            None => {
                let known = spooler.printers()?;
                if known.is_empty() {
                    Err(PrintError::NoPrinter)
                } else {
                    Err(PrintError::NoDefault {
                        known: known.join(", "),
                    })
                }
            }
        },
        PrinterChoice::Named(name) => {
            let known = spooler.printers()?;
            if known.iter().any(|k| k == name) {
                Ok(name.clone())
            } else {
                Err(PrintError::UnknownPrinter {
                    name: name.clone(),
                    known: if known.is_empty() {
                        NONE_KNOWN.to_string()
                    } else {
                        known.join(", ")
                    },
                })
            }
        }
    }
}

/// Resolves the printer and hands it the PDF.
pub fn print_pdf(
    spooler: &mut dyn Spooler,
    choice: &PrinterChoice,
    title: &str,
    pdf: &[u8],
) -> Result<PrintedJob, PrintError> {
    let printer = resolve(spooler, choice)?;
    let job = spooler.submit(&printer, title, pdf)?;
    Ok(PrintedJob { printer, job })
}

/// The print system of this computer.
#[derive(Debug, Default)]
pub struct SystemSpooler;

impl Spooler for SystemSpooler {
    fn printers(&self) -> Result<Vec<String>, PrintError> {
        platform::printers()
    }

    fn default_printer(&self) -> Result<Option<String>, PrintError> {
        platform::default_printer()
    }

    fn submit(&mut self, printer: &str, title: &str, pdf: &[u8]) -> Result<u64, PrintError> {
        platform::submit(printer, title, pdf)
    }
}

/// A PDF written where only this user can read it, removed when dropped.
struct PrivateTempFile {
    path: std::path::PathBuf,
}

impl PrivateTempFile {
    fn new(bytes: &[u8]) -> std::io::Result<PrivateTempFile> {
        use std::io::Write;
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let path =
            std::env::temp_dir().join(format!("madoguchi-{}-{nanos}.pdf", std::process::id()));
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options.open(&path)?;
        let file_ready = PrivateTempFile { path };
        file.write_all(bytes)?;
        file.sync_all()?;
        Ok(file_ready)
    }
}

impl Drop for PrivateTempFile {
    fn drop(&mut self) {
        // Nothing about a citizen stays on disk.
        let _ = std::fs::remove_file(&self.path);
    }
}

#[cfg(unix)]
pub mod cups;

#[cfg(unix)]
mod platform {
    use super::cups::Cups;
    use super::{PrintError, PrivateTempFile};

    /// libcups, or the print service counted as down when it is not even installed.
    fn cups() -> Result<&'static Cups, PrintError> {
        Cups::get().map_err(|detail| PrintError::SpoolerDown { detail })
    }

    pub(super) fn printers() -> Result<Vec<String>, PrintError> {
        let cups = cups()?;
        let names: Vec<String> = cups.destinations().into_iter().map(|d| d.name).collect();
        if names.is_empty() {
            reachable(cups)?;
        }
        Ok(names)
    }

    pub(super) fn default_printer() -> Result<Option<String>, PrintError> {
        let cups = cups()?;
        let destinations = cups.destinations();
        let default = destinations
            .iter()
            .find(|d| d.is_default)
            .map(|d| d.name.clone());
        // No default with printers listed is no default, not a print service that is down.
        if destinations.is_empty() {
            reachable(cups)?;
        }
        Ok(default)
    }

    /// An empty list from CUPS is either no printer or no CUPS: CUPS's last error tells.
    fn reachable(cups: &Cups) -> Result<(), PrintError> {
        let detail = cups.last_error();
        if unreachable(&detail) {
            Err(PrintError::SpoolerDown { detail })
        } else {
            Ok(())
        }
    }

    /// Whether CUPS's words say the service could not be reached.
    fn unreachable(detail: &str) -> bool {
        let lower = detail.to_lowercase();
        [
            "connect",
            "no such file",
            "refused",
            "unavailable",
            "bad file",
        ]
        .iter()
        .any(|sign| lower.contains(sign))
    }

    pub(super) fn submit(printer: &str, title: &str, pdf: &[u8]) -> Result<u64, PrintError> {
        let cups = cups()?;
        let file = PrivateTempFile::new(pdf).map_err(|err| PrintError::Refused {
            printer: printer.to_string(),
            detail: format!("一時ファイルを作れません: {err}"),
        })?;
        let path = file.path.to_string_lossy().to_string();
        // CUPS reads the file while the job is submitted; it may be removed afterwards.
        let options = [("document-format", "application/pdf")];
        match cups.print_file(printer, &path, title, &options) {
            Some(job) => Ok(job),
            None => {
                let detail = cups.last_error();
                if unreachable(&detail) {
                    Err(PrintError::SpoolerDown { detail })
                } else {
                    Err(PrintError::Refused {
                        printer: printer.to_string(),
                        detail,
                    })
                }
            }
        }
    }
}

#[cfg(windows)]
mod platform {
    //! Windows: winspool's RAW path does not render a PDF on most printers, so the PDF is
    //! handed to the program registered for PDF files with the `printto` verb, which renders
    //! it and prints to the named printer (tested under Wine with a handler of the tests'
    //! own: `tests/windows/`). The temporary PDF is removed once the handler has finished
    //! with it; one still open after [`HANDLER_WAIT`] (Acrobat Reader stays open after
    //! printing) is removed at the next print or the next start (`sweep_stale`).
    use super::{PrintError, PrivateTempFile};
    use std::time::Duration;
    use windows_sys::Win32::Foundation::{CloseHandle, WAIT_OBJECT_0};
    use windows_sys::Win32::System::Threading::WaitForSingleObject;
    use windows_sys::Win32::UI::Shell::{
        SEE_MASK_FLAG_NO_UI, SEE_MASK_NOASYNC, SEE_MASK_NOCLOSEPROCESS, SHELLEXECUTEINFOW,
        ShellExecuteExW,
    };
    use windows_sys::Win32::UI::WindowsAndMessaging::SW_HIDE;

    /// How long the PDF program may take to read the sheet before the file is left for later.
    const HANDLER_WAIT: Duration = Duration::from_secs(30);

    fn wide(text: &str) -> Vec<u16> {
        text.encode_utf16().chain(std::iter::once(0)).collect()
    }

    /// winspool lists its printers without a service to connect to.
    pub(super) fn printers() -> Result<Vec<String>, PrintError> {
        Ok(printers::get_printers()
            .into_iter()
            .map(|p| p.system_name)
            .collect())
    }

    pub(super) fn default_printer() -> Result<Option<String>, PrintError> {
        Ok(printers::get_default_printer().map(|p| p.system_name))
    }

    pub(super) fn submit(printer: &str, _title: &str, pdf: &[u8]) -> Result<u64, PrintError> {
        super::sweep_stale();
        let file = PrivateTempFile::new(pdf).map_err(|err| PrintError::Refused {
            printer: printer.to_string(),
            detail: format!("一時ファイルを作れません: {err}"),
        })?;
        let verb = wide("printto");
        let path = wide(&file.path.to_string_lossy());
        let parameters = wide(&format!("\"{printer}\""));
        // SAFETY: SHELLEXECUTEINFOW is plain data for which zero is valid; every pointer in it
        // is a NUL-terminated UTF-16 buffer that outlives the call.
        let mut info: SHELLEXECUTEINFOW = unsafe { std::mem::zeroed() };
        info.cbSize = std::mem::size_of::<SHELLEXECUTEINFOW>() as u32;
        info.fMask = SEE_MASK_NOCLOSEPROCESS | SEE_MASK_NOASYNC | SEE_MASK_FLAG_NO_UI;
        info.lpVerb = verb.as_ptr();
        info.lpFile = path.as_ptr();
        info.lpParameters = parameters.as_ptr();
        info.nShow = SW_HIDE;
        // SAFETY: `info` is filled in as above and lives across the call.
        let started = unsafe { ShellExecuteExW(&mut info) } != 0;
        if !started {
            let code = info.hInstApp as isize;
            return Err(PrintError::Refused {
                printer: printer.to_string(),
                detail: format!(
                    "PDF を印刷できるプログラムがありません（ShellExecute {code}）。PDF ビューアーを入れてください"
                ),
            });
        }
        let finished = if info.hProcess.is_null() {
            false
        } else {
            let millis = u32::try_from(HANDLER_WAIT.as_millis()).unwrap_or(u32::MAX);
            // SAFETY: hProcess is the handler's process handle, ours to wait on and close.
            unsafe {
                let done = WaitForSingleObject(info.hProcess, millis) == WAIT_OBJECT_0;
                CloseHandle(info.hProcess);
                done
            }
        };
        if !finished {
            // The handler may still be reading it: the next print or start removes it.
            std::mem::forget(file);
        }
        Ok(0)
    }
}

/// Removes temporary sheets left by a PDF program that kept them open (Windows; called at the
/// next print and when the window starts); they are named `madoguchi-PID-NANOS.pdf` in this
/// user's temporary folder.
pub fn sweep_stale() {
    let Ok(entries) = std::fs::read_dir(std::env::temp_dir()) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let ours = name.starts_with("madoguchi-") && name.ends_with(".pdf");
        // Two minutes: long after any PDF program has read a sheet to print it.
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > std::time::Duration::from_secs(120));
        if ours && old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests;
