//! Time of importing large sheets: `cargo bench --bench import -- [ROWS] [--keep DIR]`.
//!
//! Makes a site with one round of 100 villages, a candidates sheet of ROWS rows (default
//! 100,000) and a results sheet of ROWS rows in the template's format, then times
//! `import candidates` and `import results` (the library call, which includes the `check` of
//! the site after writing). With `--keep DIR` it only writes the site and both sheets into DIR,
//! to time the release binary on them:
//! `target/release/niemyet import candidates DIR/ung-cu-vien.csv --round dot --content DIR/content`.
//! Prints the figures; targets are read from these figures, never asserted in tests.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

const VILLAGES: usize = 100;
const ROUND: &str = "dot";

const FAMILY: [&str; 20] = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Lương", "Mai", "Trịnh",
];
const MIDDLE: [&str; 10] = [
    "Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Quốc", "Ngọc", "Xuân", "Thu",
];
const GIVEN: [&str; 25] = [
    "An", "Bình", "Cường", "Dung", "Giang", "Hải", "Khánh", "Lan", "Mạnh", "Nam", "Oanh", "Phúc",
    "Quang", "Sơn", "Tâm", "Uyên", "Vinh", "Xuân", "Yến", "Hà", "Hùng", "Linh", "Long", "Tuấn",
    "Thảo",
];

/// A distinct four-word name for each row up to 125,000 rows.
fn name(i: usize) -> String {
    let given = GIVEN.len();
    format!(
        "{} {} {} {}",
        FAMILY[i % FAMILY.len()],
        MIDDLE[(i / FAMILY.len()) % MIDDLE.len()],
        GIVEN[(i / (FAMILY.len() * MIDDLE.len())) % given],
        GIVEN[(i / (FAMILY.len() * MIDDLE.len() * given)) % given],
    )
}

fn write(path: &Path, text: &str) {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).expect("create folder");
    }
    std::fs::write(path, text).expect("write file");
}

/// A site with one commune of VILLAGES villages and one round electing in all of them; returns
/// its content folder.
fn site(root: &Path) -> PathBuf {
    let content = root.join("content");
    write(
        &content.join("cau-hinh.yaml"),
        "ten: Cổng thử tải\nco_quan: UBND xã thử\ndu_lieu_mau: true\n",
    );
    let mut commune = String::from("ten: Xã Thử\ncap: xa\ntinh: Tỉnh Thử\nkhu_dan_cu:\n");
    let mut round = String::from(
        "don_vi: xa-thu\nchuc_danh: truong-thon\nnhiem_ky: \"2025-2030\"\nngay_bau_cu: \"05/10/2025\"\n\
         trang_thai: tam-thoi\ncuoc_bau:\n",
    );
    for v in 1..=VILLAGES {
        let _ = write!(
            commune,
            "  - ma: thon-{v}\n    ten: Thôn {v}\n    loai: thon\n"
        );
        let _ = writeln!(
            round,
            "  - khu_dan_cu: thon-{v}\n    dia_diem: Nhà văn hóa thôn {v}"
        );
    }
    write(&content.join("don-vi/xa-thu.yaml"), &commune);
    write(
        &content.join("bau-cu").join(ROUND).join("dot-bau-cu.yaml"),
        &round,
    );
    content
}

/// The candidates sheet, as the template `mau-nhap/ung-cu-vien.csv` has it.
fn candidates(rows: usize) -> String {
    let mut sheet = String::from(
        "STT,Họ và tên,Khu dân cư,Năm sinh,Giới tính,Dân tộc,Tôn giáo,Học vấn,Trình độ chuyên môn,\
         Chuyên ngành,Lý luận chính trị,Nghề nghiệp,Đảng viên,Tái cử,Tiểu sử\n",
    );
    for i in 0..rows {
        let gender = if i % 2 == 0 { "Nam" } else { "Nữ" };
        let _ = writeln!(
            sheet,
            "{},{},Thôn {},{},{gender},Kinh,Không,12/12,Đại học,Luật,Trung cấp,Nông dân,Có,Không,\
             \"Sinh ra và lớn lên ở thôn, làm nông.\"",
            i + 1,
            name(i),
            i % VILLAGES + 1,
            1950 + i % 50,
        );
    }
    sheet
}

/// The results sheet, as the template `mau-nhap/ket-qua.csv` has it, the contest's figures
/// repeated on every row.
fn results(rows: usize) -> String {
    let mut sheet = String::from(
        "Khu dân cư,Tổng số cử tri,Số cử tri tham gia,Số phiếu phát ra,Số phiếu thu vào,\
         Số phiếu hợp lệ,Số phiếu không hợp lệ,Họ và tên,Số phiếu,Hình thức bầu,Ngày lập biên bản\n",
    );
    let per_village = rows.div_ceil(VILLAGES);
    let voters = per_village * 4 + 200;
    let took_part = per_village * 3 + 100;
    let (invalid, valid) = (5, took_part - 5);
    for i in 0..rows {
        let _ = writeln!(
            sheet,
            "Thôn {},{voters},{took_part},{took_part},{took_part},{valid},{invalid},{},1,\
             Bỏ phiếu kín,05/10/2025",
            i % VILLAGES + 1,
            name(i),
        );
    }
    sheet
}

fn import(kind: niemyet::import::SheetKind, sheet: &Path, content: &Path) {
    let options = niemyet::import::ImportOptions {
        kind,
        sheet: sheet.to_path_buf(),
        content: content.to_path_buf(),
        round: ROUND.into(),
        force: false,
    };
    let started = Instant::now();
    let outcome = niemyet::import::import(&options);
    let time = started.elapsed();
    match outcome {
        Ok(imported) => println!(
            "{kind:?}: {:?}, {} files written; check of them: {}",
            time,
            imported.written.len(),
            imported.problems.summary()
        ),
        Err(problems) => println!(
            "{kind:?}: {:?}, refused with {} problems",
            time,
            problems.len()
        ),
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mut rows = 100_000;
    let mut keep = None;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--keep" => keep = args.next().map(PathBuf::from),
            other => rows = other.parse().unwrap_or(rows),
        }
    }
    let temporary = tempfile::tempdir().expect("temporary folder");
    let keeping = keep.is_some();
    let root = keep.unwrap_or_else(|| temporary.path().to_path_buf());
    let content = site(&root);
    let (candidates_csv, results_csv) = (root.join("ung-cu-vien.csv"), root.join("ket-qua.csv"));
    write(&candidates_csv, &candidates(rows));
    write(&results_csv, &results(rows));
    println!("{rows} rows, {VILLAGES} villages, in {}", root.display());
    if keeping {
        return;
    }
    import(
        niemyet::import::SheetKind::Candidates,
        &candidates_csv,
        &content,
    );
    import(niemyet::import::SheetKind::Results, &results_csv, &content);
}
