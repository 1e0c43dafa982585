//! The round form: status, steps and contests.

use super::*;

#[test]
fn a_round_form_sets_its_status_and_steps_and_keeps_its_contests_as_written() {
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
