//! Enumerated values (gender, qualification, office, status…): the spellings staff type, read
//! through one table by the YAML files and the sheet import alike, and their labels, which pages
//! and data files take from the site's strings.

use crate::harness::*;

#[test]
fn a_label_the_theme_changes_is_what_pages_and_data_files_show() {
    let fx = Fixture::new();
    fx.write(
        "theme/i18n/vi.yaml",
        "contest_status_cong_nhan: \"UBND phường đã công nhận\"\n\
         office_truong_khu_pho: \"Trưởng KP\"\n\
         gender_nu: \"Phụ nữ\"\n",
    );
    assert!(fx.check().is_empty(), "{}", fx.check());
    fx.build_ok();
    let csv = fx.read_output("bau-cu/tn-2022/ket-qua.csv");
    assert!(
        csv.contains(",cong-nhan,UBND phường đã công nhận,"),
        "{csv}"
    );
    assert!(!csv.contains("Đã công nhận"), "{csv}");
    let popolo = fx.read_output("du-lieu/popolo.json");
    assert!(popolo.contains("\"role\":\"Trưởng KP\""), "{popolo}");
    let round = fx.text("bau-cu/tn-2022/index.html");
    assert!(
        round.contains("Bầu cử Trưởng KP Phường Thử Nghiệm"),
        "{round}"
    );
    let binh = fx.text("bau-cu/tn-2022/khu-1/tran-thi-binh/index.html");
    assert!(binh.contains("Phụ nữ"), "{binh}");
    // the keys stay as the content writes them
    assert!(csv.contains(",truong-khu-pho,"), "{csv}");
}

#[test]
fn values_load_as_staff_spell_them_and_are_written_back_as_keys() {
    let fx = Fixture::new();
    fx.replace_line(BINH, "gioi_tinh: nu", "gioi_tinh: Nữ");
    fx.replace_line(COMMUNE, "cap: phuong", "cap: PHƯỜNG");
    fx.replace_line(
        ROUND_FILE,
        "chuc_danh: truong-khu-pho",
        "chuc_danh: Trưởng khu phố",
    );
    fx.replace_line(
        RESULTS,
        "hinh_thuc: gio-tay",
        "hinh_thuc: Biểu quyết giơ tay",
    );
    assert_eq!(fx.check().error_count(), 0, "{}", fx.check());
    fx.build_ok();
    let csv = fx.read_output("bau-cu/tn-2022/ket-qua.csv");
    assert!(
        csv.contains(",truong-khu-pho,") && csv.contains(",gio-tay,"),
        "{csv}"
    );
    let list = fx.read_output("bau-cu/tn-2022/ung-cu-vien.json");
    assert!(list.contains("\"gioi_tinh\":\"nu\""), "{list}");
}

#[test]
fn an_unknown_spelling_is_an_error_at_its_line_with_the_key_to_write() {
    let fx = Fixture::new();
    fx.replace_line(COMMUNE, "cap: phuong", "cap: phuongg");
    let d = fx.check();
    let e = find_error(&d, COMMUNE, "phuongg");
    assert_eq!(e.line, Some(fx.line_of(COMMUNE, "cap:")), "{e}");
    assert!(e.message.vi.starts_with("“phuongg” không phải"), "{e}");
    assert!(e.to_string().contains("`phuong`"), "{e}");
    let fx = Fixture::new();
    fx.replace_line(BINH, "gioi_tinh: nu", "gioi_tinh: ông");
    let d = fx.check();
    let e = find_error(&d, BINH, "ông");
    assert_eq!(e.line, Some(fx.line_of(BINH, "gioi_tinh:")), "{e}");
    assert!(e.to_string().contains("nam, nu"), "{e}");
}
