//! A valid site builds: every page exists and shows the facts it is about, formatted the way
//! Vietnamese readers expect.

use crate::harness::*;

/// Every page the fixture site must have.
const PAGES: &[&str] = &[
    "index.html",
    "404.html",
    "bau-cu/index.html",
    "bau-cu/tn-2022/index.html",
    "bau-cu/tn-2022/khu-1/index.html",
    "bau-cu/tn-2022/khu-2/index.html",
    "bau-cu/tn-2022/khu-1/nguyen-van-an/index.html",
    "bau-cu/tn-2022/khu-1/tran-thi-binh/index.html",
    "bau-cu/tn-2022/khu-2/le-van-cuong/index.html",
    "van-ban/index.html",
    "van-ban/cong-van-13/index.html",
    "van-ban/ke-hoach-bau-cu/index.html",
    "don-vi/index.html",
    "don-vi/thu-nghiem/index.html",
    "don-vi/thu-nghiem/khu-1/index.html",
    "don-vi/thu-nghiem/khu-2/index.html",
    "gioi-thieu/index.html",
    "lien-he/index.html",
];

const AN_PAGE: &str = "bau-cu/tn-2022/khu-1/nguyen-van-an/index.html";
const KHU_1: &str = "bau-cu/tn-2022/khu-1/index.html";
const LETTER_PAGE: &str = "van-ban/cong-van-13/index.html";
const PLAN_PAGE: &str = "van-ban/ke-hoach-bau-cu/index.html";

fn assert_shows(fx: &Fixture, page: &str, expected: &[&str]) {
    let text = fx.text(page);
    for e in expected {
        assert!(
            text.contains(e),
            "{page} should show “{e}”; it reads:\n{text}"
        );
    }
}

#[test]
fn a_valid_site_checks_without_any_problem() {
    let fx = Fixture::new();
    let diagnostics = fx.check();
    assert!(diagnostics.is_empty(), "{diagnostics}");
}

#[test]
fn every_page_attachment_photo_and_stylesheet_is_written() {
    let fx = Fixture::new();
    let report = fx.build_ok();
    let written = site_files(&fx.output());
    for page in PAGES {
        assert!(
            written.iter().any(|w| w == page),
            "missing {page}: {written:#?}"
        );
    }
    let pages = html_pages(&fx.output());
    assert_eq!(report.pages, pages.len(), "pages reported vs written");
    assert_eq!(report.files, written.len(), "files reported vs written");
    let style = fx.asset("tai-nguyen/style.css");
    assert!(written.contains(&style), "{style}");
    let copies = [
        ("van-ban/cong-van-13/cong-van-13.pdf", PDF_BYTES),
        (
            "bau-cu/tn-2022/khu-1/nguyen-van-an/nguyen-van-an.jpg",
            PHOTO_BYTES,
        ),
    ];
    for (path, bytes) in copies {
        assert_eq!(
            std::fs::read(fx.output().join(path)).unwrap(),
            bytes,
            "{path}"
        );
    }
}

#[test]
fn pages_are_complete_html_documents_in_vietnamese() {
    let fx = Fixture::new();
    fx.build_ok();
    for page in html_pages(&fx.output()) {
        let html = fx.page(&page).to_ascii_lowercase();
        assert!(html.starts_with("<!doctype html>"), "{page}: no doctype");
        assert!(
            html.contains("<html lang=vi") || html.contains("<html lang=\"vi\""),
            "{page}: not marked as Vietnamese"
        );
        assert!(html.contains("<title>"), "{page}: no title");
        assert!(html.contains("charset=\"utf-8\""), "{page}: no charset");
    }
}

#[test]
fn candidate_page_shows_the_public_facts_and_the_votes() {
    let fx = Fixture::new();
    fx.build_ok();
    assert_shows(
        &fx,
        AN_PAGE,
        &[
            "Nguyễn Văn An",
            "1975",
            "Nam",
            "Kinh",
            "Đại học",
            "Quản lý đất đai",
            "Trung cấp",
            "Cán bộ hưu trí",
            "Khu phố Một",
            "hòa giải",
            // 1234 votes of 2802 household representatives
            "1.234",
            "44,04%",
        ],
    );
    assert!(links_to(
        &fx.output(),
        AN_PAGE,
        "bau-cu/tn-2022/khu-1/nguyen-van-an/nguyen-van-an.jpg"
    ));
    // `rieng_tu` is for staff only
    assert!(!fx.page(AN_PAGE).contains("chỉ dành cho cán bộ"));
    assert_shows(
        &fx,
        "bau-cu/tn-2022/khu-1/tran-thi-binh/index.html",
        &["Trần Thị Bình", "1980", "Nữ", "Tày"],
    );
}

#[test]
fn contest_page_lists_its_candidates_and_the_count_record() {
    let fx = Fixture::new();
    fx.build_ok();
    assert_shows(
        &fx,
        KHU_1,
        &[
            "Khu phố Một",
            "Nhà văn hóa khu phố Một",
            "Nguyễn Văn An",
            "Trần Thị Bình",
            "2.802",
            "2.500",
            "2.480",
            "1.234",
            "1.100",
            // turnout 2500 / 2802, votes 1234 / 2480 valid ballots
            "89,22%",
            "49,76%",
        ],
    );
    let other = fx.text(KHU_1);
    assert!(
        !other.contains("Lê Văn Cường"),
        "khu-2's candidate on khu-1"
    );
    assert!(links_to(&fx.output(), KHU_1, AN_PAGE));
}

#[test]
fn round_page_lists_contests_and_its_documents() {
    let fx = Fixture::new();
    fx.build_ok();
    let round = "bau-cu/tn-2022/index.html";
    assert_shows(
        &fx,
        round,
        &[
            "Phường Thử Nghiệm",
            "2022–2025",
            "Khu phố Một",
            "Khu phố Hai",
        ],
    );
    for target in [
        KHU_1,
        "bau-cu/tn-2022/khu-2/index.html",
        LETTER_PAGE,
        PLAN_PAGE,
    ] {
        assert!(links_to(&fx.output(), round, target), "{round} → {target}");
    }
    assert!(links_to(&fx.output(), "bau-cu/index.html", round));
}

#[test]
fn document_page_shows_number_signer_and_attachment_checksum() {
    let fx = Fixture::new();
    fx.build_ok();
    assert_shows(
        &fx,
        LETTER_PAGE,
        &[
            "13-CV/ĐU",
            "Về việc lãnh đạo bầu cử trưởng khu phố nhiệm kỳ 2022-2025",
            "Đảng ủy phường Thử Nghiệm",
            "Phạm Văn Dũng",
            "Bản chụp công văn",
            PDF_SHA256,
            PDF_SIZE,
            "Lưu Văn phòng",
        ],
    );
    assert!(links_to(
        &fx.output(),
        LETTER_PAGE,
        "van-ban/cong-van-13/cong-van-13.pdf"
    ));
    assert_shows(&fx, "van-ban/index.html", &["13-CV/ĐU", "45/KH-UBND"]);
}

#[test]
fn a_legal_basis_on_the_site_links_to_its_document() {
    let fx = Fixture::new();
    fx.build_ok();
    assert_shows(
        &fx,
        PLAN_PAGE,
        &[
            "Luật Thực hiện dân chủ ở cơ sở năm 2022",
            "Công văn số 13-CV/ĐU của Đảng ủy phường",
            "Mục đích",
        ],
    );
    assert!(links_to(&fx.output(), PLAN_PAGE, LETTER_PAGE));
}

#[test]
fn division_pages_list_villages_and_rounds() {
    let fx = Fixture::new();
    fx.build_ok();
    let commune = "don-vi/thu-nghiem/index.html";
    assert_shows(
        &fx,
        commune,
        &[
            "Phường Thử Nghiệm",
            "Tỉnh Quảng Ninh",
            "Khu phố Một",
            "Khu phố Hai",
        ],
    );
    for target in [
        "don-vi/thu-nghiem/khu-1/index.html",
        "don-vi/thu-nghiem/khu-2/index.html",
        "bau-cu/tn-2022/index.html",
    ] {
        assert!(
            links_to(&fx.output(), commune, target),
            "{commune} → {target}"
        );
    }
    assert!(links_to(&fx.output(), "don-vi/index.html", commune));
    let village = "don-vi/thu-nghiem/khu-2/index.html";
    assert_shows(&fx, village, &["Khu phố Hai", "Phường Thử Nghiệm"]);
    assert!(links_to(
        &fx.output(),
        village,
        "bau-cu/tn-2022/khu-2/index.html"
    ));
}

#[test]
fn free_pages_and_about_page_show_their_text_and_are_linked() {
    let fx = Fixture::new();
    fx.build_ok();
    assert_shows(&fx, "lien-he/index.html", &["Liên hệ", "bộ phận một cửa"]);
    assert_shows(
        &fx,
        "gioi-thieu/index.html",
        &["UBND phường Thử Nghiệm", "Cổng thông tin niêm yết bầu cử"],
    );
    assert!(links_to(&fx.output(), "index.html", "lien-he/index.html"));
    assert!(links_to(
        &fx.output(),
        "index.html",
        "gioi-thieu/index.html"
    ));
}

#[test]
fn no_sample_data_notice_unless_configured() {
    let fx = Fixture::new();
    fx.build_ok();
    assert!(!fx.text("index.html").contains("Dữ liệu mẫu"));
    fx.write(CONFIG, format!("{}du_lieu_mau: true\n", fx.read(CONFIG)));
    fx.build_ok();
    for page in html_pages(&fx.output()) {
        assert!(fx.text(&page).contains("Dữ liệu mẫu"), "{page}");
    }
}

#[test]
fn raw_html_in_markdown_is_shown_as_text() {
    let fx = Fixture::new();
    fx.write(
        CONTACT,
        "---\ntieu_de: Liên hệ\n---\n<script>alert(1)</script> <b>đậm</b>\n",
    );
    fx.build_ok();
    let html = fx.page("lien-he/index.html");
    assert!(!html.contains("<script>alert"), "{html}");
    assert!(
        fx.text("lien-he/index.html")
            .contains("<script>alert(1)</script>")
    );
}

#[test]
fn the_same_content_builds_byte_identical_sites() {
    let fx = Fixture::new();
    let first = fx.root().join("first");
    let second = fx.root().join("second");
    build_ok(&fx.content(), &first);
    build_ok(&fx.content(), &second);
    assert_identical_trees(&first, &second);
}

#[test]
fn html_comments_in_a_bio_are_never_published() {
    let fx = Fixture::new();
    fx.replace_line(
        AN,
        "Ông tham gia công tác **hòa giải** ở cơ sở.",
        "Ông tham gia công tác **hòa giải** ở cơ sở.\n\n<!-- ghi chú nội bộ: nhà số 12 ngõ 5 -->",
    );
    fx.build_ok();
    let html = fx.page(AN_PAGE);
    assert!(
        html.contains("hòa giải") && !html.contains("ghi chú nội bộ"),
        "{html}"
    );
}

#[test]
fn english_names_given_in_content_are_shown_in_english() {
    let fx = Fixture::new();
    fx.replace_line(
        CONFIG,
        "co_quan: UBND phường Thử Nghiệm",
        "co_quan: UBND phường Thử Nghiệm\nten_en: Test Ward election notices\nco_quan_en: Test Ward People's Committee",
    );
    fx.replace_line(COMMUNE, "cap: phuong", "cap: phuong\nten_en: Test Ward");
    fx.replace_line(
        COMMUNE,
        "ten: Khu phố Một",
        "ten: Khu phố Một\nten_en: Neighbourhood One",
    );
    fx.build_ok();
    let home = fx.page("index.html");
    assert!(
        home.contains("lang=\"en\">Test Ward election notices<"),
        "{home}"
    );
    assert!(
        home.contains("lang=\"en\">Test Ward People&#39;s Committee<"),
        "{home}"
    );
    assert!(
        fx.page("don-vi/thu-nghiem/index.html")
            .contains("lang=\"en\">Test Ward<")
    );
    assert!(
        fx.page("don-vi/thu-nghiem/khu-1/index.html")
            .contains("lang=\"en\">Neighbourhood One<")
    );
}

#[test]
fn a_note_spanning_paragraphs_is_never_published() {
    let fx = Fixture::new();
    fx.replace_line(
        AN,
        "Ông tham gia công tác **hòa giải** ở cơ sở.",
        "Ông tham gia công tác **hòa giải** ở cơ sở. <!-- BIMAT1\n\nBIMAT2 -->\n\n<div><!-- BIMAT3\n\nBIMAT4\n\n--></div>",
    );
    fx.build_ok();
    let html = fx.page(AN_PAGE);
    assert!(
        html.contains("hòa giải") && !html.contains("BIMAT"),
        "{html}"
    );
}
