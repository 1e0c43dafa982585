//! The search page (tìm kiếm) and its index: every candidate, round, document, commune and village
//! is in both, each entry leads to a page that exists, and the index stays small. How the
//! browser uses them is checked in headless Chromium by `.ci/browser.mjs`.

use crate::harness::*;
use niemyet::model::language::Language;
use niemyet::render::search::{self, Kind, fold};
use std::path::Path;

const SEARCH_PAGE: &str = "tim-kiem/index.html";
const INDEX_SCRIPT: &str = "tai-nguyen/chi-muc-tim-kiem.js";
const ENGLISH_INDEX: &str = "tai-nguyen/chi-muc-tim-kiem.en.js";
const SEARCH_SCRIPT: &str = "tai-nguyen/tim-kiem.js";

/// One entry of the index, as the search script reads it: kind, name, folded names, page, label.
type Row = (u8, String, String, String, String);

#[derive(serde::Deserialize)]
struct Index {
    entries: Vec<(u8, String, String, String, serde_json::Value)>,
    groups: Vec<(String, String)>,
}

/// The entries of the index script of a built site, each with its whole page and label.
fn index_rows(out: &Path) -> Vec<Row> {
    index_rows_of(out, INDEX_SCRIPT)
}

/// The entries of the index published for `script` (from the site root, its name before the
/// hash) of a built site.
fn index_rows_of(out: &Path, script: &str) -> Vec<Row> {
    let script = std::fs::read_to_string(out.join(asset(out, script))).expect("read the index");
    let json = script
        .split_once("window.niemyetSearchIndex=")
        .and_then(|(_, rest)| rest.trim_end().strip_suffix(';'))
        .unwrap_or_else(|| panic!("the index is not one assignment:\n{script}"));
    let index: Index =
        serde_json::from_str(json).unwrap_or_else(|e| panic!("the index is not JSON: {e}\n{json}"));
    index
        .entries
        .into_iter()
        .map(|(kind, name, key, page, label)| match label {
            serde_json::Value::Number(n) => {
                let (folder, label) = &index.groups[n.as_u64().unwrap() as usize];
                (
                    kind,
                    name,
                    key,
                    format!("{folder}{page}index.html"),
                    label.clone(),
                )
            }
            serde_json::Value::String(label) => {
                (kind, name, key, format!("{page}index.html"), label)
            }
            other => panic!("a label is a string or a group: {other}"),
        })
        .collect()
}

fn row<'a>(rows: &'a [Row], name: &str) -> &'a Row {
    rows.iter()
        .find(|r| r.1 == name)
        .unwrap_or_else(|| panic!("no entry “{name}” in {rows:#?}"))
}

#[test]
fn the_index_holds_every_candidate_round_document_commune_and_village() {
    let fx = Fixture::new();
    fx.build_ok();
    let rows = index_rows(&fx.output());
    let expected = [
        (
            Kind::Candidate,
            "Nguyễn Văn An",
            "bau-cu/tn-2022/khu-1/nguyen-van-an/index.html",
        ),
        (
            Kind::Candidate,
            "Trần Thị Bình",
            "bau-cu/tn-2022/khu-1/tran-thi-binh/index.html",
        ),
        (
            Kind::Candidate,
            "Lê Văn Cường",
            "bau-cu/tn-2022/khu-2/le-van-cuong/index.html",
        ),
        (
            Kind::Round,
            "Bầu cử Trưởng khu phố Phường Thử Nghiệm nhiệm kỳ 2022–2025",
            "bau-cu/tn-2022/index.html",
        ),
        (
            Kind::Document,
            "Về việc lãnh đạo bầu cử trưởng khu phố nhiệm kỳ 2022-2025",
            "van-ban/cong-van-13/index.html",
        ),
        (
            Kind::Document,
            "Kế hoạch tổ chức bầu cử trưởng khu phố",
            "van-ban/ke-hoach-bau-cu/index.html",
        ),
        (
            Kind::Commune,
            "Phường Thử Nghiệm",
            "don-vi/thu-nghiem/index.html",
        ),
        (
            Kind::Village,
            "Khu phố Một",
            "don-vi/thu-nghiem/khu-1/index.html",
        ),
        (
            Kind::Village,
            "Khu phố Hai",
            "don-vi/thu-nghiem/khu-2/index.html",
        ),
    ];
    assert_eq!(rows.len(), expected.len(), "{rows:#?}");
    for (kind, name, url) in expected {
        let r = row(&rows, name);
        assert_eq!((r.0, r.3.as_str()), (kind as u8, url), "{r:?}");
        assert_eq!(r.2.lines().next(), Some(fold(name).as_str()), "{r:?}");
        assert!(fx.output().join(url).is_file(), "{url} is not a page");
    }
    assert_eq!(
        row(&rows, "Lê Văn Cường").4,
        "Khu phố Hai · Phường Thử Nghiệm · 2022–2025"
    );
    let letter = row(
        &rows,
        "Về việc lãnh đạo bầu cử trưởng khu phố nhiệm kỳ 2022-2025",
    );
    assert!(
        letter.2.ends_with("\n13-cv/du"),
        "found by its number: {letter:?}"
    );
    assert_eq!(letter.4, "Công văn 13-CV/ĐU · 10/3/2022");
    let mut sorted = rows.clone();
    sorted.sort_by_key(|r| fold(&r.1));
    assert_eq!(rows, sorted, "alphabetical, as ties are ranked");
}

#[test]
fn without_javascript_the_search_page_is_the_full_index_as_links() {
    let fx = Fixture::new();
    fx.build_ok();
    let html = fx.page(SEARCH_PAGE);
    assert!(
        html.contains("<form")
            && html.contains("role=\"search\"")
            && html.contains("type=\"search\"")
            && html.contains("<label for=\"q\">"),
        "a labelled search box: {html}"
    );
    let page_links = links(&html);
    for (_, name, _, url, _) in index_rows(&fx.output()) {
        assert!(
            page_links.contains(&format!("../{url}")),
            "{name} ({url}) is not linked from the search page"
        );
    }
    let text = fx.text(SEARCH_PAGE);
    let candidates = text.find("Ứng cử viên").expect("a section per kind");
    let villages = text.find("Thôn, tổ dân phố, khu phố").expect("villages");
    assert!(candidates < villages, "{text}");
    for page in [
        "index.html",
        "bau-cu/tn-2022/khu-1/nguyen-van-an/index.html",
    ] {
        assert!(links_to(&fx.output(), page, SEARCH_PAGE), "{page}");
    }
}

#[test]
fn each_language_has_its_index_and_english_names_keep_their_vietnamese_ones() {
    let fx = Fixture::new();
    let config = fx.read(CONFIG) + "ngon_ngu: [vi, en]\n";
    fx.write(CONFIG, config);
    let commune = fx
        .read(COMMUNE)
        .replacen(
            "ten: Phường Thử Nghiệm\n",
            "ten: Phường Thử Nghiệm\nten_en: Thu Nghiem Ward\n",
            1,
        )
        .replacen(
            "    ten: Khu phố Một\n",
            "    ten: Khu phố Một\n    ten_en: Neighbourhood One\n",
            1,
        );
    fx.write(COMMUNE, commune);
    fx.build_ok();
    let out = fx.output();
    // the Vietnamese index is as before: Vietnamese names only
    let vi = index_rows(&out);
    assert_eq!(row(&vi, "Phường Thử Nghiệm").2, "phuong thu nghiem");
    assert!(!vi.iter().any(|r| r.1 == "Thu Nghiem Ward"), "{vi:#?}");
    let en = index_rows_of(&out, ENGLISH_INDEX);
    assert_eq!(en.len(), vi.len(), "the same things, named in English");
    let ward = row(&en, "Thu Nghiem Ward");
    assert_eq!(ward.0, Kind::Commune as u8);
    assert_eq!(ward.2.lines().next(), Some("thu nghiem ward"));
    // a reader without Vietnamese diacritics finds it by its Vietnamese name
    assert!(
        ward.2.lines().any(|name| name == fold("phuong thu nghiem")),
        "{ward:?}"
    );
    let one = row(&en, "Neighbourhood One");
    assert!(one.2.lines().any(|name| name == "khu pho mot"), "{one:?}");
    assert_eq!(
        one.4, "Thu Nghiem Ward",
        "a village is labelled with its commune"
    );
    // every entry leads to a page, from the English root (a document that is not translated:
    // to its Vietnamese page)
    for (_, name, _, url, _) in &en {
        assert!(
            out.join("en").join(url).is_file(),
            "{name}: en/{url} is not a page"
        );
    }
    let page = fx.page("en/tim-kiem/index.html");
    assert!(
        page.contains(&format!("../../{}", asset(&out, ENGLISH_INDEX)))
            && page.contains(&format!("../../{}", asset(&out, SEARCH_SCRIPT))),
        "the English search page loads the English index from the site root: {page}"
    );
    let vi_page = fx.page(SEARCH_PAGE);
    assert!(
        vi_page.contains(&format!("../{}", asset(&out, INDEX_SCRIPT))),
        "{vi_page}"
    );
}

#[test]
fn a_free_page_cannot_take_the_search_pages_address() {
    let fx = Fixture::new();
    fx.write(
        "trang/tim-kiem.md",
        "---\ntieu_de: Tìm kiếm\n---\nTrang riêng.\n",
    );
    let diagnostics = fx.check();
    find_error(&diagnostics, "trang/tim-kiem.md", "“tim-kiem”");
}

#[test]
fn the_example_index_finds_the_candidates_of_the_browser_test_and_is_small() {
    if !example_exists() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("output");
    build_ok(&example_content(), &out);
    let rows = index_rows(&out);
    let nhung = row(&rows, "Vũ Thị Hồng Nhung");
    assert_eq!(nhung.2, "vu thi hong nhung");
    assert_eq!(
        nhung.3,
        "bau-cu/hong-gai-2022/khu-pho-2/vu-thi-hong-nhung/index.html"
    );
    assert!(row(&rows, "Phường Đồng Kỵ").2.starts_with("phuong dong ky"));
    let size = std::fs::metadata(out.join(asset(&out, INDEX_SCRIPT)))
        .unwrap()
        .len();
    eprintln!(
        "search index of the example site: {} entries, {size} bytes",
        rows.len()
    );
    assert!(size < 16 * 1024, "{size} bytes");
}

/// Family, middle and given names that Vietnamese names are commonly made of.
const FAMILY: [&str; 12] = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
];
const MIDDLE: [&str; 8] = ["Văn", "Thị", "Đức", "Minh", "Hồng", "Thanh", "Quang", "Hữu"];
const GIVEN: [&str; 16] = [
    "An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hùng", "Hương", "Lan", "Long", "Nam", "Phương",
    "Quân", "Thảo", "Tuấn", "Yến",
];

/// The fixture with a second round of `count` candidates in 50 neighbourhoods.
fn large_site(count: usize) -> Fixture {
    let fx = Fixture::new();
    let mut commune = fx.read(COMMUNE);
    let mut round = String::from(
        "don_vi: thu-nghiem\nchuc_danh: to-truong-to-dan-pho\nnhiem_ky: 2025-2030\n\
         ngay_bau_cu: 07/12/2025\ntrang_thai: sap-dien-ra\ncuoc_bau:\n",
    );
    for v in 1..=50 {
        commune.push_str(&format!(
            "  - ma: to-{v}\n    ten: Tổ dân phố số {v}\n    loai: to-dan-pho\n"
        ));
        round.push_str(&format!("  - to-{v}\n"));
    }
    fx.write(COMMUNE, commune);
    fx.write("bau-cu/lon-2025/dot-bau-cu.yaml", round);
    for i in 0..count {
        let name = format!(
            "{} {} {}",
            FAMILY[i % FAMILY.len()],
            MIDDLE[(i / FAMILY.len()) % MIDDLE.len()],
            GIVEN[(i * 7) % GIVEN.len()]
        );
        let slug = format!("{}-{i}", niemyet::model::text::slugify(&name));
        fx.write(
            &format!("bau-cu/lon-2025/ung-cu-vien/{slug}.md"),
            format!(
                "---\nho_ten: {name}\nkhu_dan_cu: to-{}\nnam_sinh: 1970\ngioi_tinh: nam\n\
                 dan_toc: Kinh\ntrinh_do_chuyen_mon: dai-hoc\nly_luan_chinh_tri: so-cap\n\
                 nghe_nghiep: Cán bộ hưu trí\ndang_vien: true\ntai_cu: false\n---\nTiểu sử.\n",
                i % 50 + 1
            ),
        );
    }
    fx
}

#[test]
fn an_index_of_a_thousand_candidates_stays_small() {
    let fx = large_site(1000);
    let (site, diagnostics) = niemyet::check(&fx.content());
    assert_eq!(diagnostics.error_count(), 0, "{diagnostics}");
    let (theme, _) = niemyet::render::theme::Theme::load(&fx.content(), &[Language::Vi]);
    let theme = theme.expect("the default theme loads");
    let strings = theme.strings(Language::Vi).expect("Vietnamese strings");
    let locale = niemyet::render::locale::Locale::new(Language::Vi, true, strings);
    let entries = search::entries(&locale, &site);
    let candidates = entries
        .iter()
        .filter(|e| e.kind == Kind::Candidate as u8)
        .count();
    assert_eq!(candidates, 1003);
    let size = search::index_script(&entries).unwrap().len();
    eprintln!(
        "search index of {candidates} candidates, {} entries: {size} bytes",
        entries.len()
    );
    // some seventy bytes a candidate: name, folded name and folder, and a group for the contest
    assert!(size < 96 * 1024, "{size} bytes");
}
