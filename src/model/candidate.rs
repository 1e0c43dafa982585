//! A candidate (ứng cử viên): a Markdown bio whose front matter holds the facts that the public
//! list of candidates shows.
//!
//! Personal data that must not be published (ID number, phone, home address) has no field here.
//! Staff who keep it in the file put it under `rieng_tu:`, which is read and thrown away; any other
//! unknown field is an error, so it cannot slip through by a typo.

use super::text::sort_key;
use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
pub enum Gender {
    #[serde(rename = "nam")]
    Male,
    #[serde(rename = "nu")]
    Female,
}

impl Gender {
    pub fn label_vi(self) -> &'static str {
        match self {
            Self::Male => "Nam",
            Self::Female => "Nữ",
        }
    }
}

/// Political-theory level (trình độ lý luận chính trị).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
pub enum PoliticalTheory {
    #[serde(rename = "khong")]
    None,
    #[serde(rename = "so-cap")]
    Elementary,
    #[serde(rename = "trung-cap")]
    Intermediate,
    #[serde(rename = "cao-cap")]
    Advanced,
    #[serde(rename = "cu-nhan")]
    Bachelor,
}

impl PoliticalTheory {
    pub fn label_vi(self) -> &'static str {
        match self {
            Self::None => "Chưa qua đào tạo",
            Self::Elementary => "Sơ cấp",
            Self::Intermediate => "Trung cấp",
            Self::Advanced => "Cao cấp",
            Self::Bachelor => "Cử nhân",
        }
    }
}

/// Highest professional qualification (trình độ chuyên môn nghiệp vụ).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
pub enum Qualification {
    #[serde(rename = "khong")]
    None,
    #[serde(rename = "so-cap")]
    Elementary,
    #[serde(rename = "trung-cap")]
    Vocational,
    #[serde(rename = "cao-dang")]
    College,
    #[serde(rename = "dai-hoc")]
    University,
    #[serde(rename = "thac-si")]
    Master,
    #[serde(rename = "tien-si")]
    Doctorate,
}

impl Qualification {
    pub fn label_vi(self) -> &'static str {
        match self {
            Self::None => "Chưa qua đào tạo",
            Self::Elementary => "Sơ cấp",
            Self::Vocational => "Trung cấp",
            Self::College => "Cao đẳng",
            Self::University => "Đại học",
            Self::Master => "Thạc sĩ",
            Self::Doctorate => "Tiến sĩ",
        }
    }
}

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
    /// Private notes for staff only; never read into the model, never published.
    #[serde(default)]
    pub rieng_tu: Option<IgnoredAny>,
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
