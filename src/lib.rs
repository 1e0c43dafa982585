//! niemyet: a static site generator for the public posting (niêm yết) of elections of village
//! and neighbourhood heads in Vietnam.
//!
//! The build reads top to bottom: `load` → `model` → `validate` → `render` → `write`.

pub mod cli;
pub mod corpus;
pub mod diagnostics;
pub mod export;
pub mod fs;
pub mod import;
pub mod load;
pub mod model;
pub mod progress;
pub mod render;
pub mod report;
pub mod scaffold;
pub mod serve;
pub mod validate;
pub mod verify;
pub mod write;

use diagnostics::Diagnostics;
use model::Site;
use progress::{Stage, Step};
use std::path::{Path, PathBuf};

/// What `build` needs to know.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub content: PathBuf,
    pub output: PathBuf,
}

/// What a successful build did.
#[derive(Debug)]
pub struct BuildReport {
    pub pages: usize,
    /// Files of the site, `sha256sums.txt` among them (niemyet's marker not).
    pub files: usize,
    /// Warnings: a build with errors does not succeed.
    pub diagnostics: Diagnostics,
}

/// Why a build did not succeed. In every case the previous output is left as it was.
#[derive(Debug)]
pub enum BuildError {
    /// Problems in the content, to be fixed by whoever wrote it.
    Content(Diagnostics),
    /// A template of the theme failed (a theme author's problem).
    Template(String),
    /// The output may not be replaced (it is not a folder niemyet built, or another build is
    /// writing it): what and what to do.
    Refused(diagnostics::Diagnostic),
    /// The output could not be written.
    Io(fs::FsError),
}

impl From<write::WriteError> for BuildError {
    fn from(e: write::WriteError) -> Self {
        match e {
            write::WriteError::Refused(d) => Self::Refused(d),
            write::WriteError::Io(e) => Self::Io(e),
        }
    }
}

impl std::fmt::Display for BuildError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Content(d) => write!(f, "{d}{}", d.summary()),
            Self::Template(msg) => write!(f, "lỗi giao diện / template error: {msg}"),
            Self::Refused(d) => write!(f, "{d}"),
            Self::Io(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for BuildError {}

/// Loads, models and validates a site: everything but writing. Errors and warnings are returned
/// together, sorted by file and line.
pub fn check(content: &Path) -> (Site, Diagnostics) {
    let (sources, load_problems) = load::load(content);
    let (site, model_problems) = model::assemble(&sources);
    let mut all = Diagnostics::default();
    all.extend(load_problems);
    all.extend(model_problems);
    all.extend(render::theme::Theme::load(content, &site.config.languages()).1);
    let scope = if all.has_errors() {
        validate::Scope::WithinFiles
    } else {
        validate::Scope::AcrossFiles
    };
    all.extend(validate::validate(&site, &sources, scope));
    (site, all.sorted())
}

/// Builds the site into `options.output`, atomically: the old output is replaced only when the
/// whole new site has been written, and only if it holds nothing but what niemyet wrote there.
/// One build at a time writes a given output.
pub fn build(options: &BuildOptions) -> Result<BuildReport, BuildError> {
    build_with(options, &mut |_| {})
}

/// [`build`], telling `progress` where it is.
pub fn build_with(
    options: &BuildOptions,
    progress: &mut dyn FnMut(Step),
) -> Result<BuildReport, BuildError> {
    let output = write::claim(&options.output, &options.content)?;
    progress(Step::start(Stage::Checking));
    let (site, diagnostics) = check(&options.content);
    if diagnostics.has_errors() {
        return Err(BuildError::Content(diagnostics));
    }
    progress(Step::start(Stage::Rendering));
    let files = render::render(&site).map_err(BuildError::Template)?;
    let pages = files.iter().filter(|f| f.is_page()).count();
    let mut written = |done, total| progress(Step::writing(done, total));
    let count = output.replace(files, &mut written)?;
    Ok(BuildReport {
        pages,
        files: count,
        diagnostics,
    })
}
