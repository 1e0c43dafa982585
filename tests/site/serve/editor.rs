//! The preview's forms (`niemyet::serve::edit`), over HTTP as a browser without JavaScript uses
//! them: open the results form from a page's edit link, submit it, and find the file saved as
//! the import writes it and the page rebuilt; and what they refuse: figures that do not add up,
//! writes from elsewhere or without the session's token, and a form whose file changed since.

use super::*;
use niemyet::import::{ImportOptions, SheetKind, import};
use niemyet::render::urls::encode;
use niemyet::serve::edit::{
    ATTACH_PATH, CANDIDATE_PATH, DOCUMENT_PATH, EDIT_PATH, RESULTS_PATH, ROUND_PATH,
};

const ROUND: &str = "tn-2022";

/// A whole answer: status, header lines and body.
struct Answer {
    status: u16,
    head: String,
    body: String,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.head.split("\r\n").find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.eq_ignore_ascii_case(name).then(|| value.trim())
        })
    }
}

fn send(port: u16, request: &str) -> Answer {
    let mut stream = connect(port);
    stream.write_all(request.as_bytes()).expect("send");
    let mut response = Vec::new();
    stream.read_to_end(&mut response).expect("read the answer");
    let response = String::from_utf8_lossy(&response).into_owned();
    let (head, body) = response.split_once("\r\n\r\n").expect("an answer head");
    let status = status_and_body(head.as_bytes()).0;
    Answer {
        status,
        head: head.to_string(),
        body: body.to_string(),
    }
}

fn get(port: u16, target: &str) -> Answer {
    send(
        port,
        &format!("GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n"),
    )
}

/// A form submitted as Chromium submits it from the preview's own page, with `extra` headers.
fn post(port: u16, target: &str, fields: &[(String, String)], extra: &str) -> Answer {
    let body: Vec<String> = fields
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect();
    let body = body.join("&");
    send(
        port,
        &format!(
            "POST {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\
             Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n{extra}\r\n{body}",
            body.len()
        ),
    )
}

/// The hidden and typed values of a served form, in page order, as a browser would send them.
fn form_values(page: &str) -> Vec<(String, String)> {
    let mut values = Vec::new();
    for tag in page.split("<input ").skip(1) {
        let attr = |name: &str| {
            tag.split(&format!(" {name}=\""))
                .nth(1)
                .or_else(|| tag.strip_prefix(&format!("{name}=\"")))
                .and_then(|rest| rest.split('"').next())
                .map(|v| v.replace("&quot;", "\"").replace("&amp;", "&"))
        };
        if let (Some(name), Some(value)) = (attr("name"), attr("value")) {
            values.push((name, value));
        }
    }
    for select in page.split("<select ").skip(1) {
        let name = select
            .split("name=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .unwrap_or_default();
        let chosen = select
            .split("</select>")
            .next()
            .and_then(|options| {
                options
                    .split("<option value=\"")
                    .skip(1)
                    .find(|o| o.contains("\" selected"))
            })
            .and_then(|o| o.split('"').next())
            .unwrap_or_default();
        values.push((name.to_string(), chosen.to_string()));
    }
    values
}

fn set(values: &mut [(String, String)], name: &str, value: &str) {
    let field = values
        .iter_mut()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("the form has no field {name}"));
    field.1 = value.to_string();
}

fn with_action(mut values: Vec<(String, String)>, action: &str) -> Vec<(String, String)> {
    values.push(("hanh_dong".into(), action.into()));
    values
}

fn form_target() -> String {
    format!("{RESULTS_PATH}?dot={ROUND}")
}

/// The fixture's figures with two changed, as the clerk types them from the record.
fn typed(values: &mut [(String, String)]) {
    set(values, "khu-1.so_phieu.nguyen-van-an", "1240");
    set(values, "khu-1.so_phieu.tran-thi-binh", "1094");
}

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
fn a_document_form_writes_its_lists_one_item_a_line_and_leaves_attachments_alone() {
    let fx = Fixture::new();
    let preview = Running::start(&fx, Limits::default());
    let before = fx.read(LETTER);
    let opened = get(
        preview.port,
        &format!("{EDIT_PATH}?trang=/van-ban/cong-van-13/"),
    );
    assert_eq!(opened.status, 303, "{}", opened.body);
    let address = opened.header("location").unwrap().to_string();
    assert!(
        address.starts_with(&format!("{DOCUMENT_PATH}?ten=cong-van-13")),
        "{address}"
    );
    let form = get(preview.port, &address);
    assert_eq!(form.status, 200, "{}", form.body);
    let mut values = form_values(&form.body);
    let text_area = |name: &str| {
        form.body
            .split(&format!("name=\"{name}\""))
            .nth(1)
            .and_then(|rest| rest.split_once('>'))
            .and_then(|(_, rest)| rest.split("</textarea>").next())
            .unwrap_or_else(|| panic!("no text area {name}"))
            .to_string()
    };
    assert_eq!(text_area("noi_nhan"), "Các chi bộ khu phố\nLưu Văn phòng");
    values.push((
        "noi_nhan".into(),
        "Các chi bộ khu phố\nMặt trận Tổ quốc phường\nLưu Văn phòng".into(),
    ));
    values.push(("can_cu".into(), text_area("can_cu")));
    values.push((
        "noi_dung".into(),
        text_area("noi_dung").replace("&amp;", "&"),
    ));
    set(&mut values, "so_hieu", "14-CV/ĐU");
    let target = format!("{DOCUMENT_PATH}?ten=cong-van-13");
    let saved = post(preview.port, &target, &with_action(values, "luu"), "");
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert_eq!(
        fx.read(LETTER),
        before
            .replace("so_hieu: 13-CV/ĐU", "so_hieu: 14-CV/ĐU")
            .replace(
                "noi_nhan:\n  - Các chi bộ khu phố\n  - Lưu Văn phòng",
                "noi_nhan:\n  - Các chi bộ khu phố\n  - Mặt trận Tổ quốc phường\n  - Lưu Văn phòng"
            )
    );
    assert!(errors(&fx.check()).is_empty(), "{:?}", fx.check());
}

#[test]
fn a_new_document_is_the_scaffold_s_file_filled_in() {
    let title = "Thông báo danh sách cử tri khu phố Hai";
    let (rel, scaffold) = niemyet::scaffold::document_file(title).unwrap();
    let fx = Fixture::new();
    let preview = Running::start(&fx, Limits::default());
    let form = get(preview.port, DOCUMENT_PATH);
    assert_eq!(form.status, 200, "{}", form.body);
    let mut values = form_values(&form.body);
    let typed = [
        ("loai", "thong-bao"),
        ("tieu_de", title),
        ("ngay", "20/5/2022"),
        ("co_quan", "UBND phường Thử Nghiệm"),
    ];
    for (name, value) in typed {
        set(&mut values, name, value);
    }
    values.push(("can_cu".into(), String::new()));
    values.push(("noi_nhan".into(), "Các khu phố\nLưu VT".into()));
    let body = "Danh sách cử tri được niêm yết tại nhà văn hóa khu phố Hai.";
    values.push(("noi_dung".into(), body.into()));
    let saved = post(preview.port, DOCUMENT_PATH, &with_action(values, "luu"), "");
    assert_eq!(saved.status, 303, "{}", saved.body);
    let mut expected = scaffold.clone();
    for (name, value) in [typed[0], typed[2], typed[3]] {
        expected = expected.replacen(&format!("\n{name}:\n"), &format!("\n{name}: {value}\n"), 1);
    }
    expected = expected.replacen(
        "\nnoi_nhan: []\n",
        "\nnoi_nhan:\n  - Các khu phố\n  - Lưu VT\n",
        1,
    );
    let sample = &scaffold[scaffold.rfind("---\n").unwrap() + 4..];
    expected = expected.replace(sample, &format!("{body}\n"));
    assert_eq!(fx.read(&rel.display().to_string()), expected);
    assert!(errors(&fx.check()).is_empty(), "{:?}", fx.check());
}

#[test]
fn a_round_form_sets_its_status_and_steps_and_leaves_its_contests_alone() {
    let fx = Fixture::new();
    let preview = Running::start(&fx, Limits::default());
    let before = fx.read(ROUND_FILE);
    let opened = get(preview.port, &format!("{EDIT_PATH}?trang=/bau-cu/tn-2022/"));
    assert_eq!(opened.status, 303, "{}", opened.body);
    let address = opened.header("location").unwrap().to_string();
    assert!(
        address.starts_with(&format!("{ROUND_PATH}?dot={ROUND}")),
        "{address}"
    );
    let form = get(preview.port, &address);
    assert_eq!(form.status, 200, "{}", form.body);
    let mut values = form_values(&form.body);
    let description = form
        .body
        .split("name=\"gioi_thieu\"")
        .nth(1)
        .and_then(|rest| rest.split_once('>'))
        .and_then(|(_, rest)| rest.split("</textarea>").next())
        .unwrap()
        .to_string();
    values.push(("gioi_thieu".into(), description));
    values.push(("gioi_thieu_en".into(), String::new()));
    let target = format!("{ROUND_PATH}?dot={ROUND}");
    let saved = post(
        preview.port,
        &target,
        &with_action(values.clone(), "luu"),
        "",
    );
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert_eq!(
        fx.read(ROUND_FILE),
        before,
        "saved unchanged, the file keeps its bytes"
    );
    set(&mut values, "trang_thai", "tam-thoi");
    set(&mut values, "cac_buoc.niem_yet.ngay", "25/5/2022");
    set(
        &mut values,
        "cac_buoc.niem_yet.ghi_chu",
        "Niêm yết tại nhà văn hóa",
    );
    let saved = post(preview.port, &target, &with_action(values, "luu"), "");
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert_eq!(
        fx.read(ROUND_FILE),
        before.replace("trang_thai: chinh-thuc", "trang_thai: tam-thoi")
            + "cac_buoc:\n  niem_yet:\n    ngay: 25/5/2022\n    ghi_chu: Niêm yết tại nhà văn hóa\n"
    );
    assert!(errors(&fx.check()).is_empty(), "{:?}", fx.check());
}

/// Every value a served form holds, text areas and chosen options included, as a browser sends
/// it: the hidden and typed inputs, then each select's chosen option, then each text area.
fn all_values(page: &str) -> Vec<(String, String)> {
    let mut values = form_values(page);
    for area in page.split("<textarea ").skip(1) {
        let name = area
            .split("name=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .unwrap_or_default();
        let text = area
            .split_once('>')
            .and_then(|(_, rest)| rest.split("</textarea>").next())
            .unwrap_or_default()
            .replace("&quot;", "\"")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&");
        values.push((name.to_string(), text));
    }
    values
}

#[test]
fn every_form_of_the_example_site_saved_unchanged_keeps_its_file_s_bytes() {
    if !example_exists() {
        return;
    }
    let fx = example_fixture();
    let preview = Running::start(&fx, Limits::default());
    let mut forms = Vec::new();
    let rounds = std::fs::read_dir(fx.path("bau-cu")).unwrap();
    for round in rounds.map(|e| e.unwrap()).filter(|e| e.path().is_dir()) {
        let id = round.file_name().to_string_lossy().into_owned();
        forms.push((
            format!("{ROUND_PATH}?dot={id}"),
            format!("bau-cu/{id}/dot-bau-cu.yaml"),
        ));
        for candidate in std::fs::read_dir(round.path().join("ung-cu-vien")).unwrap() {
            let name = candidate
                .unwrap()
                .file_name()
                .to_string_lossy()
                .into_owned();
            if let Some(slug) = name.strip_suffix(".md").filter(|s| !s.ends_with(".en")) {
                forms.push((
                    format!("{CANDIDATE_PATH}?dot={id}&ten={slug}"),
                    format!("bau-cu/{id}/ung-cu-vien/{name}"),
                ));
            }
        }
    }
    for document in std::fs::read_dir(fx.path("van-ban")).unwrap() {
        let name = document.unwrap().file_name().to_string_lossy().into_owned();
        if let Some(slug) = name.strip_suffix(".md").filter(|s| !s.ends_with(".en")) {
            forms.push((
                format!("{DOCUMENT_PATH}?ten={slug}"),
                format!("van-ban/{name}"),
            ));
        }
    }
    assert!(forms.len() > 30, "{forms:?}");
    for (target, rel) in forms {
        let before = fx.read(&rel);
        let form = get(preview.port, &target);
        assert_eq!(form.status, 200, "{target}: {}", form.body);
        let saved = post(
            preview.port,
            &target,
            &with_action(all_values(&form.body), "luu"),
            "",
        );
        assert_eq!(saved.status, 303, "{target}: {}", saved.body);
        assert_eq!(fx.read(&rel), before, "{target} changed {rel}");
    }
}

/// A file sent as Chromium sends it from a form with `enctype="multipart/form-data"`.
fn upload(port: u16, target: &str, fields: &[(&str, &str)], file: (&str, &[u8])) -> Answer {
    let boundary = "----niemyetTestBoundary7MA4YWxkTrZu0gW";
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    body.extend_from_slice(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"tep\"; filename=\"{}\"\r\n\
             Content-Type: application/octet-stream\r\n\r\n",
            file.0
        )
        .as_bytes(),
    );
    body.extend_from_slice(file.1);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let mut stream = connect(port);
    let head = format!(
        "POST {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\
         Content-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).unwrap();
    stream.write_all(&body).unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let response = String::from_utf8_lossy(&response).into_owned();
    let (head, body) = response.split_once("\r\n\r\n").unwrap();
    Answer {
        status: status_and_body(head.as_bytes()).0,
        head: head.to_string(),
        body: body.to_string(),
    }
}

#[test]
fn a_file_attached_from_a_document_s_form_is_written_beside_it_and_listed() {
    let fx = Fixture::new();
    let preview = Running::start(&fx, Limits::default());
    let form = get(preview.port, &format!("{DOCUMENT_PATH}?ten=cong-van-13"));
    assert!(
        form.body.contains("enctype=\"multipart/form-data\""),
        "{}",
        form.body
    );
    let values = form_values(&form.body);
    let value = |name: &str| values.iter().find(|(n, _)| n == name).unwrap().1.clone();
    let (token, opened) = (value("token"), value("ban"));
    let target = format!("{ATTACH_PATH}?ten=cong-van-13");
    let before = fx.read(LETTER);
    let pdf = b"%PDF-1.4\n% a scanned decision\n\x00\xff\xfe\n";
    let fields = [
        ("token", token.as_str()),
        ("ban", opened.as_str()),
        ("trang", ""),
        ("ten_tep", "Quyết định 12"),
    ];

    // a web page is not an attachment, and without the token nothing is taken
    let refused = upload(preview.port, &target, &fields, ("trang.html", b"<script>"));
    assert_eq!(refused.status, 422);
    assert!(refused.body.contains("trang.html"), "{}", refused.body);
    let mut forged = fields;
    forged[0].1 = "0";
    assert_eq!(
        upload(preview.port, &target, &forged, ("qd-12.pdf", pdf)).status,
        403
    );
    assert_eq!(fx.read(LETTER), before);
    assert!(!fx.path("van-ban/tep").exists());

    let attached = upload(preview.port, &target, &fields, ("C:\\scan\\qd-12.pdf", pdf));
    assert_eq!(attached.status, 303, "{}", attached.body);
    assert_eq!(
        std::fs::read(fx.path("van-ban/tep/qd-12.pdf")).unwrap(),
        pdf
    );
    assert_eq!(
        fx.read(LETTER),
        before.replace(
            "    ten: Bản chụp công văn\n",
            "    ten: Bản chụp công văn\n  - tep: tep/qd-12.pdf\n    ten: Quyết định 12\n"
        )
    );
    assert!(errors(&fx.check()).is_empty(), "{:?}", fx.check());
    // the same name again never overwrites the first
    let fields = [
        ("token", token.as_str()),
        ("ban", &*niemyet_fingerprint(&fx.path(LETTER))),
        ("trang", ""),
        ("ten_tep", ""),
    ];
    let again = upload(
        preview.port,
        &target,
        &fields,
        ("qd-12.pdf", b"%PDF-1.4 other"),
    );
    assert_eq!(again.status, 422, "{}", again.body);
    assert_eq!(
        std::fs::read(fx.path("van-ban/tep/qd-12.pdf")).unwrap(),
        pdf
    );
}

/// The fingerprint a form carries of its file: the SHA-256 of its bytes, in hex.
fn niemyet_fingerprint(path: &std::path::Path) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(std::fs::read(path).unwrap())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
