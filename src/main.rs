use niemyet::cli::usage;
use std::process::ExitCode;

fn main() -> ExitCode {
    match usage::parse(std::env::args_os().collect()) {
        Ok(cli) => ExitCode::from(cli.run()),
        Err(code) => ExitCode::from(code),
    }
}
