use niemyet::cli::usage;
use std::process::ExitCode;

/// A build allocates millions of small strings and values from several threads at once; the
/// system allocator's free-list upkeep took a third of a national-scale build's time
/// (`benches/national.sh`), mimalloc a fraction of it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    match usage::parse(std::env::args_os().collect()) {
        Ok(cli) => ExitCode::from(cli.run()),
        Err(code) => ExitCode::from(code),
    }
}
