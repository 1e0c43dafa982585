//! Documents (văn bản): resolutions, plans, directives, official letters, guidance, notices and
//! news, each a Markdown file with front matter in `van-ban/`.

use super::date::Date;
use super::spelling::{Spelled, Spelling, row, spelled};
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use std::path::PathBuf;

/// Kind of document (loại văn bản).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum DocumentKind {
    Resolution,
    Decision,
    Directive,
    Plan,
    Guidance,
    OfficialLetter,
    Notice,
    Record,
    News,
}

impl Spelled for DocumentKind {
    const TABLE: &'static [Spelling<Self>] = &[
        row(Self::Resolution, "nghi-quyet", &["Nghị quyết"]),
        row(Self::Decision, "quyet-dinh", &["Quyết định"]),
        row(Self::Directive, "chi-thi", &["Chỉ thị"]),
        row(Self::Plan, "ke-hoach", &["Kế hoạch"]),
        row(Self::Guidance, "huong-dan", &["Hướng dẫn"]),
        row(Self::OfficialLetter, "cong-van", &["Công văn"]),
        row(Self::Notice, "thong-bao", &["Thông báo"]),
        row(Self::Record, "bien-ban", &["Biên bản"]),
        row(Self::News, "tin-tuc", &["Tin tức"]),
    ];
    const LABELS: &'static str = "doc_kind";
}

spelled!(DocumentKind);

/// A legal basis (căn cứ): the text as cited, and the slug of the document when it is on the
/// site. Written as a plain line, or as a map with `ten` and `van_ban`.
#[derive(Debug, Clone, Serialize)]
pub struct LegalBasis {
    pub ten: String,
    pub van_ban: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LegalBasisMap {
    #[serde(deserialize_with = "super::required::text")]
    ten: String,
    #[serde(default)]
    van_ban: Option<String>,
}

impl<'de> Deserialize<'de> for LegalBasis {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct BasisVisitor;
        impl<'de> Visitor<'de> for BasisVisitor {
            type Value = LegalBasis;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("the cited text, or a map with `ten` and `van_ban`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<LegalBasis, E> {
                Ok(LegalBasis {
                    ten: super::required::checked(v)?,
                    van_ban: None,
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<LegalBasis, A::Error> {
                let m = LegalBasisMap::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(LegalBasis {
                    ten: m.ten,
                    van_ban: m.van_ban,
                })
            }
        }
        deserializer.deserialize_any(BasisVisitor)
    }
}

/// An attached file (tệp đính kèm), relative to the document's folder.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AttachmentRef {
    #[serde(deserialize_with = "super::required::text")]
    pub tep: String,
    #[serde(default)]
    pub ten: Option<String>,
}

/// Where a republished document comes from (nguồn).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    #[serde(deserialize_with = "super::required::text")]
    pub ten: String,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub ngay_dang: Option<Date>,
}

/// Front matter of `van-ban/<slug>.md`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentFile {
    pub loai: DocumentKind,
    /// Title, or the summary line of a formal document (trích yếu).
    #[serde(deserialize_with = "super::required::text")]
    pub tieu_de: String,
    /// Number and symbol (số, ký hiệu), e.g. `13-CV/ĐU`.
    #[serde(default)]
    pub so_hieu: Option<String>,
    pub ngay: Date,
    /// Issuing body (cơ quan ban hành).
    #[serde(deserialize_with = "super::required::text")]
    pub co_quan: String,
    /// Authority under which it is signed, e.g. `T/M Đảng ủy phường`.
    #[serde(default)]
    pub tham_quyen_ky: Option<String>,
    #[serde(default)]
    pub chuc_vu_ky: Option<String>,
    #[serde(default)]
    pub nguoi_ky: Option<String>,
    /// Author of a news article.
    #[serde(default)]
    pub tac_gia: Option<String>,
    #[serde(default)]
    pub can_cu: Vec<LegalBasis>,
    #[serde(default)]
    pub noi_nhan: Vec<String>,
    #[serde(default)]
    pub dinh_kem: Vec<AttachmentRef>,
    /// Id of the election round it concerns.
    #[serde(default)]
    pub bau_cu: Option<String>,
    /// Id of the commune/ward it concerns.
    #[serde(default)]
    pub don_vi: Option<String>,
    #[serde(default)]
    pub nguon: Option<Source>,
}

/// An attachment after loading: its bytes are known, so its size and checksum are too.
#[derive(Debug, Clone)]
pub struct Attachment {
    pub label: String,
    /// File name in the output, next to the document page.
    pub file_name: String,
    pub source: PathBuf,
    pub size: u64,
    pub sha256: String,
}

#[derive(Debug, Clone)]
pub struct Document {
    pub slug: String,
    pub file: PathBuf,
    pub body_line: usize,
    pub data: DocumentFile,
    pub body: String,
    pub attachments: Vec<Attachment>,
    /// In the site's other languages (`<slug>.en.md`).
    pub translations:
        Vec<super::translation::Translation<super::translation::DocumentTranslationFile>>,
}
