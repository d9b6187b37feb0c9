use clap::Parser;
use madoguchi::cli::{self, Cli};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let status = match &cli.command {
        Some(command) => cli::run(&cli, command),
        None => madoguchi::ui::run(cli.window_options()),
    };
    ExitCode::from(u8::try_from(status).unwrap_or(2))
}
