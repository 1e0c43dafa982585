//! The command line: `build`, `check`, `serve`, `new`, `import` and `verify`. Commands work on
//! the site found from the current folder upwards ([`site`]); help and misuse speak Vietnamese
//! first ([`usage`]).

mod new;
pub mod site;
pub mod usage;

use crate::diagnostics::Lang;
use crate::import::{ImportOptions, SheetKind};
use crate::progress::{self, Progress, duration};
use crate::scaffold::Scaffold;
use crate::serve::{Limits, Preview, ServeOptions};
use crate::{BuildError, BuildOptions, report};
use clap::{Args, Parser, Subcommand};
use new::NewCommand;
use site::Site;
use std::path::{Path, PathBuf};

/// Exit codes: 0 success, 1 content errors (or a build that could not be written, or a copy that
/// differs from its sums), 2 usage errors (and a folder `verify` cannot check).
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
    /// Ngôn ngữ của thông báo: vi (mặc định) hoặc en / Language of messages: vi (default) or en
    #[arg(long, global = true, value_enum, default_value = "vi")]
    pub lang: Lang,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Dựng trang vào thư mục output / Build the site into the output folder
    Build(BuildArgs),
    /// Kiểm tra nội dung, không ghi gì / Check the content without writing anything
    Check(CheckArgs),
    /// Xem trước trên trình duyệt, tự tải lại khi sửa / Preview in a browser, reloading on every save
    Serve(ServeArgs),
    /// Tạo trang mới hoặc tệp mẫu để điền / Create a new site, or a file to fill in
    New(NewArgs),
    /// Nhập bảng tính CSV (Excel, LibreOffice) / Import a CSV sheet (Excel, LibreOffice)
    Import(ImportArgs),
    /// Kiểm tra bản sao của trang với sha256sums.txt / Check a copy of the site against its sha256sums.txt
    Verify(VerifyArgs),
    /// Tạo một trang dữ liệu mẫu cỡ tỉnh hay cả nước để đo tốc độ / Generate a synthetic site of a
    /// province's or the country's size, to measure the build
    #[command(name = "gen-corpus", hide = true)]
    GenCorpus(GenCorpusArgs),
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Thư mục nội dung; mặc định tìm từ thư mục hiện tại trở lên / Content folder; by default found from the current folder upwards
    #[arg(long)]
    pub content: Option<PathBuf>,
    /// Thư mục kết quả; mặc định output cạnh thư mục nội dung / Output folder; by default output beside the content folder
    #[arg(long)]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Thư mục nội dung; mặc định tìm từ thư mục hiện tại trở lên / Content folder; by default found from the current folder upwards
    #[arg(long)]
    pub content: Option<PathBuf>,
    /// Ghi lại bằng UTF-8 các tệp đang ở bảng mã khác (UTF-16, TCVN3, VNI, Windows-1258) / Rewrite in UTF-8 the files saved in another encoding (UTF-16, TCVN3, VNI, Windows-1258)
    #[arg(long)]
    pub to_utf8: bool,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Thư mục nội dung; mặc định tìm từ thư mục hiện tại trở lên / Content folder; by default found from the current folder upwards
    #[arg(long)]
    pub content: Option<PathBuf>,
    /// Cổng; mặc định cổng trống đầu tiên từ 8910 / Port; by default the first free one from 8910
    #[arg(long)]
    pub port: Option<u16>,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    #[command(subcommand)]
    what: NewCommand,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// candidates (ứng cử viên) hoặc results (kết quả) / candidates or results
    #[arg(value_enum)]
    pub kind: SheetKind,
    /// Tệp CSV / The CSV file
    pub file: PathBuf,
    /// Mã đợt bầu nhận dữ liệu / Id of the round to import into
    #[arg(long)]
    pub round: String,
    /// Thư mục nội dung; mặc định tìm từ thư mục hiện tại trở lên / Content folder; by default found from the current folder upwards
    #[arg(long)]
    pub content: Option<PathBuf>,
    /// Ghi đè tệp đã có / Overwrite existing files
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// Thư mục chứa bản sao của trang, có sha256sums.txt / Folder holding a copy of the site, with sha256sums.txt
    pub dir: PathBuf,
}

#[derive(Debug, Args)]
pub struct GenCorpusArgs {
    /// Phần của cả nước: 1 là mọi xã, phường; 0.01 là 1% / Share of the country: 1 is every commune, 0.01 is 1%
    #[arg(long)]
    pub scale: f64,
    /// Hạt giống: cùng hạt giống cho cùng các tệp / Seed: the same seed gives the same files
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Thư mục mới; nội dung nằm trong DIR/content / A new folder; the content goes into DIR/content
    pub dir: PathBuf,
}

impl Cli {
    /// Runs the command, printing to stderr/stdout, and returns the exit code.
    pub fn run(self) -> u8 {
        let lang = self.lang;
        match self.command {
            Command::Build(args) => args.run(lang),
            Command::Check(args) => args.run(lang),
            Command::Serve(args) => args.run(lang),
            Command::New(args) => args.run(lang),
            Command::Import(args) => args.run(lang),
            Command::Verify(args) => args.run(lang),
            Command::GenCorpus(args) => args.run(lang),
        }
    }
}

/// The folder the command runs in; `.` when the system cannot say.
fn cwd() -> PathBuf {
    std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."))
}

/// The site a command works on, or the message saying there is none here.
fn locate(content: Option<PathBuf>, output: Option<PathBuf>, lang: Lang) -> Result<Site, u8> {
    site::locate(content, output, &cwd()).map_err(|e| {
        eprint!("{}", e.render(lang));
        EXIT_CONTENT
    })
}

impl BuildArgs {
    fn run(self, lang: Lang) -> u8 {
        let site = match locate(self.content, self.output, lang) {
            Ok(site) => site,
            Err(code) => return code,
        };
        let options = BuildOptions {
            content: site.content,
            output: site.output,
        };
        let existed = options.output.exists();
        let mut progress = Progress::new(lang, progress::BUILD);
        let result = crate::build_with(&options, &mut |step| progress.step(step));
        progress.finish();
        let out = options.output.display();
        match result {
            Ok(built) => {
                if !built.diagnostics.is_empty() {
                    eprint!(
                        "{}",
                        report::render(&built.diagnostics, &options.content, lang)
                    );
                }
                let (pages, files) = (built.pages, built.files);
                let time = duration(progress.elapsed(), lang);
                match lang {
                    Lang::Vi => {
                        println!("Đã dựng {pages} trang, {files} tệp vào {out} trong {time}")
                    }
                    Lang::En => println!("Built {pages} pages, {files} files into {out} in {time}"),
                }
                EXIT_OK
            }
            Err(e) => {
                eprint!("{}", report::build_error(&e, &options.content, lang));
                if matches!(e, BuildError::Content(_) | BuildError::Refused(_)) {
                    match (lang, existed) {
                        (Lang::Vi, true) => {
                            eprintln!("Chưa dựng trang; thư mục {out} giữ nguyên như cũ.")
                        }
                        (Lang::Vi, false) => {
                            eprintln!("Chưa dựng trang; chưa tạo thư mục {out}.")
                        }
                        (Lang::En, true) => eprintln!("Nothing was built; {out} is unchanged."),
                        (Lang::En, false) => {
                            eprintln!("Nothing was built; no {out} folder was made.")
                        }
                    }
                }
                EXIT_CONTENT
            }
        }
    }
}

impl CheckArgs {
    fn run(self, lang: Lang) -> u8 {
        let content = match locate(self.content, None, lang) {
            Ok(site) => site.content,
            Err(code) => return code,
        };
        if self.to_utf8 {
            rewrite_utf8(&content, lang);
        }
        let (site, diagnostics) = crate::check(&content);
        eprint!("{}", report::render(&diagnostics, &content, lang));
        for u in crate::model::translation::untranslated(&site) {
            if u.files.is_empty() {
                continue;
            }
            let (language, n) = (&u.language, u.files.len());
            match lang {
                Lang::Vi => eprintln!("Chưa dịch sang `{language}` ({n} tệp):"),
                Lang::En => eprintln!("Not yet translated into `{language}` ({n} files):"),
            }
            for f in &u.files {
                eprintln!("  {}", f.display().to_string().replace('\\', "/"));
            }
        }
        if diagnostics.has_errors() {
            EXIT_CONTENT
        } else {
            EXIT_OK
        }
    }
}

/// `check --to-utf8`: rewrites the files read by converting them, and says which.
fn rewrite_utf8(content: &Path, lang: Lang) {
    let (done, problems) = crate::load::to_utf8::rewrite(content);
    for file in &done {
        let (path, from) = (file.rel.display(), file.from.name());
        match lang {
            Lang::Vi => println!("Đã ghi lại bằng UTF-8: {path} (trước ở bảng mã {from})"),
            Lang::En => println!("Rewritten in UTF-8: {path} (was {from})"),
        }
    }
    for d in &problems {
        eprint!("{}", report::render_one(d, None, lang));
    }
}

impl ServeArgs {
    fn run(self, lang: Lang) -> u8 {
        let content = match locate(self.content, None, lang) {
            Ok(site) => site.content,
            Err(code) => return code,
        };
        let preview = match Preview::start(ServeOptions {
            content,
            port: self.port,
            lang,
            limits: Limits::default(),
        }) {
            Ok(p) => p,
            Err(e) => {
                eprintln!("{e}");
                return EXIT_CONTENT;
            }
        };
        let stopper = preview.stopper();
        if let Err(e) = ctrlc::set_handler(move || stopper.stop()) {
            eprintln!("không bắt được Ctrl+C / cannot catch Ctrl+C: {e}");
        }
        let url = preview.url();
        match lang {
            Lang::Vi => println!("Xem trước tại {url} (Ctrl+C để dừng)"),
            Lang::En => println!("Preview at {url} (Ctrl+C to stop)"),
        }
        let workdir = preview.workdir().display();
        match lang {
            Lang::Vi => println!("Bản dựng tạm nằm trong {workdir} (tự xóa khi dừng)"),
            Lang::En => println!("Builds are kept in {workdir} (removed on stop)"),
        }
        preview.run();
        EXIT_OK
    }
}

impl NewArgs {
    fn run(self, lang: Lang) -> u8 {
        let (what, content) = match self.what.resolve(&cwd()) {
            Ok(found) => found,
            Err(e) => {
                eprint!("{}", e.render(lang));
                return EXIT_CONTENT;
            }
        };
        let next_steps = match &what {
            Scaffold::Site { dir } => Some(dir.display().to_string()),
            _ => None,
        };
        match what.create(&content) {
            Ok(created) => {
                for path in created {
                    println!("{} {}", lang.pick("Đã tạo", "Created"), path.display());
                }
                if let Some(dir) = next_steps {
                    match lang {
                        Lang::Vi => println!(
                            "Tiếp theo: cd {dir}, rồi niemyet serve để xem trước; sửa content/cau-hinh.yaml và content/don-vi/xa-moi.yaml."
                        ),
                        Lang::En => println!(
                            "Next: cd {dir}, then niemyet serve to preview; edit content/cau-hinh.yaml and content/don-vi/xa-moi.yaml."
                        ),
                    }
                }
                EXIT_OK
            }
            Err(e) => {
                eprintln!("{}: {}", lang.pick("lỗi", "error"), e.get(lang));
                EXIT_CONTENT
            }
        }
    }
}

impl ImportArgs {
    fn run(self, lang: Lang) -> u8 {
        let content = match locate(self.content, None, lang) {
            Ok(site) => site.content,
            Err(code) => return code,
        };
        let options = ImportOptions {
            kind: self.kind,
            sheet: self.file,
            content,
            round: self.round,
            force: self.force,
        };
        let mut progress = Progress::new(lang, progress::IMPORT);
        let result = crate::import::import_with(&options, &mut |step| progress.step(step));
        progress.finish();
        match result {
            Ok(imported) => {
                for note in imported.notes.lines() {
                    eprintln!("{}", note.get(lang));
                }
                for path in &imported.written {
                    println!("{} {}", lang.pick("Đã ghi", "Wrote"), path.display());
                }
                if imported.problems.is_empty() {
                    return EXIT_OK;
                }
                eprint!(
                    "{}",
                    report::render(&imported.problems, &options.content, lang)
                );
                for advice in &imported.advice {
                    eprintln!("{}", advice.get(lang));
                }
                if imported.problems.has_errors() {
                    EXIT_CONTENT
                } else {
                    EXIT_OK
                }
            }
            Err(problems) => {
                for problem in problems.lines() {
                    eprintln!("{}", problem.get(lang));
                }
                let n = problems.len();
                match lang {
                    Lang::Vi => eprintln!("{n} lỗi; chưa ghi tệp nào."),
                    Lang::En => eprintln!("{n} error(s); no file was written."),
                }
                EXIT_CONTENT
            }
        }
    }
}

impl VerifyArgs {
    fn run(self, lang: Lang) -> u8 {
        let found = match crate::verify::verify(&self.dir) {
            Ok(found) => found,
            Err(problem) => {
                eprint!("{}", report::render_one(&problem, None, lang));
                return EXIT_USAGE;
            }
        };
        let kinds = [
            (lang.pick("đã bị sửa", "altered"), &found.altered),
            (lang.pick("thêm vào", "added"), &found.added),
            (lang.pick("bị xóa", "removed"), &found.removed),
        ];
        for (kind, paths) in kinds {
            for path in paths {
                println!("{kind}: {path}");
            }
        }
        let n = found.matched;
        if found.is_empty() {
            match lang {
                Lang::Vi => println!("Cả {n} tệp khớp với sha256sums.txt."),
                Lang::En => println!("All {n} files match sha256sums.txt."),
            }
            return EXIT_OK;
        }
        let (a, b, c) = (found.altered.len(), found.added.len(), found.removed.len());
        match lang {
            Lang::Vi => println!("{n} tệp khớp; {a} bị sửa, {b} thêm vào, {c} bị xóa."),
            Lang::En => println!("{n} files match; {a} altered, {b} added, {c} removed."),
        }
        EXIT_CONTENT
    }
}

impl GenCorpusArgs {
    fn run(self, lang: Lang) -> u8 {
        let options = crate::corpus::CorpusOptions {
            scale: self.scale,
            seed: self.seed,
        };
        let started = std::time::Instant::now();
        match crate::corpus::generate(&self.dir, options) {
            Ok(t) => {
                let content = self.dir.join("content");
                let (out, time) = (content.display(), duration(started.elapsed(), lang));
                match lang {
                    Lang::Vi => println!(
                        "Đã tạo {} tệp ({} byte) vào {out} trong {time}: {} xã, phường; {} khu dân cư; {} đợt bầu cử ({} hoãn, {} không tổ chức); {} cuộc bầu, {} không có người trúng cử, {} hoãn hoặc không tổ chức; {} ứng cử viên; {} văn bản.",
                        t.files,
                        t.bytes,
                        t.communes,
                        t.villages,
                        t.rounds,
                        t.postponed_rounds,
                        t.not_held_rounds,
                        t.contests,
                        t.failing,
                        t.held_out,
                        t.candidates,
                        t.documents
                    ),
                    Lang::En => println!(
                        "Wrote {} files ({} bytes) into {out} in {time}: {} communes; {} villages; {} rounds ({} postponed, {} not held); {} contests, {} electing nobody, {} postponed or not held; {} candidates; {} documents.",
                        t.files,
                        t.bytes,
                        t.communes,
                        t.villages,
                        t.rounds,
                        t.postponed_rounds,
                        t.not_held_rounds,
                        t.contests,
                        t.failing,
                        t.held_out,
                        t.candidates,
                        t.documents
                    ),
                }
                EXIT_OK
            }
            Err(e) => {
                eprintln!("{}", e.message().get(lang));
                match e {
                    crate::corpus::CorpusError::Scale(_) => EXIT_USAGE,
                    _ => EXIT_CONTENT,
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cli_definition_is_consistent() {
        usage::command().debug_assert();
    }

    #[test]
    fn the_corpus_generator_is_hidden_from_help() {
        let help = usage::command().render_help().to_string();
        assert!(!help.contains("gen-corpus"), "{help}");
        assert!(Cli::try_parse_from(["niemyet", "gen-corpus", "--scale", "0.01", "x"]).is_ok());
    }
}
