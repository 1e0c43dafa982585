//! The results form: saved as the import writes it, refused when it does not add up, from
//! elsewhere or when stale; nothing of it in the build.

use super::*;

#[test]
fn a_results_form_saves_the_file_the_import_writes_and_the_page_is_rebuilt() {
    // the same figures through `import results --force`, from a sheet
    let imported = Fixture::new();
    let sheet = imported.root().join("ket-qua.csv");
    std::fs::write(
        &sheet,
        "Khu dân cư,Tổng số cử tri,Số cử tri tham gia,Số phiếu phát ra,Số phiếu thu vào,\
         Số phiếu hợp lệ,Số phiếu không hợp lệ,Họ và tên,Số phiếu,Hình thức bầu,Ngày lập biên bản\n\
         khu-1,2802,2500,2500,2500,2480,20,nguyen-van-an,1240,,05/6/2022\n\
         ,,,,,,,tran-thi-binh,1094,,\n\
         khu-2,250,159,160,159,157,2,le-van-cuong,150,gio-tay,\n",
    )
    .unwrap();
    import(&ImportOptions {
        kind: SheetKind::Results,
        sheet,
        content: imported.content(),
        round: ROUND.into(),
        force: true,
    })
    .expect("the sheet imports");
    let from_sheet = imported.read(RESULTS);

    let fx = Fixture::new();
    let preview = Running::start(&fx, Limits::default());
    let port = preview.port;
    // the edit link of a contest's page leads to its round's results form
    let (_, page) = preview.get("/bau-cu/tn-2022/khu-1/").unwrap();
    let link = format!("{EDIT_PATH}?trang=/bau-cu/tn-2022/khu-1/");
    assert!(page.contains(&format!("href=\"{link}\"")), "{page}");
    let opened = get(port, &link);
    assert_eq!(opened.status, 303);
    let form_address = opened.header("location").expect("a Location").to_string();
    assert!(form_address.starts_with(&form_target()), "{form_address}");
    let form = get(port, &form_address);
    assert_eq!(form.status, 200, "{}", form.body);
    // the outcome under the law is shown from the figures, in both languages
    assert!(
        form.body
            .contains("(Nguyễn Văn An) được 1.234/2.802 = 44,04% ≤ 50% tổng số hộ"),
        "{}",
        form.body
    );
    let mut values = form_values(&form.body);
    typed(&mut values);
    let saved = post(port, &form_target(), &with_action(values, "luu"), "");
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert_eq!(saved.header("location"), Some("/bau-cu/tn-2022/khu-1/"));

    let from_form = fx.read(RESULTS);
    assert_eq!(
        from_form.replacen(
            "# Nhập từ biểu mẫu của niemyet serve / imported from the form of niemyet serve",
            "# Nhập từ ket-qua.csv / imported from ket-qua.csv",
            1
        ),
        from_sheet,
        "the form's file differs from the import's beyond the line naming where the figures came from"
    );
    // what was typed by hand is kept, the old version is beside it, and the file passes check
    assert!(from_form.contains("so: 12/QĐ-UBND"), "{from_form}");
    assert_eq!(
        std::fs::read_to_string(fx.path("bau-cu/tn-2022/.ket-qua.yaml.truoc-khi-sua")).unwrap(),
        imported_fixture_results()
    );
    assert!(errors(&fx.check()).is_empty(), "{:?}", fx.check());
    // the watcher sees the save and the page is rebuilt with the new figures
    let started = Instant::now();
    while !visible_text(&preview.get("/bau-cu/tn-2022/khu-1/").unwrap().1).contains("1.240") {
        assert!(
            started.elapsed() < DEADLINE,
            "the page never showed the saved figures"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The fixture's results file as it was before any save.
fn imported_fixture_results() -> String {
    Fixture::new().read(RESULTS)
}

#[test]
fn figures_that_do_not_add_up_are_not_saved_and_the_error_is_next_to_its_field() {
    let fx = Fixture::new();
    let preview = Running::start(&fx, Limits::default());
    let before = fx.read(RESULTS);
    let form = get(preview.port, &form_target());
    let mut values = form_values(&form.body);
    set(&mut values, "khu-1.phieu_hop_le", "2490");
    set(&mut values, "khu-2.cu_tri_tham_gia", "");
    let refused = post(
        preview.port,
        &form_target(),
        &with_action(values.clone(), "luu"),
        "",
    );
    assert_eq!(refused.status, 422);
    assert_eq!(fx.read(RESULTS), before);
    // a blank figure is named before anything is checked
    let slot = |body: &str, id: &str| {
        body.split(&format!("id=\"{id}-loi\" data-live>"))
            .nth(1)
            .and_then(|rest| rest.split("</p>").next())
            .unwrap_or_else(|| panic!("no error slot for {id}"))
            .to_string()
    };
    assert!(
        slot(&refused.body, "khu-2.cu_tri_tham_gia").contains("Chưa điền"),
        "{}",
        refused.body
    );
    set(&mut values, "khu-2.cu_tri_tham_gia", "159");
    let checked = post(
        preview.port,
        &form_target(),
        &with_action(values, "kiem-tra"),
        "",
    );
    assert_eq!(checked.status, 200);
    // the build's own message, next to the field and in the summary that links to it
    let message =
        "Phiếu hợp lệ (2490) + phiếu không hợp lệ (20) = 2510, khác số phiếu thu vào (2500).";
    assert!(slot(&checked.body, "khu-1.phieu_hop_le").contains(message));
    assert!(
        checked
            .body
            .contains(&format!("<li><a href=\"#khu-1.phieu_hop_le\">{message}")),
        "{}",
        checked.body
    );
    assert!(
        checked
            .body
            .contains("id=\"khu-1.phieu_hop_le\" name=\"khu-1.phieu_hop_le\"")
    );
    assert!(checked.body.contains(
        "value=\"2490\" aria-describedby=\"khu-1.phieu_hop_le-loi\" aria-invalid=\"true\""
    ));
    assert_eq!(fx.read(RESULTS), before);
}

#[test]
fn writes_from_elsewhere_or_without_the_token_are_refused() {
    let fx = Fixture::new();
    let preview = Running::start(&fx, Limits::default());
    let before = fx.read(RESULTS);
    let form = get(preview.port, &form_target());
    let mut values = form_values(&form.body);
    typed(&mut values);
    let values = with_action(values, "luu");
    let port = preview.port;
    for extra in [
        "Origin: http://example.org\r\n",
        "Origin: null\r\n",
        "Sec-Fetch-Site: cross-site\r\n",
    ] {
        let answer = post(port, &form_target(), &values, extra);
        assert_eq!(answer.status, 403, "{extra}");
    }
    let mut forged = values.clone();
    set(&mut forged, "token", &"0".repeat(64));
    assert_eq!(post(port, &form_target(), &forged, "").status, 403);
    forged.retain(|(n, _)| n != "token");
    assert_eq!(post(port, &form_target(), &forged, "").status, 403);
    // another Host (a page of another site reaching the preview through its own name)
    let body = "hanh_dong=luu";
    let elsewhere = send(
        port,
        &format!(
            "POST {} HTTP/1.1\r\nHost: evil.example:{port}\r\nContent-Type: \
             application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
            form_target(),
            body.len()
        ),
    );
    assert_eq!(elsewhere.status, 421);
    assert_eq!(fx.read(RESULTS), before);
    assert!(
        !fx.path("bau-cu/tn-2022/.ket-qua.yaml.truoc-khi-sua")
            .exists()
    );
}

#[test]
fn a_form_whose_file_changed_since_it_was_opened_is_not_saved() {
    let fx = Fixture::new();
    let preview = Running::start(&fx, Limits::default());
    let form = get(preview.port, &form_target());
    let mut values = form_values(&form.body);
    typed(&mut values);
    let changed = format!("{}# ghi chú thêm trong Notepad\n", fx.read(RESULTS));
    fx.write(RESULTS, &changed);
    let stale = post(
        preview.port,
        &form_target(),
        &with_action(values, "luu"),
        "",
    );
    assert_eq!(stale.status, 409);
    assert!(
        stale.body.contains("Chưa lưu: tệp đã thay đổi"),
        "{}",
        stale.body
    );
    assert!(
        stale
            .body
            .contains(&format!("href=\"{RESULTS_PATH}?dot={ROUND}&amp;trang=")),
        "the answer offers to reload the form: {}",
        stale.body
    );
    assert_eq!(fx.read(RESULTS), changed);
}

#[test]
fn the_build_has_nothing_of_the_editor() {
    let fx = Fixture::new();
    fx.build_ok();
    for page in html_pages(&fx.output()) {
        let html = fx.read_output(&page);
        assert!(!html.contains("__niemyet"), "{page}");
        assert!(!html.contains("niemyet-sua"), "{page}");
    }
}
