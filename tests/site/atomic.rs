//! The output is replaced whole or not at all: a failed build leaves the previous site as it was,
//! and no build leaves working folders behind.

use crate::harness::*;
use niemyet::BuildError;

/// The temporary folder holds only the content and the output: no staging or backup folder.
fn assert_nothing_beside_the_output(fx: &Fixture) {
    assert_eq!(entries(fx.root()), ["content", "output"]);
}

#[test]
fn a_failed_build_leaves_the_previous_output_byte_identical() {
    let fx = Fixture::new();
    fx.build_ok();
    let before = snapshot(&fx.output());
    fx.replace_line(RESULTS, "phieu_hop_le: 157", "phieu_hop_le: 1570");
    match fx.build() {
        Err(BuildError::Content(d)) => assert!(d.has_errors()),
        other => panic!("expected content errors, got {other:?}"),
    }
    assert!(before == snapshot(&fx.output()), "the output changed");
    assert_nothing_beside_the_output(&fx);
}

#[test]
fn a_successful_build_replaces_the_whole_output() {
    let fx = Fixture::new();
    fx.build_ok();
    std::fs::write(fx.output().join("stale.html"), "<p>old</p>").unwrap();
    fx.remove(CONTACT);
    fx.build_ok();
    let written = site_files(&fx.output());
    assert!(!written.contains(&"stale.html".to_string()));
    assert!(!written.contains(&"lien-he/index.html".to_string()));
    assert!(written.contains(&"index.html".to_string()));
    assert_nothing_beside_the_output(&fx);
}

#[test]
fn a_folder_niemyet_did_not_build_is_never_replaced() {
    let fx = Fixture::new();
    std::fs::create_dir_all(fx.output()).unwrap();
    let letter = fx.output().join("thu-gui-ubnd.docx");
    std::fs::write(&letter, "giữ lại").unwrap();
    match fx.build() {
        Err(BuildError::Io(e)) => assert_eq!(e.path, fx.output()),
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(std::fs::read_to_string(&letter).unwrap(), "giữ lại");
    assert_eq!(entries(&fx.output()), ["thu-gui-ubnd.docx"]);
    assert_nothing_beside_the_output(&fx);
}
