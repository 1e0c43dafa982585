//! How a round's public lists (danh sách niêm yết) are issued as administrative documents: the
//! number, the signer and the recipients that Nghị định 30/2020/NĐ-CP, appendix I, asks for.
//! Everything is optional: a list without them prints with blanks to fill in by hand.

use serde::Deserialize;

/// `danh_sach_niem_yet` in `dot-bau-cu.yaml`: one entry per list the round publishes.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PostedLists {
    /// The candidate list (danh sách ứng cử viên), posted before election day.
    #[serde(default)]
    pub ung_cu_vien: Option<ListIssue>,
    /// The list of those elected (danh sách người trúng cử).
    #[serde(default)]
    pub trung_cu: Option<ListIssue>,
}

/// The parts of one list's heading and closing that only the ward knows (thể thức văn bản).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListIssue {
    /// The document's number and symbol (số, ký hiệu), e.g. `12/TB-UBND`.
    #[serde(default)]
    pub so: Option<String>,
    /// The directly superior body (cơ quan chủ quản), printed above the issuer, when there is one.
    #[serde(default)]
    pub co_quan_chu_quan: Option<String>,
    /// The place name (địa danh) before the date, when the commune's own name without its kind
    /// is not it: a unit named after a person or an event keeps its full name (`Phường 2` does
    /// without this).
    #[serde(default)]
    pub dia_danh: Option<String>,
    /// The signer's full name (người ký), printed under the signature.
    #[serde(default)]
    pub nguoi_ky: Option<String>,
    /// The recipients (nơi nhận), one per line; the office's own archive copy is added last.
    #[serde(default)]
    pub noi_nhan: Vec<String>,
}
