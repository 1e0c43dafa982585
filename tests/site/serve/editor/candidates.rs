//! The candidate forms: a candidate on file, personal data, a new candidate, a file from
//! Notepad.

use super::*;

/// The candidate form of An, opened from his page's edit link.
fn an_form(preview: &Running) -> (String, Vec<(String, String)>) {
    let link = format!("{EDIT_PATH}?trang=/bau-cu/tn-2022/khu-1/nguyen-van-an/");
    let opened = get(preview.port, &link);
    assert_eq!(opened.status, 303, "{}", opened.body);
    let address = opened.header("location").unwrap().to_string();
    assert!(
        address.starts_with(&format!("{CANDIDATE_PATH}?dot={ROUND}&ten=nguyen-van-an")),
        "{address}"
    );
    let form = get(preview.port, &address);
    assert_eq!(form.status, 200, "{}", form.body);
    let target = format!("{CANDIDATE_PATH}?dot={ROUND}&ten=nguyen-van-an");
    let mut values = form_values(&form.body);
    let bio = form
        .body
        .split("name=\"noi_dung\"")
        .nth(1)
        .and_then(|rest| rest.split_once('>'))
        .and_then(|(_, rest)| rest.split("</textarea>").next())
        .expect("the bio's text area")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    values.push(("noi_dung".into(), bio));
    (target, values)
}

#[test]
fn a_candidate_form_changes_only_what_was_changed_and_the_page_is_rebuilt() {
    let fx = Fixture::new();
    let preview = Running::start(&fx, Limits::default());
    let before = fx.read(AN);
    let (target, values) = an_form(&preview);
    // saved as it was opened: the same bytes, comments and the staff-only notes included
    let saved = post(
        preview.port,
        &target,
        &with_action(values.clone(), "luu"),
        "",
    );
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert_eq!(fx.read(AN), before);
    // one field changed: that line, and nothing else
    let mut changed = values;
    set(&mut changed, "nghe_nghiep", "Chủ nhiệm hợp tác xã: dịch vụ");
    let saved = post(preview.port, &target, &with_action(changed, "luu"), "");
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert_eq!(
        fx.read(AN),
        before.replace(
            "nghe_nghiep: Cán bộ hưu trí",
            "nghe_nghiep: \"Chủ nhiệm hợp tác xã: dịch vụ\""
        )
    );
    assert!(errors(&fx.check()).is_empty(), "{:?}", fx.check());
    let started = Instant::now();
    let page = "/bau-cu/tn-2022/khu-1/nguyen-van-an/";
    while !visible_text(&preview.get(page).unwrap().1).contains("Chủ nhiệm hợp tác xã") {
        assert!(
            started.elapsed() < DEADLINE,
            "the page never showed the change"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn personal_data_in_a_bio_is_refused_before_it_is_saved() {
    let fx = Fixture::new();
    let preview = Running::start(&fx, Limits::default());
    let before = fx.read(AN);
    let (target, mut values) = an_form(&preview);
    set(&mut values, "noi_dung", "Ông An, điện thoại 0912 345 678.");
    set(&mut values, "nam_sinh", "một chín bảy lăm");
    let refused = post(
        preview.port,
        &target,
        &with_action(values.clone(), "luu"),
        "",
    );
    assert_eq!(refused.status, 422);
    assert!(
        refused
            .body
            .contains("id=\"nam_sinh-loi\" data-live>“một chín bảy lăm” không phải"),
        "{}",
        refused.body
    );
    set(&mut values, "nam_sinh", "1975");
    let refused = post(preview.port, &target, &with_action(values, "luu"), "");
    assert_eq!(refused.status, 422);
    let slot = refused
        .body
        .split("id=\"noi_dung-loi\" data-live>")
        .nth(1)
        .and_then(|rest| rest.split("</p>").next())
        .unwrap_or_default();
    assert!(slot.contains("điện thoại"), "{}", refused.body);
    assert_eq!(fx.read(AN), before);
}

#[test]
fn a_new_candidate_is_the_scaffold_s_file_filled_in() {
    // what `niemyet new candidate` writes for the name, on a copy of the site
    let scaffolded = Fixture::new();
    let created = niemyet::scaffold::Scaffold::Candidate {
        round: ROUND.into(),
        name: "Phạm Thị Dung".into(),
    }
    .create(&scaffolded.content())
    .expect("the scaffold writes the file");
    let scaffold = std::fs::read_to_string(&created[0]).unwrap();
    let rel = "bau-cu/tn-2022/ung-cu-vien/pham-thi-dung.md";
    assert!(created[0].ends_with(rel), "{:?}", created[0]);

    let fx = Fixture::new();
    let preview = Running::start(&fx, Limits::default());
    let target = format!("{CANDIDATE_PATH}?dot={ROUND}");
    let form = get(preview.port, &target);
    assert_eq!(form.status, 200, "{}", form.body);
    let mut values = form_values(&form.body);
    let typed = [
        ("ho_ten", "Phạm Thị Dung"),
        ("khu_dan_cu", "khu-2"),
        ("nam_sinh", "1980"),
        ("gioi_tinh", "nu"),
        ("dan_toc", "Kinh"),
        ("trinh_do_chuyen_mon", "cao-dang"),
        ("ly_luan_chinh_tri", "so-cap"),
        ("nghe_nghiep", "Kinh doanh"),
        ("dang_vien", "false"),
        ("tai_cu", "false"),
    ];
    for (name, value) in typed {
        set(&mut values, name, value);
    }
    let bio = "Bà Dung kinh doanh tạp hóa ở khu phố Hai.";
    values.push(("noi_dung".into(), bio.into()));
    // what the new file brings to another file is said, and does not stop the save
    let checked = post(
        preview.port,
        &target,
        &with_action(values.clone(), "kiem-tra"),
        "",
    );
    assert!(
        checked
            .body
            .contains("Lưu tệp này sẽ gây lỗi ở bau-cu/tn-2022/ket-qua.yaml: Thiếu số phiếu"),
        "{}",
        checked.body
    );
    let saved = post(preview.port, &target, &with_action(values, "luu"), "");
    assert_eq!(saved.status, 303, "{}", saved.body);
    let mut expected = scaffold.clone();
    for (name, value) in &typed[1..] {
        expected = expected.replacen(&format!("\n{name}:\n"), &format!("\n{name}: {value}\n"), 1);
    }
    let sample_bio = &scaffold[scaffold.rfind("---\n").unwrap() + 4..];
    expected = expected.replace(sample_bio, &format!("{bio}\n"));
    assert_eq!(fx.read(rel), expected);
    // the file passes check; the round's results now lack her votes, which is theirs to say
    let found = fx.check();
    assert!(
        errors(&found)
            .iter()
            .all(|d| d.path != std::path::Path::new(rel)),
        "{found:?}"
    );
}

#[test]
fn a_file_from_notepad_keeps_its_line_ends_and_byte_order_mark() {
    let fx = Fixture::new();
    let notepad = format!("\u{feff}{}", fx.read(AN).replace('\n', "\r\n"));
    fx.write(AN, &notepad);
    let preview = Running::start(&fx, Limits::default());
    let (target, mut values) = an_form(&preview);
    let saved = post(
        preview.port,
        &target,
        &with_action(values.clone(), "luu"),
        "",
    );
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert_eq!(fx.read(AN), notepad);
    set(&mut values, "nghe_nghiep", "Hưu trí");
    // a new form: the file's fingerprint is the same, the bytes unchanged
    let saved = post(preview.port, &target, &with_action(values, "luu"), "");
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert_eq!(
        fx.read(AN),
        notepad.replace("nghe_nghiep: Cán bộ hưu trí", "nghe_nghiep: Hưu trí")
    );
}

#[test]
fn a_candidate_file_broken_in_notepad_opens_with_its_error_next_to_the_field() {
    let fx = Fixture::new();
    let preview = Running::start(&fx, Limits::default());
    fx.replace_line(AN, "nam_sinh: 1975", "nam_sinh: một chín bảy lăm");
    let (target, mut values) = an_form(&preview);
    let checked = post(
        preview.port,
        &target,
        &with_action(values.clone(), "kiem-tra"),
        "",
    );
    assert!(
        checked
            .body
            .contains("id=\"nam_sinh-loi\" data-live>“một chín bảy lăm” không phải"),
        "{}",
        checked.body
    );
    set(&mut values, "nam_sinh", "1975");
    let saved = post(preview.port, &target, &with_action(values, "luu"), "");
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert!(errors(&fx.check()).is_empty(), "{:?}", fx.check());
}
