//! Archives: documents by page, kind and year, with page URLs that never move; elections by
//! term and year.

use crate::harness::*;

/// Writes `n` news items dated one day apart from 1 January 2023, numbered from 1.
fn news(fx: &Fixture, from: usize, to: usize) {
    for i in from..=to {
        let day = 1 + (i - 1) % 28;
        let month = 1 + (i - 1) / 28;
        fx.write(
            &format!("van-ban/tin-{i:03}.md"),
            format!(
                "---\nloai: tin-tuc\ntieu_de: Tin số {i:03}\nngay: {day}/{month}/2023\nco_quan: UBND phường Thử Nghiệm\n---\nNội dung tin {i}.\n"
            ),
        );
    }
}

/// The document titles a list page shows, in order.
fn titles(page: &str) -> Vec<String> {
    page.split("Tin số ")
        .skip(1)
        .map(|rest| format!("Tin số {}", &rest[..3]))
        .collect()
}

#[test]
fn document_pages_are_cut_from_the_oldest_and_keep_their_url() {
    let fx = Fixture::new();
    news(&fx, 1, 45);
    fx.build_ok();
    // 47 documents: the fixture's two of 2022 and 45 news items
    let first = fx.text("van-ban/index.html");
    let shown = titles(&first);
    assert_eq!(shown.len(), 20, "{first}");
    assert_eq!(shown[0], "Tin số 045", "newest first");
    let page_1 = titles(&fx.text("van-ban/trang/1/index.html"));
    assert_eq!(
        page_1.len(),
        18,
        "the two 2022 documents and the first 18 news items"
    );
    assert_eq!(page_1.last().map(String::as_str), Some("Tin số 001"));
    let page_2 = titles(&fx.text("van-ban/trang/2/index.html"));
    assert_eq!(page_2.first().map(String::as_str), Some("Tin số 038"));
    assert!(
        !fx.output().join("van-ban/trang/3").exists(),
        "7 left over stay on the first page"
    );
    assert!(links_to(
        &fx.output(),
        "van-ban/index.html",
        "van-ban/trang/2/index.html"
    ));
    assert!(links_to(
        &fx.output(),
        "van-ban/trang/2/index.html",
        "van-ban/trang/1/index.html"
    ));
    assert!(links_to(
        &fx.output(),
        "van-ban/trang/2/index.html",
        "van-ban/index.html"
    ));
    // the pager names the first page for what it holds and the others by number
    let pager = fx.text("van-ban/trang/2/index.html");
    assert!(
        pager.contains("← Mới hơn Mới nhất Trang 2 Trang 1 Cũ hơn →"),
        "{pager}"
    );

    // later news do not move what pages 1 and 2 hold
    news(&fx, 46, 60);
    fx.build_ok();
    assert_eq!(titles(&fx.text("van-ban/trang/1/index.html")), page_1);
    assert_eq!(titles(&fx.text("van-ban/trang/2/index.html")), page_2);
    assert!(fx.output().join("van-ban/trang/3/index.html").is_file());
}

#[test]
fn documents_are_listed_by_kind_and_by_year() {
    let fx = Fixture::new();
    news(&fx, 1, 3);
    fx.build_ok();
    let by_kind = fx.text("van-ban/loai/tin-tuc/index.html");
    assert_eq!(titles(&by_kind).len(), 3, "{by_kind}");
    let plans = fx.text("van-ban/loai/ke-hoach/index.html");
    assert!(
        plans.contains("Kế hoạch tổ chức bầu cử trưởng khu phố"),
        "{plans}"
    );
    let y2022 = fx.text("van-ban/nam/2022/index.html");
    assert!(
        y2022.contains("13-CV/ĐU") && titles(&y2022).is_empty(),
        "{y2022}"
    );
    let index = fx.text("van-ban/index.html");
    assert!(
        index.contains("Theo loại: Kế hoạch (1) · Công văn (1) · Tin tức (3)"),
        "{index}"
    );
    assert!(index.contains("Theo năm: 2023 (3) · 2022 (2)"), "{index}");
}

#[test]
fn elections_are_listed_by_term_and_by_year() {
    let fx = Fixture::new();
    fx.build_ok();
    let term = fx.text("bau-cu/nhiem-ky/2022-2025/index.html");
    assert!(term.contains("Bầu cử nhiệm kỳ 2022–2025"), "{term}");
    assert!(
        term.contains("Bầu cử Trưởng khu phố Phường Thử Nghiệm"),
        "{term}"
    );
    assert!(fx.output().join("bau-cu/nam/2022/index.html").is_file());
    assert!(links_to(
        &fx.output(),
        "bau-cu/index.html",
        "bau-cu/nam/2022/index.html"
    ));
}

#[test]
fn a_round_or_document_cannot_take_an_archive_s_name() {
    let fx = Fixture::new();
    fx.write(
        "van-ban/nam.md",
        "---\nloai: tin-tuc\ntieu_de: Tin\nngay: 1/1/2023\nco_quan: UBND\n---\nNội dung.\n",
    );
    let d = fx.check();
    find_error(&d, "van-ban/nam.md", "taken by a built-in section");
}
