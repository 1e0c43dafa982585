//! The public lists as printed for the ward office's board (niêm yết): the state format of
//! administrative documents (Nghị định 30/2020/NĐ-CP, appendix I), the sample-data mark, and
//! what keeps a printed line or row whole. The layout itself is checked by printing (README).

use crate::harness::{CONFIG, Fixture, ROUND_FILE};

const CANDIDATES: &str = "bau-cu/tn-2022/danh-sach-ung-cu-vien/index.html";
const ELECTED: &str = "bau-cu/tn-2022/danh-sach-trung-cu/index.html";
const MARK: &str = "DỮ LIỆU MẪU / SAMPLE DATA";

#[test]
fn a_list_carries_the_state_format_with_blanks_to_fill_by_hand() {
    let fx = Fixture::new();
    fx.build_ok();
    let html = fx.page(ELECTED);
    let text = fx.text(ELECTED);
    // the issuer on two lines in bold, with its number line under it
    assert!(
        html.contains("<strong>ỦY BAN NHÂN DÂN<br>PHƯỜNG THỬ NGHIỆM</strong>"),
        "{html}"
    );
    assert!(html.contains("Số: ……/……"), "{html}");
    assert!(
        text.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc"),
        "{text}"
    );
    // the place without the unit's kind; the day below 10 with a leading zero, June without
    assert!(
        text.contains("Thử Nghiệm, ngày 09 tháng 6 năm 2022"),
        "{text}"
    );
    // a decision number never breaks across lines
    assert!(
        html.contains("Quyết định số <span class=\"nowrap\">13/QĐ-UBND</span> ngày"),
        "{html}"
    );
    assert!(text.contains("Nơi nhận: - Lưu: VT."), "{text}");
    assert!(text.contains("TM. ỦY BAN NHÂN DÂN CHỦ TỊCH"), "{text}");
    for page in [CANDIDATES, ELECTED] {
        assert!(
            !fx.page(page).contains(MARK),
            "no sample mark on a real site"
        );
    }
}

#[test]
fn a_site_sets_the_number_signer_and_recipients_and_sample_data_is_marked_on_every_page() {
    let fx = Fixture::new();
    let config = fx.read(CONFIG);
    fx.write(CONFIG, format!("{config}du_lieu_mau: true\n"));
    let round = fx.read(ROUND_FILE);
    fx.write(
        ROUND_FILE,
        format!(
            "{round}danh_sach_niem_yet:\n  ung_cu_vien:\n    so: 45/TB-UBND\n    \
             co_quan_chu_quan: UBND thành phố Thử\n    dia_danh: Phường Thử Nghiệm\n    \
             nguoi_ky: Đặng Văn Ký\n    noi_nhan:\n      - Thường trực Đảng ủy phường\n      \
             - Các khu phố\n"
        ),
    );
    fx.build_ok();
    let html = fx.page(CANDIDATES);
    let text = fx.text(CANDIDATES);
    assert!(
        html.contains("<p class=\"superior\">UBND THÀNH PHỐ THỬ</p>"),
        "{html}"
    );
    assert!(html.contains("Số: 45/TB-UBND"), "{html}");
    assert!(
        text.contains("Phường Thử Nghiệm, ngày …… tháng …… năm ……"),
        "{text}"
    );
    assert!(
        text.contains("Nơi nhận: - Thường trực Đảng ủy phường; - Các khu phố; - Lưu: VT."),
        "{text}"
    );
    assert!(text.contains("Đặng Văn Ký"), "{text}");
    // the elected list has its own number: blanks
    assert!(fx.page(ELECTED).contains("Số: ……/……"));
    // the mark is in every list, and the print stylesheet fixes it so it repeats on each page
    for page in [CANDIDATES, ELECTED] {
        let html = fx.page(page);
        assert!(
            html.contains(&format!(
                "<p class=\"sample-mark\" aria-hidden=\"true\">{MARK}</p>"
            )),
            "{page}"
        );
    }
    // the stylesheet may be minified: compare without spaces
    let css: String = std::fs::read_to_string(fx.output().join(fx.asset("tai-nguyen/style.css")))
        .unwrap()
        .split_whitespace()
        .collect();
    let print = &css[css.find("@mediaprint").expect("a print stylesheet")..];
    let rule = &print[print.find(".sample-mark{").expect("the mark prints")..];
    let rule = &rule[..rule.find('}').unwrap()];
    assert!(
        rule.contains("display:block") && rule.contains("position:fixed"),
        "{rule}"
    );
}

#[test]
fn printed_names_keep_to_two_lines_and_english_tables_to_the_text_width() {
    let fx = Fixture::new();
    fx.build_ok();
    // the stylesheet may be minified: compare without spaces
    let css: String = std::fs::read_to_string(fx.output().join(fx.asset("tai-nguyen/style.css")))
        .unwrap()
        .split_whitespace()
        .collect();
    let print = &css[css.find("@mediaprint").expect("a print stylesheet")..];
    // measured on the example site's lists at the A4 text width by .ci/browser.mjs (printedList)
    let name = &print[print
        .find(".public-listtbodyth[scope=row]{")
        .expect("a name rule")..];
    assert!(
        name[..name.find('}').unwrap()].contains("min-width:7em"),
        "{name}"
    );
    let english = &print[print
        .find(".public-list:lang(en)table{")
        .expect("an English rule")..];
    assert!(
        english[..english.find('}').unwrap()].contains("font-size:10.5pt"),
        "{english}"
    );
}
