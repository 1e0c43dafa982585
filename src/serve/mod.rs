//! `niemyet serve`: live preview (xem trước). Builds the site into a private temporary folder
//! (never `output/`), serves it on 127.0.0.1, watches the content folder (the site's own theme is
//! inside it), rebuilds after a change and makes open pages reload themselves.
//!
//! The served folder is kept up to date in place (`build::live`): after a save only the parts of
//! the site it touches are rendered again, and only files whose bytes changed are replaced, each
//! in one step, so no request ever sees half a file; a failed build leaves the last good site
//! served, with the error shown over it.

mod admit;
pub mod edit;
mod events;
mod http;
mod inject;
mod live;

pub use admit::{Limits, MAX_HEAD};
pub use http::{EVENTS_PATH, SCRIPT_PATH};
pub use inject::OVERLAY_ID;

use crate::build::live::LiveSite;
use crate::diagnostics::Lang;
use crate::report;
use live::Live;
use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// The first port tried when none is given.
pub const DEFAULT_PORT: u16 = 8910;

/// A save is over when no change has come for this long: editors write a file in several steps.
const QUIET: Duration = Duration::from_millis(80);
/// A save that has closed the file it wrote, or renamed it into place, is over sooner: only what
/// follows within this long (an editor's backup removed, a second file saved) joins it.
const SETTLED: Duration = Duration::from_millis(15);
/// A folder that keeps changing is rebuilt at least this often.
const MAX_WAIT: Duration = Duration::from_secs(2);
/// How often a deleted content folder is looked for again.
const REAPPEAR_POLL: Duration = Duration::from_millis(500);

#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub content: PathBuf,
    /// A port that must be used; without one the first free port from [`DEFAULT_PORT`] is.
    pub port: Option<u16>,
    pub lang: Lang,
    pub limits: Limits,
}

/// Why the preview could not start.
#[derive(Debug)]
pub enum ServeError {
    NoContent(PathBuf),
    Port(Option<u16>, std::io::Error),
    Watch(PathBuf, notify::Error),
    TempFolder(std::io::Error),
    /// The server's thread could not be started.
    Thread(std::io::Error),
}

impl std::fmt::Display for ServeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NoContent(path) => write!(
                f,
                "không có thư mục nội dung {} (chạy lệnh trong thư mục của trang, hoặc dùng --content) \
                 / the content folder {} does not exist (run in the site's folder, or use --content)",
                path.display(),
                path.display()
            ),
            Self::Port(Some(p), e) => write!(
                f,
                "không mở được cổng {p} (có thể chương trình khác đang dùng; bỏ --port để tự chọn cổng trống) \
                 / cannot open port {p} (another program may use it; leave out --port to pick a free one): {e}"
            ),
            Self::Port(None, e) => write!(f, "không tìm được cổng trống / no free port found: {e}"),
            Self::Watch(path, e) => write!(
                f,
                "không theo dõi được thư mục / cannot watch the folder {}: {e}",
                path.display()
            ),
            Self::TempFolder(e) => write!(
                f,
                "không tạo được thư mục tạm / cannot create a temporary folder: {e}"
            ),
            Self::Thread(e) => write!(
                f,
                "không khởi động được máy chủ xem trước / cannot start the preview server: {e}"
            ),
        }
    }
}

impl std::error::Error for ServeError {}

/// What the build loop waits for.
enum Signal {
    Changed(Change),
    Stop,
}

/// Files changed by one event of the watcher.
struct Change {
    paths: Vec<PathBuf>,
    /// The event ends a write: a file written was closed, or renamed into place.
    ends_write: bool,
}

/// Stops a running preview, from another thread (the Ctrl-C handler).
#[derive(Clone)]
pub struct Stopper(Sender<Signal>);

impl Stopper {
    pub fn stop(&self) {
        let _ = self.0.send(Signal::Stop);
    }
}

/// A running preview: the server answers from its own threads; [`Preview::run`] rebuilds.
pub struct Preview {
    options: ServeOptions,
    /// The content folder as an absolute path.
    watched: PathBuf,
    live: Arc<Live>,
    address: SocketAddr,
    signals: Receiver<Signal>,
    sender: Sender<Signal>,
    watcher: RecommendedWatcher,
    workdir: tempfile::TempDir,
    /// The site served, kept up to date in place: a save renders only what it touches.
    site: LiveSite,
    server: JoinHandle<()>,
}

impl Preview {
    /// Builds the site once, binds the port and starts serving and watching.
    pub fn start(options: ServeOptions) -> Result<Self, ServeError> {
        if !options.content.is_dir() {
            return Err(ServeError::NoContent(options.content));
        }
        let listener = http::bind(options.port, DEFAULT_PORT)
            .map_err(|e| ServeError::Port(options.port, e))?;
        let address = listener
            .local_addr()
            .map_err(|e| ServeError::Port(options.port, e))?;
        let workdir = tempfile::Builder::new()
            .prefix("niemyet-serve-")
            .tempdir()
            .map_err(ServeError::TempFolder)?;
        let (sender, signals) = mpsc::channel();
        // the folder is watched by its absolute path, which the watcher then names files by;
        // `absolute` (unlike `canonicalize`) adds no `\\?\` prefix on Windows
        let watched = std::path::absolute(&options.content)
            .map_err(|e| ServeError::Watch(options.content.clone(), notify::Error::io(e)))?;
        let watcher = watch(&watched, sender.clone())?;
        let folder = workdir.path().join("site");
        let site = LiveSite::new(&options.content, &folder);
        let live = Arc::new(Live::new(folder));
        let editor = edit::Editor::new(&options.content).map_err(ServeError::Thread)?;
        let server = http::spawn(listener, Arc::clone(&live), editor, options.limits)
            .map_err(ServeError::Thread)?;
        let mut preview = Self {
            options,
            watched,
            live,
            address,
            signals,
            sender,
            watcher,
            workdir,
            site,
            server,
        };
        preview.rebuild(&[]);
        Ok(preview)
    }

    /// `http://127.0.0.1:PORT/`
    pub fn url(&self) -> String {
        format!("http://{}/", self.address)
    }

    /// The private folder the builds are written into, removed when the preview stops.
    pub fn workdir(&self) -> &Path {
        self.workdir.path()
    }

    pub fn stopper(&self) -> Stopper {
        Stopper(self.sender.clone())
    }

    /// Rebuilds after every save until stopped, then stops the server and removes the builds.
    pub fn run(mut self) {
        let mut watching = true;
        loop {
            let signal = if watching {
                self.signals
                    .recv()
                    .map_err(|_| RecvTimeoutError::Disconnected)
            } else {
                self.signals.recv_timeout(REAPPEAR_POLL)
            };
            let changed = match signal {
                Ok(Signal::Changed(first)) => match gather(&self.signals, first, QUIET, SETTLED) {
                    Some(changed) => changed,
                    None => break,
                },
                Ok(Signal::Stop) | Err(RecvTimeoutError::Disconnected) => break,
                Err(RecvTimeoutError::Timeout) => Vec::new(),
            };
            // a content folder deleted or renamed away is watched again once it is back
            let present = self.options.content.is_dir();
            if !watching && !present {
                continue;
            }
            if !watching || !present {
                watching = present
                    && self
                        .watcher
                        .watch(&self.watched, RecursiveMode::Recursive)
                        .is_ok();
            }
            self.rebuild(&changed);
            // what the watcher missed shows with the next build; looked for once the change
            // named is shown, since it means looking at every file
            let unnoticed = self.site.unnoticed();
            if !unnoticed.is_empty() {
                self.rebuild(&unnoticed);
            }
        }
        self.live.stop();
        // the accept loop notices the stop with its next connection
        let _ = TcpStream::connect(self.address);
        let _ = self.server.join();
        let lang = self.options.lang;
        println!("{}", lang.pick("Đã dừng xem trước.", "Preview stopped."));
    }

    fn rebuild(&mut self, changed: &[PathBuf]) {
        let started = Instant::now();
        let lang = self.options.lang;
        let what = describe(changed, &self.watched);
        let live = &self.live;
        let folder = self.site.folder().to_path_buf();
        // open pages reload as soon as theirs are written, before the site's data files
        match self.site.update_with(changed, || live.publish(folder)) {
            Ok(update) => {
                let built = &update.report;
                if !built.diagnostics.is_empty() {
                    eprint!(
                        "{}",
                        report::render(&built.diagnostics, &self.options.content, lang)
                    );
                }
                let ms = started.elapsed().as_millis();
                let (pages, files, written) = (built.pages, built.files, update.written);
                match lang {
                    Lang::Vi => println!(
                        "Đã dựng {pages} trang, {files} tệp ({written} tệp thay đổi) trong {ms} ms{what}"
                    ),
                    Lang::En => println!(
                        "Built {pages} pages, {files} files ({written} changed) in {ms} ms{what}"
                    ),
                }
            }
            Err(e) => {
                let text = report::build_error(&e, &self.options.content, lang);
                eprint!("{text}");
                eprintln!(
                    "{}",
                    lang.pick(
                        "Trang cũ vẫn được phục vụ cho đến khi sửa xong lỗi.",
                        "The last good site stays served until the error is fixed."
                    )
                );
                self.live.fail(text);
            }
        }
    }
}

/// ` (after a change to x.md)`: which file started a rebuild, when it is one.
fn describe(changed: &[PathBuf], content: &Path) -> String {
    let mut names: Vec<String> = changed
        .iter()
        .map(|p| {
            p.strip_prefix(content)
                .unwrap_or(p)
                .display()
                .to_string()
                .replace('\\', "/")
        })
        .filter(|name| !name.is_empty())
        .collect();
    names.sort();
    names.dedup();
    match names.as_slice() {
        [] => String::new(),
        [one] => format!(" ({one})"),
        [first, rest @ ..] => format!(" ({first} +{})", rest.len()),
    }
}

/// Watches `content` recursively; relevant changes are sent as signals.
fn watch(content: &Path, sender: Sender<Signal>) -> Result<RecommendedWatcher, ServeError> {
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        // an error of the watcher itself (an overflowing queue) is answered by a rebuild too
        let change = match event {
            Ok(e) => match relevance(&e) {
                Relevance::Ignored => return,
                relevance => Change {
                    paths: e.paths,
                    ends_write: relevance == Relevance::EndsWrite,
                },
            },
            Err(_) => Change {
                paths: Vec::new(),
                ends_write: false,
            },
        };
        let _ = sender.send(Signal::Changed(change));
    })
    .map_err(|e| ServeError::Watch(content.to_path_buf(), e))?;
    watcher
        .watch(content, RecursiveMode::Recursive)
        .map_err(|e| ServeError::Watch(content.to_path_buf(), e))?;
    Ok(watcher)
}

/// What an event of the watcher means for the site.
#[derive(Debug, PartialEq, Eq)]
enum Relevance {
    /// It cannot change the site: reading a file (as every build does), or an editor's swap and
    /// backup files.
    Ignored,
    /// A change, which more may follow.
    Changes,
    /// The end of a write: a file written was closed (Linux reports it; Windows and macOS do
    /// not, and their saves wait for [`QUIET`]), or a file was renamed into place.
    EndsWrite,
}

fn relevance(event: &notify::Event) -> Relevance {
    use notify::event::{AccessKind, AccessMode, MetadataKind, ModifyKind, RenameMode};
    let ends_write = match event.kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write))
        | EventKind::Modify(ModifyKind::Name(RenameMode::To | RenameMode::Both)) => true,
        EventKind::Access(_)
        | EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime)) => {
            return Relevance::Ignored;
        }
        _ => false,
    };
    if !event.paths.is_empty() && event.paths.iter().all(|p| is_scratch(p)) {
        Relevance::Ignored
    } else if ends_write {
        Relevance::EndsWrite
    } else {
        Relevance::Changes
    }
}

/// `.x.swp`, `x~`, `#x#`, `4913` (Vim's probe), `~$x.docx` and `x.tmp` (Office, Notepad++):
/// files an editor writes for itself.
fn is_scratch(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    name.starts_with('.')
        || name.ends_with('~')
        || (name.starts_with('#') && name.ends_with('#'))
        || name == "4913"
        || name.starts_with("~$")
        || name.to_ascii_lowercase().ends_with(".tmp")
}

/// The changes of one save: after the first, every change that follows within `quiet` of the
/// last one, or within `settled` of it when it ended a write (at most [`MAX_WAIT`] in all).
/// `None` when the preview is asked to stop.
fn gather(
    signals: &Receiver<Signal>,
    first: Change,
    quiet: Duration,
    settled: Duration,
) -> Option<Vec<PathBuf>> {
    let started = Instant::now();
    let mut ended = first.ends_write;
    let mut changed = first.paths;
    while started.elapsed() < MAX_WAIT {
        match signals.recv_timeout(if ended { settled } else { quiet }) {
            Ok(Signal::Changed(more)) => {
                ended = more.ends_write;
                changed.extend(more.paths);
            }
            Ok(Signal::Stop) | Err(RecvTimeoutError::Disconnected) => return None,
            Err(RecvTimeoutError::Timeout) => break,
        }
    }
    Some(changed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{AccessKind, AccessMode, CreateKind, DataChange, ModifyKind, RenameMode};

    fn change(path: &str, ends_write: bool) -> Change {
        Change {
            paths: vec![path.into()],
            ends_write,
        }
    }

    #[test]
    fn three_writes_of_one_save_make_one_batch() {
        let (tx, rx) = mpsc::channel();
        for _ in 0..2 {
            tx.send(Signal::Changed(change("a.md", false))).unwrap();
        }
        let quiet = Duration::from_millis(50);
        let batch = gather(&rx, change("a.md", false), quiet, quiet).unwrap();
        assert_eq!(batch.len(), 3);
        assert!(rx.try_recv().is_err(), "a second batch was left");
        tx.send(Signal::Stop).unwrap();
        assert!(gather(&rx, change("a.md", false), quiet, quiet).is_none());
    }

    #[test]
    fn a_save_that_closed_its_file_does_not_wait_for_the_quiet() {
        let (tx, rx) = mpsc::channel();
        tx.send(Signal::Changed(change("a.md", true))).unwrap();
        // a change after the end of a write, later than `settled`, is the next save's
        let later = thread_after(tx.clone(), Duration::from_secs(1));
        let batch = gather(
            &rx,
            change("a.md", false),
            Duration::from_secs(60),
            Duration::from_millis(100),
        )
        .unwrap();
        assert_eq!(batch, [PathBuf::from("a.md"), "a.md".into()]);
        later.join().unwrap();
        assert!(rx.try_recv().is_ok(), "the later change was lost");
        // without the end of a write, the same later change joins the save
        tx.send(Signal::Changed(change("a.md", false))).unwrap();
        let later = thread_after(tx.clone(), Duration::from_millis(100));
        let batch = gather(
            &rx,
            change("a.md", false),
            Duration::from_secs(1),
            Duration::ZERO,
        )
        .unwrap();
        later.join().unwrap();
        assert_eq!(batch.len(), 3, "{batch:?}");
    }

    /// Sends a change of `b.md` after `delay`.
    fn thread_after(tx: Sender<Signal>, delay: Duration) -> std::thread::JoinHandle<()> {
        std::thread::spawn(move || {
            std::thread::sleep(delay);
            let _ = tx.send(Signal::Changed(change("b.md", false)));
        })
    }

    #[test]
    fn reads_and_editor_scratch_files_do_not_rebuild() {
        let event = |kind, path: &str| notify::Event::new(kind).add_path(path.into());
        let write = EventKind::Modify(ModifyKind::Data(DataChange::Content));
        assert_eq!(
            relevance(&event(write, "/c/van-ban/a.md")),
            Relevance::Changes
        );
        assert_eq!(
            relevance(&event(EventKind::Create(CreateKind::File), "C:\\c\\a.md")),
            Relevance::Changes
        );
        for read in [
            AccessKind::Read,
            AccessKind::Open(AccessMode::Any),
            AccessKind::Close(AccessMode::Read),
        ] {
            assert_eq!(
                relevance(&event(EventKind::Access(read), "/c/a.md")),
                Relevance::Ignored
            );
        }
        for scratch in [
            "/c/.a.md.swp",
            "/c/a.md~",
            "/c/#a.md#",
            "/c/4913",
            "/c/~$bien-ban.docx",
            "/c/a.md.TMP",
        ] {
            assert_eq!(
                relevance(&event(write, scratch)),
                Relevance::Ignored,
                "{scratch}"
            );
        }
        let closed = EventKind::Access(AccessKind::Close(AccessMode::Write));
        assert_eq!(relevance(&event(closed, "/c/a.md")), Relevance::EndsWrite);
        assert_eq!(
            relevance(&event(closed, "/c/.a.md.swp")),
            Relevance::Ignored
        );
        let renamed = EventKind::Modify(ModifyKind::Name(RenameMode::Both));
        let saved = notify::Event::new(renamed)
            .add_path("/c/.a.md.tmp".into())
            .add_path("/c/a.md".into());
        assert_eq!(relevance(&saved), Relevance::EndsWrite);
        let moved_away = EventKind::Modify(ModifyKind::Name(RenameMode::From));
        assert_eq!(relevance(&event(moved_away, "/c/a.md")), Relevance::Changes);
    }

    #[test]
    fn the_changed_files_are_named_relative_to_the_content() {
        let content = Path::new("/c");
        assert_eq!(describe(&[], content), "");
        assert_eq!(describe(&[PathBuf::from("/c")], content), "");
        let changed = [
            PathBuf::from("/c/trang/a.md"),
            PathBuf::from("/c/trang/a.md"),
        ];
        assert_eq!(describe(&changed, content), " (trang/a.md)");
        let two = [PathBuf::from("/c/b.md"), PathBuf::from("/c/a.md")];
        assert_eq!(describe(&two, content), " (a.md +1)");
    }
}
