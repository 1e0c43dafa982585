use clap::Parser;
use niemyet::cli::{Cli, EXIT_OK, EXIT_USAGE};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_USAGE } else { EXIT_OK };
            // clap prints help and version to stdout, usage errors to stderr
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    ExitCode::from(cli.run())
}
