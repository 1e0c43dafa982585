//! Building a site into its output: [`build`] renders every part of the site on every core and
//! swaps the new output in whole (see `write`); [`live::LiveSite`] keeps the preview's folder up
//! to date by rendering only the parts a change touches.

pub mod live;

use crate::diagnostics::{self, Diagnostics};
use crate::export::Sink;
use crate::export::catalogue::Listed;
use crate::model::date::Date;
use crate::progress::{Stage, Step};
use crate::render::{self, Part, Parts};
use crate::write::manifest::FileSum;
use crate::write::{self, OutputFile, Staging};
use crate::{check, fs};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::io;
use std::path::PathBuf;
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

impl From<fs::FsError> for BuildError {
    fn from(e: fs::FsError) -> Self {
        Self::Io(e)
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

/// What one part of the site wrote: its files, the paths of its pages and the day each page
/// last changed, by path from the site root, and its data files as the catalogue lists them.
#[derive(Debug, Default, Clone)]
pub(crate) struct PartOutput<F> {
    pub files: Vec<F>,
    pub pages: Vec<String>,
    pub days: BTreeMap<String, Date>,
    pub listed: Vec<Listed>,
}

/// The site of `content`, checked, with its theme ready to render: an error when the content
/// has errors, which a build then reports and nothing is written.
pub(crate) fn checked(
    content: &std::path::Path,
) -> Result<(crate::model::Site, render::theme::Theme, Diagnostics), BuildError> {
    let (site, diagnostics) = check(content);
    if diagnostics.has_errors() {
        return Err(BuildError::Content(diagnostics));
    }
    let theme = render::theme(&site).map_err(BuildError::Template)?;
    Ok((site, theme, diagnostics))
}

/// `each` of the parts `list` on every core, what each gives in the order of `list`. Each part is
/// a task of its own: parts differ a hundredfold in size, and rayon, left to split the list only
/// when a core runs out of work, left one core with a run of large parts long after the other.
pub(crate) fn each_part<T: Send>(
    list: &[Part],
    each: impl Fn(Part) -> Result<T, BuildError> + Sync,
) -> Result<Vec<T>, BuildError> {
    list.par_iter()
        .with_max_len(1)
        .map(|&part| each(part))
        .collect()
}

/// Renders `part` and hands each of its files to `put` (which writes it), as soon as the part is
/// rendered.
pub(crate) fn render_part<F>(
    parts: &Parts,
    part: Part,
    put: impl Fn(OutputFile) -> Result<F, fs::FsError>,
) -> Result<PartOutput<F>, BuildError> {
    let rendered = parts.render(part).map_err(BuildError::Template)?;
    let pages = rendered
        .files
        .iter()
        .filter(|f| f.is_page())
        .map(|f| f.path.clone())
        .collect();
    let files = rendered
        .files
        .into_iter()
        .map(put)
        .collect::<Result<Vec<_>, _>>()
        .map_err(BuildError::Io)?;
    Ok(PartOutput {
        files,
        pages,
        days: rendered.days,
        listed: rendered.listed,
    })
}

/// Where the files of a build or a preview are written: each file as it is handed over, and
/// those too large to hold as their bytes are made. What each write gives back (`Written`) is
/// gathered for the list of the site's files.
pub(crate) trait Put: Sync {
    type Written: Send;

    fn file(&self, file: OutputFile) -> Result<Self::Written, fs::FsError>;

    fn stream(
        &self,
        path: String,
        make: &mut dyn FnMut(&mut dyn io::Write) -> io::Result<()>,
    ) -> Result<(Self::Written, FileSum), fs::FsError>;
}

impl Put for Staging {
    type Written = write::Written;

    fn file(&self, file: OutputFile) -> Result<write::Written, fs::FsError> {
        self.write(file)
    }

    fn stream(
        &self,
        path: String,
        make: &mut dyn FnMut(&mut dyn io::Write) -> io::Result<()>,
    ) -> Result<(write::Written, FileSum), fs::FsError> {
        self.write_stream(path, make)
    }
}

/// The site-wide files as they are written: what each write gave back, and the first write
/// that failed, which stays an I/O error.
struct Gathered<'p, P: Put> {
    put: &'p P,
    written: Mutex<Vec<P::Written>>,
    failed: Mutex<Option<fs::FsError>>,
}

impl<P: Put> Gathered<'_, P> {
    fn keep<T>(&self, result: Result<(P::Written, T), fs::FsError>) -> Result<T, String> {
        match result {
            Ok((w, t)) => {
                self.written.lock().map_err(|e| e.to_string())?.push(w);
                Ok(t)
            }
            Err(e) => {
                let message = e.to_string();
                if let Ok(mut failed) = self.failed.lock() {
                    failed.get_or_insert(e);
                }
                Err(message)
            }
        }
    }
}

impl<P: Put> Sink for Gathered<'_, P> {
    fn put(&self, file: OutputFile) -> Result<(), String> {
        self.keep(self.put.file(file).map(|w| (w, ())))
    }

    fn stream(
        &self,
        path: String,
        make: &mut dyn FnMut(&mut dyn io::Write) -> io::Result<()>,
    ) -> Result<FileSum, String> {
        self.keep(self.put.stream(path, make))
    }
}

/// Runs `make`, which hands files to a sink that writes each with `put` as soon as it is made,
/// and gathers what each write gave back. A write that fails stays an I/O error.
fn gathered<P: Put, T>(
    put: &P,
    make: impl FnOnce(&dyn Sink) -> Result<T, String>,
) -> Result<(Vec<P::Written>, T), BuildError> {
    let gathered = Gathered {
        put,
        written: Mutex::new(Vec::new()),
        failed: Mutex::new(None),
    };
    let made = make(&gathered);
    if let Some(e) = gathered.failed.into_inner().ok().flatten() {
        return Err(BuildError::Io(e));
    }
    let made = made.map_err(BuildError::Template)?;
    let written =
        (gathered.written.into_inner()).map_err(|e| BuildError::Template(e.to_string()))?;
    Ok((written, made))
}

/// Makes the files of the whole site from every part's `pages`, `days` and `listed` data files
/// (see [`Parts::site_files`]) and hands each to `put` (which writes it) as soon as it is made.
/// The site-wide data files are made too, unless `site_wide` lists them as made already.
pub(crate) fn site_files<P: Put>(
    parts: &Parts,
    pages: &[String],
    days: &BTreeMap<String, Date>,
    listed: Vec<Listed>,
    site_wide: Option<Vec<Listed>>,
    put: &P,
) -> Result<Vec<P::Written>, BuildError> {
    let mut sorted: Vec<&str> = pages.iter().map(String::as_str).collect();
    sorted.sort_unstable();
    let (written, ()) = gathered(put, |sink| {
        parts.site_files(&sorted, days, listed, site_wide, sink)
    })?;
    Ok(written)
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
    progress(Step::start(Stage::Checking));
    // the previous output is read and summed (see `write::claim`) while the content is read and
    // checked; a refused output is told first, as when the two were done one after the other
    let (output, checked) = rayon::join(
        || write::claim(&options.output, &options.content),
        || checked(&options.content),
    );
    let output = output?;
    let (site, theme, diagnostics) = checked?;
    let parts = Parts::new(&site, &theme).map_err(BuildError::Template)?;
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
    // the site-wide data files need no page: they are made while the parts render
    let (rendered, site_wide) = rayon::join(
        || {
            each_part(&list, |part| {
                let output = render_part(&parts, part, |f| staging.write(f))?;
                let done = done.fetch_add(1, Ordering::Relaxed) + 1;
                tell(Step::of(Stage::Rendering, done, list.len()));
                Ok(output)
            })
        },
        || gathered(&staging, |sink| parts.site_wide_data(sink)),
    );
    // a page's error is told first, as before the two were made side by side
    let rendered = rendered?;
    let (mut written, site_wide) = site_wide?;
    let mut pages = Vec::new();
    let mut days = BTreeMap::new();
    let mut listed = Vec::new();
    for output in rendered {
        written.extend(output.files);
        pages.extend(output.pages);
        days.extend(output.days);
        listed.extend(output.listed);
    }
    tell(Step::start(Stage::Writing));
    written.extend(site_files(
        &parts,
        &pages,
        &days,
        listed,
        Some(site_wide),
        &staging,
    )?);
    let pages = pages.len();
    // the list of sums, made last, needs none of the site: its memory goes back first
    drop((parts, days));
    drop((site, theme));
    let count = staging.finish(written)?;
    Ok(BuildReport {
        pages,
        files: count,
        diagnostics,
    })
}
