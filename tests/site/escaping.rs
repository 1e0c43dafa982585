//! Escaping is complete: the site's web address is checked and escaped wherever it is written,
//! characters that XML forbids are refused where text enters, a rule set's id is a slug, and no
//! cell of a data file starts a spreadsheet formula.

use crate::harness::*;
use roxmltree::Document;

const ATOM: &str = "http://www.w3.org/2005/Atom";
const SITEMAP: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";

/// A real kind of address: the portal under a CMS page, its address holding a query string.
const QUERY_BASE: &str = "https://xa.gov.vn/index.php?trang=bau-cu&nam=2025/";

fn with_address(fx: &Fixture, yaml_value: &str) {
    let config = fx.read(CONFIG) + &format!("dia_chi_web: {yaml_value}\n");
    fx.write(CONFIG, config);
}

#[test]
fn an_address_with_a_query_string_gives_well_formed_feeds_and_sitemap() {
    let fx = Fixture::new();
    with_address(&fx, &format!("\"{QUERY_BASE}\""));
    fx.build_ok();
    for feed in ["atom.xml", "don-vi/thu-nghiem/atom.xml"] {
        let text = fx.read_output(feed);
        let doc = Document::parse(&text).unwrap_or_else(|e| panic!("{feed}: {e}\n{text}"));
        let links: Vec<&str> = doc
            .descendants()
            .filter(|n| n.has_tag_name((ATOM, "link")))
            .filter_map(|n| n.attribute("href"))
            .collect();
        assert!(
            links.contains(&&*format!("{QUERY_BASE}{feed}")),
            "{links:?}"
        );
        assert!(links.iter().all(|l| l.starts_with(QUERY_BASE)), "{links:?}");
        let ids: Vec<&str> = doc
            .descendants()
            .filter(|n| n.has_tag_name((ATOM, "id")))
            .filter_map(|n| n.text())
            .collect();
        assert!(ids.contains(&&*format!("{QUERY_BASE}{feed}")), "{ids:?}");
    }
    let text = fx.read_output("sitemap.xml");
    let doc = Document::parse(&text).unwrap_or_else(|e| panic!("sitemap.xml: {e}\n{text}"));
    let locs: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name((SITEMAP, "loc")))
        .filter_map(|n| n.text())
        .collect();
    assert!(locs.contains(&QUERY_BASE), "{locs:?}");
    assert!(locs.iter().all(|l| l.starts_with(QUERY_BASE)), "{locs:?}");
    assert!(
        fx.read_output("robots.txt")
            .contains(&format!("Sitemap: {QUERY_BASE}sitemap.xml\n"))
    );
}

#[test]
fn a_web_address_that_is_not_a_plain_http_address_is_an_error_with_an_example() {
    for value in [
        // a quote would break out of the feeds' attributes
        "'https://xa.gov.vn/a\"onmouseover=\"x'",
        "\"https://xa.gov.vn/it's/\"",
        "https://xa.gov.vn/bau-cu/#top",
        "https://xa.gov.vn/<b>/",
        "https://can-bo:mat-khau@xa.gov.vn/",
        "\"https://xa.gov.vn/bau cu/\"",
        "\"https://xa.gov.vn/\\tbau-cu/\"",
        "ftp://xa.gov.vn/",
        "javascript:alert(1)",
        "xa.gov.vn/bau-cu/",
        "https:///bau-cu/",
        "https://xa..gov.vn/",
    ] {
        let fx = Fixture::new();
        with_address(&fx, value);
        let line = fx.line_of(CONFIG, "dia_chi_web");
        let d = fx.check();
        let e = assert_error(&d, CONFIG, line, Some("dia_chi_web"), "web address");
        let hint = e.hint.as_ref().expect("a hint");
        assert!(
            hint.vi.contains("https://phuong.gov.vn/bau-cu/")
                && hint.en.contains("https://phuong.gov.vn/bau-cu/"),
            "{value}: {e}"
        );
    }
}

#[test]
fn plain_web_addresses_are_accepted() {
    for value in [
        "https://phuong.gov.vn/bau-cu/",
        "http://localhost:8080",
        "HTTPS://XA.GOV.VN/",
        "https://xã.vn/",
        QUERY_BASE,
    ] {
        let fx = Fixture::new();
        with_address(&fx, &format!("\"{value}\""));
        let d = fx.check();
        assert!(errors(&d).is_empty(), "{value}:\n{d}");
    }
}

#[test]
fn a_character_xml_forbids_in_a_text_is_an_error_at_its_line_and_column() {
    // (a NUL byte is refused earlier, as a file that is not text: see the bad-inputs corpus)
    for (c, name) in [('\u{FFFE}', "U+FFFE"), ('\u{1}', "U+0001")] {
        let fx = Fixture::new();
        fx.replace_line(
            CONTACT,
            "Mọi thắc mắc xin gửi về bộ phận một cửa của phường.",
            &format!("Mọi thắc mắc{c} xin gửi về bộ phận một cửa của phường."),
        );
        let line = fx.line_of(CONTACT, "Mọi thắc mắc");
        let d = fx.check();
        let e = assert_error(&d, CONTACT, line, None, name);
        assert_eq!(e.column, Some(13), "{e}");
        assert!(e.message.vi.contains("cột 13"), "{e}");
    }
}

#[test]
fn a_forbidden_character_written_as_a_yaml_escape_is_an_error_in_its_field() {
    for (file, old, new, field, name) in [
        (
            CONTACT,
            "tieu_de: Liên hệ",
            "tieu_de: \"Liên\\uFFFE hệ\"",
            "tieu_de",
            "U+FFFE",
        ),
        (
            CONFIG,
            "co_quan: UBND phường Thử Nghiệm",
            "co_quan: \"UBND\\0 phường\"",
            "co_quan",
            "U+0000",
        ),
        (
            LETTER,
            "- Lưu Văn phòng",
            "- \"Lưu\\x07 Văn phòng\"",
            "noi_nhan",
            "U+0007",
        ),
    ] {
        let fx = Fixture::new();
        fx.replace_line(file, old, new);
        let line = fx.line_of(file, new);
        let d = fx.check();
        assert_error(&d, file, line, Some(field), name);
    }
}

#[test]
fn a_rule_set_id_must_be_a_slug_and_the_error_suggests_one() {
    let fx = Fixture::new();
    let config = fx.read(CONFIG)
        + "quy_tac_bau_cu:\n  - ma: \"=1+9\"\n    dua_tren: luat-2022\n    ten: Hướng dẫn của tỉnh\n";
    fx.write(CONFIG, config);
    fx.replace_line(
        ROUND_FILE,
        "trang_thai: chinh-thuc",
        "trang_thai: chinh-thuc\nquy_tac: \"=1+9\"",
    );
    let line = fx.line_of(CONFIG, "ma: ");
    let d = fx.check();
    let e = assert_error(&d, CONFIG, line, Some("ma"), "=1+9");
    let hint = e.hint.as_ref().expect("a hint");
    assert!(
        hint.vi.contains("“1-9”") && hint.en.contains("“1-9”"),
        "{e}"
    );
}

/// Text a spreadsheet would run as a formula, in every kind of field that reaches a data file.
fn hostile_text(fx: &Fixture) {
    for (file, old, new) in [
        (
            COMMUNE,
            "ten: Phường Thử Nghiệm",
            "ten: \"=Phường Thử Nghiệm\"",
        ),
        (
            COMMUNE,
            "tinh: Tỉnh Quảng Ninh",
            // the code is checked to be five digits (see `identities`), so it cannot start a
            // formula: a valid one stands beside the hostile names
            "tinh: \"@Tỉnh Quảng Ninh\"\nhuyen: \"-Huyện\"\nma_hanh_chinh: \"26017\"\nten_en: \"=Ward\"",
        ),
        (COMMUNE, "ten: Khu phố Một", "ten: \"+Khu phố Một\""),
        (
            AN,
            "ho_ten: Nguyễn Văn An",
            "ho_ten: \"=HYPERLINK(\\\"http://x\\\")\"",
        ),
        (
            AN,
            "chuyen_nganh: Quản lý đất đai",
            "chuyen_nganh: \"\\rQuản lý\"",
        ),
        (
            AN,
            "nghe_nghiep: Cán bộ hưu trí",
            "nghe_nghiep: \"@SUM(A1)\"",
        ),
        (BINH, "dan_toc: Tày", "dan_toc: \"-Tày\""),
        (BINH, "ton_giao: Không", "ton_giao: \"+Không\""),
        (BINH, "hoc_van: 12/12", "hoc_van: \"\\t12/12\""),
        (RESULTS, "so: 13/QĐ-UBND", "so: \"=13/QĐ-UBND\""),
        (CUONG, "ho_ten: Lê Văn Cường", "ho_ten: \"-Lê Văn Cường\""),
    ] {
        fx.replace_line(file, old, new);
    }
}

#[test]
fn no_cell_of_a_data_file_starts_a_formula_and_numbers_stay_numbers() {
    let fx = Fixture::new();
    hostile_text(&fx);
    fx.build_ok();
    let files: Vec<String> = site_files(&fx.output())
        .into_iter()
        .filter(|f| f.ends_with(".csv"))
        .collect();
    assert!(files.len() >= 4, "{files:?}");
    let mut guarded = 0;
    let mut numbers = 0;
    for file in &files {
        let bytes = std::fs::read(fx.output().join(file)).unwrap();
        let body = bytes.strip_prefix(b"\xEF\xBB\xBF").expect("a BOM");
        let mut reader = csv::ReaderBuilder::new().from_reader(body);
        let header = reader.headers().unwrap().clone();
        for row in reader.records() {
            let row = row.unwrap_or_else(|e| panic!("{file}: {e}"));
            for (name, cell) in header.iter().zip(row.iter()) {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{file}, column {name}: {cell:?} would run as a formula"
                );
                guarded += usize::from(cell.starts_with('\''));
                if ["nam_sinh", "so_phieu", "tong_cu_tri", "phieu_hop_le"].contains(&name)
                    && !cell.is_empty()
                {
                    assert!(cell.parse::<u64>().is_ok(), "{file}, {name}: {cell:?}");
                    numbers += 1;
                }
            }
        }
    }
    assert!(
        guarded >= 11,
        "the hostile values reached the data files guarded"
    );
    assert!(numbers > 0, "number columns were read");
}
