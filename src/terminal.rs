//! What the command line writes: text for people on standard output and standard error, and
//! JSON for programs on standard output.
//!
//! On Linux every stream is UTF-8. On Windows a console shows any text (Rust's standard library
//! writes UTF-16 to it), but text redirected to a file or a pipe is read in the console's code
//! page: cmd's `type` and `more`, PowerShell 5.1 and 7 (`[Console]::OutputEncoding`) all take
//! CP932 on a Japanese PC. So text for people that does not go to a console is written in that
//! code page (the console's output code page, else the OEM code page, the default of both
//! shells); where that code page cannot hold the text (an English Windows, code page 437), the
//! stream is written in UTF-8 with a byte-order mark instead, which Notepad and both
//! PowerShells' `Get-Content` recognise. JSON stays plain UTF-8 without a mark, as JSON tools
//! expect (`--json`). The choice is made once per stream, at its first write.

use std::io::Write;

/// Text for people on standard output.
pub fn out(text: &str) {
    write_stream(Stream::Out, text, Kind::Text);
}

/// JSON (or any text for programs) on standard output: UTF-8 everywhere.
pub fn json(text: &str) {
    write_stream(Stream::Out, text, Kind::Json);
}

/// A message for people on standard error.
pub fn err(text: &str) {
    write_stream(Stream::Err, text, Kind::Text);
}

/// `println!` for people, on standard output.
#[macro_export]
macro_rules! outln {
    ($($arg:tt)*) => { $crate::terminal::out(&format!("{}\n", format_args!($($arg)*))) };
}

/// `eprintln!`, through [`err`].
#[macro_export]
macro_rules! errln {
    ($($arg:tt)*) => { $crate::terminal::err(&format!("{}\n", format_args!($($arg)*))) };
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stream {
    Out,
    Err,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Json,
}

fn write_stream(stream: Stream, text: &str, kind: Kind) {
    let bytes = platform::encode(stream, text, kind);
    let result = match stream {
        Stream::Out => {
            let mut out = std::io::stdout().lock();
            out.write_all(&bytes).and_then(|()| out.flush())
        }
        Stream::Err => {
            let mut err = std::io::stderr().lock();
            err.write_all(&bytes).and_then(|()| err.flush())
        }
    };
    // A reader that has gone away (`madoguchi evaluate … | head`) is not our error: the rest
    // is dropped quietly, where `print!` would panic. Any other failure of standard output
    // (a full disk behind `>`) is said on standard error.
    if let Err(error) = result
        && stream == Stream::Out
        && error.kind() != std::io::ErrorKind::BrokenPipe
    {
        err(&format!(
            "結果を標準出力に書けませんでした: {}\n",
            crate::file_error::describe_io_error(&error)
        ));
    }
}

#[cfg(not(windows))]
mod platform {
    use super::{Kind, Stream};

    /// UTF-8, as every terminal and file reader of Linux expects.
    pub(super) fn encode(_: Stream, text: &str, _: Kind) -> Vec<u8> {
        text.as_bytes().to_vec()
    }

    /// A process started from a desktop on Linux has its standard error in a log.
    pub(super) fn alert_without_console(_: &str) {}

    /// Every program has the console (terminal) it was started from.
    pub(super) fn attach_to_parent_console() {}
}

#[cfg(windows)]
mod platform {
    use super::{Kind, Stream};
    use std::sync::atomic::{AtomicU32, Ordering};
    use windows_sys::Win32::Foundation::{GENERIC_READ, GENERIC_WRITE, INVALID_HANDLE_VALUE};
    use windows_sys::Win32::Globalization::{CP_UTF8, GetOEMCP, WideCharToMultiByte};
    use windows_sys::Win32::Storage::FileSystem::{
        CreateFileW, FILE_SHARE_READ, FILE_SHARE_WRITE, OPEN_EXISTING,
    };
    use windows_sys::Win32::System::Console::{
        ATTACH_PARENT_PROCESS, AttachConsole, GetConsoleMode, GetConsoleOutputCP, GetStdHandle,
        STD_ERROR_HANDLE, STD_HANDLE, STD_OUTPUT_HANDLE, SetStdHandle,
    };
    use windows_sys::Win32::UI::WindowsAndMessaging::{MB_ICONERROR, MB_OK, MessageBoxW};

    fn wide(text: &str) -> Vec<u16> {
        text.encode_utf16().chain(std::iter::once(0)).collect()
    }

    /// Whether the standard handle leads nowhere (a GUI program started from a shortcut).
    fn missing(id: STD_HANDLE) -> bool {
        // SAFETY: GetStdHandle takes a constant.
        let handle = unsafe { GetStdHandle(id) };
        handle.is_null() || handle == INVALID_HANDLE_VALUE
    }

    pub(super) fn alert_without_console(message: &str) {
        if !missing(STD_ERROR_HANDLE) {
            return;
        }
        let text = wide(message);
        let title = wide("madoguchi（窓口）");
        // SAFETY: both are NUL-terminated UTF-16 buffers that outlive the call.
        unsafe {
            MessageBoxW(
                std::ptr::null_mut(),
                text.as_ptr(),
                title.as_ptr(),
                MB_OK | MB_ICONERROR,
            );
        }
    }

    pub(super) fn attach_to_parent_console() {
        let (out, err) = (missing(STD_OUTPUT_HANDLE), missing(STD_ERROR_HANDLE));
        // SAFETY: AttachConsole takes a constant; CreateFileW a NUL-terminated name that
        // outlives the call; SetStdHandle a handle this process owns until it ends.
        unsafe {
            if !(out || err) || AttachConsole(ATTACH_PARENT_PROCESS) == 0 {
                return;
            }
            let name = wide("CONOUT$");
            let console = CreateFileW(
                name.as_ptr(),
                GENERIC_READ | GENERIC_WRITE,
                FILE_SHARE_READ | FILE_SHARE_WRITE,
                std::ptr::null(),
                OPEN_EXISTING,
                0,
                std::ptr::null_mut(),
            );
            if console == INVALID_HANDLE_VALUE {
                return;
            }
            if out {
                SetStdHandle(STD_OUTPUT_HANDLE, console);
            }
            if err {
                SetStdHandle(STD_ERROR_HANDLE, console);
            }
        }
    }

    /// Per stream, the code page chosen at its first write of text (0: not yet).
    static CHOSEN: [AtomicU32; 2] = [AtomicU32::new(0), AtomicU32::new(0)];

    fn is_console(stream: Stream) -> bool {
        let id = match stream {
            Stream::Out => STD_OUTPUT_HANDLE,
            Stream::Err => STD_ERROR_HANDLE,
        };
        let mut mode = 0;
        // SAFETY: GetStdHandle takes a constant; GetConsoleMode only writes `mode`.
        unsafe {
            let handle = GetStdHandle(id);
            !handle.is_null() && GetConsoleMode(handle, &mut mode) != 0
        }
    }

    /// The code page a reader of this console's redirected output will use.
    fn reader_code_page() -> u32 {
        // SAFETY: both take no argument.
        unsafe {
            match GetConsoleOutputCP() {
                0 => GetOEMCP(),
                cp => cp,
            }
        }
    }

    /// The text in `code_page`, and whether a character had no place in it (Windows then
    /// writes its nearest or `?`).
    fn in_code_page(text: &str, code_page: u32) -> (Vec<u8>, bool) {
        let wide: Vec<u16> = if code_page == 932 {
            text.chars()
                .map(cp932_form)
                .collect::<String>()
                .encode_utf16()
                .collect()
        } else {
            text.encode_utf16().collect()
        };
        let Ok(length) = i32::try_from(wide.len()) else {
            return (Vec::new(), true);
        };
        if length == 0 {
            return (Vec::new(), false);
        }
        let mut used_default = 0;
        // SAFETY: the first call only measures; the second writes at most `size` bytes into a
        // buffer of that size. `used_default` is written by the call.
        unsafe {
            let size = WideCharToMultiByte(
                code_page,
                0,
                wide.as_ptr(),
                length,
                std::ptr::null_mut(),
                0,
                std::ptr::null(),
                &mut used_default,
            );
            let mut bytes = vec![0u8; usize::try_from(size).unwrap_or(0)];
            let written = WideCharToMultiByte(
                code_page,
                0,
                wide.as_ptr(),
                length,
                bytes.as_mut_ptr(),
                size,
                std::ptr::null(),
                std::ptr::null_mut(),
            );
            bytes.truncate(usize::try_from(written).unwrap_or(0));
            (bytes, size <= 0 || used_default != 0)
        }
    }

    /// The characters JIS and Microsoft's CP932 map differently (the "wave dash problem"): a
    /// Japanese text uses the JIS ones (〜 U+301C), CP932 holds the Microsoft ones (～ U+FF5E),
    /// which a Japanese reader sees as the same mark.
    fn cp932_form(ch: char) -> char {
        match ch {
            '\u{301C}' => '\u{FF5E}',
            '\u{2016}' => '\u{2225}',
            '\u{2212}' => '\u{FF0D}',
            '\u{2014}' => '\u{2015}',
            '\u{00A2}' => '\u{FFE0}',
            '\u{00A3}' => '\u{FFE1}',
            '\u{00AC}' => '\u{FFE2}',
            other => other,
        }
    }

    pub(super) fn encode(stream: Stream, text: &str, kind: Kind) -> Vec<u8> {
        // A console takes UTF-8 from Rust's standard library and shows it as UTF-16; JSON is
        // UTF-8 for the programs that read it.
        if kind == Kind::Json || is_console(stream) {
            return text.as_bytes().to_vec();
        }
        let slot = &CHOSEN[stream as usize];
        match slot.load(Ordering::Relaxed) {
            0 => {
                let code_page = reader_code_page();
                if code_page != CP_UTF8 {
                    let (bytes, lossy) = in_code_page(text, code_page);
                    if !lossy {
                        slot.store(code_page, Ordering::Relaxed);
                        return bytes;
                    }
                }
                slot.store(CP_UTF8, Ordering::Relaxed);
                let mark = if code_page == CP_UTF8 { "" } else { "\u{FEFF}" };
                format!("{mark}{text}").into_bytes()
            }
            CP_UTF8 => text.as_bytes().to_vec(),
            // The stream has begun in this code page: a character it cannot hold later on is
            // written as Windows writes it, rather than switch encodings mid-file.
            code_page => in_code_page(text, code_page).0,
        }
    }
}

/// A failure that stops the program before its window opens, said where a person will see it:
/// on standard error, and on Windows also in a message box when standard error leads nowhere
/// (the window's program has no console when started from a shortcut).
pub fn alert(message: &str) {
    err(&format!("{message}\n"));
    platform::alert_without_console(message);
}

/// The window's program on Windows has no console of its own (it is built for the GUI
/// subsystem, so none opens beside the window). Typed in cmd or PowerShell with a command
/// (`madoguchi.exe evaluate …`), it writes to the console it was typed in; a redirect or pipe
/// given to it is kept.
pub fn attach_to_parent_console() {
    platform::attach_to_parent_console();
}
