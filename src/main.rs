use clap::Parser;
use madoguchi::cli::{self, Cli};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let status = match &cli.command {
        Some(command) => cli::run(&cli, command),
        None => {
            eprintln!("画面はまだありません。madoguchi --help をご覧ください。");
            cli::EXIT_BAD_INPUT
        }
    };
    ExitCode::from(u8::try_from(status).unwrap_or(2))
}
