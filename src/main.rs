// On Windows the window's program is built for the GUI subsystem: started from Explorer or a
// shortcut, no console window opens beside the counter window. The commands are also built
// as a console program (`src/bin/madoguchi-console.rs`, shipped as `madoguchi.com`).
#![cfg_attr(windows, windows_subsystem = "windows")]

fn main() -> std::process::ExitCode {
    madoguchi::cli::main()
}
