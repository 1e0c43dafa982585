//! The preview checks the content again after every save reading and assembling only what
//! changed (`recheck`); after any sequence of edits its site and problems must be exactly those
//! a check from nothing gives.

use crate::harness::*;
use niemyet::recheck::Checked;
use niemyet::scaffold::samples::{CANDIDATE_BIO, DOCUMENT_BODY};
use std::path::PathBuf;

/// Checks the fixture again after `changed` (files or folders of its content, as a watcher
/// would name them), and compares the site and problems with a check from nothing.
fn recheck_and_compare(fx: &Fixture, checked: &mut Option<Checked>, changed: &[&str]) {
    let changed: Vec<PathBuf> = changed.iter().map(PathBuf::from).collect();
    let (now, found) = Checked::recheck(checked.take(), &fx.content(), Some(&changed));
    let (site, fresh) = niemyet::check(&fx.content());
    assert_eq!(
        format!("{found:?}"),
        format!("{fresh:?}"),
        "problems after {changed:?}"
    );
    assert_eq!(
        format!("{:?}", now.site()),
        format!("{site:?}"),
        "site after {changed:?}"
    );
    *checked = Some(now);
}

#[test]
fn a_site_checked_again_after_each_edit_is_the_site_checked_from_nothing() {
    let fx = Fixture::new();
    let mut checked = None;
    recheck_and_compare(&fx, &mut checked, &[]);
    let photo = std::fs::read(fx.path(AN_PHOTO)).unwrap();

    // a name, which lists and search show
    fx.replace_line(AN, "ho_ten: Nguyễn Văn An", "ho_ten: Nguyễn Văn Ân");
    recheck_and_compare(&fx, &mut checked, &[AN]);

    // a file broken, then fixed
    fx.replace_line(AN, "nam_sinh: 1975", "nam_sinh: [1975");
    recheck_and_compare(&fx, &mut checked, &[AN]);
    assert!(fx.check().has_errors());
    fx.replace_line(AN, "nam_sinh: [1975", "nam_sinh: 1975");
    recheck_and_compare(&fx, &mut checked, &[AN]);

    // a file changed on disk that the watcher did not name: its size and time tell
    fx.replace_line(RESULTS, "le-van-cuong: 150", "le-van-cuong: 1500");
    let unnoticed = |checked: &Option<Checked>| checked.as_ref().unwrap().unnoticed();
    assert_eq!(unnoticed(&checked), [PathBuf::from(RESULTS)]);
    recheck_and_compare(&fx, &mut checked, &[RESULTS]);
    assert!(unnoticed(&checked).is_empty());
    fx.replace_line(RESULTS, "le-van-cuong: 1500", "le-van-cuong: 150");
    fx.write("bau-cu/tn-2022/ghi-chu.txt", "");
    fx.remove(AN_PHOTO);
    assert_eq!(
        unnoticed(&checked),
        [
            PathBuf::from("bau-cu/tn-2022/ghi-chu.txt"),
            PathBuf::from(RESULTS),
            PathBuf::from(AN_PHOTO)
        ]
    );
    fx.write(AN_PHOTO, &photo);
    fx.remove("bau-cu/tn-2022/ghi-chu.txt");
    recheck_and_compare(&fx, &mut checked, &[RESULTS]);

    // a photo removed, which its candidate names, then put back; the watcher names its folder
    fx.remove(AN_PHOTO);
    recheck_and_compare(&fx, &mut checked, &["bau-cu/tn-2022/ung-cu-vien/anh"]);
    fx.write(AN_PHOTO, &photo);
    recheck_and_compare(&fx, &mut checked, &[AN_PHOTO]);

    // a candidate added and removed, and a round's folder renamed
    let added = "bau-cu/tn-2022/ung-cu-vien/do-thi-dung.md";
    fx.write(added, fx.read(CUONG).replace("Lê Văn Cường", "Đỗ Thị Dung"));
    recheck_and_compare(&fx, &mut checked, &[added]);
    fx.remove(added);
    recheck_and_compare(&fx, &mut checked, &[added]);
    std::fs::rename(fx.path("bau-cu/tn-2022"), fx.path("bau-cu/tn-2022-b")).unwrap();
    recheck_and_compare(&fx, &mut checked, &["bau-cu/tn-2022", "bau-cu/tn-2022-b"]);
    std::fs::rename(fx.path("bau-cu/tn-2022-b"), fx.path("bau-cu/tn-2022")).unwrap();
    recheck_and_compare(&fx, &mut checked, &["bau-cu"]);

    // files the walk of the whole content never reads as content, named by the watcher
    let hidden = ".nhap/bau-cu/tn-2022/ung-cu-vien/do-thi-dung.md";
    fx.write(hidden, fx.read(CUONG));
    recheck_and_compare(&fx, &mut checked, &[hidden]);
    fx.write(".an.md", fx.read(AN));
    recheck_and_compare(&fx, &mut checked, &[".an.md"]);
    fx.write("theme/ghi-chu.md", "nháp");
    recheck_and_compare(&fx, &mut checked, &["theme/ghi-chu.md"]);
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(fx.path("van-ban"), fx.path("bau-cu/lien-ket")).unwrap();
        let inside = "bau-cu/lien-ket/cong-van-13.md";
        recheck_and_compare(&fx, &mut checked, &[inside]);
        recheck_and_compare(&fx, &mut checked, &["bau-cu/lien-ket", inside]);
        fx.remove("bau-cu/lien-ket");
        recheck_and_compare(&fx, &mut checked, &["bau-cu/lien-ket"]);
    }

    // the site's languages, which every round is assembled for
    fx.write(CONFIG, format!("{}ngon_ngu: [vi, en]\n", fx.read(CONFIG)));
    recheck_and_compare(&fx, &mut checked, &[CONFIG]);

    // the theme, loaded again only when its folder changes: a broken template stays reported
    // while a candidate changes, and goes once it is removed
    let template = "theme/templates/page.html";
    fx.write(template, "{% if %}");
    recheck_and_compare(&fx, &mut checked, &[template]);
    assert!(fx.check().has_errors());
    fx.replace_line(AN, "ho_ten: Nguyễn Văn Ân", "ho_ten: Nguyễn Văn Ẩn");
    recheck_and_compare(&fx, &mut checked, &[AN]);
    fx.replace_line(AN, "ho_ten: Nguyễn Văn Ẩn", "ho_ten: Nguyễn Văn Ân");
    fx.remove(template);
    recheck_and_compare(&fx, &mut checked, &[AN, "theme/templates"]);
    assert!(!fx.check().has_errors());

    // a document and the commune
    fx.replace_line(COMMUNE, "ten: Khu phố Hai", "ten: Khu phố Hai Mới");
    recheck_and_compare(&fx, &mut checked, &[COMMUNE]);
    fx.remove(LETTER_PDF);
    recheck_and_compare(&fx, &mut checked, &[LETTER_PDF]);

    // the communes, documents and pages are taken as they were, problems and all, while a
    // round changes; each changed, then a round
    let round_edit = |fx: &Fixture, checked: &mut Option<Checked>, n: &str| {
        fx.replace_line(
            AN,
            "ho_ten: Nguyễn Văn Ân",
            &format!("ho_ten: Nguyễn Văn Ân {n}"),
        );
        recheck_and_compare(fx, checked, &[AN]);
        fx.replace_line(
            AN,
            &format!("ho_ten: Nguyễn Văn Ân {n}"),
            "ho_ten: Nguyễn Văn Ân",
        );
        recheck_and_compare(fx, checked, &[AN]);
    };
    round_edit(&fx, &mut checked, "A");
    // personal data found in a part of the site is reported again while another part changes
    fx.write(CUONG, format!("{}\nGọi 0912 345 678.\n", fx.read(CUONG)));
    recheck_and_compare(&fx, &mut checked, &[CUONG]);
    fx.write(LETTER, format!("{}\nCCCD 001085012345.\n", fx.read(LETTER)));
    recheck_and_compare(&fx, &mut checked, &[LETTER]);
    // a sample line left in a body, and one in a bio taken out
    let sample = DOCUMENT_BODY[0].text;
    fx.write(LETTER, format!("{}\n{sample}\n", fx.read(LETTER)));
    recheck_and_compare(&fx, &mut checked, &[LETTER]);
    let bio = CANDIDATE_BIO[0].text;
    fx.write(CUONG, format!("{}\n{bio}\n", fx.read(CUONG)));
    recheck_and_compare(&fx, &mut checked, &[CUONG]);
    fx.write(CUONG, fx.read(CUONG).replace(&format!("\n{bio}\n"), ""));
    recheck_and_compare(&fx, &mut checked, &[CUONG]);
    // and so is a Markdown problem
    fx.write(
        CUONG,
        format!("{}\nXem [hồ sơ](ho-so.pdf).\n", fx.read(CUONG)),
    );
    recheck_and_compare(&fx, &mut checked, &[CUONG]);
    fx.write(LETTER, format!("{}\n<!-- nháp\n", fx.read(LETTER)));
    recheck_and_compare(&fx, &mut checked, &[LETTER]);
    round_edit(&fx, &mut checked, "A2");
    fx.replace_line(COMMUNE, "ten: Khu phố Hai Mới", "ten: Khu phố Hai");
    recheck_and_compare(&fx, &mut checked, &[COMMUNE]);
    let personal = |fx: &Fixture| {
        let found = format!("{:?}", fx.check());
        found
            .matches("personal data that must not be published")
            .count()
    };
    assert_eq!(personal(&fx), 2);
    let markdown = |fx: &Fixture| {
        let found = format!("{:?}", fx.check());
        let count = |message: &str| found.matches(message).count();
        (count("cannot work on the portal"), count("is never closed"))
    };
    assert_eq!(markdown(&fx), (1, 1));
    let samples = format!("{:?}", fx.check());
    assert_eq!(
        samples.matches("has not been replaced").count(),
        1,
        "{samples}"
    );
    assert!(samples.contains(sample), "{samples}");
    assert!(!samples.contains(bio), "{samples}");
    let twin = "don-vi/thu-nghiem.yml";
    fx.write(twin, fx.read(COMMUNE));
    recheck_and_compare(&fx, &mut checked, &[twin]);
    round_edit(&fx, &mut checked, "B");
    let translated = "van-ban/cong-van-13.en.md";
    fx.write(
        translated,
        "---\ntieu_de: Official letter 13\n---\nThe letter.\n",
    );
    recheck_and_compare(&fx, &mut checked, &[translated]);
    round_edit(&fx, &mut checked, "C");
    fx.write(
        CONTACT,
        fx.read(CONTACT).replace("---\n", "---\nthu_tu: [\n"),
    );
    recheck_and_compare(&fx, &mut checked, &[CONTACT]);
    round_edit(&fx, &mut checked, "D");
    assert!(fx.check().has_errors());
}
