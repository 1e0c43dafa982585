//! Content mistakes are reported with their file, line and field, in words staff can act on, and
//! all of them in one run.

use crate::harness::*;

/// The fixture with one line replaced, checked.
fn check_with(rel: &str, old: &str, new: &str) -> (Fixture, niemyet::diagnostics::Diagnostics) {
    let fx = Fixture::new();
    fx.replace_line(rel, old, new);
    let diagnostics = fx.check();
    (fx, diagnostics)
}

#[test]
fn yaml_syntax_error_in_front_matter_points_at_the_file_line() {
    let (fx, d) = check_with(
        AN,
        "nghe_nghiep: Cán bộ hưu trí",
        "nghe_nghiep: Cán bộ: hưu trí",
    );
    let e = find_error(&d, AN, "holds a colon");
    assert_eq!(e.line, Some(fx.line_of(AN, "nghe_nghiep:")), "{e}");
    assert!(e.hint.as_ref().unwrap().en.contains("double quotes"), "{e}");
}

#[test]
fn yaml_syntax_error_in_a_data_file_points_at_the_line() {
    let (fx, d) = check_with(
        ROUND_FILE,
        "trang_thai: chinh-thuc",
        "trang_thai: \"chinh-thuc",
    );
    let e = find_error(&d, ROUND_FILE, "quote opened here");
    // where the quote opens, not where the parser noticed it
    assert_eq!(e.line, Some(fx.line_of(ROUND_FILE, "trang_thai:")), "{e}");
}

#[test]
fn missing_required_field_is_named() {
    let (_, d) = check_with(AN, "nam_sinh: 1975", "");
    let e = find_error(&d, AN, "nam_sinh");
    assert_eq!(e.field.as_deref(), Some("nam_sinh"));
    assert!(e.message.en.contains("required field"), "{e}");
    // reported where the front matter starts, after the opening `---`
    assert_eq!(e.line, Some(2), "{e}");
}

#[test]
fn unknown_field_suggests_the_nearest_name() {
    let (fx, d) = check_with(ROUND_FILE, "ngay_bau_cu: 05/6/2022", "ngay_bau: 05/6/2022");
    let e = assert_error(
        &d,
        ROUND_FILE,
        fx.line_of(ROUND_FILE, "ngay_bau:"),
        Some("ngay_bau"),
        "Unknown field `ngay_bau`",
    );
    let hint = e.hint.as_ref().expect("a hint");
    assert!(hint.en.contains("Did you mean `ngay_bau_cu`?"), "{e}");
}

#[test]
fn impossible_date_is_refused_with_its_line() {
    let (fx, d) = check_with(LETTER, "ngay: 10/3/2022", "ngay: 31/4/2022");
    assert_error(
        &d,
        LETTER,
        fx.line_of(LETTER, "ngay: 31/4/2022"),
        Some("ngay"),
        "`31/4/2022` is not a real date: month 4 of 2022 has 30 days",
    );
}

#[test]
fn backwards_term_is_refused_with_its_line() {
    let (fx, d) = check_with(ROUND_FILE, "nhiem_ky: 2022-2025", "nhiem_ky: 2025-2022");
    assert_error(
        &d,
        ROUND_FILE,
        fx.line_of(ROUND_FILE, "nhiem_ky:"),
        Some("nhiem_ky"),
        "`2025-2022` ends before it starts",
    );
    let e = find_error(&d, ROUND_FILE, "ends before");
    assert!(e.hint.as_ref().unwrap().en.contains("`2022-2025`"), "{e}");
}

#[test]
fn two_documents_with_the_same_file_name_are_a_duplicate() {
    let fx = Fixture::new();
    fx.write("van-ban/ke-hoach-bau-cu.md", fx.read(PLAN));
    let d = fx.check();
    let e = assert_error(
        &d,
        "van-ban/ke-hoach-bau-cu.md",
        1,
        Some("van_ban"),
        "duplicate",
    );
    assert!(e.message.en.contains(PLAN), "names the first file: {e}");
}

#[test]
fn round_naming_an_unknown_division_is_an_error() {
    let (fx, d) = check_with(ROUND_FILE, "don_vi: thu-nghiem", "don_vi: thu-nghien");
    let e = assert_error(
        &d,
        ROUND_FILE,
        fx.line_of(ROUND_FILE, "don_vi:"),
        Some("don_vi"),
        "no unit “thu-nghien”",
    );
    assert!(
        e.hint
            .as_ref()
            .unwrap()
            .en
            .contains("Did you mean “thu-nghiem”?")
    );
}

#[test]
fn document_naming_an_unknown_election_is_an_error() {
    let (fx, d) = check_with(LETTER, "bau_cu: tn-2022", "bau_cu: tn-2023");
    assert_error(
        &d,
        LETTER,
        fx.line_of(LETTER, "bau_cu:"),
        Some("bau_cu"),
        "no election round “tn-2023”",
    );
}

#[test]
fn votes_for_an_unknown_candidate_are_an_error() {
    let (fx, d) = check_with(RESULTS, "nguyen-van-an: 1234", "nguyen-van-anh: 1234");
    let e = assert_error(
        &d,
        RESULTS,
        fx.line_of(RESULTS, "nguyen-van-anh:"),
        Some("so_phieu"),
        "“nguyen-van-anh” is not a candidate",
    );
    assert!(e.hint.as_ref().unwrap().en.contains("nguyen-van-an"), "{e}");
}

#[test]
fn a_legal_basis_naming_an_unknown_document_is_an_error() {
    let (fx, d) = check_with(PLAN, "van_ban: cong-van-13", "van_ban: cong-van-31");
    assert_error(
        &d,
        PLAN,
        fx.line_of(PLAN, "van_ban: cong-van-31"),
        Some("can_cu"),
        "“cong-van-31”",
    );
}

#[test]
fn a_missing_attachment_is_an_error() {
    let fx = Fixture::new();
    fx.remove(LETTER_PDF);
    let d = fx.check();
    assert_error(
        &d,
        LETTER,
        fx.line_of(LETTER, "tep: cong-van-13.pdf"),
        Some("dinh_kem"),
        "“cong-van-13.pdf” cannot be used: there is no such file",
    );
}

#[test]
fn an_id_card_field_is_refused_as_personal_data() {
    let (fx, d) = check_with(
        AN,
        "tai_cu: true",
        "tai_cu: true\nso_cccd: \"001075012345\"",
    );
    let e = assert_error(
        &d,
        AN,
        fx.line_of(AN, "so_cccd:"),
        Some("so_cccd"),
        "personal data",
    );
    assert!(e.hint.as_ref().unwrap().en.contains("rieng_tu"), "{e}");
}

#[test]
fn a_phone_number_in_a_bio_is_refused_as_personal_data() {
    let fx = Fixture::new();
    fx.write(
        CUONG,
        format!("{}\nLiên hệ: 0912 345 678.\n", fx.read(CUONG)),
    );
    let d = fx.check();
    assert_error(
        &d,
        CUONG,
        fx.line_of(CUONG, "0912 345 678"),
        None,
        "a phone number",
    );
}

/// Results of khu-2 with one figure changed, and the error expected for it.
struct Inconsistency {
    old: &'static str,
    new: &'static str,
    field: &'static str,
    message: &'static str,
}

#[test]
fn vote_count_figures_that_do_not_add_up_are_errors() {
    let cases = [
        Inconsistency {
            old: "phieu_khong_hop_le: 2",
            new: "phieu_khong_hop_le: 3",
            field: "phieu_hop_le",
            message: "Valid (157) + invalid (3) ballots = 160, not the 159 ballots collected",
        },
        Inconsistency {
            old: "le-van-cuong: 150",
            new: "le-van-cuong: 158",
            field: "so_phieu",
            message: "has 158 votes, more than the 157 valid ballots",
        },
        Inconsistency {
            old: "cu_tri_tham_gia: 159",
            new: "cu_tri_tham_gia: 362",
            field: "cu_tri_tham_gia",
            message: "Participants (362) exceed all household representatives (250)",
        },
        Inconsistency {
            old: "phieu_phat_ra: 160",
            new: "phieu_phat_ra: 158",
            field: "phieu_thu_vao",
            message: "Ballots collected (159) exceed ballots issued (158)",
        },
    ];
    for case in cases {
        let (fx, d) = check_with(RESULTS, case.old, case.new);
        let field_line = format!("{}:", case.field);
        let needle = if case.field == "so_phieu" {
            case.new
        } else {
            &field_line
        };
        assert_error(
            &d,
            RESULTS,
            fx.line_after(RESULTS, "khu-2:", needle),
            Some(case.field),
            case.message,
        );
        assert_eq!(d.error_count(), 1, "one error for {}:\n{d}", case.new);
    }
}

#[test]
fn every_broken_file_is_reported_in_one_run() {
    let fx = Fixture::new();
    fx.replace_line(BINH, "nam_sinh: 1980", "nam_sinh: một chín tám mươi");
    fx.replace_line(PLAN, "ngay: 20/3/2022", "ngay: 30/2/2022");
    fx.replace_line(COMMUNE, "cap: phuong", "cap: phuongg");
    let d = fx.check();
    for (file, key) in [(BINH, "nam_sinh:"), (PLAN, "ngay:"), (COMMUNE, "cap:")] {
        let e = errors(&d)
            .into_iter()
            .find(|e| same_path(&e.path, file))
            .unwrap_or_else(|| panic!("no error for {file}:\n{d}"));
        assert_eq!(e.line, Some(fx.line_of(file, key)), "{e}");
    }
    assert!(fx.build().is_err());
    assert!(!fx.output().exists(), "a failed first build wrote output");
}

#[test]
fn figures_are_checked_even_when_another_file_does_not_parse() {
    let fx = Fixture::new();
    fx.replace_line(BINH, "nam_sinh: 1980", "nam_sinh: một chín tám mươi");
    fx.replace_line(RESULTS, "phieu_hop_le: 157", "phieu_hop_le: 999");
    let d = fx.check();
    assert!(errors(&d).iter().any(|e| same_path(&e.path, BINH)), "{d}");
    let e = find_error(&d, RESULTS, "999");
    assert_eq!(e.field.as_deref(), Some("phieu_hop_le"), "{e}");
    // Bình's file did not parse, so her votes must not be reported as votes for a stranger
    assert!(
        errors(&d)
            .iter()
            .all(|e| !e.message.en.contains("is not a candidate")),
        "{d}"
    );
}

#[test]
fn diagnostics_are_sorted_by_file_and_line() {
    let fx = Fixture::new();
    fx.replace_line(LETTER, "bau_cu: tn-2022", "bau_cu: tn-2023");
    fx.replace_line(LETTER, "don_vi: thu-nghiem", "don_vi: thu-nghien");
    fx.replace_line(ROUND_FILE, "don_vi: thu-nghiem", "don_vi: khong-co");
    let d = fx.check();
    let places: Vec<_> = d.iter().map(|e| (e.path.clone(), e.line)).collect();
    let mut sorted = places.clone();
    sorted.sort();
    assert_eq!(places, sorted);
    assert!(d.error_count() >= 3, "{d}");
}

#[test]
fn a_photo_must_be_an_image_inside_the_candidates_folder() {
    for bad in [
        "tran-thi-binh.md",
        "../dot-bau-cu.yaml",
        "anh/khong-co.jpg",
        "C:anh.jpg",
    ] {
        let (fx, d) = check_with(AN, "anh: anh/nguyen-van-an.jpg", &format!("anh: \"{bad}\""));
        let e = assert_error(&d, AN, fx.line_of(AN, "anh: \""), Some("anh"), "photo");
        assert!(e.message.en.contains(bad), "{e}");
        assert!(fx.build().is_err());
    }
}

#[test]
fn unsafe_or_relative_links_are_refused_where_they_are_written() {
    let (fx, d) = check_with(
        LETTER,
        "Đảng ủy phường đề nghị các chi bộ **lãnh đạo** tốt việc bầu cử.",
        "Xem [mẫu](mau.pdf) và [đây](javascript:alert(1)).",
    );
    let line = fx.line_of(LETTER, "Xem [mẫu]");
    for target in ["mau.pdf", "javascript:alert(1)"] {
        let e = find_error(&d, LETTER, target);
        assert_eq!(e.line, Some(line), "{e}");
    }
    let (fx, d) = check_with(
        LETTER,
        "don_vi: thu-nghiem",
        "don_vi: thu-nghiem\nnguon:\n  ten: Trang nguồn\n  url: \"javascript:alert(1)\"",
    );
    assert_error(
        &d,
        LETTER,
        fx.line_of(LETTER, "url:"),
        Some("url"),
        "javascript",
    );
}

#[test]
fn a_phone_number_in_a_public_field_is_refused() {
    let (fx, d) = check_with(
        AN,
        "nghe_nghiep: Cán bộ hưu trí",
        "nghe_nghiep: Cán bộ hưu trí, ĐT 0912.345.678",
    );
    assert_error(
        &d,
        AN,
        fx.line_of(AN, "nghe_nghiep:"),
        Some("nghe_nghiep"),
        "phone number",
    );
}

#[test]
fn votes_must_add_up_and_every_candidate_must_have_a_count() {
    let (fx, d) = check_with(RESULTS, "tran-thi-binh: 1100", "tran-thi-binh: 1300");
    assert_error(
        &d,
        RESULTS,
        fx.line_of(RESULTS, "so_phieu:"),
        Some("so_phieu"),
        "add up to 2534, more than the 2480 valid ballots",
    );
    let (fx, d) = check_with(RESULTS, "tran-thi-binh: 1100", "");
    assert_error(
        &d,
        RESULTS,
        fx.line_of(RESULTS, "so_phieu:"),
        Some("so_phieu"),
        "votes of candidate “tran-thi-binh” are missing",
    );
}

#[test]
fn figures_near_the_integer_limit_are_reported_not_wrapped() {
    let (fx, d) = check_with(RESULTS, "phieu_hop_le: 2480", "phieu_hop_le: 4294967295");
    assert_error(
        &d,
        RESULTS,
        fx.line_of(RESULTS, "phieu_hop_le: 4294967295"),
        Some("phieu_hop_le"),
        "= 4294967315, not the 2500 ballots collected",
    );
}

#[test]
fn a_repeated_key_in_the_results_is_an_error_where_it_is_repeated() {
    let (fx, d) = check_with(
        RESULTS,
        "le-van-cuong: 150",
        "le-van-cuong: 150\nle-van-cuong: 15",
    );
    // the repeated line is the one after the first
    let line = fx.line_of(RESULTS, "le-van-cuong: 150") + 1;
    assert_error(&d, RESULTS, line, Some("le-van-cuong"), "written twice");
    let (_, d) = check_with(RESULTS, "khu-2:", "khu-1:");
    find_error(&d, RESULTS, "written twice");
}

#[test]
fn a_file_saved_with_an_extra_txt_ending_is_an_error_not_a_silent_loss() {
    let fx = Fixture::new();
    let text = fx.read(CUONG);
    fx.remove(CUONG);
    fx.write(&format!("{CUONG}.txt"), text);
    let d = fx.check();
    let e = find_error(&d, &format!("{CUONG}.txt"), "Notepad");
    assert!(
        e.hint.as_ref().unwrap().en.contains("le-van-cuong.md"),
        "{e}"
    );
}

#[test]
fn contest_problems_point_at_their_own_entry() {
    // a repeated village is reported where it is repeated
    let (fx, d) = check_with(ROUND_FILE, "- khu-2", "- khu-2\n- khu-1");
    assert_error(
        &d,
        ROUND_FILE,
        fx.line_of(ROUND_FILE, "- khu-1"),
        Some("cuoc_bau"),
        "listed twice",
    );
    // an unknown village is not confused with a known one it is a prefix of
    let (fx, d) = check_with(ROUND_FILE, "- khu-2", "- khu-2\n- khu");
    let line = fx.read(ROUND_FILE).lines().count();
    assert_eq!(fx.read(ROUND_FILE).lines().last(), Some("  - khu"));
    assert_error(
        &d,
        ROUND_FILE,
        line,
        Some("cuoc_bau"),
        "no village or neighbourhood “khu”",
    );
}

#[test]
fn impossible_facts_are_errors() {
    let (fx, d) = check_with(AN, "nam_sinh: 1975", "nam_sinh: 2010");
    assert_error(
        &d,
        AN,
        fx.line_of(AN, "nam_sinh:"),
        Some("nam_sinh"),
        "must be 18",
    );
    let (fx, d) = check_with(COMMUNE, "cap: phuong", "cap: phuong\nke_thua: thu-nghiem");
    assert_error(
        &d,
        COMMUNE,
        fx.line_of(COMMUNE, "ke_thua:"),
        Some("ke_thua"),
        "cannot succeed itself",
    );
    let (fx, d) = check_with(
        COMMUNE,
        "cap: phuong",
        "cap: phuong\nhieu_luc_tu: 1/7/2025\nhieu_luc_den: 30/6/2025",
    );
    assert_error(
        &d,
        COMMUNE,
        fx.line_of(COMMUNE, "hieu_luc_den:"),
        Some("hieu_luc_den"),
        "before the start date",
    );
    let (fx, d) = check_with(
        CONFIG,
        "email: ubnd@example.org",
        "email: ubnd@example.org\nduong_dan_goc: bau-cu",
    );
    assert_error(
        &d,
        CONFIG,
        fx.line_of(CONFIG, "duong_dan_goc:"),
        Some("duong_dan_goc"),
        "not a path",
    );
}

#[test]
fn numbers_hidden_by_formatting_comments_or_file_names_are_still_found() {
    let bio = "Ông tham gia công tác **hòa giải** ở cơ sở.";
    for hidden in [
        "CCCD 001085<!-- x -->012345.",
        "Gọi 0912 **345** 678.",
        "Gọi 0912\u{a0}345\u{a0}678.",
    ] {
        let (_, d) = check_with(AN, bio, hidden);
        find_error(&d, AN, "personal data");
    }
    let fx = Fixture::new();
    let text = fx.read(CUONG).replace("le-van-cuong", "x");
    fx.remove(CUONG);
    fx.write("bau-cu/tn-2022/ung-cu-vien/0912345678.md", text);
    fx.replace_line(RESULTS, "le-van-cuong: 150", "0912345678: 150");
    let d = fx.check();
    find_error(
        &d,
        "bau-cu/tn-2022/ung-cu-vien/0912345678.md",
        "phone number",
    );
}

#[test]
fn unclosed_notes_and_absurd_nesting_are_refused_before_building() {
    let bio = "Ông tham gia công tác **hòa giải** ở cơ sở.";
    let (fx, d) = check_with(AN, bio, "Ông A. <!-- ghi chú không đóng");
    assert_error(
        &d,
        AN,
        fx.line_of(AN, "ghi chú không đóng"),
        None,
        "never closed",
    );
    let (_, d) = check_with(AN, bio, &format!("{}y", "- ".repeat(5000)));
    find_error(&d, AN, "nests more than");
}

#[test]
fn pages_scripts_and_links_out_of_the_folder_cannot_be_attached_or_shown() {
    let fx = Fixture::new();
    fx.write("van-ban/bien-ban.html", "<script>alert(1)</script>");
    fx.replace_line(
        LETTER,
        "- tep: cong-van-13.pdf",
        "- tep: bien-ban.html\n- tep: cong-van-13.pdf",
    );
    let d = fx.check();
    assert_error(
        &d,
        LETTER,
        fx.line_of(LETTER, "bien-ban.html"),
        Some("dinh_kem"),
        "not web pages, scripts or SVG",
    );
    #[cfg(unix)]
    {
        let fx = Fixture::new();
        fx.write("../secret.txt", "SECRET");
        std::os::unix::fs::symlink(
            fx.root().join("secret.txt"),
            fx.path("bau-cu/tn-2022/ung-cu-vien/anh/b.jpg"),
        )
        .unwrap();
        fx.replace_line(AN, "anh: anh/nguyen-van-an.jpg", "anh: anh/b.jpg");
        let d = fx.check();
        assert_error(
            &d,
            AN,
            fx.line_of(AN, "anh: anh/b.jpg"),
            Some("anh"),
            "photo",
        );
    }
    // a text file named like an image is not an image
    let fx = Fixture::new();
    fx.write("bau-cu/tn-2022/ung-cu-vien/anh/c.png", "# cau-hinh");
    fx.replace_line(AN, "anh: anh/nguyen-van-an.jpg", "anh: anh/c.png");
    find_error(&fx.check(), AN, "not an image");
}

#[test]
fn published_results_cover_every_contest_and_count_one_ballot_per_voter() {
    let fx = Fixture::new();
    let results = fx.read(RESULTS);
    let (khu_1, _) = results.split_once("khu-2:").unwrap();
    fx.write(RESULTS, khu_1);
    let d = fx.check();
    assert_error(
        &d,
        ROUND_FILE,
        fx.line_of(ROUND_FILE, "trang_thai:"),
        Some("trang_thai"),
        "none for “khu-2”",
    );
    fx.replace_line(
        ROUND_FILE,
        "trang_thai: chinh-thuc",
        "trang_thai: dang-kiem-phieu",
    );
    assert!(!fx.check().has_errors());

    let (fx, d) = check_with(RESULTS, "cu_tri_tham_gia: 159", "cu_tri_tham_gia: 150");
    assert_error(
        &d,
        RESULTS,
        fx.line_after(RESULTS, "khu-2:", "phieu_thu_vao:"),
        Some("phieu_thu_vao"),
        "Ballots collected (159) exceed participants (150)",
    );
}

#[test]
fn problems_in_yaml_text_and_repeated_quoted_keys_point_at_their_line() {
    let (fx, d) = check_with(
        ROUND_FILE,
        "gioi_thieu: Bầu trưởng khu phố ở hai khu phố.",
        "gioi_thieu: \"Xem [mẫu](mau.pdf) ở hai khu phố.\"",
    );
    assert_error(
        &d,
        ROUND_FILE,
        fx.line_of(ROUND_FILE, "gioi_thieu:"),
        None,
        "mau.pdf",
    );
    let (fx, d) = check_with(
        RESULTS,
        "le-van-cuong: 150",
        "le-van-cuong: 150\n\"le-van-cuong\": 15",
    );
    let line = fx.line_of(RESULTS, "le-van-cuong: 150") + 1;
    assert_error(&d, RESULTS, line, Some("le-van-cuong"), "written twice");
    let (fx, d) = check_with(
        RESULTS,
        "phieu_hop_le: 157",
        "phieu_hop_le: 157\nphieu_hop_le: 156",
    );
    assert_error(
        &d,
        RESULTS,
        fx.line_of(RESULTS, "phieu_hop_le: 156"),
        Some("phieu_hop_le"),
        "written twice",
    );
}

#[test]
fn numbers_in_link_targets_and_titles_and_phone_links_are_refused() {
    let bio = "Ông tham gia công tác **hòa giải** ở cơ sở.";
    for link in [
        "[Hồ sơ](https://a.vn/?cccd=001085012345)",
        "[Hồ sơ](https://a.vn/ \"0912345678\")",
    ] {
        let (_, d) = check_with(AN, bio, link);
        find_error(&d, AN, "personal data");
    }
    let (_, d) = check_with(AN, bio, "[Liên hệ](tel:0203123456)");
    find_error(&d, AN, "tel:0203123456");
}
