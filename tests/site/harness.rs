//! The fixture site and the helpers every test uses: building, snapshots of an output folder,
//! the visible text and the links of a page, and lookups of diagnostics.

use niemyet::diagnostics::{Diagnostic, Diagnostics};
use niemyet::{BuildError, BuildOptions, BuildReport};
use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;
use tempfile::TempDir;

pub const CONFIG: &str = "cau-hinh.yaml";
pub const COMMUNE: &str = "don-vi/thu-nghiem.yaml";
pub const ROUND_FILE: &str = "bau-cu/tn-2022/dot-bau-cu.yaml";
pub const RESULTS: &str = "bau-cu/tn-2022/ket-qua.yaml";
pub const AN: &str = "bau-cu/tn-2022/ung-cu-vien/nguyen-van-an.md";
pub const BINH: &str = "bau-cu/tn-2022/ung-cu-vien/tran-thi-binh.md";
pub const CUONG: &str = "bau-cu/tn-2022/ung-cu-vien/le-van-cuong.md";
pub const AN_PHOTO: &str = "bau-cu/tn-2022/ung-cu-vien/anh/nguyen-van-an.jpg";
pub const LETTER: &str = "van-ban/cong-van-13.md";
pub const LETTER_PDF: &str = "van-ban/cong-van-13.pdf";
pub const PLAN: &str = "van-ban/2022/ke-hoach-bau-cu.md";
pub const CONTACT: &str = "trang/lien-he.md";

/// The attachment of the letter, its SHA-256 (computed with `sha256sum`) and its size.
pub const PDF_BYTES: &[u8] = b"%PDF-1.4\n% niemyet test attachment\n";
pub const PDF_SHA256: &str = "3c5ec21d2e6736ae32598d7cbb9844aff040959b79731be16775e6cd36a7a0d0";
pub const PDF_SIZE: &str = "35 byte";

/// Not a real JPEG: the site copies photos without decoding them.
pub const PHOTO_BYTES: &[u8] = b"\xFF\xD8\xFF\xE0 niemyet test photo";

const CONFIG_YAML: &str = "\
ten: Cổng niêm yết bầu cử phường Thử Nghiệm
co_quan: UBND phường Thử Nghiệm
dia_chi: Số 1 đường Thử Nghiệm
email: ubnd@example.org
gioi_thieu: |
  Cổng thông tin niêm yết bầu cử trưởng khu phố của phường Thử Nghiệm.
";

const COMMUNE_YAML: &str = "\
ten: Phường Thử Nghiệm
cap: phuong
tinh: Tỉnh Quảng Ninh
khu_dan_cu:
  - ma: khu-1
    ten: Khu phố Một
    loai: khu-pho
  - ma: khu-2
    ten: Khu phố Hai
    loai: khu-pho
";

const ROUND_YAML: &str = "\
don_vi: thu-nghiem
chuc_danh: truong-khu-pho
nhiem_ky: 2022-2025
ngay_bau_cu: 05/6/2022
trang_thai: chinh-thuc
gioi_thieu: Bầu trưởng khu phố ở hai khu phố.
cuoc_bau:
  - khu_dan_cu: khu-1
    dia_diem: Nhà văn hóa khu phố Một
  - khu-2
";

const RESULTS_YAML: &str = "\
khu-1:
  tong_cu_tri: 2802
  cu_tri_tham_gia: 2500
  phieu_phat_ra: 2500
  phieu_thu_vao: 2500
  phieu_hop_le: 2480
  phieu_khong_hop_le: 20
  so_phieu:
    nguyen-van-an: 1234
    tran-thi-binh: 1100
  bien_ban:
    ngay: 05/6/2022
    nguoi_ky:
      - ho_ten: Phạm Văn Tổ
        chuc_vu: Tổ trưởng Tổ bầu cử
  trang_thai: bau-lai
  quyet_dinh:
    so: 12/QĐ-UBND
    ngay: 08/6/2022
  ngay_bau_lai: 19/6/2022
khu-2:
  hinh_thuc: gio-tay
  tong_cu_tri: 250
  cu_tri_tham_gia: 159
  phieu_phat_ra: 160
  phieu_thu_vao: 159
  phieu_hop_le: 157
  phieu_khong_hop_le: 2
  so_phieu:
    le-van-cuong: 150
  trang_thai: cong-nhan
  quyet_dinh:
    so: 13/QĐ-UBND
    ngay: 09/6/2022
";

const AN_MD: &str = "\
---
ho_ten: Nguyễn Văn An
khu_dan_cu: khu-1
nam_sinh: 1975
gioi_tinh: nam
dan_toc: Kinh
trinh_do_chuyen_mon: dai-hoc
chuyen_nganh: Quản lý đất đai
ly_luan_chinh_tri: trung-cap
nghe_nghiep: Cán bộ hưu trí
dang_vien: true
tai_cu: true
anh: anh/nguyen-van-an.jpg
rieng_tu:
  ghi_chu: chỉ dành cho cán bộ
---
Ông An làm trưởng khu phố Một từ năm 2019.

Ông tham gia công tác **hòa giải** ở cơ sở.
";

const BINH_MD: &str = "\
---
ho_ten: Trần Thị Bình
khu_dan_cu: khu-1
nam_sinh: 1980
gioi_tinh: nu
dan_toc: Tày
ton_giao: Không
hoc_van: 12/12
trinh_do_chuyen_mon: cao-dang
ly_luan_chinh_tri: so-cap
nghe_nghiep: Giáo viên
dang_vien: false
tai_cu: false
---
Bà Bình là giáo viên trường tiểu học của phường.
";

const CUONG_MD: &str = "\
---
ho_ten: Lê Văn Cường
khu_dan_cu: khu-2
nam_sinh: 1968
gioi_tinh: nam
dan_toc: Kinh
trinh_do_chuyen_mon: trung-cap
ly_luan_chinh_tri: khong
nghe_nghiep: Kinh doanh
dang_vien: true
tai_cu: false
---
Ông Cường kinh doanh vật liệu xây dựng.
";

const LETTER_MD: &str = "\
---
loai: cong-van
tieu_de: Về việc lãnh đạo bầu cử trưởng khu phố nhiệm kỳ 2022-2025
so_hieu: 13-CV/ĐU
ngay: 10/3/2022
co_quan: Đảng ủy phường Thử Nghiệm
tham_quyen_ky: T/M Đảng ủy
chuc_vu_ky: Bí thư
nguoi_ky: Phạm Văn Dũng
noi_nhan:
  - Các chi bộ khu phố
  - Lưu Văn phòng
dinh_kem:
  - tep: cong-van-13.pdf
    ten: Bản chụp công văn
bau_cu: tn-2022
don_vi: thu-nghiem
---
Đảng ủy phường đề nghị các chi bộ **lãnh đạo** tốt việc bầu cử.
";

const PLAN_MD: &str = "\
---
loai: ke-hoach
tieu_de: Kế hoạch tổ chức bầu cử trưởng khu phố
so_hieu: 45/KH-UBND
ngay: 20/3/2022
co_quan: UBND phường Thử Nghiệm
can_cu:
  - Luật Thực hiện dân chủ ở cơ sở năm 2022
  - ten: Công văn số 13-CV/ĐU của Đảng ủy phường
    van_ban: cong-van-13
bau_cu: tn-2022
---
# Mục đích

1. Tổ chức bầu cử dân chủ, đúng pháp luật.
2. Hoàn thành trong tháng 6/2022.
";

const CONTACT_MD: &str = "\
---
tieu_de: Liên hệ
thu_tu: 1
---
Mọi thắc mắc xin gửi về bộ phận một cửa của phường.
";

/// Every file of the fixture site, relative to its content folder.
const FILES: &[(&str, &[u8])] = &[
    (CONFIG, CONFIG_YAML.as_bytes()),
    (COMMUNE, COMMUNE_YAML.as_bytes()),
    (ROUND_FILE, ROUND_YAML.as_bytes()),
    (RESULTS, RESULTS_YAML.as_bytes()),
    (AN, AN_MD.as_bytes()),
    (BINH, BINH_MD.as_bytes()),
    (CUONG, CUONG_MD.as_bytes()),
    (AN_PHOTO, PHOTO_BYTES),
    (LETTER, LETTER_MD.as_bytes()),
    (LETTER_PDF, PDF_BYTES),
    (PLAN, PLAN_MD.as_bytes()),
    (CONTACT, CONTACT_MD.as_bytes()),
];

/// A temporary folder holding `content/` (the fixture site) and, once built, `output/`.
pub struct Fixture {
    dir: TempDir,
}

impl Fixture {
    /// A valid site: one ward with two neighbourhoods, a round with two contests and three
    /// candidates, results, two documents (one citing the other, one attachment) and a page.
    pub fn new() -> Self {
        let fixture = Self {
            dir: tempfile::tempdir().expect("create a temporary folder"),
        };
        for (rel, bytes) in FILES {
            fixture.write(rel, bytes);
        }
        fixture
    }

    /// The temporary folder that holds `content/` and `output/`.
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn content(&self) -> PathBuf {
        self.root().join("content")
    }

    pub fn output(&self) -> PathBuf {
        self.root().join("output")
    }

    /// A file of the content folder.
    pub fn path(&self, rel: &str) -> PathBuf {
        self.content().join(rel)
    }

    pub fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) {
        let path = self.path(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("write {rel}: {e}"));
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap_or_else(|e| panic!("read {rel}: {e}"))
    }

    pub fn remove(&self, rel: &str) {
        std::fs::remove_file(self.path(rel)).unwrap_or_else(|e| panic!("remove {rel}: {e}"));
    }

    /// Puts the content folder back as `saved` (a [`snapshot`] of it) holds it, removing files
    /// added since; whether anything had changed.
    pub fn restore_content(&self, saved: &BTreeMap<String, Vec<u8>>) -> bool {
        let now = snapshot(&self.content());
        for rel in now.keys().filter(|rel| !saved.contains_key(*rel)) {
            self.remove(rel);
        }
        for (rel, bytes) in saved {
            if now.get(rel) != Some(bytes) {
                self.write(rel, bytes);
            }
        }
        now != *saved
    }

    /// Replaces the one line of `rel` that reads `old` (ignoring indentation) by `new`, keeping
    /// the indentation. `new` may hold several lines, or none to delete the line.
    pub fn replace_line(&self, rel: &str, old: &str, new: &str) {
        let text = self.read(rel);
        let matching: Vec<usize> = text
            .lines()
            .enumerate()
            .filter(|(_, l)| l.trim() == old)
            .map(|(i, _)| i)
            .collect();
        assert_eq!(
            matching.len(),
            1,
            "{rel} should have exactly one line `{old}`:\n{text}"
        );
        let mut out = String::new();
        for (i, line) in text.lines().enumerate() {
            if i == matching[0] {
                let indent = &line[..line.len() - line.trim_start().len()];
                for new_line in new.lines() {
                    out.push_str(indent);
                    out.push_str(new_line);
                    out.push('\n');
                }
            } else {
                out.push_str(line);
                out.push('\n');
            }
        }
        self.write(rel, out);
    }

    /// The 1-based line of the first line of `rel` containing `needle`.
    pub fn line_of(&self, rel: &str, needle: &str) -> usize {
        self.line_after(rel, "", needle)
    }

    /// The 1-based line of the first line of `rel` containing `needle`, at or after the first
    /// line containing `anchor`.
    pub fn line_after(&self, rel: &str, anchor: &str, needle: &str) -> usize {
        let text = self.read(rel);
        let start = text
            .lines()
            .position(|l| l.contains(anchor))
            .unwrap_or_else(|| panic!("{rel} has no line with `{anchor}`"));
        text.lines()
            .enumerate()
            .skip(start)
            .find(|(_, l)| l.contains(needle))
            .map(|(i, _)| i + 1)
            .unwrap_or_else(|| panic!("{rel} has no line with `{needle}` after `{anchor}`"))
    }

    /// A file of the output, as text.
    pub fn read_output(&self, rel: &str) -> String {
        std::fs::read_to_string(self.output().join(rel))
            .unwrap_or_else(|e| panic!("read output {rel}: {e}"))
    }

    /// The published path of the static file `plain` (`tai-nguyen/style.css`), whose name
    /// carries a hash of its contents (`tai-nguyen/style.3f2a9c1b.css`).
    pub fn asset(&self, plain: &str) -> String {
        asset(&self.output(), plain)
    }

    pub fn check(&self) -> Diagnostics {
        niemyet::check(&self.content()).1
    }

    pub fn build(&self) -> Result<BuildReport, BuildError> {
        build(&self.content(), &self.output())
    }

    pub fn build_ok(&self) -> BuildReport {
        build_ok(&self.content(), &self.output())
    }

    /// A file of the output folder, as text.
    pub fn page(&self, rel: &str) -> String {
        let path = self.output().join(rel);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read output {rel}: {e}"))
    }

    /// The visible text of a page of the output.
    pub fn text(&self, rel: &str) -> String {
        visible_text(&self.page(rel))
    }
}

/// The path, from `out`, of the one file published for `plain` (`tai-nguyen/style.css`) under
/// a content-hashed name (`tai-nguyen/style.3f2a9c1b.css`); the plain name is not published.
pub fn asset(out: &Path, plain: &str) -> String {
    let (folder, file) = plain.rsplit_once('/').unwrap_or(("", plain));
    let (stem, ext) = file.rsplit_once('.').unwrap();
    assert!(
        !out.join(plain).exists(),
        "{plain} is published under its plain name"
    );
    let hashed: Vec<String> = std::fs::read_dir(out.join(folder))
        .unwrap_or_else(|e| panic!("{folder}: {e}"))
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|name| {
            name.strip_prefix(&format!("{stem}."))
                .and_then(|rest| rest.strip_suffix(&format!(".{ext}")))
                .is_some_and(|hash| hash.len() == 8 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
        })
        .collect();
    assert_eq!(hashed.len(), 1, "{plain}: {hashed:?}");
    if folder.is_empty() {
        hashed[0].clone()
    } else {
        format!("{folder}/{}", hashed[0])
    }
}

pub fn build(content: &Path, output: &Path) -> Result<BuildReport, BuildError> {
    niemyet::build(&BuildOptions {
        content: content.to_path_buf(),
        output: output.to_path_buf(),
    })
}

/// Builds and panics with the readable form of the error.
pub fn build_ok(content: &Path, output: &Path) -> BuildReport {
    build(content, output).unwrap_or_else(|e| panic!("build of {} failed:\n{e}", content.display()))
}

/// The repository's example site.
pub fn example_content() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("content")
}

/// Copies the folder `from`, with everything in it, to `to`.
pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target: PathBuf = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A fixture whose content is a copy of the example site.
pub fn example_fixture() -> Fixture {
    let site = Fixture::new();
    std::fs::remove_dir_all(site.content()).unwrap();
    copy_dir(&example_content(), &site.content());
    site
}

/// Whether the example site exists yet; tests on it are skipped (with a note) until it does.
pub fn example_exists() -> bool {
    let exists = example_content().join(CONFIG).is_file();
    if !exists {
        eprintln!("note: content/{CONFIG} does not exist yet; skipping the example site");
    }
    exists
}

/// Every file under `dir`, by path relative to it (with `/`), with its bytes.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.expect("walk the output"))
        .filter(|e| e.file_type().is_file())
        .map(|e| (rel_name(dir, e.path()), std::fs::read(e.path()).unwrap()))
        .collect()
}

/// Asserts that two output folders hold the same files with the same bytes.
pub fn assert_identical_trees(a: &Path, b: &Path) {
    let (a, b) = (snapshot(a), snapshot(b));
    assert!(!a.is_empty(), "nothing was written");
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    let differing: Vec<&String> = a.keys().filter(|k| a[*k] != b[*k]).collect();
    assert!(differing.is_empty(), "these files differ: {differing:#?}");
}

/// Relative paths (with `/`) of the HTML files under `dir`, sorted.
pub fn html_pages(dir: &Path) -> Vec<String> {
    snapshot_names(dir)
        .into_iter()
        .filter(|p| p.ends_with(".html"))
        .collect()
}

/// Relative paths (with `/`) of the files of the site under `dir`, sorted: every file but the
/// marker by which niemyet recognises a folder it built.
pub fn site_files(dir: &Path) -> Vec<String> {
    snapshot_names(dir)
        .into_iter()
        .filter(|p| p != niemyet::write::MARKER)
        .collect()
}

/// Relative paths (with `/`) of every file under `dir`, sorted.
pub fn snapshot_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.expect("walk the output"))
        .filter(|e| e.file_type().is_file())
        .map(|e| rel_name(dir, e.path()))
        .collect();
    names.sort();
    names
}

fn rel_name(dir: &Path, path: &Path) -> String {
    path.strip_prefix(dir)
        .unwrap()
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// Names of the entries of a folder, sorted.
pub fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The text a reader sees: tags removed, entities decoded, whitespace collapsed. Minified HTML
/// drops and joins whitespace, so tests look for text, never for markup.
pub fn visible_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                text.push(' ');
            }
            '>' if in_tag => in_tag = false,
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    decode_entities(&text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let decoded = rest.find(';').filter(|&end| end <= 10).and_then(|end| {
            let name = &rest[1..end];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The values of every `href` and `src` attribute of a page.
pub fn links(html: &str) -> Vec<String> {
    let mut found = attribute_values(html, "href");
    found.extend(attribute_values(html, "src"));
    found
}

/// The values of every `name` attribute of a page, quoted or not (minified HTML drops the quotes
/// where it can), with entities decoded.
pub fn attribute_values(html: &str, name: &str) -> Vec<String> {
    let attr = format!("{name}=");
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(i) = html[from..].find(&attr) {
        let start = from + i;
        from = start + attr.len();
        // an attribute follows whitespace; `data-src=` or text like `xhref=` does not count
        if start == 0 || !html.as_bytes()[start - 1].is_ascii_whitespace() {
            continue;
        }
        let rest = &html[from..];
        let value = match rest.chars().next() {
            Some(q @ ('"' | '\'')) => rest[1..].split(q).next().unwrap_or_default(),
            _ => rest
                .split(|c: char| c.is_ascii_whitespace() || c == '>')
                .next()
                .unwrap_or_default(),
        };
        found.push(decode_entities(value));
    }
    found
}

/// Where an internal link of `page` (relative to the output root) leads, relative to the root.
/// `Ok(None)` for links that leave the site or stay on the page; `Err` for links that cannot work
/// from `file://` or under a sub-path.
pub fn resolve(page: &str, url: &str) -> Result<Option<String>, String> {
    let lower = url.to_ascii_lowercase();
    let external = ["http:", "https:", "mailto:", "tel:", "data:"];
    if url.starts_with('#') || external.iter().any(|s| lower.starts_with(s)) {
        return Ok(None);
    }
    if url.starts_with('/') {
        return Err("absolute link: links must be relative".into());
    }
    let path = url.split(['#', '?']).next().unwrap_or_default();
    if path.is_empty() {
        return Err("empty link".into());
    }
    let mut parts: Vec<String> = Path::new(page)
        .parent()
        .map(|p| {
            p.components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    for part in percent_decode(path).split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts
                    .pop()
                    .ok_or_else(|| "climbs above the site root".to_string())?;
            }
            name => parts.push(name.to_string()),
        }
    }
    Ok(Some(parts.join("/")))
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Every broken internal link of the site in `out`, as `page: link (reason)`, and the number of
/// internal links checked. A link must name an existing file, and its `#fragment` an `id` of the
/// page. `base_404` is the configured base path that the 404 page alone may use for absolute
/// links.
pub fn broken_links(out: &Path, base_404: Option<&str>) -> (Vec<String>, usize) {
    let mut ids: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut ids_of = |page: &str| -> Vec<String> {
        ids.entry(page.to_string())
            .or_insert_with(|| {
                let html = std::fs::read_to_string(out.join(page)).unwrap_or_default();
                attribute_values(&html, "id")
            })
            .clone()
    };
    let mut broken = Vec::new();
    let mut checked = 0;
    for page in html_pages(out) {
        let html = std::fs::read_to_string(out.join(&page)).unwrap();
        for url in links(&html) {
            let relative = match base_404 {
                Some(base) if page == "404.html" => url.strip_prefix(base).unwrap_or(&url),
                _ => url.as_str(),
            };
            let target = match relative.strip_prefix('#') {
                Some(_) => Ok(Some(page.clone())),
                None => resolve(&page, relative),
            };
            let target = match target {
                Ok(Some(target)) => target,
                Ok(None) => continue,
                Err(reason) => {
                    broken.push(format!("{page}: {url} ({reason})"));
                    continue;
                }
            };
            checked += 1;
            let path = out.join(&target);
            if path.is_dir() {
                broken.push(format!(
                    "{page}: {url} (a folder: links must name index.html)"
                ));
            } else if !path.is_file() {
                broken.push(format!("{page}: {url} (no file {target})"));
            } else if let Some((_, fragment)) = relative.split_once('#') {
                let fragment = percent_decode(fragment);
                if target.ends_with(".html") && !ids_of(&target).contains(&fragment) {
                    broken.push(format!("{page}: {url} (no id “{fragment}” in {target})"));
                }
            }
        }
    }
    (broken, checked)
}

/// Whether a link of `page` in `out` leads to `target` (relative to the root).
pub fn links_to(out: &Path, page: &str, target: &str) -> bool {
    let html = std::fs::read_to_string(out.join(page)).unwrap();
    links(&html)
        .iter()
        .any(|url| resolve(page, url).ok().flatten().as_deref() == Some(target))
}

/// Why work run by [`isolated`] gave no answer.
#[derive(Debug)]
pub enum Failure {
    /// It panicked, with this message.
    Panicked(String),
    /// It gave no answer in time; its thread may still be running.
    Hung,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Panicked(message) => write!(f, "panicked: {message}"),
            Self::Hung => write!(f, "hung: gave no answer in time"),
        }
    }
}

/// Runs `work` on a thread named `name`, so that even a stack overflow (which aborts the whole
/// test binary) says what caused it; a panic or no answer within `limit` is a [`Failure`].
pub fn isolated<T: Send + 'static>(
    name: String,
    limit: Duration,
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, Failure> {
    let (send, receive) = mpsc::channel();
    thread::Builder::new()
        .name(name)
        .spawn(move || {
            let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(work));
            // the receiver is gone only after a timeout, which is reported already
            let _ = send.send(outcome);
        })
        .expect("spawn a thread");
    match receive.recv_timeout(limit) {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(payload)) => {
            let message = payload
                .downcast_ref::<&str>()
                .map(|m| m.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Err(Failure::Panicked(message))
        }
        Err(_) => Err(Failure::Hung),
    }
}

/// The errors of a run, without its warnings.
pub fn errors(diagnostics: &Diagnostics) -> Vec<&Diagnostic> {
    diagnostics.iter().filter(|d| d.is_error()).collect()
}

/// The error about `path` whose message (in either language) contains `text`.
pub fn find_error<'a>(diagnostics: &'a Diagnostics, path: &str, text: &str) -> &'a Diagnostic {
    diagnostics
        .iter()
        .filter(|d| d.is_error() && same_path(&d.path, path))
        .find(|d| d.message.vi.contains(text) || d.message.en.contains(text))
        .unwrap_or_else(|| {
            panic!("expected an error in {path} saying “{text}”; got:\n{diagnostics}")
        })
}

/// Asserts an error at `path:line` about `field` saying `text`, and returns it.
pub fn assert_error<'a>(
    diagnostics: &'a Diagnostics,
    path: &str,
    line: usize,
    field: Option<&str>,
    text: &str,
) -> &'a Diagnostic {
    let d = find_error(diagnostics, path, text);
    assert_eq!(d.line, Some(line), "line of:\n{d}");
    assert_eq!(d.field.as_deref(), field, "field of:\n{d}");
    d
}

/// Whether a diagnostic's path is `expected` (relative to the content folder, with `/`).
pub fn same_path(actual: &Path, expected: &str) -> bool {
    let normal = |p: &Path| -> Vec<String> {
        p.components()
            .filter(|c| !matches!(c, Component::CurDir))
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect()
    };
    normal(actual) == normal(Path::new(expected))
}
