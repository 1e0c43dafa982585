use super::*;
use crate::model::testing::round;

const COUNT: &str = "  tong_cu_tri: 361\n  cu_tri_tham_gia: 314\n  phieu_phat_ra: 314\n  \
                     phieu_thu_vao: 314\n  phieu_hop_le: 309\n  phieu_khong_hop_le: 5\n  \
                     so_phieu: {a: 200, b: 109}\n";

fn round_file(status: &str, contests: &str) -> String {
    format!(
        "don_vi: x\nchuc_danh: truong-thon\nnhiem_ky: 2025-2030\nngay_bau_cu: 12/10/2025\n\
         trang_thai: {status}\ncuoc_bau:\n{contests}"
    )
}

fn results(village: &str, extra: &str) -> String {
    format!("{village}:\n{COUNT}{extra}")
}

#[test]
fn figures_typed_before_the_vote_are_not_published() {
    let r = round(
        &round_file("sap-dien-ra", "  - a\n"),
        Some(&results("a", "")),
    );
    let c = &r.contests[0];
    assert_eq!(c.status, ContestStatus::Scheduled);
    assert!(c.counted().is_none());
    assert!(c.elected().is_none());
    // validation still sees what was typed
    assert!(c.record_for_checks().is_some());
    assert_eq!(r.status, RoundStatus::Scheduled);
}

#[test]
fn a_provisional_count_elects_by_the_law() {
    let r = round(&round_file("tam-thoi", "  - a\n"), Some(&results("a", "")));
    let c = &r.contests[0];
    assert_eq!(c.status, ContestStatus::Provisional);
    let counted = c.counted().expect("figures");
    assert_eq!(counted.figures.tong_cu_tri, 361);
    // 200/361 = 55,40% > 50% of all households
    assert_eq!(c.elected(), Some("a"));
    assert_eq!(r.status, RoundStatus::Provisional);
}

#[test]
fn a_voided_result_shows_its_figures_but_elects_nobody() {
    let r = round(
        &round_file("chinh-thuc", "  - a\n  - b\n"),
        Some(&format!(
            "{}{}",
            results(
                "a",
                "  trang_thai: bau-lai\n  ngay_bau_lai: 26/10/2025\n  ly_do: Vi phạm quy trình kiểm phiếu\n"
            ),
            results(
                "b",
                "  trang_thai: cong-nhan\n  quyet_dinh:\n    so: 12/QĐ-UBND\n    ngay: 15/10/2025\n"
            )
        )),
    );
    let voided = &r.contests[0];
    assert_eq!(voided.status, ContestStatus::RepeatOrdered);
    assert!(voided.is_voided());
    assert!(voided.counted().is_some());
    assert_eq!(voided.elected(), None);
    assert_eq!(
        voided.reason.as_ref().map(|x| x.vi.as_str()),
        Some("Vi phạm quy trình kiểm phiếu")
    );
    let repeat = voided.repeat.as_ref().expect("repeat");
    assert_eq!(repeat.date, Date::new(2025, 10, 26));
    let recognised = &r.contests[1];
    assert_eq!(recognised.status, ContestStatus::Recognised);
    assert_eq!(
        recognised.decision.as_ref().and_then(|d| d.so.as_deref()),
        Some("12/QĐ-UBND")
    );
    // never "official" while a result is voided
    assert_eq!(r.status, RoundStatus::PartlyVoided);
}

#[test]
fn a_contest_not_held_keeps_its_reason_and_decision() {
    let r = round(
        &round_file(
            "chinh-thuc",
            "  - khu_dan_cu: a\n    trang_thai: khong-to-chuc\n    ly_do: Dịch Covid-19\n    \
             ly_do_en: The Covid-19 epidemic\n  - khu_dan_cu: b\n    trang_thai: hoan\n    \
             ly_do: Sáp nhập thôn\n    quyet_dinh:\n      so: 52/QĐ-UBND\n      ngay: 01/10/2025\n",
        ),
        None,
    );
    let (a, b) = (&r.contests[0], &r.contests[1]);
    assert_eq!(a.status, ContestStatus::NotHeld);
    assert_eq!(
        a.reason,
        Some(Reason {
            vi: "Dịch Covid-19".into(),
            en: Some("The Covid-19 epidemic".into())
        })
    );
    assert_eq!(b.status, ContestStatus::Postponed);
    assert_eq!(
        b.decision.as_ref().and_then(|d| d.so.as_deref()),
        Some("52/QĐ-UBND")
    );
    assert!(a.counted().is_none() && b.counted().is_none());
    assert_eq!(r.status, RoundStatus::Postponed);
}

#[test]
fn a_postponed_round_gives_its_contests_its_reason() {
    let mut file = round_file("hoan", "  - a\n");
    file.push_str("ly_do: Bão số 3\nquyet_dinh_hoan:\n  so: 7/QĐ-UBND\n  ngay: 05/10/2025\n");
    let r = round(&file, None);
    let c = &r.contests[0];
    assert_eq!(c.status, ContestStatus::Postponed);
    assert_eq!(c.reason.as_ref().map(|x| x.vi.as_str()), Some("Bão số 3"));
    assert_eq!(
        c.decision.as_ref().and_then(|d| d.so.as_deref()),
        Some("7/QĐ-UBND")
    );
}

#[test]
fn a_held_round_is_official_once_every_result_is_recognised() {
    let rec = "  trang_thai: cong-nhan\n  quyet_dinh:\n    so: 1/QĐ\n    ngay: 15/10/2025\n";
    let r = round(
        &round_file("tam-thoi", "  - a\n  - b\n"),
        Some(&format!("{}{}", results("a", rec), results("b", rec))),
    );
    assert_eq!(r.status, RoundStatus::Official);
    let partly = round(
        &round_file("dang-kiem-phieu", "  - a\n  - b\n"),
        Some(&results("a", rec)),
    );
    assert_eq!(partly.contests[1].status, ContestStatus::Counting);
    assert_eq!(partly.status, RoundStatus::Counting);
}
