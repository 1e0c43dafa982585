//! A candidate (ứng cử viên): a Markdown bio whose front matter holds the facts that the public
//! list of candidates shows.
//!
//! Personal data that must not be published (ID number, phone, home address) has no field here.
//! Staff who keep it in the file put it under `rieng_tu:`, which is read and thrown away; any other
//! unknown field is an error, so it cannot slip through by a typo.

use super::spelling::{Spelled, Spelling, row, spelled};
use super::text::{slugify, sort_key};
use serde::Deserialize;
use serde::de::IgnoredAny;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

impl Spelled for Gender {
    const TABLE: &'static [Spelling<Self>] = &[
        row(Self::Male, "nam", &["Nam", "male"]),
        row(Self::Female, "nu", &["Nữ", "female"]),
    ];
    const LABELS: &'static str = "gender";
}

/// Political-theory level (trình độ lý luận chính trị).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum PoliticalTheory {
    None,
    Elementary,
    Intermediate,
    Advanced,
    Bachelor,
}

impl Spelled for PoliticalTheory {
    const TABLE: &'static [Spelling<Self>] = &[
        row(Self::None, "khong", &["Chưa qua đào tạo", "Không"]),
        row(Self::Elementary, "so-cap", &["Sơ cấp"]),
        row(Self::Intermediate, "trung-cap", &["Trung cấp"]),
        row(Self::Advanced, "cao-cap", &["Cao cấp"]),
        row(Self::Bachelor, "cu-nhan", &["Cử nhân"]),
    ];
    const LABELS: &'static str = "political_theory";
}

/// Highest professional qualification (trình độ chuyên môn nghiệp vụ).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Qualification {
    None,
    Elementary,
    Vocational,
    College,
    University,
    Master,
    Doctorate,
}

impl Spelled for Qualification {
    const TABLE: &'static [Spelling<Self>] = &[
        row(Self::None, "khong", &["Chưa qua đào tạo", "Không"]),
        row(Self::Elementary, "so-cap", &["Sơ cấp"]),
        row(Self::Vocational, "trung-cap", &["Trung cấp"]),
        row(Self::College, "cao-dang", &["Cao đẳng"]),
        row(Self::University, "dai-hoc", &["Đại học"]),
        row(Self::Master, "thac-si", &["Thạc sĩ"]),
        row(Self::Doctorate, "tien-si", &["Tiến sĩ"]),
    ];
    const LABELS: &'static str = "qualification";
}

spelled!(Gender, PoliticalTheory, Qualification);

/// Front matter of `bau-cu/<round>/ung-cu-vien/<slug>.md`. Deliberately not `Serialize`: views
/// pick the fields they publish one by one.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CandidateFile {
    #[serde(deserialize_with = "super::required::text")]
    pub ho_ten: String,
    /// Id of the village whose contest the candidate stands in.
    #[serde(deserialize_with = "super::required::text")]
    pub khu_dan_cu: String,
    pub nam_sinh: u16,
    pub gioi_tinh: Gender,
    #[serde(deserialize_with = "super::required::text")]
    pub dan_toc: String,
    #[serde(default)]
    pub ton_giao: Option<String>,
    /// General education, as written on forms (e.g. `12/12`).
    #[serde(default)]
    pub hoc_van: Option<String>,
    pub trinh_do_chuyen_mon: Qualification,
    #[serde(default)]
    pub chuyen_nganh: Option<String>,
    pub ly_luan_chinh_tri: PoliticalTheory,
    #[serde(deserialize_with = "super::required::text")]
    pub nghe_nghiep: String,
    pub dang_vien: bool,
    /// Standing again after a term as head (tái cử).
    pub tai_cu: bool,
    /// Photo, relative to the candidate file.
    #[serde(default)]
    pub anh: Option<String>,
    /// Place on the ballot; otherwise candidates are ordered by given name.
    #[serde(default)]
    pub thu_tu: Option<u32>,
    /// The person's id (mã người), the same in every round they stand in, so that open data
    /// knows them as one person; see [`person_id_fix`].
    #[serde(default)]
    pub ma_nguoi: Option<String>,
    /// Private notes for staff only; never read into the model, never published.
    #[serde(default)]
    pub rieng_tu: Option<IgnoredAny>,
}

/// What is wrong with a person id (`ma_nguoi`), as the fix to suggest: `None` when it is a
/// slug with a letter in it. Digits alone are refused because an identity-card or phone number
/// must never be published, and a person id is.
pub fn person_id_fix(id: &str) -> Option<String> {
    let slug = slugify(id);
    let has_letter = slug.bytes().any(|b| b.is_ascii_lowercase());
    if slug == id && has_letter {
        return None;
    }
    Some(if has_letter {
        slug
    } else {
        "pham-van-thang-1966".to_string()
    })
}

/// A candidate's photo: where it is read from, and the name it is published under (the name the
/// content writes, in NFC, whatever form the disk keeps it in).
#[derive(Debug, Clone)]
pub struct Photo {
    pub source: PathBuf,
    pub file_name: String,
}

#[derive(Debug, Clone)]
pub struct Candidate {
    /// From the file name: `ung-cu-vien/nguyen-van-an.md` → `nguyen-van-an`.
    pub slug: String,
    pub file: PathBuf,
    /// 1-based line where the Markdown body starts, for diagnostics.
    pub body_line: usize,
    pub data: CandidateFile,
    pub bio: String,
    /// The photo file, checked to be an image inside the candidates' folder.
    pub photo: Option<Photo>,
    /// In the site's other languages (`<slug>.en.md`).
    pub translations:
        Vec<super::translation::Translation<super::translation::CandidateTranslationFile>>,
}

impl Candidate {
    /// Ballot order: explicit `thu_tu` first, then the Vietnamese custom of ordering by given name
    /// (the last word of the full name), then the full name.
    pub fn ballot_key(&self) -> (u32, String, String) {
        let given = self
            .data
            .ho_ten
            .split_whitespace()
            .last()
            .unwrap_or_default();
        (
            self.data.thu_tu.unwrap_or(u32::MAX),
            sort_key(given),
            sort_key(&self.data.ho_ten),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_person_id_is_a_slug_with_a_letter() {
        assert_eq!(person_id_fix("pham-van-thang-1966"), None);
        assert_eq!(person_id_fix("thang"), None);
        assert_eq!(
            person_id_fix("Phạm Văn Thắng 1966").as_deref(),
            Some("pham-van-thang-1966")
        );
        // an identity-card number is refused, and no slug of it suggested
        assert_eq!(
            person_id_fix("001066012345").as_deref(),
            Some("pham-van-thang-1966")
        );
        assert!(person_id_fix("").is_some());
    }
}
