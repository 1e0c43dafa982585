//! Build time of a large site made from real units: `cargo bench --bench build -- [COMMUNES]`.
//!
//! Takes the first COMMUNES (default 300) of Vietnam's 3,321 commune-level units from
//! `benches/data/vn-units-2026.csv` (a copy of the reference data, see its README), gives each
//! one round of 4 neighbourhoods with 2 candidates each, full results and one document, and
//! times `check` and `build` (median of 3 runs). Prints the figures; targets are read from these
//! figures, never asserted in tests.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const VILLAGES: usize = 4;
const RUNS: usize = 3;

struct Unit {
    code: String,
    name: String,
    province: String,
}

fn units(limit: usize) -> Vec<Unit> {
    let csv = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/data/vn-units-2026.csv");
    let text = std::fs::read_to_string(&csv)
        .unwrap_or_else(|e| panic!("{}: {e} (the reference data)", csv.display()));
    text.lines()
        .skip(1)
        .filter_map(|line| {
            let f: Vec<&str> = line.split(',').collect();
            Some(Unit {
                province: f.get(1)?.to_string(),
                code: f.get(4)?.to_string(),
                name: f.get(5)?.to_string(),
            })
        })
        .take(limit)
        .collect()
}

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).expect("create folder");
    }
    std::fs::write(path, text).expect("write file");
}

const GIVEN: [&str; 8] = [
    "An", "Bình", "Cường", "Dung", "Giang", "Hải", "Khánh", "Lan",
];

/// A site of one round per unit; returns its content folder.
fn generate(root: &Path, units: &[Unit]) -> PathBuf {
    let content = root.join("content");
    write(
        &content,
        "cau-hinh.yaml",
        "ten: Cổng thử tải\nco_quan: UBND tỉnh thử\ndu_lieu_mau: true\n",
    );
    for (n, u) in units.iter().enumerate() {
        let id = format!("dv-{}", u.code);
        let mut commune = format!(
            "ten: \"{}\"\ncap: phuong\ntinh: \"{}\"\nma_hanh_chinh: \"{}\"\nkhu_dan_cu:\n",
            u.name, u.province, u.code
        );
        let mut round = format!(
            "don_vi: {id}\nchuc_danh: truong-khu-pho\nnhiem_ky: \"2025-2030\"\nngay_bau_cu: \"05/10/2025\"\n\
             trang_thai: chinh-thuc\ncuoc_bau:\n"
        );
        let mut results = String::new();
        for v in 1..=VILLAGES {
            let _ = write!(
                commune,
                "  - ma: kp-{v}\n    ten: Khu phố {v}\n    loai: khu-pho\n"
            );
            let _ = writeln!(round, "  - kp-{v}");
            let (a, b) = (format!("a-{v}"), format!("b-{v}"));
            for (slug, i) in [(&a, 0), (&b, 1)] {
                let given = GIVEN[(n + v + i) % GIVEN.len()];
                write(
                    &content,
                    &format!("bau-cu/{id}/ung-cu-vien/{slug}.md"),
                    &format!(
                        "---\nho_ten: \"Nguyễn Văn {given}\"\nkhu_dan_cu: kp-{v}\nnam_sinh: 1975\ngioi_tinh: nam\n\
                         dan_toc: Kinh\ntrinh_do_chuyen_mon: dai-hoc\nly_luan_chinh_tri: so-cap\n\
                         nghe_nghiep: Cán bộ\ndang_vien: true\ntai_cu: false\n---\nTiểu sử tóm tắt.\n"
                    ),
                );
            }
            let _ = write!(
                results,
                "kp-{v}:\n  tong_cu_tri: 400\n  cu_tri_tham_gia: 350\n  phieu_phat_ra: 350\n  phieu_thu_vao: 350\n\
                 \x20 phieu_hop_le: 340\n  phieu_khong_hop_le: 10\n  so_phieu:\n    {a}: 250\n    {b}: 90\n\
                 \x20 bien_ban:\n    ngay: \"05/10/2025\"\n  trang_thai: cong-nhan\n  quyet_dinh:\n\
                 \x20   so: \"{v}/QĐ-UBND\"\n    ngay: \"08/10/2025\"\n"
            );
        }
        write(&content, &format!("don-vi/{id}.yaml"), &commune);
        write(&content, &format!("bau-cu/{id}/dot-bau-cu.yaml"), &round);
        write(&content, &format!("bau-cu/{id}/ket-qua.yaml"), &results);
        write(
            &content,
            &format!("van-ban/ke-hoach-{id}.md"),
            &format!(
                "---\nloai: ke-hoach\ntieu_de: \"Kế hoạch bầu cử {}\"\nngay: \"01/9/2025\"\nco_quan: \"UBND {}\"\n\
                 don_vi: {id}\n---\nNội dung kế hoạch.\n",
                u.name, u.name
            ),
        );
    }
    content
}

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn main() {
    let communes: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(300);
    let units = units(communes);
    let dir = tempfile::tempdir().expect("temporary folder");
    let content = generate(dir.path(), &units);
    let output = dir.path().join("output");
    let options = niemyet::BuildOptions {
        content: content.clone(),
        output: output.clone(),
    };

    let mut check_runs = Vec::new();
    let mut build_runs = Vec::new();
    let mut pages = 0;
    for _ in 0..RUNS {
        let started = Instant::now();
        let (_, diagnostics) = niemyet::check(&content);
        check_runs.push(started.elapsed());
        assert!(!diagnostics.has_errors(), "{diagnostics}");
        let started = Instant::now();
        let report = niemyet::build(&options).unwrap_or_else(|e| panic!("{e}"));
        build_runs.push(started.elapsed());
        pages = report.pages;
    }
    let build = median(build_runs);
    println!(
        "{} communes, {} candidates: check {:?}, build {:?} for {pages} pages ({:.0} pages/s), median of {RUNS}",
        units.len(),
        units.len() * VILLAGES * 2,
        median(check_runs),
        build,
        pages as f64 / build.as_secs_f64()
    );
}
