//! The same program built for the console subsystem, for Windows: shipped as `madoguchi.com`
//! beside `madoguchi.exe`, so that `madoguchi evaluate …` typed in cmd or PowerShell (which try
//! `.com` before `.exe`) runs in that console, is waited for, and sets `%ERRORLEVEL%` /
//! `$LASTEXITCODE`. Built only with the feature `console` (scripts/package-windows.sh).

fn main() -> std::process::ExitCode {
    madoguchi::cli::main()
}
