//! Results pages: who is elected and why, computed from the records by the rules in force;
//! charts beside tables with the same numbers; the timeline; public lists; the overview.

use crate::harness::*;

fn example_page(out: &std::path::Path, rel: &str) -> String {
    let html = std::fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    visible_text(&html)
}

/// The inline `<svg>` elements of a page.
fn charts(html: &str) -> Vec<&str> {
    html.match_indices("<svg")
        .map(|(i, _)| {
            let end = html[i..].find("</svg>").expect("closed svg") + i + 6;
            &html[i..end]
        })
        .collect()
}

/// The texts drawn in a chart (its `<text>` elements).
fn drawn_texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            let start = t.find('>')? + 1;
            let end = t.find("</text>")?;
            Some(visible_text(&t[start..end]))
        })
        .collect()
}

#[test]
fn the_example_contests_say_who_is_elected_and_why() {
    if !example_exists() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("output");
    build_ok(&example_content(), &out);

    let kp3 = example_page(&out, "bau-cu/hong-gai-2022/khu-pho-3/index.html");
    assert!(kp3.contains("Không có người trúng cử"), "{kp3}");
    assert!(
        kp3.contains("được 159/361 = 44,04% ≤ 50% tổng số hộ"),
        "{kp3}"
    );
    assert!(
        kp3.contains("Không công nhận, bầu lại") && kp3.contains("19/6/2022"),
        "{kp3}"
    );

    let kp2 = example_page(&out, "bau-cu/dong-ky-2024/khu-pho-2/index.html");
    assert!(
        kp2.contains("198/412 = 48,06% số hộ tham gia ≤ 50% tổng số hộ, nên cuộc bầu không hợp lệ"),
        "{kp2}"
    );

    let khom3 = example_page(&out, "bau-cu/soc-trang-2022/khom-3/index.html");
    assert!(khom3.contains("Số phiếu không hợp lệ 8 2,05%"), "{khom3}");

    let kp1 = example_page(&out, "bau-cu/hong-gai-2022/khu-pho-1/index.html");
    assert!(
        kp1.contains("Trúng cử: Phạm Văn Thắng với 196/286 = 68,53% > 50% tổng số hộ"),
        "{kp1}"
    );
    assert!(
        kp1.contains("Đã công nhận — Quyết định số 112/QĐ-UBND ngày 09/6/2022"),
        "{kp1}"
    );
    // Hồng Gai voted in 2022, before the Law on Grassroots Democracy took effect
    assert!(kp1.contains("09/2008/NQLT-CP-UBTWMTTQVN"), "{kp1}");
    let dong_ky = example_page(&out, "bau-cu/dong-ky-2024/khu-pho-1/index.html");
    assert!(dong_ky.contains("59/2023/NĐ-CP"), "{dong_ky}");

    let overview = example_page(&out, "ket-qua/index.html");
    assert!(
        overview.contains("Bầu cử Trưởng khu phố Phường Hồng Gai"),
        "{overview}"
    );
}

#[test]
fn every_chart_is_labelled_and_its_numbers_are_in_a_table_beside_it() {
    if !example_exists() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("output");
    build_ok(&example_content(), &out);
    let mut seen = 0;
    for rel in [
        "bau-cu/hong-gai-2022/khu-pho-3/index.html",
        "bau-cu/dong-ky-2024/index.html",
        "bau-cu/soc-trang-2022/index.html",
    ] {
        let html = std::fs::read_to_string(out.join(rel)).unwrap();
        let (without_charts, svgs) = {
            let mut rest = html.clone();
            for svg in charts(&html) {
                rest = rest.replace(svg, "");
            }
            (visible_text(&rest), charts(&html))
        };
        assert!(!svgs.is_empty(), "{rel} has no chart");
        for svg in svgs {
            seen += 1;
            assert!(
                svg.contains("role=\"img\"") && svg.contains("aria-labelledby"),
                "{svg}"
            );
            assert!(svg.contains("<title") && svg.contains("<desc"), "{svg}");
            for text in drawn_texts(svg) {
                // "159 (44,04%)": each number drawn is printed in the page's tables
                for number in text
                    .split([' ', '(', ')'])
                    .filter(|t| t.starts_with(|c: char| c.is_ascii_digit()))
                {
                    assert!(
                        without_charts.contains(number),
                        "{rel}: the chart shows {number}, which no table has"
                    );
                }
            }
        }
    }
    assert!(seen >= 6, "only {seen} charts");
}

#[test]
fn the_round_dashboard_lists_every_contest_with_turnout_outcome_and_status() {
    let fx = Fixture::new();
    fx.build_ok();
    let round = fx.text("bau-cu/tn-2022/index.html");
    assert!(
        round.contains("Khu phố Một 2.802 2.500 89,22% 146 Không có người trúng cử Không công nhận, bầu lại — Quyết định số 12/QĐ-UBND ngày 08/6/2022; bầu lại ngày 19/6/2022"),
        "{round}"
    );
    assert!(
        round
            .contains("Khu phố Hai 250 159 63,60% 7 Có người trúng cử : Lê Văn Cường Đã công nhận"),
        "{round}"
    );
    assert!(round.contains("Cơ cấu ứng cử viên"), "{round}");
    assert!(
        round.contains("Đã công nhận, có cuộc bầu lại (công nhận xong ngày 09/6/2022)"),
        "{round}"
    );
    assert!(
        round.contains("Tổng cộng 3.052 2.659 2.659/3.052 = 87,12% Số cuộc bầu: 2; Đã có kết quả: 2; Có người trúng cử: 1; Không công nhận, bầu lại: 1"),
        "{round}"
    );
    assert!(round.contains("Nữ 1 33,33%"), "{round}");
    let contest = fx.text("bau-cu/tn-2022/khu-2/index.html");
    assert!(
        contest.contains("Hình thức bầu Biểu quyết giơ tay"),
        "{contest}"
    );
    assert!(
        contest.contains("Trúng cử: Lê Văn Cường với 150/250 = 60,00% > 50% tổng số hộ"),
        "{contest}"
    );
}

#[test]
fn valid_ballots_for_no_candidate_are_stated_where_there_are_any() {
    let fx = Fixture::new();
    fx.write(CONFIG, fx.read(CONFIG) + "ngon_ngu: [vi, en]\n");
    fx.build_ok();
    // khu-1: 2480 valid ballots, 1234 + 1100 votes
    let contest = fx.text("bau-cu/tn-2022/khu-1/index.html");
    assert!(
        contest.contains("Số phiếu hợp lệ không bầu cho ứng cử viên nào 146 5,89%"),
        "{contest}"
    );
    assert!(
        contest
            .contains("phiếu hợp lệ không bầu cho ứng cử viên nào (nếu có) tính trên phiếu hợp lệ"),
        "{contest}"
    );
    let english = fx.text("en/bau-cu/tn-2022/khu-1/index.html");
    assert!(
        english.contains("Valid ballots for no candidate 146 5.89%"),
        "{english}"
    );
    let round = fx.text("bau-cu/tn-2022/index.html");
    assert!(round.contains("Phiếu không bầu ai"), "{round}");

    // every valid ballot of khu-1 names a candidate: its page and its cell say nothing of it
    fx.replace_line(RESULTS, "tran-thi-binh: 1100", "tran-thi-binh: 1246");
    fx.build_ok();
    let contest = fx.text("bau-cu/tn-2022/khu-1/index.html");
    assert!(
        !contest.contains("Số phiếu hợp lệ không bầu cho ứng cử viên nào"),
        "{contest}"
    );
    let round = fx.text("bau-cu/tn-2022/index.html");
    assert!(
        round.contains("Khu phố Một 2.802 2.500 89,22% Không có người trúng cử"),
        "{round}"
    );
    assert!(
        round.contains("Khu phố Hai 250 159 63,60% 7 Có người"),
        "{round}"
    );

    // nor does the round's table once no contest has any
    fx.replace_line(RESULTS, "le-van-cuong: 150", "le-van-cuong: 157");
    fx.build_ok();
    let round = fx.text("bau-cu/tn-2022/index.html");
    assert!(!round.contains("Phiếu không bầu ai"), "{round}");
}

#[test]
fn the_timeline_shows_each_deadline_counted_from_election_day() {
    let fx = Fixture::new();
    fx.replace_line(
        ROUND_FILE,
        "trang_thai: chinh-thuc",
        "trang_thai: chinh-thuc\ncac_buoc:\n  quyet_dinh:\n    ngay: 10/5/2022\n    van_ban: ke-hoach-bau-cu\n  to_bau_cu:\n    ngay: 28/5/2022",
    );
    let report = fx.build_ok();
    assert_eq!(
        report.diagnostics.warning_count(),
        1,
        "{}",
        report.diagnostics
    );
    let round = fx.text("bau-cu/tn-2022/index.html");
    assert!(
        round.contains("Quyết định và kế hoạch tổ chức bầu cử Ngày: 10/5/2022 · Hạn theo quy định: 16/5/2022 · Đúng hạn"),
        "{round}"
    );
    assert!(
        round.contains(
            "Thành lập tổ bầu cử Ngày: 28/5/2022 · Hạn theo quy định: 26/5/2022 · Trễ hạn"
        ),
        "{round}"
    );
    let html = fx.page("bau-cu/tn-2022/index.html");
    assert!(
        links_to(
            &fx.output(),
            "bau-cu/tn-2022/index.html",
            "van-ban/ke-hoach-bau-cu/index.html"
        ),
        "{html}"
    );
    // the record of khu-1 on Sunday 05/6/2022: recognition due by Friday 10/6/2022
    assert!(round.contains("Hạn theo quy định: 10/6/2022"), "{round}");
}

#[test]
fn only_an_upcoming_round_shows_its_day_and_the_countdown_script() {
    let fx = Fixture::new();
    fx.build_ok();
    assert!(
        !fx.page("bau-cu/tn-2022/index.html")
            .contains(&fx.asset("tai-nguyen/dem-nguoc.js"))
    );
    fx.replace_line(
        ROUND_FILE,
        "trang_thai: chinh-thuc",
        "trang_thai: sap-dien-ra",
    );
    fx.remove(RESULTS);
    fx.build_ok();
    let html = fx.page("bau-cu/tn-2022/index.html");
    assert!(
        html.contains(&fx.asset("tai-nguyen/dem-nguoc.js"))
            && html.contains("data-ngay=\"2022-06-05\""),
        "{html}"
    );
    // the script's words are the page's, never its own
    assert!(html.contains("data-left=\"Còn {n} ngày.\""), "{html}");
    let script_path = fx.asset("tai-nguyen/dem-nguoc.js");
    assert!(html.contains(&script_path), "{html}");
    let script = fx.read_output(&script_path);
    assert!(!script.contains("ngày"), "{script}");
    let text = visible_text(&html);
    assert!(
        text.contains("Ngày bầu cử: Chủ nhật, ngày 5 tháng 6 năm 2022"),
        "{text}"
    );
    assert!(text.contains("Chưa đến"), "{text}");

    fx.replace_line(
        ROUND_FILE,
        "trang_thai: sap-dien-ra",
        "trang_thai: hoan\nquyet_dinh_hoan:\n  so: 7/QĐ-UBND\n  ngay: 01/6/2022\nly_do: Mưa bão",
    );
    fx.build_ok();
    let text = fx.text("bau-cu/tn-2022/index.html");
    assert!(
        text.contains("Hoãn — Quyết định số 7/QĐ-UBND ngày 01/6/2022 Lý do Mưa bão"),
        "{text}"
    );
    assert!(
        fx.output()
            .join(fx.asset("tai-nguyen/dem-nguoc.js"))
            .is_file()
    );
}

#[test]
fn public_lists_are_ready_to_post_at_the_ward_office() {
    let fx = Fixture::new();
    fx.build_ok();
    let list = fx.text("bau-cu/tn-2022/danh-sach-ung-cu-vien/index.html");
    assert!(list.contains("ỦY BAN NHÂN DÂN PHƯỜNG THỬ NGHIỆM"), "{list}");
    assert!(
        list.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        "{list}"
    );
    assert!(
        list.contains("DANH SÁCH ỨNG CỬ VIÊN") || list.contains("Danh sách ứng cử viên"),
        "{list}"
    );
    let (one, two) = list
        .split_once("Khu phố Hai")
        .expect("grouped by neighbourhood");
    assert!(
        one.contains("Nguyễn Văn An") && one.contains("Trần Thị Bình"),
        "{list}"
    );
    assert!(two.contains("Lê Văn Cường"), "{list}");
    assert!(
        list.contains("ngày …… tháng …… năm ……"),
        "no posting date: blanks to fill"
    );
    assert!(list.contains("TM. ỦY BAN NHÂN DÂN CHỦ TỊCH"), "{list}");

    let elected = fx.text("bau-cu/tn-2022/danh-sach-trung-cu/index.html");
    assert!(
        elected.contains(
            "1 Khu phố Hai Lê Văn Cường 1968 150 60,00% Quyết định số 13/QĐ-UBND ngày 09/6/2022"
        ),
        "{elected}"
    );
    assert!(
        elected.contains("Khu phố Một : Không đạt: người nhiều phiếu nhất (Nguyễn Văn An)"),
        "{elected}"
    );
    assert!(
        elected.contains("Thử Nghiệm, ngày 09 tháng 6 năm 2022"),
        "{elected}"
    );
    assert!(
        fx.page("bau-cu/tn-2022/danh-sach-trung-cu/index.html")
            .contains("public-list-page")
    );
}

#[test]
fn a_site_may_follow_its_province_s_own_threshold() {
    let fx = Fixture::new();
    let config = fx.read(CONFIG)
        + "quy_tac_bau_cu:\n  - ma: tinh-thu\n    dua_tren: nqlt-09-2008\n    ten: Hướng dẫn số 1/HD-UBND của tỉnh\n    ty_le_trung_cu: 40\n";
    fx.write(CONFIG, config);
    fx.replace_line(
        ROUND_FILE,
        "trang_thai: chinh-thuc",
        "trang_thai: chinh-thuc\nquy_tac: tinh-thu",
    );
    // under 40%, khu-1 elects Nguyễn Văn An, so its repeat vote becomes a recognition
    fx.replace_line(RESULTS, "trang_thai: bau-lai", "trang_thai: cong-nhan");
    fx.replace_line(RESULTS, "ngay_bau_lai: 19/6/2022", "");
    fx.build_ok();
    let contest = fx.text("bau-cu/tn-2022/khu-1/index.html");
    assert!(
        contest.contains("Trúng cử: Nguyễn Văn An với 1.234/2.802 = 44,04% > 40% tổng số hộ"),
        "{contest}"
    );
    assert!(
        contest.contains("Áp dụng: Hướng dẫn số 1/HD-UBND của tỉnh"),
        "{contest}"
    );
}

#[test]
fn the_results_overview_counts_the_outcomes_of_each_round() {
    let fx = Fixture::new();
    fx.build_ok();
    let overview = fx.text("ket-qua/index.html");
    assert!(
        overview.contains("2022–2025 05/6/2022 3.052 2.659 2.659/3.052 = 87,12% Số cuộc bầu: 2; Đã có kết quả: 2; Có người trúng cử: 1; Không công nhận, bầu lại: 1; Người trúng cử: 0 tái cử, 1 mới Đã công nhận, có cuộc bầu lại"),
        "{overview}"
    );
}

#[test]
fn every_results_page_and_list_links_to_its_data() {
    let fx = Fixture::new();
    fx.build_ok();
    let out = fx.output();
    for (page, data) in [
        (
            "bau-cu/tn-2022/khu-2/index.html",
            "bau-cu/tn-2022/khu-2/ket-qua",
        ),
        ("bau-cu/tn-2022/index.html", "bau-cu/tn-2022/ket-qua"),
        ("bau-cu/tn-2022/index.html", "bau-cu/tn-2022/ung-cu-vien"),
        ("bau-cu/tn-2022/index.html", "bau-cu/tn-2022/trung-cu"),
        (
            "bau-cu/tn-2022/danh-sach-ung-cu-vien/index.html",
            "bau-cu/tn-2022/ung-cu-vien",
        ),
        (
            "bau-cu/tn-2022/danh-sach-trung-cu/index.html",
            "bau-cu/tn-2022/trung-cu",
        ),
        ("ket-qua/index.html", "du-lieu/ket-qua"),
        ("ket-qua/index.html", "du-lieu/don-vi"),
    ] {
        for ext in ["csv", "json"] {
            let target = format!("{data}.{ext}");
            assert!(
                links_to(&out, page, &target),
                "{page} does not link to {target}"
            );
            assert!(out.join(&target).is_file(), "{target}");
        }
    }
    assert!(links_to(&out, "ket-qua/index.html", "du-lieu/popolo.json"));
    let nist = "bau-cu/tn-2022/nist-1500-100.json";
    assert!(links_to(&out, "ket-qua/index.html", nist), "{nist}");
    assert!(links_to(&out, "bau-cu/tn-2022/index.html", nist), "{nist}");
}
