//! The command line: `niemyet build` and `niemyet check`.

use crate::{BuildError, BuildOptions};
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// Exit codes: 0 success, 1 content errors (or a build that could not be written), 2 usage errors.
pub const EXIT_OK: u8 = 0;
pub const EXIT_CONTENT: u8 = 1;
pub const EXIT_USAGE: u8 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "niemyet",
    version,
    about = "Tạo cổng niêm yết bầu cử trưởng thôn, tổ dân phố từ tệp Markdown và YAML.\n\
             Builds an election transparency portal from Markdown and YAML files."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Dựng trang vào thư mục output / Build the site into the output folder
    Build(BuildArgs),
    /// Kiểm tra nội dung, không ghi gì / Check the content without writing anything
    Check(CheckArgs),
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Thư mục nội dung / Content folder
    #[arg(long, default_value = "content")]
    pub content: PathBuf,
    /// Thư mục kết quả / Output folder
    #[arg(long, default_value = "output")]
    pub output: PathBuf,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Thư mục nội dung / Content folder
    #[arg(long, default_value = "content")]
    pub content: PathBuf,
}

impl Cli {
    /// Runs the command, printing to stderr/stdout, and returns the exit code.
    pub fn run(self) -> u8 {
        match self.command {
            Command::Build(args) => args.run(),
            Command::Check(args) => args.run(),
        }
    }
}

impl BuildArgs {
    fn run(self) -> u8 {
        let options = BuildOptions {
            content: self.content,
            output: self.output,
        };
        match crate::build(&options) {
            Ok(report) => {
                eprint!("{}", report.diagnostics);
                println!(
                    "Đã dựng {} trang, {} tệp vào {} / Built {} pages, {} files into {}",
                    report.pages,
                    report.files,
                    options.output.display(),
                    report.pages,
                    report.files,
                    options.output.display()
                );
                EXIT_OK
            }
            Err(e) => {
                eprintln!("{e}");
                if matches!(e, BuildError::Content(_)) {
                    eprintln!(
                        "Chưa dựng trang; thư mục {} giữ nguyên như cũ. / Nothing was built; {} is unchanged.",
                        options.output.display(),
                        options.output.display()
                    );
                }
                EXIT_CONTENT
            }
        }
    }
}

impl CheckArgs {
    fn run(self) -> u8 {
        let (_, diagnostics) = crate::check(&self.content);
        eprint!("{diagnostics}");
        eprintln!("{}", diagnostics.summary());
        if diagnostics.has_errors() {
            EXIT_CONTENT
        } else {
            EXIT_OK
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
