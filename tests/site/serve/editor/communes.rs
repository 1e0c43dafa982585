//! The forms a new site starts with: the site's configuration, a commune with its villages as
//! rows, and a new round with a contest for each village.

use super::*;

#[test]
fn a_village_is_added_in_a_blank_row_and_the_rest_of_the_commune_file_stays() {
    let fx = Fixture::new();
    let preview = Running::start(&fx, Limits::default());
    let before = fx.read(COMMUNE);
    let opened = get(
        preview.port,
        &format!("{EDIT_PATH}?trang=/don-vi/thu-nghiem/"),
    );
    assert_eq!(opened.status, 303, "{}", opened.body);
    let address = opened.header("location").unwrap().to_string();
    assert!(
        address.starts_with(&format!("{COMMUNE_PATH}?ma=thu-nghiem")),
        "{address}"
    );
    let form = get(preview.port, &address);
    assert_eq!(form.status, 200, "{}", form.body);
    let mut values = form_values(&form.body);
    let target = format!("{COMMUNE_PATH}?ma=thu-nghiem");
    let saved = post(
        preview.port,
        &target,
        &with_action(values.clone(), "luu"),
        "",
    );
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert_eq!(
        fx.read(COMMUNE),
        before,
        "saved unchanged, the file keeps its bytes"
    );

    // the two villages, then blank rows to add one in
    set(&mut values, "khu_dan_cu.2.ma", "khu-3");
    set(&mut values, "khu_dan_cu.2.ten", "Khu phố Ba: mới");
    set(&mut values, "khu_dan_cu.2.loai", "khu-pho");
    let form = get(preview.port, &target);
    set(&mut values, "ban", &form_values(&form.body)[1].1);
    let saved = post(preview.port, &target, &with_action(values, "luu"), "");
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert_eq!(
        fx.read(COMMUNE),
        before + "  - ma: khu-3\n    ten: \"Khu phố Ba: mới\"\n    loai: khu-pho\n"
    );
    assert!(errors(&fx.check()).is_empty(), "{:?}", fx.check());
}

#[test]
fn a_village_id_the_build_refuses_is_not_saved_and_the_error_is_next_to_its_cell() {
    let fx = Fixture::new();
    let preview = Running::start(&fx, Limits::default());
    let before = fx.read(COMMUNE);
    let target = format!("{COMMUNE_PATH}?ma=thu-nghiem");
    let mut values = form_values(&get(preview.port, &target).body);
    set(&mut values, "khu_dan_cu.3.ma", "Khu 4");
    set(&mut values, "khu_dan_cu.3.ten", "Khu phố Bốn");
    set(&mut values, "khu_dan_cu.3.loai", "khu-pho");
    let refused = post(preview.port, &target, &with_action(values, "luu"), "");
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert_eq!(fx.read(COMMUNE), before);
    let slot = refused
        .body
        .split("id=\"khu_dan_cu.3.ma-loi\"")
        .nth(1)
        .and_then(|rest| rest.split("</p>").next())
        .unwrap();
    assert!(slot.contains("Khu 4"), "{slot}");
    assert!(
        refused
            .body
            .contains("id=\"khu_dan_cu.3.ma\" name=\"khu_dan_cu.3.ma\" value=\"Khu 4\""),
        "{}",
        refused.body
    );
    assert!(refused.body.contains("href=\"#khu_dan_cu.3.ma\""));
    // the row left blank between is shown again, and more blank rows after the last
    assert!(refused.body.contains("id=\"khu_dan_cu.6.ma\""));
}

#[test]
fn the_site_s_form_writes_its_languages_and_names_and_keeps_the_rest() {
    let fx = Fixture::new();
    let preview = Running::start(&fx, Limits::default());
    let before = fx.read(CONFIG);
    let opened = get(preview.port, &format!("{EDIT_PATH}?trang=/"));
    assert_eq!(opened.status, 303, "{}", opened.body);
    assert!(
        opened.header("location").unwrap().starts_with(CONFIG_PATH),
        "{:?}",
        opened.header("location")
    );
    let form = get(preview.port, CONFIG_PATH);
    assert_eq!(form.status, 200, "{}", form.body);
    let mut values = form_values(&form.body);
    let saved = post(
        preview.port,
        CONFIG_PATH,
        &with_action(values.clone(), "luu"),
        "",
    );
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert_eq!(
        fx.read(CONFIG),
        before,
        "saved unchanged, the file keeps its bytes"
    );

    let form = get(preview.port, CONFIG_PATH);
    set(&mut values, "ban", &form_values(&form.body)[1].1);
    set(&mut values, "ten_en", "Election notices of Thu Nghiem Ward");
    values.push(("ngon_ngu".into(), "vi\r\nen\r\n".into()));
    let saved = post(preview.port, CONFIG_PATH, &with_action(values, "luu"), "");
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert_eq!(
        fx.read(CONFIG),
        before + "ten_en: Election notices of Thu Nghiem Ward\nngon_ngu:\n  - vi\n  - en\n"
    );
    assert!(errors(&fx.check()).is_empty(), "{:?}", fx.check());
}

#[test]
fn a_new_round_is_the_scaffold_s_file_filled_in_with_a_contest_per_village() {
    let fx = Fixture::new();
    let preview = Running::start(&fx, Limits::default());
    let form = get(preview.port, &format!("{ROUND_PATH}?don_vi=thu-nghiem"));
    assert_eq!(form.status, 200, "{}", form.body);
    let mut values = form_values(&form.body);
    set(&mut values, "chuc_danh", "truong-khu-pho");
    set(&mut values, "nhiem_ky", "2025-2030");
    set(&mut values, "ngay_bau_cu", "15/6/2025");
    let saved = post(preview.port, ROUND_PATH, &with_action(values, "luu"), "");
    assert_eq!(saved.status, 303, "{}", saved.body);
    let rel = "bau-cu/thu-nghiem-2025/dot-bau-cu.yaml";
    let (_, scaffold) = niemyet::scaffold::round_file("thu-nghiem-2025").unwrap();
    let contests = scaffold.find("\ncuoc_bau:\n").unwrap();
    let expected = scaffold[..contests]
        .replace("\ndon_vi:\n", "\ndon_vi: thu-nghiem\n")
        .replace("\nchuc_danh:\n", "\nchuc_danh: truong-khu-pho\n")
        .replace("\nnhiem_ky:\n", "\nnhiem_ky: 2025-2030\n")
        .replace("\nngay_bau_cu:\n", "\nngay_bau_cu: 15/6/2025\n")
        + "\ncuoc_bau:\n  - khu_dan_cu: khu-1\n  - khu_dan_cu: khu-2\n";
    assert_eq!(fx.read(rel), expected);
    let found = fx.check();
    assert!(
        found
            .iter()
            .all(|d| !d.is_error() || !d.path.starts_with("bau-cu/thu-nghiem-2025")),
        "{found:?}"
    );

    // the same id again is refused next to the id's field
    let form = get(preview.port, &format!("{ROUND_PATH}?don_vi=thu-nghiem"));
    let mut values = form_values(&form.body);
    set(&mut values, "ma_dot", "thu-nghiem-2025");
    let refused = post(preview.port, ROUND_PATH, &with_action(values, "luu"), "");
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(
        refused.body.contains("href=\"#ma_dot\""),
        "{}",
        refused.body
    );
}
