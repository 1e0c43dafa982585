//! `niemyet new`: a new site builds as it is; each new file has every field, fails `check` while
//! its blanks are blank, and passes once they are filled; nothing is ever overwritten.

use crate::harness::*;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const ROUND: &str = "xa-moi-2025";

pub fn niemyet(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_niemyet"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run niemyet")
}

/// Runs niemyet and asserts it exits with `code`.
pub fn run(args: &[&str], dir: &Path, code: i32) -> Output {
    let out = niemyet(args, dir);
    assert_eq!(
        out.status.code(),
        Some(code),
        "niemyet {args:?}\nstdout:\n{}\nstderr:\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Fills the blank fields of a file: the first line reading `key:` (before any comment) of each
/// pair gets the value.
pub fn fill(path: &Path, values: &[(&str, &str)]) {
    let mut text = std::fs::read_to_string(path).unwrap();
    for (key, value) in values {
        let blank = format!("{key}:");
        let line = text
            .lines()
            .find(|l| {
                let code = l.split(" #").next().unwrap_or_default().trim();
                code == blank || code == format!("- {blank}")
            })
            .unwrap_or_else(|| panic!("no blank `{key}:` in {}:\n{text}", path.display()))
            .to_string();
        let code_end = line.find(" #").unwrap_or(line.len());
        let filled = format!("{} {value}{}", &line[..code_end], &line[code_end..]);
        text = text.replacen(&line, &filled, 1);
    }
    std::fs::write(path, text).unwrap();
}

/// Replaces the Markdown body of a file (after its front matter) with `body`.
pub fn replace_body(path: &Path, body: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    let (front, _) = text
        .rsplit_once("---\n")
        .unwrap_or_else(|| panic!("no front matter in {}:\n{text}", path.display()));
    std::fs::write(path, format!("{front}---\n{body}\n")).unwrap();
}

/// A new site in `dir/moi` with a round `xa-moi-2025` filled in: its content folder.
pub fn new_site_with_round(dir: &Path) -> PathBuf {
    run(&["new", "site", "moi"], dir, 0);
    let site = dir.join("moi");
    run(&["new", "election", ROUND], &site, 0);
    fill(
        &site
            .join("content/bau-cu")
            .join(ROUND)
            .join("dot-bau-cu.yaml"),
        &[
            ("don_vi", "xa-moi"),
            ("chuc_danh", "truong-thon"),
            ("nhiem_ky", "2025-2030"),
            ("ngay_bau_cu", "05/10/2025"),
            ("khu_dan_cu", "thon-1"),
            ("dia_diem", "Nhà văn hóa thôn 1"),
        ],
    );
    site.join("content")
}

#[test]
fn a_new_site_checks_and_builds_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(&["new", "site", "moi"], dir.path(), 0);
    assert!(String::from_utf8_lossy(&out.stdout).contains("cau-hinh.yaml"));
    let site = dir.path().join("moi");
    run(&["check"], &site, 0);
    run(&["build"], &site, 0);
    assert!(site.join("output/index.html").is_file());
    // a second site in the same, now non-empty, folder is refused
    run(&["new", "site", "moi"], dir.path(), 1);
}

#[test]
fn new_files_fail_while_blank_and_pass_once_filled() {
    let dir = tempfile::tempdir().unwrap();
    let content = new_site_with_round(dir.path());
    let site = content.parent().unwrap().to_path_buf();
    run(&["new", "candidate", ROUND, "Nguyễn Văn An"], &site, 0);
    run(&["new", "candidate", ROUND, "Trần Thị Bình"], &site, 0);
    run(&["new", "document", "Kế hoạch tổ chức bầu cử"], &site, 0);
    let candidates = content.join("bau-cu").join(ROUND).join("ung-cu-vien");
    let an = candidates.join("nguyen-van-an.md");
    let plan = content.join("van-ban/ke-hoach-to-chuc-bau-cu.md");

    let out = run(&["check"], &site, 1);
    let err = String::from_utf8_lossy(&out.stderr);
    // every blank required field of the new candidate, in one run
    for field in [
        "khu_dan_cu",
        "nam_sinh",
        "gioi_tinh",
        "dan_toc",
        "nghe_nghiep",
    ] {
        assert!(
            err.contains(&format!("Trường bắt buộc `{field}` còn trống.")),
            "{field}: {err}"
        );
    }
    assert!(err.contains("ung-cu-vien/nguyen-van-an.md"), "{err}");

    for (path, gender) in [(&an, "nam"), (&candidates.join("tran-thi-binh.md"), "nu")] {
        fill(
            path,
            &[
                ("khu_dan_cu", "thon-1"),
                ("nam_sinh", "1970"),
                ("gioi_tinh", gender),
                ("dan_toc", "Kinh"),
                ("trinh_do_chuyen_mon", "dai-hoc"),
                ("ly_luan_chinh_tri", "trung-cap"),
                ("nghe_nghiep", "Cán bộ hưu trí"),
                ("dang_vien", "true"),
                ("tai_cu", "false"),
            ],
        );
        replace_body(path, "Quê quán thôn 1; nguyên là cán bộ xã.");
    }
    // the person id is offered, blank, with what it is for; once given it passes
    let text = std::fs::read_to_string(&an).unwrap();
    assert!(text.contains("# Mã người (không bắt buộc)"), "{text}");
    assert!(text.contains("nguyen-van-an-1970"), "{text}");
    fill(&an, &[("ma_nguoi", "nguyen-van-an-1970")]);
    fill(
        &plan,
        &[
            ("loai", "ke-hoach"),
            ("ngay", "01/8/2025"),
            ("co_quan", "Ủy ban nhân dân xã Mới"),
            ("bau_cu", ROUND),
        ],
    );
    replace_body(
        &plan,
        "Kế hoạch tổ chức bầu cử trưởng thôn nhiệm kỳ 2025-2030.",
    );
    run(&["new", "results", ROUND], &site, 0);
    let results = content.join("bau-cu").join(ROUND).join("ket-qua.yaml");
    let text = std::fs::read_to_string(&results).unwrap();
    assert!(
        text.contains("thon-1:") && text.contains("nguyen-van-an:   # (bắt buộc) Nguyễn Văn An"),
        "{text}"
    );
    fill(
        &results,
        &[
            ("tong_cu_tri", "361"),
            ("cu_tri_tham_gia", "314"),
            ("phieu_phat_ra", "314"),
            ("phieu_thu_vao", "314"),
            ("phieu_hop_le", "310"),
            ("phieu_khong_hop_le", "4"),
            ("nguyen-van-an", "159"),
            ("tran-thi-binh", "151"),
            ("ngay", "05/10/2025"),
        ],
    );
    run(&["check"], &site, 0);
    run(&["build"], &site, 0);
    let page = std::fs::read_to_string(site.join("output/index.html")).unwrap();
    assert!(!page.contains("__niemyet"));
}

#[test]
fn every_field_of_a_file_is_in_its_template() {
    let dir = tempfile::tempdir().unwrap();
    let content = new_site_with_round(dir.path());
    let site = content.parent().unwrap();
    run(&["new", "candidate", ROUND, "Lê Văn Cường"], site, 0);
    run(&["new", "document", "thong-bao-1"], site, 0);
    run(&["new", "results", ROUND], site, 0);
    let read = |rel: &str| std::fs::read_to_string(content.join(rel)).unwrap();
    let expected: &[(&str, &[&str])] = &[
        (
            "cau-hinh.yaml",
            &[
                "ten",
                "ten_en",
                "co_quan",
                "co_quan_en",
                "dia_chi",
                "dien_thoai",
                "email",
                "du_lieu_mau",
                "duong_dan_goc",
                "dia_chi_web",
                "ngay_nghi_le",
                "ngay_lam_viec",
                "quy_tac_bau_cu",
                "gioi_thieu",
            ],
        ),
        (
            "don-vi/xa-moi.yaml",
            &[
                "ten",
                "ten_en",
                "cap",
                "tinh",
                "huyen",
                "ma_hanh_chinh",
                "hieu_luc_tu",
                "hieu_luc_den",
                "ke_thua",
                "ghi_chu",
                "truoc_day",
                "khu_dan_cu",
                "ma",
                "loai",
            ],
        ),
        (
            "bau-cu/xa-moi-2025/dot-bau-cu.yaml",
            &[
                "tieu_de",
                "don_vi",
                "chuc_danh",
                "nhiem_ky",
                "ngay_bau_cu",
                "trang_thai",
                "quyet_dinh_hoan",
                "ly_do",
                "quy_tac",
                "gioi_thieu",
                "cac_buoc",
                "cuoc_bau",
                "khu_dan_cu",
                "dia_diem",
                "quyet_dinh",
            ],
        ),
        (
            "bau-cu/xa-moi-2025/ung-cu-vien/le-van-cuong.md",
            &[
                "ho_ten",
                "khu_dan_cu",
                "nam_sinh",
                "gioi_tinh",
                "dan_toc",
                "ton_giao",
                "hoc_van",
                "trinh_do_chuyen_mon",
                "chuyen_nganh",
                "ly_luan_chinh_tri",
                "nghe_nghiep",
                "dang_vien",
                "tai_cu",
                "anh",
                "thu_tu",
                "ma_nguoi",
                "rieng_tu",
            ],
        ),
        (
            "van-ban/thong-bao-1.md",
            &[
                "loai",
                "tieu_de",
                "so_hieu",
                "ngay",
                "co_quan",
                "tham_quyen_ky",
                "chuc_vu_ky",
                "nguoi_ky",
                "tac_gia",
                "can_cu",
                "noi_nhan",
                "dinh_kem",
                "bau_cu",
                "don_vi",
                "nguon",
            ],
        ),
        (
            "bau-cu/xa-moi-2025/ket-qua.yaml",
            &[
                "thon-1",
                "hinh_thuc",
                "tong_cu_tri",
                "cu_tri_tham_gia",
                "phieu_phat_ra",
                "phieu_thu_vao",
                "phieu_hop_le",
                "phieu_khong_hop_le",
                "so_phieu",
                "bien_ban",
                "ngay",
                "ngay_nhan",
                "nguoi_ky",
                "trang_thai",
                "quyet_dinh",
                "ngay_bau_lai",
                "dot_bau_lai",
                "lam_thoi",
            ],
        ),
    ];
    for (rel, keys) in expected {
        let text = read(rel);
        for key in *keys {
            let present = text.lines().any(|l| {
                let l = l.trim_start().trim_start_matches("- ");
                l.starts_with(&format!("{key}:"))
            });
            assert!(present, "{rel} lacks `{key}`:\n{text}");
        }
        let comments = text
            .lines()
            .filter(|l| l.trim_start().starts_with('#'))
            .count();
        assert!(comments >= keys.len(), "{rel} explains too little:\n{text}");
    }
    assert!(
        read("bau-cu/xa-moi-2025/ung-cu-vien/le-van-cuong.md").contains("ho_ten: Lê Văn Cường")
    );
}

#[test]
fn new_never_overwrites_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let content = new_site_with_round(dir.path());
    let site = content.parent().unwrap();
    let round = content.join("bau-cu").join(ROUND).join("dot-bau-cu.yaml");
    let before = std::fs::read(&round).unwrap();
    let out = run(&["new", "election", ROUND], site, 1);
    assert!(String::from_utf8_lossy(&out.stderr).contains("không ghi đè"));
    assert_eq!(std::fs::read(&round).unwrap(), before);
    let out = run(&["new", "results", "chua-co"], site, 1);
    assert!(String::from_utf8_lossy(&out.stderr).contains("niemyet new election chua-co"));
    run(&["new", "election", "Xã Mới 2030"], site, 1);
}

#[test]
fn new_files_go_into_the_fixture_layout() {
    let fx = Fixture::new();
    run(&["new", "document", "Thông báo lịch bầu cử"], fx.root(), 0);
    assert!(fx.path("van-ban/thong-bao-lich-bau-cu.md").is_file());
    run(&["new", "results", "tn-2022"], fx.root(), 1);
}
