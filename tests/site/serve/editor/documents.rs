//! The document forms: lists one item a line, a new document, an attached file.

use super::*;

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
