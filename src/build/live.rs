//! The preview's site (xem trước): one folder kept up to date in place as the content changes.
//!
//! After a change the content is checked as a build checks it, reading and assembling again only
//! what changed (`recheck`), and only the parts of the site the change touches are rendered
//! again (`Parts::affected`), with the files made for the
//! whole site (data, feeds, sitemap); only files whose bytes changed are written, each replaced
//! in one step (a new file renamed over the old one), so a page being served is never half
//! written. The folder then holds, byte for byte, what `build` writes.

use super::{BuildError, BuildReport, PartOutput, Put, each_part, render_part, site_files};
use crate::fs::FsError;
use crate::model::reassemble::Shown;
use crate::recheck::Checked;
use crate::render::parts::Outline;
use crate::render::{Part, Parts};
use crate::write::manifest::{Checksum, FileSum, Manifest};
use crate::write::{self, MARKER, OutputFile, SUMS};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A site kept up to date in a folder of its own, which nothing else writes into.
#[derive(Debug)]
pub struct LiveSite {
    content: PathBuf,
    /// The content folder as given and as an absolute, resolved path: changed paths are read
    /// relative to it.
    roots: Vec<PathBuf>,
    folder: PathBuf,
    /// Every file in the folder with its SHA-256, as last written.
    known: Manifest,
    /// Whether `known` is what the folder holds: not after an update that failed half-way, and
    /// the next one then renders and writes everything.
    trusted: bool,
    /// The paths each part of the site wrote, its pages and their days.
    parts: BTreeMap<Part, PartOutput<String>>,
    /// What the parts are numbered by, as last rendered.
    outline: Option<Outline>,
    /// The files made for the whole site (data, feeds, sitemap, the theme's), as last written.
    site_files: Vec<(String, Checksum)>,
    /// The content as last checked: only what changed since is read and assembled again.
    checked: Option<Checked>,
    /// The files changed since the folder was last brought up to date, relative to the content,
    /// and where the change shows, when known: a change checked with errors is not rendered, so
    /// the next update renders what it touched too.
    unrendered: Option<(Vec<PathBuf>, Shown)>,
}

/// What an update did.
#[derive(Debug)]
pub struct Update {
    pub report: BuildReport,
    /// The parts of the site rendered again, and how many there are in all.
    pub parts_rendered: usize,
    pub parts: usize,
    /// Files whose bytes changed, and files removed.
    pub written: usize,
    pub removed: usize,
    /// Whether the files made for the whole site were made again.
    pub site_files_made: bool,
}

impl LiveSite {
    /// A site of `content` to be built into `folder`, which must be empty or missing: the first
    /// [`LiveSite::update`] builds it whole.
    pub fn new(content: &Path, folder: &Path) -> Self {
        let mut roots = vec![content.to_path_buf()];
        roots.extend(std::path::absolute(content).ok());
        roots.extend(content.canonicalize().ok());
        Self {
            content: content.to_path_buf(),
            roots,
            folder: folder.to_path_buf(),
            known: Manifest::default(),
            trusted: true,
            parts: BTreeMap::new(),
            outline: None,
            site_files: Vec::new(),
            checked: None,
            unrendered: None,
        }
    }

    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// Brings the folder up to date after the content files `changed` changed (none: unknown,
    /// everything is rendered). On content errors nothing is written.
    pub fn update(&mut self, changed: &[PathBuf]) -> Result<Update, BuildError> {
        self.update_with(changed, || {})
    }

    /// [`LiveSite::update`], calling `pages_ready` once, as soon as every page the update
    /// changes is in the folder, so that the preview can reload while the files made for the
    /// whole site (data, feeds, sitemap) are made again. That is before those files only when
    /// the change was narrowed down to some parts: after any other change (a template, the
    /// theme's style sheet) pages may need the theme's new files, and it is called at the end.
    pub fn update_with(
        &mut self,
        changed: &[PathBuf],
        pages_ready: impl FnOnce(),
    ) -> Result<Update, BuildError> {
        let relative = self.relative(changed);
        let (checked, diagnostics) =
            Checked::recheck(self.checked.take(), &self.content, relative.as_deref());
        // the files found changed too, not only those the watcher named
        let unrendered = match (self.unrendered.take(), checked.changed()) {
            (Some((mut before, shown)), Some(now)) => {
                before.extend_from_slice(now);
                Some((before, shown.and(checked.shown())))
            }
            _ => None,
        };
        if diagnostics.has_errors() {
            self.unrendered = unrendered;
            self.checked = Some(checked);
            return Err(BuildError::Content(diagnostics));
        }
        let site = checked.site();
        let theme = checked.theme().map_err(BuildError::Template)?;
        let parts = Parts::new(site, theme).map_err(BuildError::Template)?;
        let outline = parts.outline();
        let all = parts.list();
        let in_site: BTreeSet<Part> = all.iter().copied().collect();
        let narrowed = if self.trusted && self.outline.as_ref() == Some(&outline) {
            unrendered.and_then(|(changed, shown)| Some((parts.affected(&changed, shown)?, shown)))
        } else {
            None
        };
        // bios show on their candidates' pages alone: the files made for the whole site stay
        let site_files_made = !narrowed
            .as_ref()
            .is_some_and(|(_, shown)| *shown == Shown::InBios);
        let mut pages_ready = Some(pages_ready);
        let mut tell_pages_ready = || pages_ready.take().map(|ready| ready());
        let early = narrowed.is_some();
        let to_render = narrowed.map_or_else(|| all.clone(), |(parts, _)| parts);
        // from here on the folder changes: should anything fail, what it holds is not known
        let trusted = std::mem::replace(&mut self.trusted, false);
        let render = |list: &[Part]| {
            each_part(list, |part| {
                Ok((part, render_part(&parts, part, |f| self.put(f, trusted))?))
            })
        };
        // the rounds' data files, which no page shows, come after the pages
        let (pages_first, data): (Vec<Part>, Vec<Part>) =
            (to_render.iter()).partition(|part| !matches!(part, Part::Data(_)));
        let mut rendered = render(&pages_first)?;
        if early {
            tell_pages_ready();
        }
        rendered.extend(render(&data)?);
        let mut written = Vec::new();
        let mut new_parts: BTreeMap<Part, PartOutput<String>> = std::mem::take(&mut self.parts)
            .into_iter()
            .filter(|(part, _)| in_site.contains(part))
            .collect();
        for (part, output) in rendered {
            let PartOutput {
                files,
                pages,
                days,
                listed,
            } = output;
            let paths = files.iter().map(|(path, _)| path.clone()).collect();
            written.extend(files);
            new_parts.insert(
                part,
                PartOutput {
                    files: paths,
                    pages,
                    days,
                    listed,
                },
            );
        }
        self.parts = new_parts;
        let pages: Vec<String> = self.parts.values().flat_map(|o| o.pages.clone()).collect();
        if site_files_made {
            let days = (self.parts.values())
                .flat_map(|o| o.days.clone())
                .collect::<BTreeMap<_, _>>();
            // in the rounds' order, as a build lists them: parts are ordered by kind, then place
            let listed = self.parts.values().flat_map(|o| o.listed.clone()).collect();
            let into = IntoFolder {
                site: self,
                trusted,
            };
            self.site_files = site_files(&parts, &pages, &days, listed, None, &into)?;
        }
        // the site's files now: every part's (those not rendered again are as they were)
        let rendered_now: BTreeMap<String, Checksum> =
            written.into_iter().chain(self.site_files.clone()).collect();
        let mut files = Manifest::default();
        for output in self.parts.values() {
            for path in &output.files {
                // a part not rendered now wrote its files in an earlier update, which `known` lists
                if let Some(sum) = rendered_now
                    .get(path)
                    .copied()
                    .or_else(|| self.known.get(path))
                {
                    files.insert(path.clone(), sum);
                }
            }
        }
        for (path, sum) in &rendered_now {
            files.insert(path.clone(), *sum);
        }
        let sums = files.render();
        self.put_bytes(SUMS, sums.as_bytes(), trusted)?;
        files.add(SUMS, sums.as_bytes());
        let marker = write::marker_text(&files);
        self.put_bytes(MARKER, marker.as_bytes(), trusted)?;
        let changed_files = files
            .entries()
            .filter(|(path, sum)| !trusted || self.known.get(path) != Some(*sum))
            .count();
        let removed = self.remove_stale(&files, trusted)?;
        self.known = files;
        self.outline = Some(outline);
        self.trusted = true;
        self.checked = Some(checked);
        self.unrendered = Some((Vec::new(), Shown::InBios));
        tell_pages_ready();
        Ok(Update {
            report: BuildReport {
                pages: pages.len(),
                files: self.known.len(),
                diagnostics,
            },
            parts_rendered: to_render.len(),
            parts: all.len(),
            written: changed_files,
            removed,
            site_files_made,
        })
    }

    /// The files and folders of the content that changed since they were last read without
    /// being named to an update, which the next update should be told of; none before the first.
    pub fn unnoticed(&self) -> Vec<PathBuf> {
        let Some(checked) = &self.checked else {
            return Vec::new();
        };
        (checked.unnoticed().iter())
            .map(|path| self.content.join(path))
            .collect()
    }

    /// Writes a file of the site unless the folder holds those bytes already; its path and
    /// SHA-256.
    fn put(&self, file: OutputFile, trusted: bool) -> Result<(String, Checksum), FsError> {
        let path = file.path.clone();
        let bytes = file.finished()?;
        let sha = self.put_bytes(&path, &bytes, trusted)?;
        Ok((path, sha))
    }

    /// Writes bytes of the site unless the folder holds them already; their SHA-256.
    fn put_bytes(&self, path: &str, bytes: &[u8], trusted: bool) -> Result<Checksum, FsError> {
        let sha = Checksum::of(bytes);
        if !trusted || self.known.get(path) != Some(sha) {
            write::replace_file(&self.folder, path, bytes)?;
        }
        Ok(sha)
    }

    /// Removes the files the site no longer has (and folders left empty); all files not in
    /// `files` when the folder's content was not known. How many were removed.
    fn remove_stale(&self, files: &Manifest, trusted: bool) -> Result<usize, BuildError> {
        let on_disk: Vec<String> = if trusted {
            self.known
                .entries()
                .map(|(path, _)| path.to_string())
                .collect()
        } else {
            walkdir::WalkDir::new(&self.folder)
                .min_depth(1)
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| !e.file_type().is_dir())
                .filter_map(|e| {
                    let rel = e.path().strip_prefix(&self.folder).ok()?;
                    Some(rel.to_string_lossy().replace('\\', "/"))
                })
                .collect()
        };
        let keep: BTreeSet<&str> = files.entries().map(|(path, _)| path).collect();
        let mut removed = 0;
        for path in on_disk.iter().filter(|p| !keep.contains(p.as_str())) {
            write::remove_file(&self.folder, path).map_err(BuildError::Io)?;
            removed += 1;
        }
        Ok(removed)
    }

    /// `changed` relative to the content folder; `None` when one of them is not inside it.
    fn relative(&self, changed: &[PathBuf]) -> Option<Vec<PathBuf>> {
        changed
            .iter()
            .map(|path| {
                self.roots
                    .iter()
                    .find_map(|root| path.strip_prefix(root).ok())
                    .map(Path::to_path_buf)
            })
            .collect()
    }
}

/// The preview's folder as the site-wide files are written into it. A file made as a stream is
/// made in memory here: a preview is of one ward's site, not of the country.
struct IntoFolder<'a> {
    site: &'a LiveSite,
    /// The folder holds what `known` lists (see [`LiveSite::put_bytes`]).
    trusted: bool,
}

impl Put for IntoFolder<'_> {
    type Written = (String, Checksum);

    fn file(&self, file: OutputFile) -> Result<(String, Checksum), FsError> {
        self.site.put(file, self.trusted)
    }

    fn stream(
        &self,
        path: String,
        make: &mut dyn FnMut(&mut dyn std::io::Write) -> std::io::Result<()>,
    ) -> Result<((String, Checksum), FileSum), FsError> {
        let mut bytes = Vec::new();
        make(&mut bytes).map_err(|source| FsError {
            path: self.site.folder.join(&path),
            action: "write",
            source,
        })?;
        let sha = self.site.put_bytes(&path, &bytes, self.trusted)?;
        let sum = FileSum {
            size: bytes.len(),
            sha256: sha,
        };
        Ok(((path, sha), sum))
    }
}
