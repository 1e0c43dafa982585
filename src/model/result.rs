//! Results of a round (`bau-cu/<round>/ket-qua.yaml`): per contest, the figures of the vote-count
//! record (biên bản kiểm phiếu) and the votes of each candidate.

use super::date::Date;
use super::decision::Decision;
use super::spelling::{Spelled, Spelling, row, spelled};
use serde::Deserialize;
use serde::de::{Deserializer, MapAccess, Visitor};
use std::collections::BTreeMap;
use std::marker::PhantomData;
use std::path::PathBuf;

/// How the vote was taken (hình thức bầu).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VotingMethod {
    SecretBallot,
    ShowOfHands,
}

impl Spelled for VotingMethod {
    const TABLE: &'static [Spelling<Self>] = &[
        row(
            Self::SecretBallot,
            "bo-phieu-kin",
            &["Bỏ phiếu kín", "secret ballot"],
        ),
        row(
            Self::ShowOfHands,
            "gio-tay",
            &["Biểu quyết giơ tay", "show of hands"],
        ),
    ];
    const LABELS: &'static str = "method";
}

/// Where a contest's result stands in law (giá trị pháp lý của kết quả).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ResultStatus {
    /// Counted, not yet recognised (tạm thời).
    #[default]
    Provisional,
    /// Recognised by the commune People's Committee (công nhận), by a dated decision.
    Recognised,
    /// A repeat vote ordered (bầu lại).
    RepeatOrdered,
}

impl Spelled for ResultStatus {
    const TABLE: &'static [Spelling<Self>] = &[
        row(Self::Provisional, "tam-thoi", &["Kết quả tạm thời"]),
        row(Self::Recognised, "cong-nhan", &["Đã công nhận"]),
        row(
            Self::RepeatOrdered,
            "bau-lai",
            &["Không công nhận, bầu lại"],
        ),
    ];
    // a contest's status is labelled as the contest is, where the result decides it
    const LABELS: &'static str = "contest_status";
}

spelled!(VotingMethod, ResultStatus);

/// Someone who signed the vote-count record (người ký biên bản), as printed on it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signer {
    #[serde(deserialize_with = "super::required::text")]
    pub ho_ten: String,
    /// e.g. `Tổ trưởng Tổ bầu cử`, `Thư ký`.
    #[serde(deserialize_with = "super::required::text")]
    pub chuc_vu: String,
}

/// The vote-count record itself (biên bản kiểm phiếu): when it was made, when the commune
/// received it, who signed it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CountRecord {
    pub ngay: Date,
    /// The day the commune People's Committee received it; the deadline to recognise the result
    /// runs from here (from `ngay` when absent).
    #[serde(default)]
    pub ngay_nhan: Option<Date>,
    #[serde(default)]
    pub nguoi_ky: Vec<Signer>,
}

/// An acting head appointed by the commune chair while the post stays empty (trưởng thôn lâm
/// thời), for a limited time.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActingHead {
    #[serde(deserialize_with = "super::required::text")]
    pub ho_ten: String,
    pub tu_ngay: Date,
    pub den_ngay: Date,
    #[serde(default)]
    pub quyet_dinh: Option<Decision>,
}

/// The figures of one contest's vote-count record.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContestCount {
    #[serde(default)]
    pub hinh_thuc: Option<VotingMethod>,
    /// All household representatives of the village (tổng số cử tri đại diện hộ gia đình).
    pub tong_cu_tri: u32,
    /// Household representatives who took part (số cử tri tham gia bầu cử).
    pub cu_tri_tham_gia: u32,
    pub phieu_phat_ra: u32,
    pub phieu_thu_vao: u32,
    pub phieu_hop_le: u32,
    pub phieu_khong_hop_le: u32,
    /// Votes per candidate, keyed by the candidate's file name (slug).
    #[serde(deserialize_with = "unique_keys")]
    pub so_phieu: BTreeMap<String, u32>,
    #[serde(default)]
    pub bien_ban: Option<CountRecord>,
    #[serde(default)]
    pub trang_thai: ResultStatus,
    /// The decision recognising the result, or ordering the repeat vote.
    #[serde(default)]
    pub quyet_dinh: Option<Decision>,
    /// Day of the repeat vote, when one is ordered.
    #[serde(default)]
    pub ngay_bau_lai: Option<Date>,
    /// The round (folder in `bau-cu/`) that records the repeat vote, once it is held.
    #[serde(default)]
    pub dot_bau_lai: Option<String>,
    /// The acting head, when the post stays empty after the vote.
    #[serde(default)]
    pub lam_thoi: Option<ActingHead>,
    /// Why the result was not recognised, as the decision says.
    #[serde(default)]
    pub ly_do: Option<String>,
    /// The reason in English, for the English pages.
    #[serde(default)]
    pub ly_do_en: Option<String>,
}

impl ContestCount {
    /// Share of all household representatives who took part, in percent.
    pub fn turnout_percent(&self) -> Option<f64> {
        percent(self.cu_tri_tham_gia, self.tong_cu_tri)
    }

    /// Valid ballots that name no candidate (phiếu hợp lệ không bầu cho ứng cử viên nào): the
    /// valid ballots less the votes counted for candidates.
    ///
    /// Every contest elects one head (trưởng thôn, tổ trưởng tổ dân phố), so a valid ballot
    /// keeps at most one name and carries at most one vote: what is left of the valid ballots
    /// after the candidates' votes are ballots with every name struck out. Were a ballot ever to
    /// carry several votes, the difference would mix unused votes with ballots and mean
    /// nothing, so the figure is stated only under that rule of one vote per ballot, which
    /// validation enforces (`so_phieu` adding up to more than `phieu_hop_le` is refused).
    /// Nothing when the votes exceed the valid ballots, figures that validation refuses.
    pub fn blank_ballots(&self) -> Option<u32> {
        let votes: u64 = self.so_phieu.values().map(|&n| u64::from(n)).sum();
        u64::from(self.phieu_hop_le)
            .checked_sub(votes)
            .and_then(|n| u32::try_from(n).ok())
    }
}

/// `part / whole` in percent, or nothing when the whole is zero.
pub fn percent(part: u32, whole: u32) -> Option<f64> {
    (whole > 0).then(|| f64::from(part) * 100.0 / f64::from(whole))
}

/// The contents of `ket-qua.yaml`: contests keyed by village id.
#[derive(Debug, Clone, Deserialize)]
#[serde(transparent)]
pub struct ResultFile(
    #[serde(deserialize_with = "unique_keys")] pub BTreeMap<String, ContestCount>,
);

/// A map whose keys are ids: YAML lets a later key silently replace an earlier one, which here
/// would drop a contest or a candidate's votes, so a repeated key is an error.
fn unique_keys<'de, D, V>(deserializer: D) -> Result<BTreeMap<String, V>, D::Error>
where
    D: Deserializer<'de>,
    V: Deserialize<'de>,
{
    struct UniqueKeys<V>(PhantomData<V>);
    impl<'de, V: Deserialize<'de>> Visitor<'de> for UniqueKeys<V> {
        type Value = BTreeMap<String, V>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a map of ids")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = BTreeMap::new();
            while let Some((key, value)) = map.next_entry::<String, V>()? {
                if out.contains_key(&key) {
                    return Err(serde::de::Error::custom(format!("duplicate field `{key}`")));
                }
                out.insert(key, value);
            }
            Ok(out)
        }
    }
    deserializer.deserialize_map(UniqueKeys(PhantomData))
}

/// A whole `ket-qua.yaml`, keyed by village id.
#[derive(Debug, Clone)]
pub struct ResultSheet {
    pub file: PathBuf,
    pub contests: BTreeMap<String, ContestCount>,
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::model::testing::count;

    #[test]
    fn no_blank_ballots_when_every_valid_ballot_names_a_candidate() {
        let c = count(361, 314, 309, &[("an", 159), ("binh", 150)]);
        assert_eq!(c.blank_ballots(), Some(0));
    }

    #[test]
    fn blank_ballots_are_the_valid_ballots_left_after_the_votes() {
        let c = count(361, 314, 309, &[("an", 159), ("binh", 120)]);
        assert_eq!(c.blank_ballots(), Some(30));
        // a contest without candidates' votes: every valid ballot is blank
        assert_eq!(count(10, 8, 8, &[]).blank_ballots(), Some(8));
    }

    #[test]
    fn votes_beyond_one_per_ballot_give_no_figure() {
        // 309 valid ballots cannot hold 320 votes under one vote per ballot: the figure is not
        // a count of anything (validation refuses these figures)
        let c = count(361, 314, 309, &[("an", 200), ("binh", 120)]);
        assert_eq!(c.blank_ballots(), None);
        let full = count(
            u32::MAX,
            u32::MAX,
            u32::MAX,
            &[("an", u32::MAX), ("binh", 1)],
        );
        assert_eq!(full.blank_ballots(), None);
    }

    #[test]
    fn percent_of_nothing_is_nothing() {
        assert_eq!(percent(3, 0), None);
        let p = percent(159, 361).unwrap();
        assert!((p - 44.04).abs() < 0.01, "{p}");
    }
}
