//! Personal data never reaches the portal: ID card and phone numbers are refused in every
//! published text of every kind of content, however they are spelt; a candidate's full date of
//! birth, e-mail and home address too. Official contact numbers pass only once staff confirm
//! that exact number. A required field left blank is an error, not an empty published value.

use crate::harness::*;

const PHONE: &str = "0912 345 678";
const ID_CARD: &str = "001085012345";

/// Where a number is planted: the file, the line replaced (or `None` to append a paragraph to
/// the file's Markdown body), what replaces it (`{}` is the number), and the field expected.
struct Place {
    file: &'static str,
    old: Option<&'static str>,
    new: &'static str,
    field: Option<&'static str>,
}

const PLACES: &[Place] = &[
    Place {
        file: LETTER,
        old: None,
        new: "Liên hệ {}.",
        field: None,
    },
    Place {
        file: LETTER,
        old: Some("tieu_de: Về việc lãnh đạo bầu cử trưởng khu phố nhiệm kỳ 2022-2025"),
        new: "tieu_de: Về việc lãnh đạo bầu cử, gọi {}",
        field: Some("tieu_de"),
    },
    Place {
        file: LETTER,
        old: Some("nguoi_ky: Phạm Văn Dũng"),
        new: "nguoi_ky: Phạm Văn Dũng {}",
        field: Some("nguoi_ky"),
    },
    Place {
        file: RESULTS,
        old: Some("- ho_ten: Phạm Văn Tổ"),
        new: "- ho_ten: Phạm Văn Tổ {}",
        field: Some("ho_ten"),
    },
    Place {
        file: RESULTS,
        old: Some("chuc_vu: Tổ trưởng Tổ bầu cử"),
        new: "chuc_vu: Tổ trưởng Tổ bầu cử ({})",
        field: Some("chuc_vu"),
    },
    Place {
        file: ROUND_FILE,
        old: Some("gioi_thieu: Bầu trưởng khu phố ở hai khu phố."),
        new: "gioi_thieu: Bầu trưởng khu phố, hỏi {}.",
        field: Some("gioi_thieu"),
    },
    Place {
        file: ROUND_FILE,
        old: Some("dia_diem: Nhà văn hóa khu phố Một"),
        new: "dia_diem: Nhà ông Tư, {}",
        field: Some("dia_diem"),
    },
    Place {
        file: CONTACT,
        old: None,
        new: "Gọi chị Hoa: {}.",
        field: None,
    },
    Place {
        file: COMMUNE,
        old: Some("tinh: Tỉnh Quảng Ninh"),
        new: "tinh: Tỉnh Quảng Ninh\nghi_chu: Trưởng khu phố Một, {}",
        field: Some("ghi_chu"),
    },
    Place {
        file: CONFIG,
        old: Some("Cổng thông tin niêm yết bầu cử trưởng khu phố của phường Thử Nghiệm."),
        new: "Cổng thông tin niêm yết bầu cử.\nHỏi anh Nam: {}.",
        field: Some("gioi_thieu"),
    },
];

/// The fixture with `number` planted at `place`, checked.
fn plant(place: &Place, number: &str) -> (Fixture, niemyet::diagnostics::Diagnostics) {
    let fx = Fixture::new();
    let new = place.new.replace("{}", number);
    match place.old {
        Some(old) => fx.replace_line(place.file, old, &new),
        None => fx.write(place.file, format!("{}\n{new}\n", fx.read(place.file))),
    }
    let d = fx.check();
    (fx, d)
}

#[test]
fn id_and_phone_numbers_are_refused_in_every_published_place() {
    for place in PLACES {
        for (number, kind) in [(PHONE, "a phone number"), (ID_CARD, "an ID card number")] {
            let (fx, d) = plant(place, number);
            let e = assert_error(
                &d,
                place.file,
                fx.line_of(place.file, number),
                place.field,
                kind,
            );
            assert!(e.message.vi.contains("dữ liệu cá nhân"), "{e}");
            assert!(e.hint.is_some(), "{e}");
        }
    }
}

#[test]
fn a_document_translation_is_checked_like_its_original() {
    let fx = Fixture::new();
    let config = fx.read(CONFIG);
    fx.write(CONFIG, format!("{config}ngon_ngu: [vi, en]\n"));
    let letter_en = LETTER.replace(".md", ".en.md");
    fx.write(
        &letter_en,
        format!("---\ntieu_de: On the election\nnguoi_dich: Mai, tel. {PHONE}\n---\nText.\n"),
    );
    let d = fx.check();
    assert_error(&d, &letter_en, 3, Some("nguoi_dich"), "a phone number");
}

#[test]
fn every_spelling_of_a_phone_number_is_found_in_a_candidate_file() {
    for spelling in [
        "0912/345/678",
        "0912_345_678",
        "0912,345,678",
        "09 12 34 56 78",
        "0 9 1 2 3 4 5 6 7 8",
        "09l2345678",
        "09I2 345 678",
        "O912 345 678",
        "٠٩١٢٣٤٥٦٧٨",
        "۰۹۱۲۳۴۵۶۷۸",
        "𝟎𝟗𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖",
        "०९१२३४५६७८",
    ] {
        let fx = Fixture::new();
        fx.write(CUONG, format!("{}\nGọi ông: {spelling}.\n", fx.read(CUONG)));
        let d = fx.check();
        let e = find_error(&d, CUONG, "a phone number");
        assert_eq!(e.line, Some(fx.line_of(CUONG, spelling)), "{spelling}: {e}");
    }
}

#[test]
fn a_full_date_of_birth_an_e_mail_or_a_home_address_is_refused_in_a_candidate_file() {
    // Lê Văn Cường was born in 1968 (nam_sinh)
    for (text, kind) in [
        (
            "Ông sinh ngày 05/6/1968 tại xã Yên Hưng.",
            "a full date of birth",
        ),
        (
            "Ông Cường (05-06-1968) là thương binh.",
            "a full date of birth",
        ),
        ("Sinh ngày 5 tháng 6 năm 1968.", "a full date of birth"),
        (
            "Ngày sinh: 12.3.1969 theo giấy khai sinh.",
            "a full date of birth",
        ),
        ("Thư: cuong.le68@gmail.com", "an e-mail address"),
        ("Ông ở số nhà 12 đường Lê Lợi.", "a home address"),
        ("Nhà ông ở ngõ 34 phố Hàng Bạc.", "a home address"),
        ("Ông ở hẻm 5/2 Nguyễn Trãi.", "a home address"),
        ("Ông ở ngách 7 ngõ Văn Chương.", "a home address"),
        ("Ông ở kiệt 9 Lê Lợi.", "a home address"),
    ] {
        let fx = Fixture::new();
        fx.write(CUONG, format!("{}\n{text}\n", fx.read(CUONG)));
        let d = fx.check();
        let e = assert_error(&d, CUONG, fx.line_of(CUONG, text), None, kind);
        assert!(e.message.vi.contains("dữ liệu cá nhân"), "{e}");
    }
    // in a public field too
    let fx = Fixture::new();
    fx.replace_line(
        CUONG,
        "nghe_nghiep: Kinh doanh",
        "nghe_nghiep: Kinh doanh, số nhà 12",
    );
    let d = fx.check();
    assert_error(
        &d,
        CUONG,
        fx.line_of(CUONG, "nghe_nghiep:"),
        Some("nghe_nghiep"),
        "a home address",
    );
}

#[test]
fn the_birth_year_dates_of_events_and_public_places_stay_in_a_bio() {
    let fx = Fixture::new();
    fx.write(
        CUONG,
        format!(
            "{}\nSinh năm 1968, vào Đảng ngày 05/6/2002, làm tổ trưởng tổ 3 khu phố 2 từ \
             ngày 1 tháng 7 năm 2019. Nhiệm kỳ 2019-2022 đạt 48,33% số phiếu; quỹ khu phố \
             1.234.567 đồng. Số nhà văn hóa khu phố: 2.\n",
            fx.read(CUONG)
        ),
    );
    let d = fx.check();
    assert!(!d.has_errors(), "{d}");
}

#[test]
fn figures_of_real_documents_are_not_mistaken_for_personal_data() {
    let fx = Fixture::new();
    fx.write(
        PLAN,
        format!(
            "{}\n\
             Căn cứ Luật số 10/2022/QH15 ngày 10/11/2022; Nghị định số 59/2023/NĐ-CP ngày \
             14/8/2023; Công văn số 4115/UBND-NC ngày 16/11/2023; Quyết định số 112/QĐ-UBND.\n\n\
             Kinh phí: 1.234.567 đồng; 12.000.000.000 đồng; 1.000.000.000.000 đồng; \
             120,000,000 đồng.\n\n\
             Cử tri: 2.802 người, tham gia 2.500 (89,22%); tỷ lệ 48,33%, 31, 16% và 51,66%.\n\n\
             Nhiệm kỳ 2022 - 2025, 2024- 2027; các năm 2015, 2017, 2019, 2021; lúc 15:54 \
             ngày 31/03/2022; từ 01/01/2022 đến 31/12/2022; tổ 01 - 02 - 03 - 04 - 05 - 06.\n\n\
             Đã truy cập: 4459718; Truy cập tổng 10.818.141. Mã hồ sơ 000.00.21.H56-220605-0001.\n",
            fx.read(PLAN)
        ),
    );
    let d = fx.check();
    assert!(!d.has_errors(), "{d}");
}

const HOTLINE: &str = "0203 3825 123";

/// The fixture with the ward's hotline in the letter's body, and `extra` added to its body.
fn hotline_letter(extra: &str) -> Fixture {
    let fx = Fixture::new();
    fx.write(
        LETTER,
        format!(
            "{}\nĐường dây nóng của phường: {HOTLINE}.\n{extra}",
            fx.read(LETTER)
        ),
    );
    fx
}

#[test]
fn an_unconfirmed_official_number_says_how_to_confirm_it() {
    let fx = hotline_letter("");
    let d = fx.check();
    let e = assert_error(
        &d,
        LETTER,
        fx.line_of(LETTER, HOTLINE),
        None,
        "a phone number",
    );
    let hint = e.hint.as_ref().unwrap();
    for part in [
        "<!-- niemyet: so-cong-khai 0203 3825 123 -->",
        "so_dien_thoai_cong_khai",
    ] {
        assert!(hint.vi.contains(part) && hint.en.contains(part), "{e}");
    }
}

#[test]
fn the_site_list_confirms_an_official_number_and_no_other() {
    let fx = hotline_letter("");
    let config = fx.read(CONFIG);
    fx.write(
        CONFIG,
        format!("{config}so_dien_thoai_cong_khai: [\"(0203) 3.825.123\"]\n"),
    );
    let d = fx.check();
    assert!(!d.has_errors(), "{d}");
    // the page of the letter shows it
    fx.build_ok();
    assert!(fx.text("van-ban/cong-van-13/index.html").contains(HOTLINE));

    fx.write(
        CONTACT,
        format!("{}\nHoặc gọi {PHONE}.\n", fx.read(CONTACT)),
    );
    let d = fx.check();
    assert_error(
        &d,
        CONTACT,
        fx.line_of(CONTACT, PHONE),
        None,
        "a phone number",
    );
    assert_eq!(errors(&d).len(), 1, "{d}");

    // an entry that is no phone number confirms nothing, and says so
    let fx = hotline_letter("");
    fx.write(
        CONFIG,
        format!("{config}so_dien_thoai_cong_khai:\n  - \"1022\"\n"),
    );
    let d = fx.check();
    let w = d
        .iter()
        .find(|d| !d.is_error() && d.message.en.contains("not a phone number"))
        .unwrap_or_else(|| panic!("expected a warning about “1022”:\n{d}"));
    assert_eq!(w.line, Some(fx.line_of(CONFIG, "- \"1022\"")), "{w}");
    assert_eq!(w.field.as_deref(), Some("so_dien_thoai_cong_khai"));
    find_error(&d, LETTER, "a phone number");
}

#[test]
fn the_site_contact_number_is_an_official_number() {
    let fx = hotline_letter("");
    fx.replace_line(
        CONFIG,
        "email: ubnd@example.org",
        &format!("email: ubnd@example.org\ndien_thoai: \"{HOTLINE}\""),
    );
    let d = fx.check();
    assert!(!d.has_errors(), "{d}");
}

#[test]
fn an_inline_confirmation_covers_that_number_in_that_file_only() {
    let marker = format!("<!-- niemyet: so-cong-khai {HOTLINE} -->");
    let fx = hotline_letter(&format!("{marker}\n"));
    let d = fx.check();
    assert!(!d.has_errors(), "{d}");
    fx.build_ok();
    let page = fx.page("van-ban/cong-van-13/index.html");
    assert!(visible_text(&page).contains(HOTLINE));
    assert!(
        !page.contains("so-cong-khai"),
        "the confirmation is not published"
    );

    // another number in the same file is still refused
    let fx = hotline_letter(&format!("{marker}\nHoặc gọi {PHONE}.\n"));
    let d = fx.check();
    assert_error(
        &d,
        LETTER,
        fx.line_of(LETTER, PHONE),
        None,
        "a phone number",
    );
    assert_eq!(errors(&d).len(), 1, "{d}");

    // the same number in another file needs its own confirmation
    let fx = hotline_letter(&format!("{marker}\n"));
    fx.write(
        CONTACT,
        format!("{}\nĐường dây nóng: {HOTLINE}.\n", fx.read(CONTACT)),
    );
    let d = fx.check();
    assert_error(
        &d,
        CONTACT,
        fx.line_of(CONTACT, HOTLINE),
        None,
        "a phone number",
    );

    // in a YAML file, the confirmation is a YAML comment
    let fx = Fixture::new();
    fx.replace_line(
        ROUND_FILE,
        "dia_diem: Nhà văn hóa khu phố Một",
        &format!(
            "# niemyet: so-cong-khai {HOTLINE}\ndia_diem: Nhà văn hóa khu phố Một, ĐT {HOTLINE}"
        ),
    );
    let d = fx.check();
    assert!(!d.has_errors(), "{d}");
}

#[test]
fn a_candidate_file_gets_no_exemption() {
    let fx = Fixture::new();
    let config = fx.read(CONFIG);
    fx.write(
        CONFIG,
        format!("{config}so_dien_thoai_cong_khai: [\"{HOTLINE}\"]\n"),
    );
    fx.write(
        CUONG,
        format!(
            "{}\n<!-- niemyet: so-cong-khai {HOTLINE} -->\nGọi {HOTLINE}.\n",
            fx.read(CUONG)
        ),
    );
    let d = fx.check();
    let e = assert_error(
        &d,
        CUONG,
        fx.line_of(CUONG, &format!("Gọi {HOTLINE}")),
        None,
        "a phone number",
    );
    assert!(!e.hint.as_ref().unwrap().en.contains("so-cong-khai"), "{e}");
}

/// A required field, the line that sets it, and the blank values to try.
struct Blank {
    file: &'static str,
    old: &'static str,
    field: &'static str,
}

#[test]
fn a_blank_required_field_is_an_error() {
    let cases = [
        Blank {
            file: AN,
            old: "ho_ten: Nguyễn Văn An",
            field: "ho_ten",
        },
        Blank {
            file: AN,
            old: "dan_toc: Kinh",
            field: "dan_toc",
        },
        Blank {
            file: AN,
            old: "nghe_nghiep: Cán bộ hưu trí",
            field: "nghe_nghiep",
        },
        Blank {
            file: LETTER,
            old: "tieu_de: Về việc lãnh đạo bầu cử trưởng khu phố nhiệm kỳ 2022-2025",
            field: "tieu_de",
        },
        Blank {
            file: LETTER,
            old: "co_quan: Đảng ủy phường Thử Nghiệm",
            field: "co_quan",
        },
        Blank {
            file: COMMUNE,
            old: "ten: Phường Thử Nghiệm",
            field: "ten",
        },
        Blank {
            file: COMMUNE,
            old: "tinh: Tỉnh Quảng Ninh",
            field: "tinh",
        },
        Blank {
            file: COMMUNE,
            old: "ten: Khu phố Hai",
            field: "ten",
        },
        Blank {
            file: COMMUNE,
            old: "- ma: khu-2",
            field: "ma",
        },
        Blank {
            file: ROUND_FILE,
            old: "don_vi: thu-nghiem",
            field: "don_vi",
        },
        Blank {
            file: RESULTS,
            old: "- ho_ten: Phạm Văn Tổ",
            field: "ho_ten",
        },
        Blank {
            file: RESULTS,
            old: "chuc_vu: Tổ trưởng Tổ bầu cử",
            field: "chuc_vu",
        },
        Blank {
            file: CONFIG,
            old: "ten: Cổng niêm yết bầu cử phường Thử Nghiệm",
            field: "ten",
        },
        Blank {
            file: CONFIG,
            old: "co_quan: UBND phường Thử Nghiệm",
            field: "co_quan",
        },
        Blank {
            file: CONTACT,
            old: "tieu_de: Liên hệ",
            field: "tieu_de",
        },
        Blank {
            file: PLAN,
            old: "- ten: Công văn số 13-CV/ĐU của Đảng ủy phường",
            field: "ten",
        },
    ];
    for case in &cases {
        let (key, _) = case.old.trim_start_matches("- ").split_once(':').unwrap();
        let prefix = if case.old.starts_with("- ") { "- " } else { "" };
        for blank in ["\"\"", "\"   \"", "~", "", "null"] {
            let fx = Fixture::new();
            let line = fx.line_of(case.file, case.old);
            fx.replace_line(case.file, case.old, &format!("{prefix}{key}: {blank}"));
            let d = fx.check();
            let e = assert_error(&d, case.file, line, Some(case.field), "blank");
            assert!(e.message.vi.contains("trống"), "{e}");
            assert!(e.hint.is_some(), "{e}");
        }
    }
    // a legal basis or a contest written as a bare line
    for (file, old) in [
        (PLAN, "- Luật Thực hiện dân chủ ở cơ sở năm 2022"),
        (ROUND_FILE, "- khu-2"),
    ] {
        let fx = Fixture::new();
        fx.replace_line(file, old, "- \"\"");
        let d = fx.check();
        let e = find_error(&d, file, "blank");
        assert_eq!(e.line, Some(fx.line_of(file, "- \"\"")), "{e}");
    }
}
