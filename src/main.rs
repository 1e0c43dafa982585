use niemyet::cli::usage;
use std::process::ExitCode;

/// A build allocates millions of small strings and values from several threads at once; the
/// system allocator's free-list upkeep took a third of a national-scale build's time
/// (`benches/national.sh`), mimalloc a fraction of it. Its `no_thp` feature keeps it from asking
/// for transparent huge pages: once it returns freed memory to the system, each new touch of a
/// 2 MiB page made the kernel zero it whole, a fifth of a build's samples at scale 0.1.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    match usage::parse(std::env::args_os().collect()) {
        Ok(cli) => ExitCode::from(cli.run()),
        Err(code) => ExitCode::from(code),
    }
}
