//! One truth per contest: a site with a contest in every status (upcoming with figures typed in,
//! postponed, not held, counting, provisional, recognised, voided with a repeat vote, and the
//! repeat itself), and every output that mentions a contest says the same status, the same reason
//! and the same figures, or none.

use crate::harness::{build_ok, visible_text};
use serde_json::Value;
use std::fs;
use std::path::Path;

const CONFIG: &str = "\
ten: Cổng thử trạng thái
co_quan: UBND xã Thử Trạng Thái
dia_chi_web: https://example.gov.vn/bau-cu/
ngon_ngu: [vi, en]
";

const COMMUNE: &str = "\
ten: Xã Thử Trạng Thái
ten_en: Thu Trang Thai Commune
cap: xa
tinh: Tỉnh Bắc Ninh
khu_dan_cu:
  - {ma: thon-1, ten: Thôn Một, loai: thon}
  - {ma: thon-2, ten: Thôn Hai, loai: thon}
  - {ma: thon-3, ten: Thôn Ba, loai: thon}
  - {ma: thon-4, ten: Thôn Bốn, loai: thon}
  - {ma: thon-5, ten: Thôn Năm, loai: thon}
  - {ma: thon-6, ten: Thôn Sáu, loai: thon}
  - {ma: thon-7, ten: Thôn Bảy, loai: thon}
";

const ROUND: &str = "\
don_vi: tt
chuc_danh: truong-thon
nhiem_ky: 2025-2030
ngay_bau_cu: 12/10/2025
trang_thai: dang-kiem-phieu
cuoc_bau:
  - thon-1
  - thon-2
  - thon-3
  - khu_dan_cu: thon-4
    trang_thai: hoan
    ly_do: Thôn đang sáp nhập với thôn Năm
    ly_do_en: The village is being merged
    quyet_dinh:
      so: 52/QĐ-UBND
      ngay: 01/10/2025
  - khu_dan_cu: thon-5
    trang_thai: khong-to-chuc
    ly_do: Dịch bệnh Covid-19
    ly_do_en: The Covid-19 epidemic
  - thon-6
";

/// `tong_cu_tri`, `cu_tri_tham_gia` and one candidate's votes, all ballots valid.
fn count(
    village: &str,
    slug: &str,
    eligible: u32,
    took_part: u32,
    votes: u32,
    rest: &str,
) -> String {
    format!(
        "{village}:\n  tong_cu_tri: {eligible}\n  cu_tri_tham_gia: {took_part}\n  \
         phieu_phat_ra: {took_part}\n  phieu_thu_vao: {took_part}\n  phieu_hop_le: {took_part}\n  \
         phieu_khong_hop_le: 0\n  so_phieu:\n    {slug}: {votes}\n  bien_ban:\n    ngay: {}\n{rest}",
        match slug {
            "le-van-cuong-2" => "26/10/2025",
            "do-thi-hoa" => "07/12/2025",
            _ => "12/10/2025",
        }
    )
}

fn results() -> String {
    [
        count(
            "thon-1",
            "nguyen-van-an",
            361,
            314,
            203,
            "  trang_thai: cong-nhan\n  quyet_dinh:\n    so: 101/QĐ-UBND\n    ngay: 15/10/2025\n",
        ),
        count("thon-2", "tran-thi-binh", 412, 398, 260, "  trang_thai: tam-thoi\n"),
        count(
            "thon-3",
            "le-van-cuong",
            290,
            250,
            177,
            "  trang_thai: bau-lai\n  quyet_dinh:\n    so: 102/QĐ-UBND\n    ngay: 15/10/2025\n  \
             ngay_bau_lai: 26/10/2025\n  dot_bau_lai: tt-2025-bau-lai\n  \
             ly_do: Tổ bầu cử kiểm phiếu sai quy trình\n  ly_do_en: The count broke the procedure\n",
        ),
    ]
    .concat()
}

const REPEAT_ROUND: &str = "\
don_vi: tt
chuc_danh: truong-thon
nhiem_ky: 2025-2030
ngay_bau_cu: 26/10/2025
trang_thai: chinh-thuc
cuoc_bau:
  - thon-3
";

const UPCOMING_ROUND: &str = "\
don_vi: tt
chuc_danh: truong-thon
nhiem_ky: 2025-2030
ngay_bau_cu: 07/12/2025
trang_thai: sap-dien-ra
cuoc_bau:
  - thon-7
";

fn candidate(name: &str, village: &str, gender: &str) -> String {
    format!(
        "---\nho_ten: {name}\nkhu_dan_cu: {village}\nnam_sinh: 1970\ngioi_tinh: {gender}\n\
         dan_toc: Kinh\ntrinh_do_chuyen_mon: dai-hoc\nly_luan_chinh_tri: trung-cap\n\
         nghe_nghiep: Cán bộ hưu trí\ndang_vien: true\ntai_cu: false\n---\nTiểu sử của {name}.\n"
    )
}

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

struct Built {
    _dir: tempfile::TempDir,
    out: std::path::PathBuf,
}

impl Built {
    fn text(&self, rel: &str) -> String {
        visible_text(&self.raw(rel))
    }
    fn raw(&self, rel: &str) -> String {
        fs::read_to_string(self.out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }
    fn json(&self, rel: &str) -> Value {
        serde_json::from_str(&self.raw(rel)).unwrap()
    }
}

fn site() -> Built {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    write(&content, "cau-hinh.yaml", CONFIG);
    write(&content, "don-vi/tt.yaml", COMMUNE);
    write(&content, "bau-cu/tt-2025/dot-bau-cu.yaml", ROUND);
    write(&content, "bau-cu/tt-2025/ket-qua.yaml", &results());
    for (slug, name, village, gender) in [
        ("nguyen-van-an", "Nguyễn Văn An", "thon-1", "nam"),
        ("tran-thi-binh", "Trần Thị Bình", "thon-2", "nu"),
        ("le-van-cuong", "Lê Văn Cường", "thon-3", "nam"),
        ("pham-van-dung", "Phạm Văn Dũng", "thon-4", "nam"),
        ("hoang-thi-em", "Hoàng Thị Em", "thon-5", "nu"),
        ("vu-van-giang", "Vũ Văn Giang", "thon-6", "nam"),
    ] {
        write(
            &content,
            &format!("bau-cu/tt-2025/ung-cu-vien/{slug}.md"),
            &candidate(name, village, gender),
        );
    }
    write(
        &content,
        "bau-cu/tt-2025-bau-lai/dot-bau-cu.yaml",
        REPEAT_ROUND,
    );
    write(
        &content,
        "bau-cu/tt-2025-bau-lai/ung-cu-vien/le-van-cuong-2.md",
        &candidate("Lê Văn Cường", "thon-3", "nam"),
    );
    write(
        &content,
        "bau-cu/tt-2025-bau-lai/ket-qua.yaml",
        &count(
            "thon-3",
            "le-van-cuong-2",
            290,
            268,
            201,
            "  trang_thai: cong-nhan\n  quyet_dinh:\n    so: 110/QĐ-UBND\n    ngay: 28/10/2025\n",
        ),
    );
    write(&content, "bau-cu/tt-2026/dot-bau-cu.yaml", UPCOMING_ROUND);
    write(
        &content,
        "bau-cu/tt-2026/ung-cu-vien/do-thi-hoa.md",
        &candidate("Đỗ Thị Hoa", "thon-7", "nu"),
    );
    // figures typed in before the vote: never published
    write(
        &content,
        "bau-cu/tt-2026/ket-qua.yaml",
        &count("thon-7", "do-thi-hoa", 9876, 8765, 4321, ""),
    );
    let out = dir.path().join("output");
    build_ok(&content, &out);
    Built { _dir: dir, out }
}

/// What every output must say of one contest.
struct Expect {
    round: &'static str,
    village: &'static str,
    slug: &'static str,
    key: &'static str,
    vi: &'static str,
    en: &'static str,
    reason: Option<(&'static str, &'static str)>,
    /// `tong_cu_tri` when the figures are published.
    households: Option<u32>,
    /// The candidate's votes, published or not.
    votes: u32,
    elected: bool,
}

const EXPECTED: &[Expect] = &[
    Expect {
        round: "tt-2025",
        village: "thon-1",
        slug: "nguyen-van-an",
        key: "cong-nhan",
        vi: "Đã công nhận",
        en: "Recognised",
        reason: None,
        households: Some(361),
        votes: 203,
        elected: true,
    },
    Expect {
        round: "tt-2025",
        village: "thon-2",
        slug: "tran-thi-binh",
        key: "tam-thoi",
        vi: "Kết quả tạm thời",
        en: "Provisional result",
        reason: None,
        households: Some(412),
        votes: 260,
        elected: true,
    },
    Expect {
        round: "tt-2025",
        village: "thon-3",
        slug: "le-van-cuong",
        key: "da-bau-lai",
        vi: "Đã bầu lại",
        en: "Repeat vote held",
        reason: Some((
            "Tổ bầu cử kiểm phiếu sai quy trình",
            "The count broke the procedure",
        )),
        households: Some(290),
        votes: 177,
        elected: false,
    },
    Expect {
        round: "tt-2025",
        village: "thon-4",
        slug: "pham-van-dung",
        key: "hoan",
        vi: "Hoãn",
        en: "Postponed",
        reason: Some((
            "Thôn đang sáp nhập với thôn Năm",
            "The village is being merged",
        )),
        households: None,
        votes: 0,
        elected: false,
    },
    Expect {
        round: "tt-2025",
        village: "thon-5",
        slug: "hoang-thi-em",
        key: "khong-to-chuc",
        vi: "Không tổ chức",
        en: "Not held",
        reason: Some(("Dịch bệnh Covid-19", "The Covid-19 epidemic")),
        households: None,
        votes: 0,
        elected: false,
    },
    Expect {
        round: "tt-2025",
        village: "thon-6",
        slug: "vu-van-giang",
        key: "dang-kiem-phieu",
        vi: "Đang kiểm phiếu",
        en: "Counting",
        reason: None,
        households: None,
        votes: 0,
        elected: false,
    },
    Expect {
        round: "tt-2025-bau-lai",
        village: "thon-3",
        slug: "le-van-cuong-2",
        key: "cong-nhan",
        vi: "Đã công nhận",
        en: "Recognised",
        reason: None,
        households: Some(290),
        votes: 201,
        elected: true,
    },
    Expect {
        round: "tt-2026",
        village: "thon-7",
        slug: "do-thi-hoa",
        key: "sap-dien-ra",
        vi: "Sắp diễn ra",
        en: "Scheduled",
        reason: None,
        households: None,
        votes: 4321,
        elected: false,
    },
];

/// Vietnamese and English figures as the pages print them.
fn printed(n: u32) -> [String; 2] {
    let plain = n.to_string();
    if n < 1000 {
        return [plain.clone(), plain];
    }
    [
        format!("{}.{:03}", n / 1000, n % 1000),
        format!("{},{:03}", n / 1000, n % 1000),
    ]
}

#[test]
fn every_output_says_the_same_of_each_contest() {
    let b = site();
    let results_page = [
        b.text("ket-qua/index.html"),
        b.text("en/ket-qua/index.html"),
    ];
    let site_csv = b.raw("du-lieu/ket-qua.csv");
    let site_json = b.json("du-lieu/ket-qua.json");
    let popolo = b.raw("du-lieu/popolo.json");
    for e in EXPECTED {
        let contest = format!("bau-cu/{}/{}/index.html", e.round, e.village);
        let candidate = format!("bau-cu/{}/{}/{}/index.html", e.round, e.village, e.slug);
        let village = format!("don-vi/tt/{}/index.html", e.village);
        let round = format!("bau-cu/{}/index.html", e.round);
        let what = format!("{} {}", e.round, e.village);
        for (lang, prefix, label) in [("vi", "", e.vi), ("en", "en/", e.en)] {
            let pages = [&contest, &candidate, &village, &round];
            for page in pages {
                let text = b.text(&format!("{prefix}{page}"));
                assert!(
                    text.contains(label),
                    "{lang} {page}: “{label}” missing: {text}"
                );
                if let Some((vi, en)) = e.reason {
                    let reason = if lang == "vi" { vi } else { en };
                    assert!(
                        text.contains(reason),
                        "{lang} {page}: reason missing: {text}"
                    );
                }
            }
            let contest_text = b.text(&format!("{prefix}{contest}"));
            let candidate_text = b.text(&format!("{prefix}{candidate}"));
            let round_text = b.text(&format!("{prefix}{round}"));
            let votes = &printed(e.votes)[usize::from(lang == "en")];
            match e.households {
                Some(h) => {
                    let h = &printed(h)[usize::from(lang == "en")];
                    for text in [&contest_text, &round_text] {
                        assert!(text.contains(h.as_str()), "{lang} {what}: {h} missing");
                    }
                    assert!(
                        candidate_text.contains(votes.as_str()),
                        "{lang} {what}: votes"
                    );
                }
                None => {
                    // neither the votes nor any share are shown before their time
                    for text in [&contest_text, &candidate_text] {
                        assert!(
                            e.votes == 0 || !text.contains(votes.as_str()),
                            "{lang} {what}: votes {votes} shown"
                        );
                    }
                }
            }
        }

        // data files: the contest's own, its round's and the site's say the same
        let mut own = b.json(&format!("bau-cu/{}/{}/ket-qua.json", e.round, e.village));
        // the file's own flag says whether its data are samples; the record is the same
        let flag = own.as_object_mut().unwrap().remove("du_lieu_mau");
        assert_eq!(flag, Some(serde_json::Value::Bool(false)), "{what}");
        let in_round = b.json(&format!("bau-cu/{}/ket-qua.json", e.round))["cuoc_bau"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["khu_dan_cu"] == e.village)
            .cloned()
            .unwrap();
        let in_site = site_json["dot_bau_cu"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|r| r["cuoc_bau"].as_array().unwrap().iter())
            .find(|c| c["dot_bau_cu"] == e.round && c["khu_dan_cu"] == e.village)
            .cloned()
            .unwrap();
        for record in [&own, &in_round, &in_site] {
            assert_eq!(record, &own, "{what}: the files differ");
        }
        assert_eq!(own["trang_thai"], e.key, "{what}");
        assert_eq!(own["trang_thai_nhan"], e.vi, "{what}");
        assert_eq!(own["tong_cu_tri"], json_or_null(e.households), "{what}");
        assert_eq!(
            own["ly_do"],
            e.reason.map_or(Value::Null, |r| Value::from(r.0)),
            "{what}"
        );
        assert_eq!(
            own["ly_do_en"],
            e.reason.map_or(Value::Null, |r| Value::from(r.1)),
            "{what}"
        );
        let votes = &own["ung_cu_vien"][0]["so_phieu"];
        if e.households.is_some() {
            assert_eq!(votes, &Value::from(e.votes), "{what}");
        } else {
            assert!(votes.is_null(), "{what}: {votes}");
        }
        assert_eq!(own["ung_cu_vien"][0]["trung_cu"], e.elected, "{what}");

        // every contest has its row in the site's CSV, with its status and reason
        let row = site_csv
            .lines()
            .find(|l| {
                l.starts_with(&format!("{},tt,", e.round))
                    && l.contains(&format!(",{},", e.village))
            })
            .unwrap_or_else(|| panic!("{what}: no CSV row"));
        assert!(
            row.contains(&format!(",{},{},", e.key, e.vi)),
            "{what}: {row}"
        );
        if let Some((vi, _)) = e.reason {
            assert!(row.contains(vi), "{what}: {row}");
        }
        assert_eq!(
            row.contains(&format!(",{},", e.votes)),
            e.households.is_some(),
            "{what}: {row}"
        );

        // NIST: the contest's status as the pages name it; a winner only when elected
        let nist = b.json(&format!("bau-cu/{}/nist-1500-100.json", e.round));
        let contest = nist["Election"][0]["Contest"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["@id"] == format!("con-{}.{}", e.round, e.village))
            .cloned()
            .unwrap();
        assert_eq!(contest["ExternalIdentifier"][0]["Value"], e.key, "{what}");
        let status = nist["Election"][0]["Candidate"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["@id"] == format!("can-{}.{}", e.round, e.slug))
            .map(|c| c["PostElectionStatus"].clone())
            .unwrap();
        let expected = match (e.key, e.elected) {
            ("cong-nhan", true) => Value::from("winner"),
            ("tam-thoi", true) => Value::from("projected-winner"),
            _ => Value::Null,
        };
        assert_eq!(status, expected, "{what}");

        // Popolo: a membership holding the post only for who is elected; a candidacy for each
        let membership = format!("\"membership:{}/{}\"", e.round, e.village);
        assert_eq!(popolo.contains(&membership), e.elected, "{what}");
        let candidacy = format!("\"candidacy:{}/{}\"", e.round, e.slug);
        assert!(popolo.contains(&candidacy), "{what}");
    }
    // the results overview names each round's status as its page does
    for (vi, en) in [
        ("Đang kiểm phiếu", "Counting"),
        ("Kết quả chính thức", "Official results"),
        ("Sắp diễn ra", "Scheduled"),
    ] {
        assert!(results_page[0].contains(vi), "{vi}");
        assert!(results_page[1].contains(en), "{en}");
    }
}

fn json_or_null(n: Option<u32>) -> Value {
    n.map_or(Value::Null, Value::from)
}

#[test]
fn rounds_say_where_they_stand_from_their_contests() {
    let b = site();
    let round = |id: &str, lang: &str| {
        let prefix = if lang == "en" { "en/" } else { "" };
        b.text(&format!("{prefix}bau-cu/{id}/index.html"))
    };
    // a contest still being counted: the round is not official
    assert!(round("tt-2025", "vi").contains("Trạng thái Đang kiểm phiếu"));
    assert!(round("tt-2025-bau-lai", "vi").contains("Trạng thái Kết quả chính thức"));
    assert!(round("tt-2026", "vi").contains("Trạng thái Sắp diễn ra"));
    // figures that elect someone whose result was voided say it was not recognised
    let voided = b.text("bau-cu/tt-2025/thon-3/index.html");
    assert!(voided.contains("Kết quả không được công nhận"), "{voided}");
    assert!(!voided.contains("Có người trúng cử"), "{voided}");
    let record = b.json("bau-cu/tt-2025/thon-3/ket-qua.json");
    assert_eq!(record["ket_qua"], "khong-cong-nhan");
    assert!(record["nguoi_trung_cu"].is_null());
    // the repeat links both ways
    assert!(voided.contains("bầu lại ngày 26/10/2025"), "{voided}");
    assert!(voided.contains("đợt bầu lại ngày 26/10/2025"), "{voided}");
    let repeat = b.text("bau-cu/tt-2025-bau-lai/thon-3/index.html");
    assert!(
        repeat.contains("Bầu lại cho cuộc bầu ngày 12/10/2025"),
        "{repeat}"
    );
    // NIST: one report per round with that round's status
    let status = |id: &str| b.json(&format!("bau-cu/{id}/nist-1500-100.json"))["Status"].clone();
    assert_eq!(status("tt-2025"), "unofficial-partial");
    assert_eq!(status("tt-2025-bau-lai"), "certified");
    assert_eq!(status("tt-2026"), "pre-election");
    // the feed names the round's status, and has no entry for a round with no figures published
    let feed = b.raw("atom.xml");
    assert!(feed.contains("Đang kiểm phiếu"), "{feed}");
    assert!(!feed.contains("tt-2026/index.html"), "{feed}");
    // the elected list: who the model elects, and why the others have nobody
    let list = b.text("bau-cu/tt-2025/danh-sach-trung-cu/index.html");
    assert!(
        list.contains("Nguyễn Văn An") && list.contains("Trần Thị Bình"),
        "{list}"
    );
    assert!(!list.contains("Lê Văn Cường 1970"), "{list}");
    assert!(list.contains("Thôn đang sáp nhập với thôn Năm"), "{list}");
}

#[test]
fn totals_add_up_per_round_commune_and_term() {
    let b = site();
    let round = b.text("bau-cu/tt-2025/index.html");
    // counted: thon-1, thon-2, thon-3 (voided, its figures shown): 361 + 412 + 290 households
    assert!(
        round.contains("Tổng cộng 1.063 962 962/1.063 = 90,50%"),
        "{round}"
    );
    assert!(round.contains("Số cuộc bầu: 6"), "{round}");
    assert!(
        round.contains("Hoãn: 1") && round.contains("Không tổ chức: 1"),
        "{round}"
    );
    assert!(round.contains("Người trúng cử: 0 tái cử, 2 mới"), "{round}");
    let commune = b.text("don-vi/tt/index.html");
    assert!(commune.contains("962/1.063 = 90,50%"), "{commune}");
    let totals = b.json("du-lieu/tong-hop.json");
    let site = totals["tong_hop"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["pham_vi"] == "toan-trang")
        .cloned()
        .unwrap();
    // the three rounds of the term: the voided contest counts only as voided, its repeat's
    // figures replace its own, so thon-3's households are counted once
    assert_eq!(site["so_cuoc_bau"], 7);
    assert_eq!(site["tong_cu_tri"], 361 + 412 + 290);
    assert_eq!(site["bau_lai"], 1);
    let commune = totals["tong_hop"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["pham_vi"] == "don-vi")
        .cloned()
        .unwrap();
    assert_eq!(
        (commune["ma"].as_str(), commune["ten"].as_str()),
        (Some("tt"), Some("Xã Thử Trạng Thái"))
    );
    assert_eq!(site["trung_cu_nu"], 1);
}

#[test]
fn figures_typed_before_the_vote_are_a_warning_at_the_round_s_status() {
    let fx = crate::harness::Fixture::new();
    fx.replace_line(
        crate::harness::ROUND_FILE,
        "trang_thai: chinh-thuc",
        "trang_thai: sap-dien-ra",
    );
    let d = fx.check();
    let w = d
        .iter()
        .find(|w| !w.is_error() && w.field.as_deref() == Some("trang_thai"))
        .expect("a warning on trang_thai");
    assert!(
        crate::harness::same_path(&w.path, crate::harness::ROUND_FILE),
        "{w}"
    );
    assert_eq!(
        w.line,
        Some(fx.line_of(crate::harness::ROUND_FILE, "trang_thai: sap-dien-ra"))
    );
}
