//! soothe's entry point: reporting first, then the command line, then the
//! command. Every failure ends as one line on standard error.

use std::process::ExitCode;

use clap::Parser;
use soothe::cli::Cli;
use soothe::{commands, terminal};

fn main() -> ExitCode {
    // color-eyre's panic report, with our terminal restore chained in front of it.
    let _ = color_eyre::install();
    terminal::install_panic_hook();
    // `soothe` and `soothe breathe` skip building clap's command tree.
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let fast = soothe::cli::fast::parse(&args, &|name| std::env::var_os(name));
    let cli = match fast.map_or_else(|| Cli::try_parse_from(&args), Ok) {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return ExitCode::from(err.exit_code() as u8);
        }
    };
    match commands::run(cli) {
        Ok(code) => code,
        Err(failure) => {
            eprintln!("soothe: {}", failure.message);
            ExitCode::from(failure.code)
        }
    }
}
