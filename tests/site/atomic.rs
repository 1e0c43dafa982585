//! The output is replaced whole or not at all: a failed build leaves the previous site as it was,
//! and no build leaves working folders behind.

use crate::harness::*;
use niemyet::BuildError;
use std::process::Command;

/// The temporary folder holds only the content, the output and the file builds lock: no staging
/// or backup folder.
fn assert_nothing_beside_the_output(fx: &Fixture) {
    assert_eq!(
        entries(fx.root()),
        [".output.niemyet-lock", "content", "output"]
    );
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
    fx.remove(CONTACT);
    fx.build_ok();
    let written = site_files(&fx.output());
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
        Err(BuildError::Refused(d)) => {
            assert_eq!(d.path, fx.output());
            assert!(d.message.en.contains("\n    thu-gui-ubnd.docx"), "{d}");
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(std::fs::read_to_string(&letter).unwrap(), "giữ lại");
    assert_eq!(entries(&fx.output()), ["thu-gui-ubnd.docx"]);
    assert_nothing_beside_the_output(&fx);
}

/// The text of a refusal, in both languages.
fn refusal(fx: &Fixture) -> String {
    match fx.build() {
        Ok(_) => panic!("the build replaced {}", fx.output().display()),
        Err(e) => e.to_string(),
    }
}

#[cfg(unix)]
#[test]
fn a_device_a_pipe_a_socket_or_a_link_is_never_replaced() {
    use std::os::unix::fs::FileTypeExt;
    let fx = Fixture::new();
    let out = fx.output();
    let kind = || std::fs::symlink_metadata(&out).unwrap().file_type();

    let made = Command::new("mkfifo").arg(&out).status().unwrap();
    assert!(made.success());
    assert!(refusal(&fx).contains("not a folder"));
    assert!(kind().is_fifo(), "the pipe was replaced");
    std::fs::remove_file(&out).unwrap();

    let listener = std::os::unix::net::UnixListener::bind(&out).unwrap();
    assert!(refusal(&fx).contains("not a folder"));
    assert!(kind().is_socket(), "the socket was replaced");
    drop(listener);
    std::fs::remove_file(&out).unwrap();

    // a character device like /dev/null; only root may make one, so elsewhere it is left out
    let made = Command::new("mknod")
        .arg(&out)
        .args(["c", "1", "3"])
        .output();
    if made.is_ok_and(|m| m.status.success()) {
        assert!(refusal(&fx).contains("not a folder"));
        assert!(kind().is_char_device(), "the device was replaced");
        std::fs::remove_file(&out).unwrap();
    }

    // a link to a site niemyet built: the link is refused, the site behind it left alone
    let site = fx.root().join("site");
    build_ok(&fx.content(), &site);
    let before = snapshot(&site);
    std::os::unix::fs::symlink(&site, &out).unwrap();
    assert!(refusal(&fx).contains("symbolic link"));
    assert!(kind().is_symlink(), "the link was replaced");
    assert!(
        before == snapshot(&site),
        "the site behind the link changed"
    );
}

#[test]
fn a_build_refuses_an_output_another_build_is_writing() {
    let fx = Fixture::new();
    fx.build_ok();
    let before = snapshot(&fx.output());
    let lock = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(fx.root().join(".output.niemyet-lock"))
        .unwrap();
    lock.lock().unwrap();
    let message = refusal(&fx);
    assert!(message.contains("Another niemyet build"), "{message}");
    assert!(before == snapshot(&fx.output()), "the output changed");
    lock.unlock().unwrap();
    fx.build_ok();
}

#[test]
fn builds_started_together_never_leave_half_a_site() {
    let fx = Fixture::new();
    for _ in 0..4 {
        let results: Vec<_> = std::thread::scope(|s| {
            let builds: Vec<_> = (0..3).map(|_| s.spawn(|| fx.build())).collect();
            builds.into_iter().map(|b| b.join().unwrap()).collect()
        });
        assert!(results.iter().any(Result::is_ok), "no build succeeded");
        for refused in results.iter().filter_map(|r| r.as_ref().err()) {
            assert!(
                refused.to_string().contains("Another niemyet build"),
                "{refused}"
            );
        }
        let written = site_files(&fx.output());
        for whole in ["404.html", "index.html", "sha256sums.txt"] {
            assert!(written.iter().any(|w| w == whole), "{whole} is missing");
        }
        assert!(fx.output().join(niemyet::write::MARKER).is_file());
        let differences = niemyet::verify::verify(&fx.output()).unwrap();
        assert!(differences.is_empty(), "{differences:?}");
        assert_nothing_beside_the_output(&fx);
    }
}

#[test]
fn a_copy_of_the_output_with_files_added_or_changed_is_never_replaced() {
    let fx = Fixture::new();
    fx.build_ok();
    let web = fx.root().join("web");
    // as staff copy `output/` to the web server
    copy_dir(&fx.output(), &web);
    // a fresh copy holds nothing but what niemyet wrote: it may be replaced
    build_ok(&fx.content(), &web);

    std::fs::write(web.join("thong-bao-cua-xa.docx"), "giữ lại").unwrap();
    std::fs::create_dir_all(web.join("thu-vien-anh")).unwrap();
    for n in 1..=7 {
        std::fs::write(web.join(format!("thu-vien-anh/le-{n}.jpg")), "ảnh").unwrap();
    }
    let before = snapshot(&web);
    let message = match build(&fx.content(), &web) {
        Ok(_) => panic!("the web folder was replaced"),
        Err(e) => e.to_string(),
    };
    assert!(message.contains("niemyet did not write"), "{message}");
    assert!(message.contains("thong-bao-cua-xa.docx"), "{message}");
    assert!(message.contains("thu-vien-anh/le-4.jpg"), "{message}");
    assert!(!message.contains("thu-vien-anh/le-5.jpg"), "{message}");
    assert!(message.contains("… and 3 more"), "{message}");
    assert!(before == snapshot(&web), "the web folder changed");

    // a page edited by hand on the server is named too
    std::fs::remove_dir_all(web.join("thu-vien-anh")).unwrap();
    std::fs::remove_file(web.join("thong-bao-cua-xa.docx")).unwrap();
    std::fs::write(web.join("index.html"), "<p>sửa tay</p>").unwrap();
    let message = match build(&fx.content(), &web) {
        Ok(_) => panic!("the edited page was replaced"),
        Err(e) => e.to_string(),
    };
    assert!(message.contains("index.html"), "{message}");
    assert_eq!(
        std::fs::read_to_string(web.join("index.html")).unwrap(),
        "<p>sửa tay</p>"
    );
}

#[test]
fn an_output_marked_by_an_older_niemyet_is_replaced_only_when_it_holds_nothing_else() {
    let fx = Fixture::new();
    std::fs::create_dir_all(fx.output()).unwrap();
    std::fs::write(fx.output().join(niemyet::write::MARKER), "niemyet\n").unwrap();
    std::fs::write(fx.output().join("index.html"), "<p>cũ</p>").unwrap();
    let message = refusal(&fx);
    assert!(
        message.contains("older niemyet") && message.contains("index.html"),
        "{message}"
    );
    assert_eq!(fx.read_output("index.html"), "<p>cũ</p>");
    std::fs::remove_file(fx.output().join("index.html")).unwrap();
    fx.build_ok();
    assert!(fx.output().join("404.html").is_file());
}
