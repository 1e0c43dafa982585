//! Identities that last (issue 14): a person who stands again in a later round keeps one Popolo
//! person through the candidate files' `ma_nguoi`; every candidate stands for a post in
//! `du-lieu/popolo.json`; units are places (`areas`) and, when they have an official code, are
//! named by it, so renaming a unit leaves its ids as they were. Bad person ids and codes are
//! refused with the file, line, field and fix.

use crate::harness::*;
use serde_json::Value;
use std::collections::BTreeSet;

const POPOLO: &str = "du-lieu/popolo.json";
const DIVISIONS: &str = "du-lieu/don-vi.json";

/// The fixture's ward under its official code, as a code-named unit.
const CODE: &str = "ma_hanh_chinh: \"06685\"\n";

/// A later round in the fixture's ward, where Nguyễn Văn An stands again (under a new name
/// spelling, as the newer file writes it) and one new candidate stands beside him.
const LATER_ROUND: &str = "bau-cu/tn-2025/dot-bau-cu.yaml";
const AN_AGAIN: &str = "bau-cu/tn-2025/ung-cu-vien/nguyen-van-an.md";
const DUNG: &str = "bau-cu/tn-2025/ung-cu-vien/pham-van-dung.md";

fn candidate(name: &str, village: &str, person: Option<&str>) -> String {
    let person = person.map_or(String::new(), |p| format!("ma_nguoi: {p}\n"));
    format!(
        "---\nho_ten: {name}\nkhu_dan_cu: {village}\nnam_sinh: 1975\ngioi_tinh: nam\ndan_toc: Kinh\n\
         trinh_do_chuyen_mon: dai-hoc\nly_luan_chinh_tri: trung-cap\nnghe_nghiep: Cán bộ hưu trí\n\
         dang_vien: true\ntai_cu: true\n{person}---\nTiểu sử.\n"
    )
}

/// The fixture with a code on its ward and Nguyễn Văn An standing in two rounds as one person.
fn two_rounds() -> Fixture {
    let fx = Fixture::new();
    let commune = fx.read(COMMUNE);
    fx.write(
        COMMUNE,
        commune.replacen("cap: phuong\n", &format!("cap: phuong\n{CODE}"), 1),
    );
    fx.write(
        LATER_ROUND,
        "don_vi: thu-nghiem\nchuc_danh: truong-khu-pho\nnhiem_ky: 2025-2027\n\
         ngay_bau_cu: 05/10/2025\ntrang_thai: dang-kiem-phieu\ncuoc_bau:\n  - khu-1\n",
    );
    let an = fx.read(AN);
    fx.write(
        AN,
        an.replacen(
            "tai_cu: true\n",
            "tai_cu: true\nma_nguoi: nguyen-van-an-1975\n",
            1,
        ),
    );
    fx.write(
        AN_AGAIN,
        candidate("Nguyễn Văn Ân", "khu-1", Some("nguyen-van-an-1975")),
    );
    fx.write(DUNG, candidate("Phạm Văn Dũng", "khu-1", None));
    fx
}

fn json(fx: &Fixture, rel: &str) -> Value {
    serde_json::from_str(&fx.read_output(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn list<'a>(popolo: &'a Value, kind: &str) -> &'a Vec<Value> {
    popolo[kind]
        .as_array()
        .unwrap_or_else(|| panic!("no {kind} in {popolo}"))
}

#[test]
fn a_person_who_stands_again_is_one_person_with_a_candidacy_in_each_round() {
    let fx = two_rounds();
    fx.build_ok();
    // the sample flag stays first
    assert!(
        fx.read_output(POPOLO)
            .starts_with("{\"du_lieu_mau\":false,\"persons\":")
    );
    let popolo = json(&fx, POPOLO);
    let persons = list(&popolo, "persons");
    // An (twice), Bình, Cường, Dũng
    assert_eq!(persons.len(), 4, "{persons:#?}");
    let an: Vec<&Value> = persons
        .iter()
        .filter(|p| p["id"] == "person:nguyen-van-an-1975")
        .collect();
    assert_eq!(an.len(), 1);
    // named as the newest round writes him
    assert_eq!(an[0]["name"], "Nguyễn Văn Ân");
    assert_eq!(an[0]["identifiers"][0]["scheme"], "ma_nguoi");
    assert_eq!(an[0]["links"].as_array().unwrap().len(), 2);
    let stood: BTreeSet<&str> = list(&popolo, "memberships")
        .iter()
        .filter(|m| m["person_id"] == "person:nguyen-van-an-1975" && m["role"] == "candidate")
        .map(|m| m["post_id"].as_str().unwrap())
        .collect();
    assert_eq!(
        stood,
        BTreeSet::from(["post:tn-2022/khu-1", "post:tn-2025/khu-1"])
    );
    // a candidate without a person id is a person of their own round
    assert!(
        persons
            .iter()
            .any(|p| p["id"] == "person:tn-2025/pham-van-dung")
    );
}

#[test]
fn every_candidate_has_a_membership_and_every_unit_an_area() {
    let fx = Fixture::new();
    fx.build_ok();
    let popolo = json(&fx, POPOLO);
    let persons: BTreeSet<&str> = list(&popolo, "persons")
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    let memberships = list(&popolo, "memberships");
    let candidacies: Vec<&Value> = memberships
        .iter()
        .filter(|m| m["role"] == "candidate")
        .collect();
    assert_eq!(candidacies.len(), 3, "{memberships:#?}");
    let linked: BTreeSet<&str> = candidacies
        .iter()
        .map(|m| m["person_id"].as_str().unwrap())
        .collect();
    assert_eq!(linked, persons, "every person stands for a post");
    // Cường, recognised at khu-2, holds the post as well; khu-1 voted again, nobody holds it
    let heads: Vec<&str> = memberships
        .iter()
        .filter(|m| m["role"] != "candidate")
        .map(|m| m["id"].as_str().unwrap())
        .collect();
    assert_eq!(heads, ["membership:tn-2022/khu-2"]);

    let areas = list(&popolo, "areas");
    let commune = "ocd-division/country:vn/province:quang_ninh/commune:thu-nghiem";
    let ids: Vec<&str> = areas.iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            commune.to_string(),
            format!("{commune}/village:khu-1"),
            format!("{commune}/village:khu-2")
        ]
    );
    assert_eq!(areas[1]["parent_id"], commune);
    assert_eq!(areas[1]["classification"], "khu-pho");
    assert!(areas[0].get("parent_id").is_none());
    // the same ids as the divisions file
    let divisions = json(&fx, DIVISIONS);
    assert_eq!(divisions["don_vi"][0]["ocd_id"], commune);
    // no web address: pages are named from du-lieu/
    let event = &list(&popolo, "events")[0];
    assert_eq!(event["links"][0]["url"], "../bau-cu/tn-2022/index.html");
    // the round's documents are its sources
    let sources: Vec<&str> = event["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["url"].as_str().unwrap())
        .collect();
    assert_eq!(
        sources,
        [
            "../van-ban/cong-van-13/index.html",
            "../van-ban/ke-hoach-bau-cu/index.html"
        ]
    );
}

#[test]
fn renaming_a_unit_with_a_code_keeps_its_ids_in_every_data_file() {
    let fx = two_rounds();
    fx.build_ok();
    let ids = |fx: &Fixture| {
        let popolo = json(fx, POPOLO);
        let divisions = json(fx, DIVISIONS);
        let mut out: Vec<String> = ["organizations", "areas"]
            .iter()
            .flat_map(|kind| list(&popolo, kind).iter())
            .map(|x| x["id"].to_string())
            .collect();
        out.push(divisions["don_vi"][0]["ocd_id"].to_string());
        out.push(divisions["don_vi"][0]["khu_dan_cu"][0]["ocd_id"].to_string());
        out
    };
    let before = ids(&fx);
    assert!(
        before.contains(&"\"organization:06685/khu-1\"".to_string()),
        "{before:?}"
    );
    assert!(
        before.contains(&"\"ocd-division/country:vn/ma_hanh_chinh:06685\"".to_string()),
        "{before:?}"
    );

    // renamed, and its file too, with its rounds and documents following it
    let commune = fx.read(COMMUNE);
    fx.remove(COMMUNE);
    fx.write(
        "don-vi/hong-thu-nghiem.yaml",
        commune.replacen("ten: Phường Thử Nghiệm", "ten: Phường Hồng Thử Nghiệm", 1),
    );
    for round in [ROUND_FILE, LATER_ROUND] {
        fx.replace_line(round, "don_vi: thu-nghiem", "don_vi: hong-thu-nghiem");
    }
    fx.replace_line(LETTER, "don_vi: thu-nghiem", "don_vi: hong-thu-nghiem");
    fx.build_ok();
    assert_eq!(ids(&fx), before);
    let divisions = json(&fx, DIVISIONS);
    assert_eq!(divisions["don_vi"][0]["ma"], "hong-thu-nghiem");
    assert_eq!(divisions["don_vi"][0]["ten"], "Phường Hồng Thử Nghiệm");
}

#[test]
fn bad_person_ids_are_refused_with_their_fix() {
    let fx = two_rounds();
    fx.replace_line(
        AN_AGAIN,
        "ma_nguoi: nguyen-van-an-1975",
        "ma_nguoi: Nguyễn Văn An 1975",
    );
    fx.write(
        DUNG,
        candidate("Phạm Văn Dũng", "khu-1", Some("022075001234")),
    );
    let d = fx.check();
    let line = fx.line_of(AN_AGAIN, "ma_nguoi:");
    let e = assert_error(
        &d,
        AN_AGAIN,
        line,
        Some("ma_nguoi"),
        "Mã người “Nguyễn Văn An 1975”",
    );
    let hint = e.hint.as_ref().unwrap();
    assert!(hint.vi.contains("ma_nguoi: nguyen-van-an-1975"), "{e}");
    assert!(hint.en.contains("ma_nguoi: nguyen-van-an-1975"), "{e}");
    // a number that may be an identity card's is refused, and not echoed into the fix
    let e = find_error(&d, DUNG, "CCCD");
    assert!(!e.hint.as_ref().unwrap().vi.contains("022075001234"), "{e}");
}

#[test]
fn one_person_id_twice_in_a_round_is_an_error() {
    let fx = two_rounds();
    fx.write(
        DUNG,
        candidate("Phạm Văn Dũng", "khu-1", Some("nguyen-van-an-1975")),
    );
    let d = fx.check();
    let line = fx.line_of(DUNG, "ma_nguoi:");
    let e = assert_error(&d, DUNG, line, Some("ma_nguoi"), "cùng đợt bầu cử");
    assert!(e.message.en.contains("“nguyen-van-an”"), "{e}");
    assert!(
        e.hint
            .as_ref()
            .unwrap()
            .vi
            .contains("ma_nguoi: nguyen-van-an-1975-pham-van-dung"),
        "{e}"
    );
    // in two rounds it is one person, as above: no error
    let fx = two_rounds();
    assert!(fx.check().is_empty(), "{}", fx.check());
    // unless the files disagree on the birth year, which is likely two people: a warning
    fx.replace_line(AN_AGAIN, "nam_sinh: 1975", "nam_sinh: 1957");
    let d = fx.check();
    assert!(errors(&d).is_empty(), "{d}");
    let w = d
        .iter()
        .find(|w| same_path(&w.path, AN_AGAIN) && w.field.as_deref() == Some("ma_nguoi"))
        .unwrap_or_else(|| panic!("no warning: {d}"));
    assert_eq!(w.line, Some(fx.line_of(AN_AGAIN, "ma_nguoi:")));
    assert!(
        w.message
            .vi
            .contains("tn-2022/nguyen-van-an, sinh năm 1975"),
        "{w}"
    );
}

#[test]
fn codes_are_five_digits_and_never_shared() {
    let fx = two_rounds();
    fx.replace_line(COMMUNE, "ma_hanh_chinh: \"06685\"", "ma_hanh_chinh: 6685");
    let d = fx.check();
    let line = fx.line_of(COMMUNE, "ma_hanh_chinh:");
    let e = assert_error(&d, COMMUNE, line, Some("ma_hanh_chinh"), "5 chữ số");
    assert!(
        e.hint
            .as_ref()
            .unwrap()
            .vi
            .contains("ma_hanh_chinh: \"06685\""),
        "{e}"
    );

    let fx = two_rounds();
    let other = "don-vi/xa-khac.yaml";
    fx.write(
        other,
        format!("ten: Phường Khác\ncap: phuong\ntinh: Tỉnh Quảng Ninh\n{CODE}"),
    );
    let d = fx.check();
    let e = assert_error(
        &d,
        other,
        fx.line_of(other, "ma_hanh_chinh:"),
        Some("ma_hanh_chinh"),
        "“thu-nghiem”",
    );
    assert!(e.message.vi.contains("06685"), "{e}");
}

#[test]
fn a_new_candidate_of_a_name_that_stood_before_is_offered_the_person_id() {
    let fx = two_rounds();
    fx.remove(AN_AGAIN);
    fx.remove(DUNG);
    crate::scaffold::run(
        &["new", "candidate", "tn-2025", "Nguyễn Văn An"],
        fx.root(),
        0,
    );
    crate::scaffold::run(
        &["new", "candidate", "tn-2025", "Trần Thị Bình"],
        fx.root(),
        0,
    );
    crate::scaffold::run(
        &["new", "candidate", "tn-2025", "Hoàng Văn Mới"],
        fx.root(),
        0,
    );
    let an = fx.read(AN_AGAIN);
    assert!(
        an.contains(
            "# Cùng tên, sinh năm 1975, đã ứng cử ở đợt tn-2022 (tệp ung-cu-vien/nguyen-van-an.md): \
             nếu là cùng một người, ghi ma_nguoi: nguyen-van-an-1975.\n"
        ),
        "{an}"
    );
    // only offered: the field stays blank for staff to decide
    assert!(an.contains("\nma_nguoi:\n"), "{an}");
    // Bình has no person id yet: one is suggested for both files
    let binh = fx.read("bau-cu/tn-2025/ung-cu-vien/tran-thi-binh.md");
    assert!(
        binh.contains("ghi ma_nguoi: tran-thi-binh-1980 và thêm vào tệp đó."),
        "{binh}"
    );
    let new = fx.read("bau-cu/tn-2025/ung-cu-vien/hoang-van-moi.md");
    assert!(!new.contains("Cùng tên"), "{new}");
}
