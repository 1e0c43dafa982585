//! The law's rules on results: errors name the file, the line and the figures; deadlines that
//! were missed are warnings.

use crate::harness::*;
use niemyet::diagnostics::{Diagnostic, Diagnostics};

fn warning<'a>(d: &'a Diagnostics, path: &str, text: &str) -> &'a Diagnostic {
    d.iter()
        .filter(|w| !w.is_error() && same_path(&w.path, path))
        .find(|w| w.message.vi.contains(text) || w.message.en.contains(text))
        .unwrap_or_else(|| panic!("expected a warning in {path} saying “{text}”; got:\n{d}"))
}

#[test]
fn a_recognised_result_needs_the_date_of_its_decision() {
    let fx = Fixture::new();
    fx.replace_line(RESULTS, "ngay: 09/6/2022", "");
    let d = fx.check();
    let line = fx.line_after(RESULTS, "khu-2:", "trang_thai: cong-nhan");
    assert_error(&d, RESULTS, line, Some("trang_thai"), "without the date");
}

#[test]
fn an_official_round_needs_every_contest_decided() {
    let fx = Fixture::new();
    fx.replace_line(RESULTS, "trang_thai: cong-nhan", "trang_thai: tam-thoi");
    let d = fx.check();
    let line = fx.line_after(RESULTS, "khu-2:", "trang_thai: tam-thoi");
    let e = assert_error(&d, RESULTS, line, Some("trang_thai"), "marked official");
    assert!(e.message.vi.contains("khu-2"), "{e}");
    // the same contest in a provisional round is fine
    fx.replace_line(ROUND_FILE, "trang_thai: chinh-thuc", "trang_thai: tam-thoi");
    assert!(errors(&fx.check()).is_empty());
}

#[test]
fn recognising_a_contest_where_nobody_passed_half_of_all_households_is_an_error() {
    let fx = Fixture::new();
    fx.replace_line(RESULTS, "trang_thai: bau-lai", "trang_thai: cong-nhan");
    fx.replace_line(RESULTS, "ngay_bau_lai: 19/6/2022", "");
    let d = fx.check();
    let line = fx.line_after(RESULTS, "khu-1:", "trang_thai: cong-nhan");
    assert_error(&d, RESULTS, line, Some("trang_thai"), "nobody is elected");
}

#[test]
fn a_repeat_vote_needs_its_date_after_election_day() {
    let fx = Fixture::new();
    fx.replace_line(RESULTS, "ngay_bau_lai: 19/6/2022", "");
    let d = fx.check();
    let line = fx.line_after(RESULTS, "khu-1:", "trang_thai: bau-lai");
    assert_error(&d, RESULTS, line, Some("trang_thai"), "without its date");

    let fx = Fixture::new();
    fx.replace_line(
        RESULTS,
        "ngay_bau_lai: 19/6/2022",
        "ngay_bau_lai: 01/6/2022",
    );
    let d = fx.check();
    let line = fx.line_of(RESULTS, "ngay_bau_lai:");
    let e = assert_error(
        &d,
        RESULTS,
        line,
        Some("ngay_bau_lai"),
        "before election day",
    );
    assert!(e.message.en.contains("01/6/2022") && e.message.en.contains("05/6/2022"));
}

#[test]
fn a_decision_before_its_record_is_an_error_and_a_late_one_a_warning() {
    let fx = Fixture::new();
    fx.replace_line(RESULTS, "ngay: 08/6/2022", "ngay: 04/6/2022");
    let d = fx.check();
    let line = fx.line_after(RESULTS, "khu-1:", "quyet_dinh:");
    assert_error(
        &d,
        RESULTS,
        line,
        Some("quyet_dinh"),
        "is before the record",
    );

    // record on Sunday 05/6/2022: five working days run to Friday 10/6/2022
    let fx = Fixture::new();
    fx.replace_line(RESULTS, "ngay: 08/6/2022", "ngay: 13/6/2022");
    let d = fx.check();
    assert!(errors(&d).is_empty(), "{d}");
    let w = warning(&d, RESULTS, "after its deadline of 10/6/2022");
    assert_eq!(
        w.line,
        Some(fx.line_after(RESULTS, "khu-1:", "quyet_dinh:"))
    );
}

#[test]
fn preparation_steps_come_before_election_day_and_late_ones_are_warned() {
    let fx = Fixture::new();
    fx.replace_line(
        ROUND_FILE,
        "trang_thai: chinh-thuc",
        "trang_thai: chinh-thuc\ncac_buoc:\n  quyet_dinh:\n    ngay: 20/5/2022\n  to_bau_cu:\n    ngay: 06/6/2022",
    );
    let d = fx.check();
    // 20 days before 05/6/2022 is 16/5/2022
    let w = warning(&d, ROUND_FILE, "deadline of 16/5/2022");
    assert_eq!(w.line, Some(fx.line_of(ROUND_FILE, "  quyet_dinh:")));
    let line = fx.line_of(ROUND_FILE, "ngay: 06/6/2022");
    assert_error(
        &d,
        ROUND_FILE,
        line,
        Some("to_bau_cu"),
        "not before election day",
    );
}

#[test]
fn a_round_may_follow_the_site_s_own_rules_and_unknown_rules_are_errors() {
    let fx = Fixture::new();
    fx.replace_line(
        ROUND_FILE,
        "trang_thai: chinh-thuc",
        "trang_thai: chinh-thuc\nquy_tac: tinh-thu",
    );
    let d = fx.check();
    let e = assert_error(
        &d,
        ROUND_FILE,
        fx.line_of(ROUND_FILE, "quy_tac:"),
        Some("quy_tac"),
        "no set of election rules",
    );
    assert!(e.hint.as_ref().unwrap().en.contains("luat-2022"), "{e}");

    // a province whose guidance counts the majority of valid ballots: khu-1's 1234 of 2480
    // valid ballots is still not more than half
    let config = fx.read(CONFIG)
        + "quy_tac_bau_cu:\n  - ma: tinh-thu\n    dua_tren: nqlt-09-2008\n    ten: Hướng dẫn thử\n    ty_le_trung_cu: 100\n";
    fx.write(CONFIG, config);
    let d = fx.check();
    let line = fx.line_of(CONFIG, "ma: tinh-thu");
    assert_error(
        &d,
        CONFIG,
        line,
        Some("quy_tac_bau_cu"),
        "must be below 100",
    );
}

#[test]
fn a_postponed_contest_has_no_results() {
    let fx = Fixture::new();
    fx.replace_line(
        ROUND_FILE,
        "- khu-2",
        "- khu_dan_cu: khu-2\n  trang_thai: hoan",
    );
    let d = fx.check();
    let line = fx.line_of(RESULTS, "khu-2:");
    assert_error(&d, RESULTS, line, Some("khu-2"), "postponed or not held");
}

#[test]
fn an_acting_head_serves_at_most_six_months_and_is_shown() {
    let acting = |until: &str| {
        format!(
            "ngay_bau_lai: 19/6/2022\nlam_thoi:\n  ho_ten: Phạm Văn Tạm\n  tu_ngay: 01/7/2022\n  den_ngay: {until}\n  quyet_dinh:\n    so: 20/QĐ-UBND\n    ngay: 30/6/2022"
        )
    };
    let fx = Fixture::new();
    fx.replace_line(RESULTS, "ngay_bau_lai: 19/6/2022", &acting("02/01/2023"));
    let d = fx.check();
    let line = fx.line_of(RESULTS, "lam_thoi:");
    let e = assert_error(&d, RESULTS, line, Some("lam_thoi"), "more than 6 months");
    assert!(
        e.message.en.contains("01/7/2022") && e.message.en.contains("02/1/2023"),
        "{e}"
    );

    let fx = Fixture::new();
    fx.replace_line(RESULTS, "ngay_bau_lai: 19/6/2022", &acting("01/01/2023"));
    fx.build_ok();
    let page = fx.text("bau-cu/tn-2022/khu-1/index.html");
    assert!(
        page.contains("người phụ trách lâm thời: Phạm Văn Tạm, từ 01/7/2022 đến 01/1/2023 (Quyết định số 20/QĐ-UBND ngày 30/6/2022)"),
        "{page}"
    );
}

#[test]
fn a_village_cannot_take_the_name_of_a_round_s_own_page() {
    let fx = Fixture::new();
    let commune = fx
        .read(COMMUNE)
        .replace("ma: khu-2", "ma: danh-sach-trung-cu");
    fx.write(COMMUNE, commune);
    let round = fx
        .read(ROUND_FILE)
        .replace("  - khu-2", "  - danh-sach-trung-cu");
    fx.write(ROUND_FILE, round);
    let d = fx.check();
    let line = fx.line_of(ROUND_FILE, "- danh-sach-trung-cu");
    assert_error(
        &d,
        ROUND_FILE,
        line,
        Some("cuoc_bau"),
        "one of the round's own pages",
    );
}

#[test]
fn suspicious_but_legal_figures_are_warnings_at_their_line() {
    let fx = Fixture::new();
    // khu-2: 159 of 250 households took part; make it all of them
    fx.replace_line(RESULTS, "tong_cu_tri: 250", "tong_cu_tri: 159");
    let d = fx.check();
    assert!(errors(&d).is_empty(), "{d}");
    let w = warning(&d, RESULTS, "Turnout of exactly 100% (159 / 159)");
    assert_eq!(
        w.line,
        Some(fx.line_after(RESULTS, "khu-2:", "cu_tri_tham_gia:"))
    );

    let fx = Fixture::new();
    // khu-1: 2,500 collected; 300 invalid is 12%, and the votes still fit the valid ones
    fx.replace_line(RESULTS, "phieu_hop_le: 2480", "phieu_hop_le: 2200");
    fx.replace_line(RESULTS, "phieu_khong_hop_le: 20", "phieu_khong_hop_le: 300");
    fx.replace_line(RESULTS, "tran-thi-binh: 1100", "tran-thi-binh: 900");
    let d = fx.check();
    assert!(errors(&d).is_empty(), "{d}");
    let w = warning(
        &d,
        RESULTS,
        "More than 10% of ballots collected are invalid (300 / 2500)",
    );
    assert_eq!(w.line, Some(fx.line_of(RESULTS, "phieu_khong_hop_le: 300")));
}

/// The warnings of `d` at the `quy_tac` of the round.
fn rule_warnings(d: &Diagnostics) -> Vec<&Diagnostic> {
    d.iter()
        .filter(|w| !w.is_error() && w.field.as_deref() == Some("quy_tac"))
        .collect()
}

/// The fixture's round on Sunday 08/6/2025, under the 2022 law, following the site's set
/// `tinh-thu` with `rule` (YAML lines of the set, after `ten:`).
fn round_of_2025_following(rule: &str) -> Fixture {
    let fx = Fixture::new();
    fx.replace_line(
        ROUND_FILE,
        "ngay_bau_cu: 05/6/2022",
        "ngay_bau_cu: 08/6/2025",
    );
    fx.replace_line(
        ROUND_FILE,
        "trang_thai: chinh-thuc",
        "trang_thai: chinh-thuc\nquy_tac: tinh-thu",
    );
    let results = fx
        .read(RESULTS)
        .replace("05/6/2022", "08/6/2025")
        .replace("08/6/2022", "10/6/2025")
        .replace("09/6/2022", "11/6/2025")
        .replace("19/6/2022", "22/6/2025");
    fx.write(RESULTS, results);
    let config = fx.read(CONFIG)
        + "quy_tac_bau_cu:\n  - ma: tinh-thu\n    dua_tren: luat-2022\n    ten: Hướng dẫn số 1/HD-UBND của tỉnh\n"
        + rule;
    fx.write(CONFIG, config);
    fx
}

#[test]
fn a_site_set_counting_on_participants_is_a_warning_naming_the_law() {
    // 361 households, 314 took part, the best candidate 159: 44,04% of all households, so
    // nobody is elected under the law; 50,64% of participants under the province's set
    let fx = round_of_2025_following("    tinh_tren: cu-tri-tham-gia\n");
    fx.replace_line(RESULTS, "tong_cu_tri: 2802", "tong_cu_tri: 361");
    for (old, new) in [
        ("cu_tri_tham_gia: 2500", "cu_tri_tham_gia: 314"),
        ("phieu_phat_ra: 2500", "phieu_phat_ra: 314"),
        ("phieu_thu_vao: 2500", "phieu_thu_vao: 314"),
        ("phieu_hop_le: 2480", "phieu_hop_le: 310"),
        ("phieu_khong_hop_le: 20", "phieu_khong_hop_le: 4"),
        ("nguyen-van-an: 1234", "nguyen-van-an: 159"),
        ("tran-thi-binh: 1100", "tran-thi-binh: 150"),
    ] {
        fx.replace_line(RESULTS, old, new);
    }
    let d = fx.check();
    assert!(errors(&d).is_empty(), "{d}");
    let found = rule_warnings(&d);
    assert_eq!(found.len(), 1, "{d}");
    let w = found[0];
    assert!(same_path(&w.path, ROUND_FILE), "{w}");
    assert_eq!(w.line, Some(fx.line_of(ROUND_FILE, "quy_tac: tinh-thu")));
    assert!(
        w.message
            .vi
            .contains("Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15")
            && w.message
                .vi
                .contains("tính trên `cu-tri-tham-gia`, luật tính trên `tong-cu-tri`"),
        "{w}"
    );
    assert!(
        w.message
            .en
            .contains("Law on Grassroots Democracy 10/2022/QH15")
            && w.message
                .en
                .contains("of `cu-tri-tham-gia`, the law of `tong-cu-tri`"),
        "{w}"
    );
    assert!(
        w.hint
            .as_ref()
            .unwrap()
            .en
            .contains("`tinh_tren: tong-cu-tri`"),
        "{w}"
    );
    // the page applies the set, and the check said beforehand that the law would not
    fx.build_ok();
    let contest = fx.text("bau-cu/tn-2022/khu-1/index.html");
    assert!(contest.contains("159/314 = 50,64%"), "{contest}");
}

#[test]
fn a_lower_threshold_or_quorum_is_a_warning_and_a_stricter_set_is_not() {
    let fx = round_of_2025_following("    ty_le_trung_cu: 40\n    ty_le_tham_gia: 45\n");
    let d = fx.check();
    let found = rule_warnings(&d);
    assert_eq!(found.len(), 1, "{d}");
    let en = &found[0].message.en;
    assert!(
        en.contains("it elects with more than 40%, the law requires more than 50%")
            && en.contains("more than 45% of households take part, the law requires more than 50%"),
        "{en}"
    );

    // a round of 2022 is held to the law of its day, the Joint Resolution of 2008
    let fx = Fixture::new();
    fx.replace_line(
        ROUND_FILE,
        "trang_thai: chinh-thuc",
        "trang_thai: chinh-thuc\nquy_tac: tinh-thu",
    );
    let config = fx.read(CONFIG)
        + "quy_tac_bau_cu:\n  - ma: tinh-thu\n    dua_tren: luat-2022\n    ten: Hướng dẫn thử\n    ty_le_trung_cu: 40\n";
    fx.write(CONFIG, config);
    let d = fx.check();
    let found = rule_warnings(&d);
    assert_eq!(found.len(), 1, "{d}");
    assert!(
        found[0].message.en.contains("Joint Resolution 09/2008"),
        "{}",
        found[0]
    );

    for same_or_stricter in [
        "    tinh_tren: tong-cu-tri\n    ty_le_trung_cu: 50\n    ty_le_tham_gia: 50\n",
        "    ty_le_trung_cu: 60\n    ty_le_tham_gia: 66\n    niem_yet_truoc_ngay: 7\n",
    ] {
        let fx = round_of_2025_following(same_or_stricter);
        let d = fx.check();
        assert!(rule_warnings(&d).is_empty(), "{same_or_stricter}: {d}");
    }
}

/// The fixture with a record for each contest received on a different day, and both decided on
/// Monday 13/6/2022: late for khu-1 (due Friday 10/6), on time for khu-2 (due Tuesday 14/6).
fn contests_with_their_own_deadlines() -> Fixture {
    let fx = Fixture::new();
    fx.replace_line(RESULTS, "ngay: 08/6/2022", "ngay: 13/6/2022");
    fx.replace_line(RESULTS, "ngay: 09/6/2022", "ngay: 13/6/2022");
    fx.replace_line(
        RESULTS,
        "trang_thai: cong-nhan",
        "bien_ban:\n  ngay: 05/6/2022\n  ngay_nhan: 07/6/2022\ntrang_thai: cong-nhan",
    );
    let config = fx.read(CONFIG);
    fx.write(CONFIG, format!("{config}ngon_ngu: [vi, en]\n"));
    fx
}

#[test]
fn the_round_s_timeline_shows_each_contest_s_own_deadline() {
    let fx = contests_with_their_own_deadlines();
    let d = fx.check();
    assert!(errors(&d).is_empty(), "{d}");
    fx.build_ok();
    let page = fx.text("bau-cu/tn-2022/index.html");
    assert!(
        page.contains(
            "Khu phố Một: quyết định ngày 13/6/2022 · Hạn theo quy định: 10/6/2022 · Trễ hạn"
        ),
        "{page}"
    );
    assert!(
        page.contains(
            "Khu phố Hai: quyết định ngày 13/6/2022 · Hạn theo quy định: 14/6/2022 · Đúng hạn"
        ),
        "{page}"
    );
    let en = fx.text("en/bau-cu/tn-2022/index.html");
    assert!(en.contains("Each contest has its own deadline"), "{en}");
    assert!(
        en.contains(
            "Khu phố Một: decided on 13 June 2022 · Statutory deadline: 10 June 2022 · Late"
        ),
        "{en}"
    );
    assert!(
        en.contains(
            "Khu phố Hai: decided on 13 June 2022 · Statutory deadline: 14 June 2022 · On time"
        ),
        "{en}"
    );

    // when both are due the same day the step keeps one line with that deadline
    let fx = contests_with_their_own_deadlines();
    fx.replace_line(RESULTS, "ngay_nhan: 07/6/2022", "");
    fx.build_ok();
    let page = fx.text("bau-cu/tn-2022/index.html");
    assert!(!page.contains("Mỗi khu dân cư có hạn riêng"), "{page}");
    assert!(
        page.contains("Hạn theo quy định: 10/6/2022 · Trễ hạn (Khu phố Một, Khu phố Hai)"),
        "{page}"
    );
}

/// The fixture's round moved to August 2025, with khu-1's record received on Monday 25/8/2025:
/// five working days, weekends alone skipped, would end on Monday 1/9, the day before Quốc khánh.
fn round_before_national_day_2025() -> Fixture {
    let fx = Fixture::new();
    fx.replace_line(
        ROUND_FILE,
        "ngay_bau_cu: 05/6/2022",
        "ngay_bau_cu: 24/8/2025",
    );
    fx.replace_line(RESULTS, "ngay: 05/6/2022", "ngay: 25/8/2025");
    fx.replace_line(RESULTS, "ngay: 08/6/2022", "ngay: 03/9/2025");
    fx.replace_line(RESULTS, "ngay: 09/6/2022", "ngay: 28/8/2025");
    fx.replace_line(
        RESULTS,
        "ngay_bau_lai: 19/6/2022",
        "ngay_bau_lai: 14/9/2025",
    );
    fx
}

#[test]
fn a_recognition_deadline_skips_the_built_in_public_holidays() {
    let fx = round_before_national_day_2025();
    let d = fx.check();
    assert!(errors(&d).is_empty(), "{d}");
    // 1/9 and 2/9/2025 are off: due Wednesday 3/9, the day it was decided
    assert!(
        !d.iter()
            .any(|w| w.message.en.contains("after its deadline")),
        "{d}"
    );
    fx.build_ok();
    let page = fx.text("bau-cu/tn-2022/index.html");
    assert!(page.contains("Hạn theo quy định: 03/9/2025"), "{page}");
    assert!(!page.contains("01/9/2025"), "{page}");
}

#[test]
fn a_site_takes_back_a_built_in_holiday_and_adds_its_own() {
    let fx = round_before_national_day_2025();
    fx.write(
        CONFIG,
        format!("{}ngay_lam_viec: [01/9/2025]\n", fx.read(CONFIG)),
    );
    let d = fx.check();
    let w = warning(&d, RESULTS, "after its deadline of 01/9/2025");
    assert!(w.message.vi.contains("03/9/2025"), "{w}");

    // a day off the site adds moves the deadline on again
    fx.write(
        CONFIG,
        format!(
            "{}ngay_nghi_le: [03/9/2025]\n",
            fx.read(CONFIG).replace("ngay_lam_viec: [01/9/2025]\n", "")
        ),
    );
    fx.replace_line(RESULTS, "ngay: 03/9/2025", "ngay: 04/9/2025");
    let d = fx.check();
    assert!(
        !d.iter()
            .any(|w| w.message.en.contains("after its deadline")),
        "{d}"
    );
}

#[test]
fn a_day_both_off_and_worked_is_an_error() {
    let fx = Fixture::new();
    fx.write(
        CONFIG,
        format!(
            "{}ngay_nghi_le: [02/9/2025]\nngay_lam_viec: [02/9/2025]\n",
            fx.read(CONFIG)
        ),
    );
    let d = fx.check();
    let line = fx.line_of(CONFIG, "ngay_lam_viec:");
    assert_error(&d, CONFIG, line, Some("ngay_lam_viec"), "both a day off");
}
