//! The build renders and writes parts of the site on every core: the output must not depend on
//! how many threads there are or in which order parts finish, and a rebuild must leave every
//! file whose bytes did not change as it was (same inode, same modification time), so that web
//! servers' caches and mirrors (rsync) see only what changed.

use crate::harness::*;
use niemyet::corpus::{CorpusOptions, generate};
use std::collections::BTreeMap;
use std::path::Path;
use tempfile::TempDir;

/// A synthetic site of a few communes (two terms, every kind of contest), in a temporary folder.
fn corpus() -> TempDir {
    let dir = TempDir::new().unwrap();
    generate(
        &dir.path().join("site"),
        CorpusOptions {
            scale: 0.001,
            seed: 3,
        },
    )
    .unwrap_or_else(|e| panic!("{}", e.message().get(niemyet::diagnostics::Lang::En)));
    dir
}

/// Builds `content` into `output` on a pool of `threads` threads.
fn build_on(threads: usize, content: &Path, output: &Path) {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap()
        .install(|| build_ok(content, output));
}

#[test]
fn builds_on_one_thread_and_on_several_are_byte_identical() {
    let dir = corpus();
    let content = dir.path().join("site/content");
    let one = dir.path().join("one");
    let four = dir.path().join("four");
    let again = dir.path().join("again");
    build_on(1, &content, &one);
    build_on(4, &content, &four);
    build_on(3, &content, &again);
    assert!(html_pages(&one).len() > 300, "{}", html_pages(&one).len());
    assert_identical_trees(&one, &four);
    assert_identical_trees(&four, &again);
}

/// Every file of the output with its inode and modification time.
#[cfg(unix)]
fn identities(dir: &Path) -> BTreeMap<String, (u64, std::time::SystemTime)> {
    use std::os::unix::fs::MetadataExt;
    snapshot_names(dir)
        .into_iter()
        .map(|rel| {
            let meta = std::fs::metadata(dir.join(&rel)).unwrap();
            (rel, (meta.ino(), meta.modified().unwrap()))
        })
        .collect()
}

#[cfg(unix)]
#[test]
fn a_rebuild_with_nothing_changed_rewrites_no_file() {
    let fx = Fixture::new();
    fx.build_ok();
    let before = identities(&fx.output());
    let bytes = snapshot(&fx.output());
    fx.build_ok();
    assert_eq!(identities(&fx.output()), before);
    assert!(bytes == snapshot(&fx.output()));
    assert_eq!(
        entries(fx.root()),
        [".output.niemyet-lock", "content", "output"]
    );
}

#[cfg(unix)]
#[test]
fn a_rebuild_writes_the_files_that_changed_and_keeps_the_others() {
    let fx = Fixture::new();
    fx.build_ok();
    let before = identities(&fx.output());
    let candidate = "bau-cu/tn-2022/khu-1/nguyen-van-an/index.html";
    let home = "index.html";
    assert!(fx.read_output(candidate).contains("Nguyễn Văn An"));
    fx.replace_line(
        AN,
        "nghe_nghiep: Cán bộ hưu trí",
        "nghe_nghiep: Kỹ sư nghỉ hưu",
    );
    fx.build_ok();
    let after = identities(&fx.output());
    assert!(fx.read_output(candidate).contains("Kỹ sư nghỉ hưu"));
    assert_ne!(after[candidate], before[candidate], "the changed page");
    assert_ne!(after["sha256sums.txt"], before["sha256sums.txt"]);
    assert_eq!(after[home], before[home], "a page that did not change");
    let kept = after
        .iter()
        .filter(|(k, v)| before.get(*k) == Some(*v))
        .count();
    assert!(kept * 2 > after.len(), "{kept} of {} kept", after.len());
    // and the output is the one a build from nothing gives
    let fresh = fx.root().join("fresh");
    build_ok(&fx.content(), &fresh);
    assert_identical_trees(&fx.output(), &fresh);
}
