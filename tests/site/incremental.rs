//! The preview keeps one folder up to date: after a change it renders only the parts of the site
//! the change touches and writes only the files whose bytes changed. After any sequence of edits
//! the folder must hold exactly what a build from nothing writes.

use crate::harness::*;
use niemyet::build::live::{LiveSite, Update};
use std::path::Path;

/// Every folder under `dir`, by path relative to it: a folder left empty must not stay.
fn folders(dir: &Path) -> Vec<String> {
    walkdir::WalkDir::new(dir)
        .min_depth(1)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_dir())
        .map(|e| e.path().strip_prefix(dir).unwrap().display().to_string())
        .collect()
}

/// Updates the live site after `changed` (files of the fixture's content), and checks its
/// folder against a build from nothing.
fn update_and_compare(fx: &Fixture, live: &mut LiveSite, changed: &[&str]) -> Update {
    let paths: Vec<_> = changed.iter().map(|rel| fx.path(rel)).collect();
    let update = live
        .update(&paths)
        .unwrap_or_else(|e| panic!("update after {changed:?} failed:\n{e}"));
    let fresh = fx.root().join("fresh");
    if fresh.exists() {
        std::fs::remove_dir_all(&fresh).unwrap();
    }
    build_ok(&fx.content(), &fresh);
    assert_identical_trees(live.folder(), &fresh);
    assert_eq!(folders(live.folder()), folders(&fresh), "after {changed:?}");
    update
}

#[test]
fn incremental_updates_give_the_output_of_a_full_build_after_every_kind_of_edit() {
    let fx = Fixture::new();
    let mut live = LiveSite::new(&fx.content(), &fx.root().join("preview"));
    let first = update_and_compare(&fx, &mut live, &[]);
    assert_eq!(first.parts_rendered, first.parts);

    // change a candidate: only that round's commune and the site's lists are rendered again
    fx.replace_line(
        AN,
        "nghe_nghiep: Cán bộ hưu trí",
        "nghe_nghiep: Kỹ sư nghỉ hưu",
    );
    let update = update_and_compare(&fx, &mut live, &[AN]);
    assert!(
        update.parts_rendered < update.parts,
        "{} of {} parts",
        update.parts_rendered,
        update.parts
    );
    assert!(
        update.written > 0 && update.written < first.written,
        "{update:?}"
    );

    // add a candidate, then delete it: its page comes and goes, its folder with it
    let added = "bau-cu/tn-2022/ung-cu-vien/do-thi-dung.md";
    fx.write(
        added,
        fx.read(CUONG)
            .replace("Lê Văn Cường", "Đỗ Thị Dung")
            .replace("gioi_tinh: nam", "gioi_tinh: nu"),
    );
    fx.replace_line(
        RESULTS,
        "le-van-cuong: 150",
        "le-van-cuong: 150\ndo-thi-dung: 5",
    );
    let update = update_and_compare(&fx, &mut live, &[added, RESULTS]);
    assert!(update.parts_rendered < update.parts);
    assert!(
        live.folder()
            .join("bau-cu/tn-2022/khu-2/do-thi-dung/index.html")
            .is_file()
    );
    fx.remove(added);
    fx.replace_line(RESULTS, "do-thi-dung: 5", "");
    let update = update_and_compare(&fx, &mut live, &[added, RESULTS]);
    assert!(update.removed > 0, "{update:?}");

    // change a results figure
    fx.replace_line(RESULTS, "le-van-cuong: 150", "le-van-cuong: 149");
    update_and_compare(&fx, &mut live, &[RESULTS]);

    // change a document, then a template: everything is rendered, only changes are written
    fx.replace_line(
        LETTER,
        "tieu_de: Về việc lãnh đạo bầu cử trưởng khu phố nhiệm kỳ 2022-2025",
        "tieu_de: Về việc lãnh đạo cuộc bầu cử trưởng khu phố nhiệm kỳ 2022-2025",
    );
    update_and_compare(&fx, &mut live, &[LETTER]);
    fx.write(
        "theme/templates/page.html",
        "{% extends \"base.html\" %}{% block content %}<h1>{{ title }}</h1><p>Mẫu riêng</p>{{ body_html | safe }}{% endblock content %}",
    );
    let update = update_and_compare(&fx, &mut live, &["theme/templates/page.html"]);
    assert_eq!(update.parts_rendered, update.parts);

    // nothing changed: nothing is written
    let update = update_and_compare(&fx, &mut live, &[AN]);
    assert_eq!((update.written, update.removed), (0, 0), "{update:?}");
}

#[test]
fn content_errors_leave_the_live_folder_as_it_was() {
    let fx = Fixture::new();
    let mut live = LiveSite::new(&fx.content(), &fx.root().join("preview"));
    live.update(&[]).unwrap();
    let before = snapshot(live.folder());
    fx.replace_line(RESULTS, "phieu_hop_le: 157", "phieu_hop_le: 1570");
    assert!(live.update(&[fx.path(RESULTS)]).is_err());
    assert!(before == snapshot(live.folder()));
    fx.replace_line(RESULTS, "phieu_hop_le: 1570", "phieu_hop_le: 157");
    update_and_compare(&fx, &mut live, &[RESULTS]);
}

#[test]
fn a_candidate_edited_in_a_site_of_several_communes_renders_only_its_commune() {
    let dir = tempfile::TempDir::new().unwrap();
    let site = dir.path().join("site");
    niemyet::corpus::generate(
        &site,
        niemyet::corpus::CorpusOptions {
            scale: 0.001,
            seed: 5,
        },
    )
    .unwrap_or_else(|e| panic!("{}", e.message().get(niemyet::diagnostics::Lang::En)));
    let content = site.join("content");
    let mut live = LiveSite::new(&content, &dir.path().join("preview"));
    let first = live.update(&[]).unwrap();
    let candidate = walkdir::WalkDir::new(&content)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .find(|p| {
            p.extension().is_some_and(|e| e == "md") && p.to_string_lossy().contains("ung-cu-vien")
        })
        .unwrap();
    let mut text = std::fs::read_to_string(&candidate).unwrap();
    text.push_str("\nÔng/bà tham gia hòa giải ở cơ sở.\n");
    std::fs::write(&candidate, text).unwrap();
    let update = live.update(std::slice::from_ref(&candidate)).unwrap();
    assert!(
        update.parts_rendered * 4 < update.parts,
        "{} of {} parts",
        update.parts_rendered,
        update.parts
    );
    assert!(update.written * 10 < first.written, "{update:?}");
    let fresh = dir.path().join("fresh");
    build_ok(&content, &fresh);
    assert_identical_trees(live.folder(), &fresh);
}

/// How many pages under `dir` contain `text`.
fn pages_containing(dir: &Path, text: &str) -> usize {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .filter(|p| std::fs::read_to_string(p).unwrap().contains(text))
        .count()
}

#[test]
fn the_preview_may_reload_once_the_pages_are_written_and_before_the_site_s_data_files() {
    let fx = Fixture::new();
    let mut live = LiveSite::new(&fx.content(), &fx.root().join("preview"));
    live.update(&[]).unwrap();
    let folder = live.folder().to_path_buf();
    let sums = || std::fs::read_to_string(folder.join("sha256sums.txt")).unwrap();
    let before = sums();

    // a candidate: the pages are ready while the site-wide files are still to be made
    fx.replace_line(
        AN,
        "nghe_nghiep: Cán bộ hưu trí",
        "nghe_nghiep: Kỹ sư nghỉ hưu",
    );
    let mut seen = None;
    live.update_with(&[fx.path(AN)], || {
        seen = Some((sums(), pages_containing(&folder, "Kỹ sư nghỉ hưu")))
    })
    .unwrap();
    let (sums_then, pages_then) = seen.expect("told once the pages were ready");
    assert_eq!(sums_then, before, "the sums are made after the pages");
    assert!(pages_then > 0, "the candidate's pages were written first");
    let after = sums();
    assert_ne!(after, before);

    // a template: pages may need the theme's new files, so only once everything is written
    fx.write(
        "theme/templates/page.html",
        "{% extends \"base.html\" %}{% block content %}<h1>{{ title }}</h1><p>Mẫu riêng</p>{{ body_html | safe }}{% endblock content %}",
    );
    let mut told = 0;
    let mut sums_then = String::new();
    live.update_with(&[fx.path("theme/templates/page.html")], || {
        told += 1;
        sums_then = sums();
    })
    .unwrap();
    assert_eq!(told, 1);
    assert_eq!(sums_then, sums(), "told after the last file");
    assert_ne!(sums_then, after);
}

#[test]
fn a_file_changed_without_the_watcher_naming_it_is_rendered_too() {
    let fx = Fixture::new();
    let mut live = LiveSite::new(&fx.content(), &fx.root().join("preview"));
    live.update(&[]).unwrap();
    fx.replace_line(
        AN,
        "nghe_nghiep: Cán bộ hưu trí",
        "nghe_nghiep: Kỹ sư nghỉ hưu",
    );
    fx.replace_line(
        LETTER,
        "nguoi_ky: Phạm Văn Dũng",
        "nguoi_ky: Phạm Văn Dũng Mới",
    );
    // only the candidate is named: the document's size and time tell it changed
    live.update(&[fx.path(AN)]).unwrap();
    assert_eq!(live.unnoticed(), [fx.path(LETTER)]);
    let update = update_and_compare(&fx, &mut live, &[LETTER]);
    assert_eq!(
        update.parts_rendered, update.parts,
        "a document touches every part"
    );
    assert!(live.unnoticed().is_empty());
}

/// A generated site of several communes, and its candidates' files in walk order.
fn several_communes(dir: &Path) -> (std::path::PathBuf, Vec<std::path::PathBuf>) {
    let site = dir.join("site");
    niemyet::corpus::generate(
        &site,
        niemyet::corpus::CorpusOptions {
            scale: 0.001,
            seed: 5,
        },
    )
    .unwrap_or_else(|e| panic!("{}", e.message().get(niemyet::diagnostics::Lang::En)));
    let content = site.join("content");
    let candidates = walkdir::WalkDir::new(&content)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| {
            p.extension().is_some_and(|e| e == "md")
                && p.to_string_lossy().contains("ung-cu-vien")
                && !p.to_string_lossy().ends_with(".en.md")
        })
        .collect();
    (content, candidates)
}

#[test]
fn what_an_update_with_errors_left_unrendered_is_rendered_once_they_are_fixed() {
    let dir = tempfile::TempDir::new().unwrap();
    let (content, candidates) = several_communes(dir.path());
    let mut live = LiveSite::new(&content, &dir.path().join("preview"));
    live.update(&[]).unwrap();
    let first = &candidates[0];
    // a round's folder is named by its commune and year: `phuong-ba-dinh-2022`
    let commune = |p: &Path| {
        let round = p.ancestors().nth(2).unwrap().file_name().unwrap();
        let round = round.to_string_lossy();
        round.rsplit_once('-').unwrap().0.to_string()
    };
    let other = candidates
        .iter()
        .find(|p| commune(p) != commune(first))
        .expect("a candidate of another commune");
    let name = |path: &Path| {
        let text = std::fs::read_to_string(path).unwrap();
        let line = text.lines().find(|l| l.starts_with("ho_ten:")).unwrap();
        (text.clone(), line.to_string())
    };
    // a name changed in one round, a file broken in another: nothing is written
    let (text, line) = name(first);
    std::fs::write(first, text.replace(&line, "ho_ten: Tên Mới Hẳn")).unwrap();
    let (broken, _) = name(other);
    std::fs::write(other, broken.replace("ho_ten:", "ho_ten: [")).unwrap();
    assert!(live.update(&[first.clone(), other.clone()]).is_err());
    // fixed: the first change is rendered too
    std::fs::write(other, &broken).unwrap();
    live.update(std::slice::from_ref(other)).unwrap();
    let fresh = dir.path().join("fresh");
    build_ok(&content, &fresh);
    assert_identical_trees(live.folder(), &fresh);
    assert!(pages_containing(live.folder(), "Tên Mới Hẳn") > 0);
}

#[test]
fn a_bio_edited_leaves_the_site_s_lists_alone_and_a_name_edited_renders_them() {
    let fx = Fixture::new();
    let mut live = LiveSite::new(&fx.content(), &fx.root().join("preview"));
    live.update(&[]).unwrap();
    fx.write(AN, fx.read(AN) + "\nÔng tham gia hòa giải ở cơ sở.\n");
    let bio = update_and_compare(&fx, &mut live, &[AN]);
    fx.replace_line(AN, "ho_ten: Nguyễn Văn An", "ho_ten: Nguyễn Văn Ân");
    let name = update_and_compare(&fx, &mut live, &[AN]);
    // a bio shows only on its candidate's page: its round's pages, in the site's one language
    assert_eq!(bio.parts_rendered, 1, "{bio:?}");
    // nor in the files made for the whole site (data, feeds, sitemap), which stay as they were
    assert!(!bio.site_files_made, "{bio:?}");
    // two bios of one round saved together render that round once
    fx.write(AN, fx.read(AN) + "\nÔng là hội viên Hội Nông dân.\n");
    fx.write(CUONG, fx.read(CUONG) + "\nÔng là đảng viên.\n");
    let both = update_and_compare(&fx, &mut live, &[AN, CUONG]);
    assert_eq!(both.parts_rendered, 1, "{both:?}");
    // a name shows in lists too: also the home page, the communes' list and search, the
    // commune's pages and the data files
    assert!(name.parts_rendered >= bio.parts_rendered + 5, "{name:?}");
    assert!(name.site_files_made, "{name:?}");
    let search = std::fs::read_to_string(live.folder().join("tim-kiem/index.html")).unwrap();
    assert!(search.contains("Nguyễn Văn Ân"));
}
