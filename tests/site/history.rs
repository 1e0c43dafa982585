//! The units' history over time: an election is held in a unit and villages that exist on its
//! day, a successor begins the day after the unit it took over ends, and no chain of successors
//! comes back to where it began. Each mistake names both dates and the lines to fix.

use crate::harness::*;
use niemyet::diagnostics::Diagnostics;

/// Writes `don-vi/<id>.yaml`: a ward with one neighbourhood and the fields in `extra`.
fn unit(fx: &Fixture, id: &str, extra: &str) -> String {
    let rel = format!("don-vi/{id}.yaml");
    fx.write(
        &rel,
        format!(
            "ten: Phường {id}\ncap: phuong\ntinh: Tỉnh Quảng Ninh\n{extra}\
             khu_dan_cu:\n  - ma: khu-1\n    ten: Khu phố Một\n    loai: khu-pho\n"
        ),
    );
    rel
}

/// The fixture with the test ward's fields after `cap:` replaced by `fields`.
fn with_commune_fields(fields: &str) -> Fixture {
    let fx = Fixture::new();
    fx.replace_line(COMMUNE, "cap: phuong", &format!("cap: phuong\n{fields}"));
    fx
}

fn assert_no_errors(d: &Diagnostics) {
    assert!(errors(d).is_empty(), "expected no errors; got:\n{d}");
}

fn mentions(e: &niemyet::diagnostics::Diagnostic, texts: &[&str]) {
    for t in texts {
        assert!(
            e.message.vi.contains(t) && e.message.en.contains(t),
            "the message should name “{t}” in both languages:\n{e}"
        );
    }
}

#[test]
fn a_round_after_its_unit_ended_is_an_error() {
    let fx = with_commune_fields("hieu_luc_den: 31/12/2021");
    let d = fx.check();
    let e = assert_error(
        &d,
        ROUND_FILE,
        fx.line_of(ROUND_FILE, "don_vi:"),
        Some("don_vi"),
        "after that unit ended",
    );
    mentions(e, &["05/6/2022", "31/12/2021", COMMUNE]);
    let line = format!("{COMMUNE}, line {}", fx.line_of(COMMUNE, "hieu_luc_den:"));
    assert!(e.message.en.contains(&line), "{e}");

    // with a successor, the hint names it
    let fx = with_commune_fields("hieu_luc_den: 31/12/2021\nke_thua: phuong-moi");
    unit(&fx, "phuong-moi", "");
    let d = fx.check();
    let e = find_error(&d, ROUND_FILE, "after that unit ended");
    let hint = e.hint.as_ref().expect("a hint");
    assert!(hint.vi.contains("don_vi: phuong-moi"), "{e}");
    assert!(hint.en.contains("don_vi: phuong-moi"), "{e}");

    // its last day is still its own
    let fx = with_commune_fields("hieu_luc_den: 05/6/2022");
    assert_no_errors(&fx.check());
}

#[test]
fn a_round_before_its_unit_began_is_an_error() {
    let fx = with_commune_fields("hieu_luc_tu: 01/7/2022");
    let d = fx.check();
    let e = assert_error(
        &d,
        ROUND_FILE,
        fx.line_of(ROUND_FILE, "don_vi:"),
        Some("don_vi"),
        "before that unit began",
    );
    mentions(e, &["05/6/2022", "01/7/2022"]);

    let fx = with_commune_fields("hieu_luc_tu: 05/6/2022");
    assert_no_errors(&fx.check());
}

#[test]
fn a_successor_without_a_start_begins_the_day_after_its_predecessor_ended() {
    let fx = Fixture::new();
    let old = unit(
        &fx,
        "phuong-cu",
        "hieu_luc_den: 30/6/2022\nke_thua: thu-nghiem\n",
    );
    let d = fx.check();
    let e = assert_error(
        &d,
        ROUND_FILE,
        fx.line_of(ROUND_FILE, "don_vi:"),
        Some("don_vi"),
        "before that unit began",
    );
    mentions(e, &["05/6/2022", "01/7/2022", "30/6/2022", &old]);
    let hint = e.hint.as_ref().expect("a hint");
    assert!(hint.en.contains("don_vi: phuong-cu"), "{e}");

    // before the merger, the round belongs to the old unit
    let fx = Fixture::new();
    unit(
        &fx,
        "phuong-cu",
        "hieu_luc_den: 30/6/2021\nke_thua: thu-nghiem\n",
    );
    assert_no_errors(&fx.check());
}

#[test]
fn a_village_that_did_not_exist_on_election_day_is_an_error() {
    let fx = Fixture::new();
    fx.replace_line(
        COMMUNE,
        "ten: Khu phố Hai",
        "ten: Khu phố Hai\nhieu_luc_den: 31/5/2022",
    );
    fx.replace_line(
        COMMUNE,
        "ten: Khu phố Một",
        "ten: Khu phố Một\nhieu_luc_tu: 06/6/2022",
    );
    let d = fx.check();
    let ended = assert_error(
        &d,
        ROUND_FILE,
        fx.line_of(ROUND_FILE, "- khu-2"),
        Some("cuoc_bau"),
        "after it ended",
    );
    mentions(ended, &["05/6/2022", "31/5/2022", "Khu phố Hai", COMMUNE]);
    let line = format!(
        "{COMMUNE}, line {}",
        fx.line_of(COMMUNE, "hieu_luc_den: 31/5/2022")
    );
    assert!(ended.message.en.contains(&line), "{ended}");
    let early = assert_error(
        &d,
        ROUND_FILE,
        fx.line_of(ROUND_FILE, "khu_dan_cu: khu-1"),
        Some("cuoc_bau"),
        "before it began",
    );
    mentions(early, &["05/6/2022", "06/6/2022", "Khu phố Một"]);

    // a village that ends on election day or begins on it took part
    let fx = Fixture::new();
    fx.replace_line(
        COMMUNE,
        "ten: Khu phố Hai",
        "ten: Khu phố Hai\nhieu_luc_den: 05/6/2022",
    );
    fx.replace_line(
        COMMUNE,
        "ten: Khu phố Một",
        "ten: Khu phố Một\nhieu_luc_tu: 05/6/2022",
    );
    assert_no_errors(&fx.check());
}

#[test]
fn a_successor_starting_a_day_late_or_early_is_an_error() {
    for (start, kind) in [
        ("02/7/2021", "a gap of 1 day "),
        ("30/6/2021", "an overlap of 1 day."),
        ("29/6/2021", "an overlap of 2 days."),
    ] {
        let fx = with_commune_fields(&format!("hieu_luc_tu: {start}"));
        let old = unit(
            &fx,
            "phuong-cu",
            "hieu_luc_den: 30/6/2021\nke_thua: thu-nghiem\n",
        );
        let d = fx.check();
        let e = assert_error(
            &d,
            &old,
            fx.line_of(&old, "hieu_luc_den:"),
            Some("hieu_luc_den"),
            kind,
        );
        mentions(e, &["30/6/2021", start, COMMUNE]);
        let hint = e.hint.as_ref().expect("a hint");
        assert!(hint.en.contains("hieu_luc_tu: 01/7/2021"), "{e}");
        assert!(hint.en.contains("hieu_luc_den:"), "{e}");
    }
    let fx = with_commune_fields("hieu_luc_tu: 01/7/2021");
    unit(
        &fx,
        "phuong-cu",
        "hieu_luc_den: 30/6/2021\nke_thua: thu-nghiem\n",
    );
    assert_no_errors(&fx.check());
}

#[test]
fn units_merged_into_one_end_on_the_same_day() {
    let fx = Fixture::new();
    unit(
        &fx,
        "phuong-a",
        "hieu_luc_den: 31/12/2020\nke_thua: thu-nghiem\n",
    );
    let late = unit(
        &fx,
        "phuong-b",
        "hieu_luc_den: 30/12/2020\nke_thua: thu-nghiem\n",
    );
    let d = fx.check();
    let e = assert_error(
        &d,
        &late,
        fx.line_of(&late, "hieu_luc_den:"),
        Some("hieu_luc_den"),
        "a gap of 1 day ",
    );
    mentions(e, &["30/12/2020", "01/1/2021", "don-vi/phuong-a.yaml"]);
    assert_eq!(errors(&d).len(), 1, "{d}");
}

#[test]
fn a_unit_taken_over_needs_its_end_date() {
    let fx = Fixture::new();
    let old = unit(&fx, "phuong-cu", "ke_thua: thu-nghiem\n");
    let d = fx.check();
    assert_error(
        &d,
        &old,
        fx.line_of(&old, "ke_thua:"),
        Some("ke_thua"),
        "no end date",
    );
}

#[test]
fn a_successor_that_ends_before_it_began_is_an_error() {
    let fx = with_commune_fields("hieu_luc_den: 31/12/2022");
    unit(
        &fx,
        "phuong-cu",
        "hieu_luc_den: 31/12/2022\nke_thua: thu-nghiem\n",
    );
    let d = fx.check();
    let e = assert_error(
        &d,
        COMMUNE,
        fx.line_of(COMMUNE, "hieu_luc_den:"),
        Some("hieu_luc_den"),
        "before it began",
    );
    mentions(e, &["31/12/2022", "01/1/2023", "don-vi/phuong-cu.yaml"]);
}

#[test]
fn successors_going_round_in_a_circle_are_an_error() {
    // two units naming each other
    let fx = with_commune_fields("hieu_luc_den: 31/12/2022\nke_thua: xa-b");
    unit(
        &fx,
        "xa-b",
        "hieu_luc_den: 31/12/2023\nke_thua: thu-nghiem\n",
    );
    let d = fx.check();
    let e = assert_error(
        &d,
        COMMUNE,
        fx.line_of(COMMUNE, "ke_thua:"),
        Some("ke_thua"),
        "circle",
    );
    mentions(e, &["thu-nghiem → xa-b → thu-nghiem", "don-vi/xa-b.yaml"]);
    // one error for the circle, not one for every date it makes impossible
    assert_eq!(errors(&d).len(), 1, "{d}");

    // and a longer circle, entered from outside
    let fx = with_commune_fields("hieu_luc_den: 31/12/2022\nke_thua: xa-b");
    unit(&fx, "xa-b", "hieu_luc_den: 31/12/2023\nke_thua: xa-c\n");
    unit(
        &fx,
        "xa-c",
        "hieu_luc_den: 31/12/2024\nke_thua: thu-nghiem\n",
    );
    unit(&fx, "xa-d", "hieu_luc_den: 31/12/2019\nke_thua: xa-c\n");
    let d = fx.check();
    let e = find_error(&d, COMMUNE, "circle");
    mentions(e, &["thu-nghiem → xa-b → xa-c → thu-nghiem"]);
    assert_eq!(errors(&d).len(), 1, "{d}");
}

#[test]
fn a_unit_cannot_succeed_itself() {
    let fx = with_commune_fields("hieu_luc_den: 31/12/2022\nke_thua: thu-nghiem");
    let d = fx.check();
    assert_error(
        &d,
        COMMUNE,
        fx.line_of(COMMUNE, "ke_thua:"),
        Some("ke_thua"),
        "cannot succeed itself",
    );
    assert_eq!(errors(&d).len(), 1, "{d}");
}

#[test]
fn a_successor_that_does_not_exist_is_an_error() {
    let fx = with_commune_fields("hieu_luc_den: 31/12/2022\nke_thua: phuong-moi");
    let d = fx.check();
    assert_error(
        &d,
        COMMUNE,
        fx.line_of(COMMUNE, "ke_thua:"),
        Some("ke_thua"),
        "no unit “phuong-moi”",
    );
}

#[test]
fn a_chain_of_successors_with_exact_boundaries_passes() {
    // xa-a → xa-b → thu-nghiem → phuong-moi, with xa-c merged into phuong-moi too; starts
    // written or left to be derived, ends on the day before the next unit begins
    let fx =
        with_commune_fields("hieu_luc_tu: 01/1/2022\nhieu_luc_den: 30/6/2025\nke_thua: phuong-moi");
    unit(&fx, "xa-a", "hieu_luc_den: 31/12/2019\nke_thua: xa-b\n");
    unit(
        &fx,
        "xa-b",
        "hieu_luc_den: 31/12/2021\nke_thua: thu-nghiem\n",
    );
    unit(
        &fx,
        "xa-c",
        "hieu_luc_den: 30/6/2025\nke_thua: phuong-moi\n",
    );
    unit(&fx, "phuong-moi", "");
    assert_no_errors(&fx.check());
}

#[test]
fn the_example_site_history_is_consistent() {
    if !example_exists() {
        return;
    }
    let (site, d) = niemyet::check(&example_content());
    // the example holds a merger: its boundary is checked, not skipped
    assert!(
        site.communes.iter().any(|c| c.data.ke_thua.is_some()),
        "the example should show a merger"
    );
    assert_eq!(d.error_count(), 0, "{d}");
}
