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
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

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
///
/// The site is rendered part by part (a round, a commune, a document…) on every core, and each
/// part's files are written into the new site as soon as it is rendered, so the build holds
/// only the parts in hand, never the whole site. The output is the same, byte for byte, in
/// whatever order the parts finish.
pub fn build_with(
    options: &BuildOptions,
    progress: &mut (dyn FnMut(Step) + Send),
) -> Result<BuildReport, BuildError> {
    let output = write::claim(&options.output, &options.content)?;
    progress(Step::start(Stage::Checking));
    let (site, diagnostics) = check(&options.content);
    if diagnostics.has_errors() {
        return Err(BuildError::Content(diagnostics));
    }
    let theme = render::theme(&site).map_err(BuildError::Template)?;
    let parts = render::Parts::new(&site, &theme).map_err(BuildError::Template)?;
    let list = parts.list();
    let staging = output.stage()?;
    let progress = Mutex::new(progress);
    let done = AtomicUsize::new(0);
    let tell = |step: Step| {
        if let Ok(mut progress) = progress.lock() {
            progress(step);
        }
    };
    tell(Step::of(Stage::Rendering, 0, list.len()));
    let rendered = list
        .par_iter()
        .map(|&part| {
            let rendered = parts.render(part).map_err(BuildError::Template)?;
            let pages: Vec<String> = rendered
                .files
                .iter()
                .filter(|f| f.is_page())
                .map(|f| f.path.clone())
                .collect();
            let written = rendered
                .files
                .into_iter()
                .map(|f| staging.write(f))
                .collect::<Result<Vec<_>, _>>()
                .map_err(BuildError::Io)?;
            tell(Step::of(
                Stage::Rendering,
                done.fetch_add(1, Ordering::Relaxed) + 1,
                list.len(),
            ));
            Ok((written, pages, rendered.days))
        })
        .collect::<Result<Vec<_>, BuildError>>()?;
    let mut written = Vec::new();
    let mut pages = Vec::new();
    let mut days = BTreeMap::new();
    for (files, part_pages, part_days) in rendered {
        written.extend(files);
        pages.extend(part_pages);
        days.extend(part_days);
    }
    pages.sort_unstable();
    let page_paths: Vec<&str> = pages.iter().map(String::as_str).collect();
    tell(Step::start(Stage::Writing));
    let site_files = parts
        .site_files(&page_paths, &days)
        .map_err(BuildError::Template)?;
    let site_written = site_files
        .into_par_iter()
        .map(|f| staging.write(f))
        .collect::<Result<Vec<_>, _>>()
        .map_err(BuildError::Io)?;
    written.extend(site_written);
    let count = staging.finish(written)?;
    Ok(BuildReport {
        pages: pages.len(),
        files: count,
        diagnostics,
    })
}
