//! An election round (đợt bầu cử): one commune/ward electing the heads of its villages or
//! neighbourhoods on one day, for one term; one contest per village/neighbourhood.

use super::candidate::Candidate;
use super::contest::{Contest, Reason};
use super::date::Date;
use super::decision::Decision;
use super::posted_list::PostedLists;
use super::result::ResultSheet;
use super::spelling::{Spelled, Spelling, derived, row, spelled};
use super::term::Term;
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use std::path::PathBuf;

/// The office being elected (chức danh).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Office {
    VillageHead,
    BanHead,
    HamletHead,
    LangHead,
    NeighbourhoodHead,
    ResidentialGroupLeader,
    KhomHead,
}

impl Spelled for Office {
    const TABLE: &'static [Spelling<Self>] = &[
        row(Self::VillageHead, "truong-thon", &["Trưởng thôn"]),
        row(Self::BanHead, "truong-ban", &["Trưởng bản"]),
        row(Self::HamletHead, "truong-ap", &["Trưởng ấp"]),
        row(Self::LangHead, "truong-lang", &["Trưởng làng"]),
        row(
            Self::NeighbourhoodHead,
            "truong-khu-pho",
            &["Trưởng khu phố"],
        ),
        row(
            Self::ResidentialGroupLeader,
            "to-truong-to-dan-pho",
            &["Tổ trưởng tổ dân phố"],
        ),
        row(Self::KhomHead, "truong-khom", &["Trưởng khóm"]),
    ];
    const LABELS: &'static str = "office";
}

/// Where a round stands (trạng thái). "Upcoming" on the home page comes from here, never from
/// the clock, so that a build does not depend on the day it runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoundStatus {
    Scheduled,
    Postponed,
    Counting,
    Provisional,
    Official,
    NotHeld,
    /// Held and decided, but with a result voided and a repeat vote ordered: derived from the
    /// contests, never typed.
    PartlyVoided,
    /// Held and decided, with no result recognised: every contest held sent to a repeat vote.
    Voided,
}

impl Spelled for RoundStatus {
    const TABLE: &'static [Spelling<Self>] = &[
        row(Self::Scheduled, "sap-dien-ra", &["Sắp diễn ra"]),
        row(Self::Postponed, "hoan", &["Hoãn"]),
        row(Self::Counting, "dang-kiem-phieu", &["Đang kiểm phiếu"]),
        row(Self::Provisional, "tam-thoi", &["Kết quả tạm thời"]),
        row(Self::Official, "chinh-thuc", &["Kết quả chính thức"]),
        row(Self::NotHeld, "khong-to-chuc", &["Không tổ chức"]),
        derived(Self::PartlyVoided, "co-bau-lai"),
        derived(Self::Voided, "bau-lai"),
    ];
    const LABELS: &'static str = "round_status";
}

impl RoundStatus {
    pub const ALL: [Self; 8] = [
        Self::Scheduled,
        Self::Postponed,
        Self::Counting,
        Self::Provisional,
        Self::Official,
        Self::NotHeld,
        Self::PartlyVoided,
        Self::Voided,
    ];

    /// Whether the vote took place (counting, counted, decided).
    pub fn was_held(self) -> bool {
        !matches!(self, Self::Scheduled | Self::Postponed | Self::NotHeld)
    }

    pub fn is_upcoming(self) -> bool {
        matches!(self, Self::Scheduled | Self::Postponed)
    }
}

/// A contest that does not go ahead with the rest of its round.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContestHold {
    Postponed,
    NotHeld,
}

impl Spelled for ContestHold {
    const TABLE: &'static [Spelling<Self>] = &[
        row(Self::Postponed, "hoan", &["Hoãn"]),
        row(Self::NotHeld, "khong-to-chuc", &["Không tổ chức"]),
    ];
    // labelled as the contest it holds back is
    const LABELS: &'static str = "contest_status";
}

spelled!(Office, RoundStatus, ContestHold);

/// Where one contest stands (trạng thái cuộc bầu): from its own hold, else the round's status,
/// else the legal status of its result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContestStatus {
    Scheduled,
    Postponed,
    NotHeld,
    /// Held; no figures yet.
    Counting,
    Provisional,
    Recognised,
    /// The result was not recognised; a repeat vote is ordered.
    RepeatOrdered,
    /// The repeat vote ordered has been held, in a round of the site.
    Repeated,
}

impl ContestStatus {
    pub const ALL: [Self; 8] = [
        Self::Scheduled,
        Self::Postponed,
        Self::NotHeld,
        Self::Counting,
        Self::Provisional,
        Self::Recognised,
        Self::RepeatOrdered,
        Self::Repeated,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Self::Scheduled => "sap-dien-ra",
            Self::Postponed => "hoan",
            Self::NotHeld => "khong-to-chuc",
            Self::Counting => "dang-kiem-phieu",
            Self::Provisional => "tam-thoi",
            Self::Recognised => "cong-nhan",
            Self::RepeatOrdered => "bau-lai",
            Self::Repeated => "da-bau-lai",
        }
    }

    /// Postponed or not held: the contest has no vote to record, so no results.
    pub fn is_held_back(self) -> bool {
        matches!(self, Self::Postponed | Self::NotHeld)
    }

    /// Whether its figures may be shown: counted and not withdrawn by a hold.
    pub fn has_figures(self) -> bool {
        matches!(
            self,
            Self::Provisional | Self::Recognised | Self::RepeatOrdered | Self::Repeated
        )
    }
}

/// One contest of a round: the village/neighbourhood whose head is elected (cuộc bầu ở một khu
/// dân cư). Written either as the village id alone or as a map with details.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContestEntry {
    /// Id of the village in the round's commune.
    #[serde(deserialize_with = "super::required::text")]
    pub khu_dan_cu: String,
    /// Polling place (địa điểm bỏ phiếu).
    #[serde(default)]
    pub dia_diem: Option<String>,
    /// Set when this contest alone is postponed or not held.
    #[serde(default)]
    pub trang_thai: Option<ContestHold>,
    /// The decision that postponed it.
    #[serde(default)]
    pub quyet_dinh: Option<Decision>,
    /// Why it is postponed or not held.
    #[serde(default)]
    pub ly_do: Option<String>,
    /// The reason in English, for the English pages.
    #[serde(default)]
    pub ly_do_en: Option<String>,
}

/// An entry of `cuoc_bau`: the village id alone, or the full map.
#[derive(Debug, Clone)]
pub struct ContestItem(pub ContestEntry);

impl<'de> Deserialize<'de> for ContestItem {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EntryVisitor;
        impl<'de> Visitor<'de> for EntryVisitor {
            type Value = ContestItem;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a village id, or a map with `khu_dan_cu` and `dia_diem`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<ContestItem, E> {
                Ok(ContestItem(ContestEntry {
                    khu_dan_cu: super::required::checked(v)?,
                    dia_diem: None,
                    trang_thai: None,
                    quyet_dinh: None,
                    ly_do: None,
                    ly_do_en: None,
                }))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<ContestItem, A::Error> {
                ContestEntry::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(ContestItem)
            }
        }
        deserializer.deserialize_any(EntryVisitor)
    }
}

fn contest_items<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<ContestEntry>, D::Error> {
    Vec::<ContestItem>::deserialize(deserializer)
        .map(|items| items.into_iter().map(|i| i.0).collect())
}

/// One step of the preparation (bước chuẩn bị): when it was done and the document that did it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    #[serde(default)]
    pub ngay: Option<Date>,
    /// Slug of the published document (in `van-ban/`).
    #[serde(default)]
    pub van_ban: Option<String>,
    #[serde(default)]
    pub ghi_chu: Option<String>,
}

/// The steps before election day that the rules set deadlines for (các bước chuẩn bị).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Steps {
    /// Decision and plan to hold the election (quyết định, kế hoạch tổ chức bầu cử).
    #[serde(default)]
    pub quyet_dinh: Option<Step>,
    /// The election team is set up (thành lập tổ bầu cử).
    #[serde(default)]
    pub to_bau_cu: Option<Step>,
    /// The candidate list is posted (niêm yết danh sách ứng cử viên).
    #[serde(default)]
    pub niem_yet: Option<Step>,
}

/// `bau-cu/<id>/dot-bau-cu.yaml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoundFile {
    /// Title; when absent one is made from office, commune and term.
    #[serde(default)]
    pub tieu_de: Option<String>,
    /// The title in English, for the English pages.
    #[serde(default)]
    pub tieu_de_en: Option<String>,
    /// Id of the commune/ward (a file in `don-vi/`).
    #[serde(deserialize_with = "super::required::text")]
    pub don_vi: String,
    pub chuc_danh: Office,
    pub nhiem_ky: Term,
    pub ngay_bau_cu: Date,
    pub trang_thai: RoundStatus,
    /// The decision that postponed the round, when `trang_thai` is `hoan`.
    #[serde(default)]
    pub quyet_dinh_hoan: Option<Decision>,
    /// Why the round is postponed or not held.
    #[serde(default)]
    pub ly_do: Option<String>,
    /// Id of the rules followed, when not those in force on election day (see `rules`).
    #[serde(default)]
    pub quy_tac: Option<String>,
    #[serde(default)]
    pub gioi_thieu: Option<String>,
    /// The introduction in English, for the English pages.
    #[serde(default)]
    pub gioi_thieu_en: Option<String>,
    /// Why the round is postponed or not held, in English.
    #[serde(default)]
    pub ly_do_en: Option<String>,
    #[serde(default)]
    pub cac_buoc: Steps,
    /// The number, signer and recipients of the round's public lists.
    #[serde(default)]
    pub danh_sach_niem_yet: PostedLists,
    #[serde(deserialize_with = "contest_items")]
    pub cuoc_bau: Vec<ContestEntry>,
}

/// A round with everything that belongs to it.
#[derive(Debug, Clone)]
pub struct Round {
    /// From the folder name: `bau-cu/hong-gai-2022/` → `hong-gai-2022`.
    pub id: String,
    pub file: PathBuf,
    pub data: RoundFile,
    /// Sorted by contest, then ballot order.
    pub candidates: Vec<Candidate>,
    /// The vote-count records as typed. Pages and data files read `contests` instead, which
    /// give the figures only when they may be published.
    pub results: Option<ResultSheet>,
    /// The contests resolved once, in the order of `cuoc_bau` (see `contest::Contest`).
    pub contests: Vec<Contest>,
    /// Where the round stands, derived from its file and its contests (`contest::round_status`).
    pub status: RoundStatus,
}

impl Round {
    pub fn candidates_in<'a>(
        &'a self,
        village: &'a str,
    ) -> impl Iterator<Item = &'a Candidate> + 'a {
        self.candidates
            .iter()
            .filter(move |c| c.data.khu_dan_cu == village)
    }

    /// The village ids of the round's contests, in the order of `cuoc_bau`.
    pub fn contest_ids(&self) -> Vec<&str> {
        self.data
            .cuoc_bau
            .iter()
            .map(|c| c.khu_dan_cu.as_str())
            .collect()
    }

    /// Why the round itself is postponed or not held, while it is.
    pub fn hold_reason(&self) -> Option<Reason> {
        let d = &self.data;
        Reason::of(d.ly_do.as_ref(), d.ly_do_en.as_ref()).filter(|_| self.is_held_back())
    }

    /// The decision that postponed the round, while it is postponed or not held.
    pub fn hold_decision(&self) -> Option<&Decision> {
        self.data
            .quyet_dinh_hoan
            .as_ref()
            .filter(|_| self.is_held_back())
    }

    fn is_held_back(&self) -> bool {
        matches!(self.status, RoundStatus::Postponed | RoundStatus::NotHeld)
    }

    /// The day its last result was recognised, once every contest held is decided.
    pub fn recognised_on(&self) -> Option<Date> {
        if !matches!(
            self.status,
            RoundStatus::Official | RoundStatus::PartlyVoided
        ) {
            return None;
        }
        self.contests
            .iter()
            .filter(|c| c.status == ContestStatus::Recognised)
            .filter_map(|c| c.decision.as_ref().and_then(|d| d.ngay))
            .max()
    }

    pub fn candidate(&self, slug: &str) -> Option<&Candidate> {
        self.candidates.iter().find(|c| c.slug == slug)
    }

    pub fn entry(&self, village: &str) -> Option<&ContestEntry> {
        self.data.cuoc_bau.iter().find(|c| c.khu_dan_cu == village)
    }

    /// The resolved contest of `village`.
    pub fn contest(&self, village: &str) -> Option<&Contest> {
        self.contests.iter().find(|c| c.village == village)
    }

    pub fn has_contest(&self, village: &str) -> bool {
        self.data.cuoc_bau.iter().any(|c| c.khu_dan_cu == village)
    }
}
