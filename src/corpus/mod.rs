//! `niemyet gen-corpus` (kho dữ liệu mẫu): a synthetic site at the scale of a province or the
//! whole country, in niemyet's own content format, for measuring the build. Provinces and
//! communes are the real units in force since 1 July 2025; villages, people, results and
//! documents are made up, deterministically from a seed, and the site says it is sample data.
//!
//! The same scale and seed give a byte-identical tree on every machine: one small generator
//! (`rng`), one stream per commune, files written from ordered data only.

mod documents;
mod elections;
mod papers;
mod people;
mod results;
mod rng;
mod units;

use crate::diagnostics::Bilingual;
use crate::fs::FsError;
use rng::Rng;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct CorpusOptions {
    /// The share of the country's communes, in `(0, 1]`: 1 is every commune.
    pub scale: f64,
    pub seed: u64,
}

/// What was generated.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    pub communes: usize,
    pub villages: usize,
    pub rounds: usize,
    pub contests: usize,
    pub candidates: usize,
    /// Contests counted where the law elects nobody, sent to a repeat vote.
    pub failing: usize,
    /// Contests postponed or not held while their round went ahead.
    pub held_out: usize,
    pub postponed_rounds: usize,
    pub not_held_rounds: usize,
    pub documents: usize,
    pub files: usize,
    pub bytes: u64,
}

/// Why nothing (or not everything) was generated.
#[derive(Debug)]
pub enum CorpusError {
    /// The scale is not a share of the country.
    Scale(f64),
    /// The folder already holds something: nothing is ever overwritten.
    NotEmpty(PathBuf),
    Io(FsError),
}

impl CorpusError {
    pub fn message(&self) -> Bilingual {
        match self {
            Self::Scale(s) => Bilingual::new(
                format!(
                    "--scale {s} không hợp lệ: ghi một số lớn hơn 0 và không quá 1 (1 là cả nước, 0.01 là 1%)."
                ),
                format!(
                    "--scale {s} is not valid: give a number above 0 and at most 1 (1 is the whole country, 0.01 is 1%)."
                ),
            ),
            Self::NotEmpty(dir) => Bilingual::new(
                format!(
                    "Thư mục {} đã có dữ liệu; chọn một thư mục mới.",
                    dir.display()
                ),
                format!(
                    "The folder {} is not empty; choose a new one.",
                    dir.display()
                ),
            ),
            Self::Io(e) => Bilingual::new(e.to_string(), e.to_string()),
        }
    }
}

impl From<FsError> for CorpusError {
    fn from(e: FsError) -> Self {
        Self::Io(e)
    }
}

/// Writes files under the content folder, counting them.
pub struct Writer {
    root: PathBuf,
    files: usize,
    bytes: u64,
}

impl Writer {
    fn new(root: PathBuf) -> Self {
        Self {
            root,
            files: 0,
            bytes: 0,
        }
    }

    /// Writes `rel` (with `/` separators) under the content folder.
    fn put(&mut self, rel: &str, bytes: &[u8]) -> Result<(), FsError> {
        crate::fs::write(&self.root.join(rel), bytes)?;
        self.files += 1;
        self.bytes += bytes.len() as u64;
        Ok(())
    }
}

/// A YAML double-quoted scalar: every text value is quoted, so no name can be read as a number,
/// a date or a boolean.
fn q(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Generates the site into `dir/content` (as `niemyet new site` lays a site out). `dir` must be
/// missing or empty.
pub fn generate(dir: &Path, options: CorpusOptions) -> Result<Tally, CorpusError> {
    let scale = options.scale;
    if !(scale.is_finite() && scale > 0.0 && scale <= 1.0) {
        return Err(CorpusError::Scale(scale));
    }
    let non_empty = std::fs::read_dir(dir).is_ok_and(|mut d| d.next().is_some());
    if non_empty || dir.is_file() {
        return Err(CorpusError::NotEmpty(dir.to_path_buf()));
    }
    let mut out = Writer::new(dir.join("content"));
    let all = units::all();
    let ids = units::ids(&all);
    let chosen = units::select(all.len(), scale);
    let mut tally = Tally::default();
    site(&mut out, options, chosen.len())?;

    let mut guidance: BTreeMap<(String, i32), String> = BTreeMap::new();
    for i in chosen {
        let unit = &all[i];
        let mut rng = Rng::stream(options.seed, &unit.code);
        let commune = units::Commune::new(unit, ids[i].clone(), &mut rng);
        commune.write(&mut out)?;
        tally.communes += 1;
        tally.villages += commune.villages.len();
        for term in &elections::TERMS {
            let key = (unit.province_code.clone(), term.year);
            let slug = match guidance.get(&key) {
                Some(slug) => slug.clone(),
                None => {
                    let stream = format!("guidance-{}-{}", unit.province_code, term.year);
                    let mut rng = Rng::stream(options.seed, &stream);
                    let slug = papers::guidance(&mut out, unit, term, &mut rng)?;
                    tally.documents += 1;
                    guidance.insert(key, slug.clone());
                    slug
                }
            };
            elections::round(&mut out, &commune, term, &slug, &mut rng, &mut tally)?;
        }
    }
    tally.files = out.files;
    tally.bytes = out.bytes;
    Ok(tally)
}

/// `cau-hinh.yaml` and the free pages, both languages.
fn site(out: &mut Writer, options: CorpusOptions, communes: usize) -> Result<(), FsError> {
    let (scale, seed) = (options.scale, options.seed);
    let mut y = String::new();
    let _ = writeln!(
        y,
        "# Trang dữ liệu mẫu do niemyet gen-corpus tạo. / A sample site made by niemyet gen-corpus."
    );
    let _ = writeln!(
        y,
        "ten: {}",
        q("Cổng niêm yết bầu cử trưởng thôn, tổ dân phố (dữ liệu mẫu)")
    );
    let _ = writeln!(
        y,
        "ten_en: {}",
        q("Village and neighbourhood head elections (sample data)")
    );
    let _ = writeln!(y, "co_quan: {}", q("Dữ liệu mẫu của dự án niemyet"));
    let _ = writeln!(y, "co_quan_en: {}", q("Sample data of the niemyet project"));
    let _ = writeln!(y, "du_lieu_mau: true");
    let _ = writeln!(y, "ngon_ngu: [vi, en]");
    let _ = writeln!(y, "dia_chi_web: https://example.org/bau-cu/");
    let _ = writeln!(
        y,
        "gioi_thieu: |\n  Đây là **dữ liệu mẫu** do lệnh `niemyet gen-corpus --scale {scale} --seed {seed}` tạo để đo tốc độ dựng trang: {communes} xã, phường, đặc khu lấy từ danh mục đơn vị hành chính áp dụng từ ngày 01/7/2025. Thôn, tổ dân phố, ứng cử viên, kết quả và văn bản đều là giả định, không chỉ người, nơi hay việc có thật."
    );
    let _ = writeln!(
        y,
        "gioi_thieu_en: |\n  This is **sample data** made by `niemyet gen-corpus --scale {scale} --seed {seed}` to measure the build: {communes} communes, wards and special zones from the list of administrative units in force since 1 July 2025. The villages, candidates, results and documents are made up and refer to no real person, place or event."
    );
    out.put("cau-hinh.yaml", y.as_bytes())?;
    let pages = [
        (
            "huong-dan-cu-tri",
            1,
            "Hướng dẫn cử tri",
            "Cử tri đại diện hộ gia đình mang theo giấy mời đến nhà văn hóa của thôn, tổ dân phố vào ngày bầu cử. Mỗi hộ cử một người đại diện bỏ phiếu.\n",
            "Guide for voters",
            "Household representatives bring their invitation to the community hall of their village on election day. Each household sends one representative to vote.\n",
        ),
        (
            "ve-du-lieu-mau",
            2,
            "Về dữ liệu mẫu",
            "Mọi người, số liệu và văn bản trên cổng này do máy tạo ra để thử chương trình; chỉ tên và mã các xã, phường, tỉnh là thật.\n",
            "About the sample data",
            "Every person, figure and document on this portal was made by a program to test it; only the names and codes of communes, wards and provinces are real.\n",
        ),
    ];
    for (slug, order, title, body, title_en, body_en) in pages {
        out.put(
            &format!("trang/{slug}.md"),
            format!("---\ntieu_de: {}\nthu_tu: {order}\n---\n{body}", q(title)).as_bytes(),
        )?;
        out.put(
            &format!("trang/{slug}.en.md"),
            format!("---\ntieu_de: {}\n---\n{body_en}", q(title_en)).as_bytes(),
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_text_reads_back_as_written() {
        for text in [
            "Nguyễn Văn An",
            "H'Yam Niê",
            "a \"b\" \\ c",
            "yes",
            "2022-2025",
            "12/12",
        ] {
            let back: String = serde_yaml::from_str(&q(text)).unwrap();
            assert_eq!(back, text);
        }
    }

    #[test]
    fn a_scale_outside_the_country_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        for scale in [0.0, -1.0, 1.5, f64::NAN] {
            let options = CorpusOptions { scale, seed: 1 };
            let err = generate(&dir.path().join("x"), options).unwrap_err();
            assert!(matches!(err, CorpusError::Scale(_)));
        }
    }

    #[test]
    fn a_folder_with_files_is_never_written_into() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("keep.txt"), "mine").unwrap();
        let options = CorpusOptions {
            scale: 0.0003,
            seed: 1,
        };
        let err = generate(dir.path(), options).unwrap_err();
        assert!(matches!(err, CorpusError::NotEmpty(_)));
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
