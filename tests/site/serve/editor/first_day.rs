//! The README's first day with no text editor: `niemyet new site`, then `niemyet serve`, and
//! every file after that written from the preview's forms, until `check` passes and the site
//! builds with the round's results.

use super::*;
use niemyet::scaffold::Scaffold;

/// Opens `target`, sets `changes` in its fields and saves it; the answer must be a redirect.
fn fill(port: u16, target: &str, changes: &[(&str, &str)]) {
    let form = get(port, target);
    assert_eq!(form.status, 200, "{target}: {}", form.body);
    let mut values = form_values(&form.body);
    for (name, value) in changes {
        match values.iter_mut().find(|(n, _)| n == name) {
            Some(field) => field.1 = value.to_string(),
            // a text area
            None => values.push((name.to_string(), value.to_string())),
        }
    }
    let action = target.split("&trang").next().unwrap();
    let saved = post(port, action, &with_action(values, "luu"), "");
    let summary = saved
        .body
        .split("id=\"tom-tat-loi\"")
        .nth(1)
        .unwrap_or_default();
    let summary = summary.split("</div>").next().unwrap_or_default();
    assert_eq!(saved.status, 303, "{target}: {summary}");
}

#[test]
fn a_new_site_gets_its_commune_round_candidate_and_results_from_the_forms_alone() {
    let fx = Fixture::new();
    let made = tempfile::tempdir().unwrap();
    let site = made.path().join("xa-moi");
    Scaffold::Site { dir: site.clone() }
        .create(std::path::Path::new(""))
        .unwrap();
    std::fs::remove_dir_all(fx.content()).unwrap();
    copy_dir(&site.join("content"), &fx.content());
    let preview = Running::start(&fx, Limits::default());
    let port = preview.port;

    fill(
        port,
        CONFIG_PATH,
        &[
            ("co_quan", "UBND xã Minh Hòa"),
            ("ten_en", "Minh Hoa election notices"),
        ],
    );
    fill(
        port,
        &format!("{COMMUNE_PATH}?ma=xa-moi"),
        &[
            ("ten", "Xã Minh Hòa"),
            ("tinh.ten", "Tỉnh Phú Thọ"),
            ("khu_dan_cu.1.ma", "thon-2"),
            ("khu_dan_cu.1.ten", "Thôn Đồng Lạc"),
            ("khu_dan_cu.1.loai", "thon"),
        ],
    );
    // a contest for each village, the second left out
    fill(
        port,
        &format!("{ROUND_PATH}?don_vi=xa-moi"),
        &[
            ("chuc_danh", "truong-thon"),
            ("nhiem_ky", "2025-2030"),
            ("ngay_bau_cu", "15/6/2025"),
            ("cuoc_bau.1.khu_dan_cu", ""),
        ],
    );
    let round = "xa-moi-2025";
    fill(
        port,
        &format!("{CANDIDATE_PATH}?dot={round}"),
        &[
            ("ho_ten", "Nguyễn Văn Bình"),
            ("khu_dan_cu", "thon-1"),
            ("nam_sinh", "1975"),
            ("gioi_tinh", "nam"),
            ("dan_toc", "Kinh"),
            ("trinh_do_chuyen_mon", "dai-hoc"),
            ("ly_luan_chinh_tri", "trung-cap"),
            ("nghe_nghiep", "Cán bộ hưu trí"),
            ("dang_vien", "true"),
            ("tai_cu", "false"),
            (
                "noi_dung",
                "Ông Bình sinh ra và lớn lên ở thôn 1, nguyên là giáo viên.",
            ),
        ],
    );
    // results night: counting, the record typed in, then the provisional result posted
    fill(
        port,
        &format!("{ROUND_PATH}?dot={round}"),
        &[("trang_thai", "dang-kiem-phieu")],
    );
    fill(
        port,
        &format!("{RESULTS_PATH}?dot={round}"),
        &[
            ("thon-1.tong_cu_tri", "412"),
            ("thon-1.cu_tri_tham_gia", "398"),
            ("thon-1.phieu_phat_ra", "398"),
            ("thon-1.phieu_thu_vao", "397"),
            ("thon-1.phieu_hop_le", "390"),
            ("thon-1.phieu_khong_hop_le", "7"),
            ("thon-1.so_phieu.nguyen-van-binh", "260"),
        ],
    );
    fill(
        port,
        &format!("{ROUND_PATH}?dot={round}"),
        &[("trang_thai", "tam-thoi")],
    );
    let found = fx.check();
    assert!(errors(&found).is_empty(), "{found:?}");
    assert!(
        fx.read(COMMUNE_FILE)
            .contains("  - ma: thon-2\n    ten: Thôn Đồng Lạc\n    loai: thon\n"),
        "{}",
        fx.read(COMMUNE_FILE)
    );
    assert!(
        fx.read(&format!("bau-cu/{round}/dot-bau-cu.yaml"))
            .contains("\ncuoc_bau:\n  - khu_dan_cu: thon-1\n")
    );
    fx.build_ok();
    let contest = fx.text(&format!("bau-cu/{round}/thon-1/index.html"));
    assert!(contest.contains("Nguyễn Văn Bình"), "{contest}");
    assert!(contest.contains("63,11"), "{contest}");
}

const COMMUNE_FILE: &str = "don-vi/xa-moi.yaml";
