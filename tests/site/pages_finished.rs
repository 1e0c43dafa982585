//! Pages finished for every reader: table wrappers that are no tab stops until they scroll (the
//! theme's script decides that in the browser; `.ci/browser.mjs` measures it there), and English
//! pages that name provinces, districts and rule sets in English where staff typed `ten_en`,
//! marking what stays Vietnamese with `lang="vi"`.

use crate::harness::*;

const ROUND_PAGE: &str = "bau-cu/tn-2022/index.html";
const COMMUNE_PAGE: &str = "don-vi/thu-nghiem/index.html";

/// The fixture, in Vietnamese and English.
fn bilingual() -> Fixture {
    let fx = Fixture::new();
    let config = fx.read(CONFIG);
    fx.write(CONFIG, format!("{config}ngon_ngu: [vi, en]\n"));
    fx
}

/// The opening tags of the table wrappers of a page.
fn wrappers(html: &str) -> Vec<String> {
    html.split("<div ")
        .skip(1)
        .filter_map(|rest| rest.split_once('>').map(|(attrs, _)| attrs.to_string()))
        .filter(|attrs| attrs.contains("table-wrap"))
        .collect()
}

#[test]
fn table_wrappers_are_no_tab_stops_and_no_regions_until_a_script_sees_them_scroll() {
    let fx = bilingual();
    fx.build_ok();
    let out = fx.output();
    let mut seen = 0;
    for page in html_pages(&out) {
        let html = fx.page(&page);
        for attrs in wrappers(&html) {
            seen += 1;
            for attribute in ["tabindex", "role", "aria-label"] {
                assert!(!attrs.contains(attribute), "{page}: <div {attrs}>");
            }
        }
    }
    assert!(
        seen > 10,
        "the fixture's pages hold tables: {seen} wrappers"
    );
    // the script that makes a scrolling wrapper a named tab stop is loaded where tables are
    let script = fx.asset("tai-nguyen/bang-cuon.js");
    for page in [ROUND_PAGE, "en/bau-cu/tn-2022/index.html"] {
        assert!(
            fx.page(page).contains(&script),
            "{page} does not load {script}"
        );
    }
    let source = fx.read_output(&script);
    for needed in ["scrollWidth", "tabindex", "aria-label", "caption"] {
        assert!(source.contains(needed), "{script} lacks {needed}");
    }
}

#[test]
fn english_pages_name_provinces_and_districts_by_their_ten_en() {
    let fx = bilingual();
    fx.replace_line(
        COMMUNE,
        "tinh: Tỉnh Quảng Ninh",
        "tinh:\n  ten: Tỉnh Quảng Ninh\n  ten_en: Quang Ninh Province\nhuyen: {ten: Thành phố Hạ Long, ten_en: Ha Long City}",
    );
    fx.build_ok();
    for page in [ROUND_PAGE, COMMUNE_PAGE, "bau-cu/index.html"] {
        let english = fx.text(&format!("en/{page}"));
        assert!(
            english.contains("Quang Ninh Province"),
            "en/{page}: {english}"
        );
        assert!(!english.contains("Tỉnh Quảng Ninh"), "en/{page}: {english}");
        let vietnamese = fx.text(page);
        assert!(
            vietnamese.contains("Tỉnh Quảng Ninh"),
            "{page}: {vietnamese}"
        );
        assert!(
            !vietnamese.contains("Quang Ninh Province"),
            "{page}: {vietnamese}"
        );
    }
    let round = fx.text(&format!("en/{ROUND_PAGE}"));
    assert!(
        round.contains("Ha Long City, Quang Ninh Province"),
        "{round}"
    );
    assert!(
        !fx.page(&format!("en/{COMMUNE_PAGE}"))
            .contains("lang=\"vi\">Tỉnh")
    );
    // the results overview names the province's totals in English too
    let results = fx.text("en/ket-qua/index.html");
    assert!(results.contains("Quang Ninh Province"), "{results}");
}

#[test]
fn a_province_without_ten_en_stays_vietnamese_and_is_marked_so() {
    let fx = bilingual();
    fx.build_ok();
    for page in [ROUND_PAGE, COMMUNE_PAGE, "don-vi/index.html"] {
        let english = fx.page(&format!("en/{page}"));
        assert!(
            english.contains("<span lang=\"vi\">Tỉnh Quảng Ninh</span>"),
            "en/{page}: {english}"
        );
        let vietnamese = fx.page(page);
        assert!(vietnamese.contains("Tỉnh Quảng Ninh"), "{page}");
        assert!(!vietnamese.contains("<span lang=\"vi\">Tỉnh"), "{page}");
    }
}

#[test]
fn a_site_rule_set_is_cited_by_its_ten_en_on_english_pages() {
    let fx = bilingual();
    let config = fx.read(CONFIG);
    fx.write(
        CONFIG,
        format!(
            "{config}quy_tac_bau_cu:\n  - ma: tinh-thu\n    dua_tren: nqlt-09-2008\n    \
             ten: Hướng dẫn số 5/HD-UBND của tỉnh\n    ten_en: The province's Guidance 5/HD-UBND\n"
        ),
    );
    let round = fx.read(ROUND_FILE);
    fx.write(ROUND_FILE, format!("{round}quy_tac: tinh-thu\n"));
    fx.build_ok();
    let english = fx.text(&format!("en/{ROUND_PAGE}"));
    assert!(
        english.contains("The province's Guidance 5/HD-UBND"),
        "{english}"
    );
    assert!(!english.contains("Hướng dẫn số 5"), "{english}");
    let vietnamese = fx.text(ROUND_PAGE);
    assert!(
        vietnamese.contains("Hướng dẫn số 5/HD-UBND của tỉnh"),
        "{vietnamese}"
    );
}

#[test]
fn a_province_typed_with_a_blank_ten_is_refused_with_its_line() {
    let fx = Fixture::new();
    fx.replace_line(
        COMMUNE,
        "tinh: Tỉnh Quảng Ninh",
        "tinh:\n  ten:\n  ten_en: Quang Ninh Province",
    );
    let diagnostics = fx.check();
    let text = format!("{diagnostics:?}");
    assert!(diagnostics.has_errors(), "{text}");
    assert!(text.contains("thu-nghiem.yaml"), "{text}");
}
