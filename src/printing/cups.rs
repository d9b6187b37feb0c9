//! CUPS, loaded the first time a printer is looked up (on the output worker's thread), not
//! linked: libcups and the ~30 libraries it pulls in (gnutls, Kerberos, Avahi, D-Bus…) would
//! cost every start of the program ~2 ms before `main`, the window's included.

use std::ffi::{CStr, CString, c_char, c_int};
use std::sync::OnceLock;

/// `cups_option_t`.
#[repr(C)]
struct CupsOption {
    name: *const c_char,
    value: *const c_char,
}

/// `cups_dest_t`.
#[repr(C)]
struct CupsDest {
    name: *const c_char,
    instance: *const c_char,
    is_default: c_int,
    num_options: c_int,
    options: *mut CupsOption,
}

type GetDests = unsafe extern "C" fn(*mut *mut CupsDest) -> c_int;
type FreeDests = unsafe extern "C" fn(c_int, *mut CupsDest);
type PrintFile = unsafe extern "C" fn(
    *const c_char,
    *const c_char,
    *const c_char,
    c_int,
    *const CupsOption,
) -> c_int;
type LastErrorString = unsafe extern "C" fn() -> *const c_char;

/// The names libcups goes by (Linux, then macOS).
const LIBRARY_NAMES: [&str; 3] = ["libcups.so.2", "libcups.so", "libcups.2.dylib"];

/// A printer CUPS knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Destination {
    pub name: String,
    pub is_default: bool,
}

/// The functions of libcups the counter uses; the library stays loaded with them.
pub struct Cups {
    get_dests: GetDests,
    free_dests: FreeDests,
    print_file: PrintFile,
    last_error_string: LastErrorString,
    _library: libloading::Library,
}

impl Cups {
    /// libcups, loaded once; or why it cannot be (not installed).
    pub fn get() -> Result<&'static Cups, String> {
        static CUPS: OnceLock<Result<Cups, String>> = OnceLock::new();
        CUPS.get_or_init(Cups::load).as_ref().map_err(Clone::clone)
    }

    fn load() -> Result<Cups, String> {
        let mut last = String::new();
        for name in LIBRARY_NAMES {
            // SAFETY: libcups's initialisers only set up its own state.
            match unsafe { libloading::Library::new(name) } {
                Ok(library) => return Cups::from_library(library).map_err(|e| e.to_string()),
                Err(err) => last = err.to_string(),
            }
        }
        Err(format!("libcups を読み込めません: {last}"))
    }

    fn from_library(library: libloading::Library) -> Result<Cups, libloading::Error> {
        // SAFETY: each symbol is looked up with the C signature CUPS documents for it.
        unsafe {
            Ok(Cups {
                get_dests: *library.get::<GetDests>(b"cupsGetDests\0")?,
                free_dests: *library.get::<FreeDests>(b"cupsFreeDests\0")?,
                print_file: *library.get::<PrintFile>(b"cupsPrintFile\0")?,
                last_error_string: *library.get::<LastErrorString>(b"cupsLastErrorString\0")?,
                _library: library,
            })
        }
    }

    /// The printers (destinations) set up, as `cupsGetDests` lists them.
    pub fn destinations(&self) -> Vec<Destination> {
        let mut list: *mut CupsDest = std::ptr::null_mut();
        // SAFETY: cupsGetDests fills `list` with `count` destinations that we own until
        // cupsFreeDests; every name is a NUL-terminated string.
        unsafe {
            let count = (self.get_dests)(&mut list);
            if list.is_null() {
                return Vec::new();
            }
            let length = usize::try_from(count).unwrap_or(0);
            let destinations = std::slice::from_raw_parts(list, length)
                .iter()
                .filter(|d| !d.name.is_null())
                .map(|d| Destination {
                    name: CStr::from_ptr(d.name).to_string_lossy().into_owned(),
                    is_default: d.is_default != 0,
                })
                .collect();
            (self.free_dests)(count, list);
            destinations
        }
    }

    /// Hands a file to `printer`; gives the job number, or `None` when CUPS refused it (see
    /// [`Cups::last_error`]).
    pub fn print_file(
        &self,
        printer: &str,
        path: &str,
        title: &str,
        options: &[(&str, &str)],
    ) -> Option<u64> {
        let c = |text: &str| CString::new(text.replace('\0', "")).unwrap_or_default();
        let (printer, path, title) = (c(printer), c(path), c(title));
        let strings: Vec<(CString, CString)> = options.iter().map(|(k, v)| (c(k), c(v))).collect();
        let options: Vec<CupsOption> = strings
            .iter()
            .map(|(name, value)| CupsOption {
                name: name.as_ptr(),
                value: value.as_ptr(),
            })
            .collect();
        let count = c_int::try_from(options.len()).unwrap_or(0);
        // SAFETY: every pointer is a NUL-terminated string or the options array, all alive
        // across the call; CUPS copies what it keeps.
        let job = unsafe {
            (self.print_file)(
                printer.as_ptr(),
                path.as_ptr(),
                title.as_ptr(),
                count,
                options.as_ptr(),
            )
        };
        u64::try_from(job).ok().filter(|&job| job > 0)
    }

    /// What CUPS said about the last request on this thread.
    pub fn last_error(&self) -> String {
        // SAFETY: cupsLastErrorString gives a static NUL-terminated string (or null), valid
        // until the next CUPS call on this thread.
        unsafe {
            let text = (self.last_error_string)();
            if text.is_null() {
                String::new()
            } else {
                CStr::from_ptr(text).to_string_lossy().into_owned()
            }
        }
    }
}
