//! The rules of the law for electing village and neighbourhood heads (quy tắc bầu cử), in one
//! place, keyed by the rules in force on election day.
//!
//! Two sets are built in, as published guidance reads them:
//! - `luat-2022`: the Law on Grassroots Democracy (Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15,
//!   art. 15), in force from 1 July 2023, with Decree 59/2023/NĐ-CP (arts. 6–9);
//! - `nqlt-09-2008`: Joint Resolution 09/2008/NQLT-CP-UBTWMTTQVN, which governed earlier terms.
//!
//! Under both, only household representatives vote (cử tri đại diện hộ gia đình); the vote is valid
//! only when more than 50% of all of them take part; a candidate is elected only with the votes
//! of more than 50% of **all** household representatives of the village (not of the votes cast);
//! the commune People's Committee recognises the result or orders a repeat vote within 5 working
//! days of receiving the record; an acting head may be appointed for at most 6 months.
//!
//! Provinces issue their own guidance, so a site may define its own sets in `cau-hinh.yaml`
//! (`quy_tac_bau_cu`), each based on a built-in one, and a round may name the set it follows.

use super::date::Date;
use super::spelling::{Spelled, Spelling, row, spelled};
use serde::Deserialize;

/// What a share is taken of (mẫu số).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Base {
    /// All household representatives of the village (tổng số cử tri đại diện hộ gia đình).
    Eligible,
    /// Those who took part (cử tri tham gia).
    Participants,
    /// Valid ballots (phiếu hợp lệ).
    ValidBallots,
}

impl Spelled for Base {
    const TABLE: &'static [Spelling<Self>] = &[
        row(
            Self::Eligible,
            "tong-cu-tri",
            &["Tổng số cử tri", "tổng số hộ"],
        ),
        row(Self::Participants, "cu-tri-tham-gia", &["Cử tri tham gia"]),
        row(Self::ValidBallots, "phieu-hop-le", &["Phiếu hợp lệ"]),
    ];
    /// As the law's sentence ends: "quá 50% tổng số hộ".
    const LABELS: &'static str = "base";
}

impl Base {
    /// The group of its labels in full: "tổng số cử tri đại diện hộ gia đình".
    pub const LONG_LABELS: &'static str = "base_long";
}

spelled!(Base);

/// "More than `percent`% of `base`": the law's thresholds are strict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Threshold {
    pub percent: u8,
    pub base: Base,
}

impl Threshold {
    /// Whether `part` is more than the threshold's share of `whole`, in exact integer arithmetic
    /// (159/361 must not pass through a rounded 44.04%). Nothing passes a share of zero.
    pub fn passed(self, part: u32, whole: u32) -> bool {
        whole > 0 && u64::from(part) * 100 > u64::from(whole) * u64::from(self.percent)
    }
}

/// One set of rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleSet {
    /// `luat-2022`, `nqlt-09-2008`, or a site's own.
    pub id: String,
    /// The legal texts, as cited on pages.
    pub name: String,
    /// Their English citation, for a site's own set that gives one (`ten_en`).
    pub name_en: Option<String>,
    /// The vote is valid when participants are more than this share of all households.
    pub quorum: Threshold,
    /// A candidate is elected with votes of more than this share.
    pub election: Threshold,
    /// The decision and plan to hold the election: at least this many days before election day.
    pub decision_days_before: u32,
    /// The election team (tổ bầu cử): at least this many days before.
    pub team_days_before: u32,
    /// The public list of candidates (niêm yết danh sách): at least this many days before, where
    /// the rules set a deadline.
    pub list_days_before: Option<u32>,
    /// Recognition or repeat vote: within this many working days of receiving the record.
    pub recognition_working_days: u32,
    /// An acting head (trưởng thôn lâm thời) serves at most this many months.
    pub acting_head_max_months: u32,
}

impl RuleSet {
    /// The legal texts in English, for messages in English: a site's own set is cited by its
    /// `ten_en`, or as written when it has none.
    pub fn name_en(&self) -> &str {
        if let Some(en) = self.name_en.as_deref() {
            return en;
        }
        match self.id.as_str() {
            LAW_2022 => {
                "Law on Grassroots Democracy 10/2022/QH15 (art. 15); Decree 59/2023/NĐ-CP (arts. 6–9)"
            }
            JOINT_RESOLUTION_2008 => "Joint Resolution 09/2008/NQLT-CP-UBTWMTTQVN",
            _ => &self.name,
        }
    }
}

/// The Law on Grassroots Democracy took effect on this day.
const LAW_2022_IN_FORCE: (i32, u8, u8) = (2023, 7, 1);

pub const LAW_2022: &str = "luat-2022";
pub const JOINT_RESOLUTION_2008: &str = "nqlt-09-2008";

/// The built-in sets.
pub fn builtin() -> Vec<RuleSet> {
    let majority_of_all = Threshold {
        percent: 50,
        base: Base::Eligible,
    };
    let law_2022 = RuleSet {
        id: LAW_2022.to_string(),
        name: "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15 (Điều 15); \
               Nghị định số 59/2023/NĐ-CP (Điều 6–9)"
            .to_string(),
        name_en: None,
        quorum: majority_of_all,
        election: majority_of_all,
        decision_days_before: 20,
        team_days_before: 10,
        list_days_before: None,
        recognition_working_days: 5,
        acting_head_max_months: 6,
    };
    // the 2008 resolution set the same thresholds and deadlines, as guidance reads it; it stays a
    // set of its own so that pages cite the text that governed their term
    let joint_2008 = RuleSet {
        id: JOINT_RESOLUTION_2008.to_string(),
        name: "Nghị quyết liên tịch số 09/2008/NQLT-CP-UBTWMTTQVN".to_string(),
        ..law_2022.clone()
    };
    vec![law_2022, joint_2008]
}

/// The built-in set in force on `day`.
pub fn in_force_on(day: Date) -> &'static str {
    let (y, m, d) = LAW_2022_IN_FORCE;
    match Date::new(y, m, d) {
        Some(start) if day >= start => LAW_2022,
        _ => JOINT_RESOLUTION_2008,
    }
}

/// A site's own set in `cau-hinh.yaml` (`quy_tac_bau_cu`): a built-in set with some values
/// changed, e.g. by a province's guidance.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSetFile {
    /// Id that rounds name in `quy_tac`.
    #[serde(deserialize_with = "super::required::text")]
    pub ma: String,
    /// The built-in set it changes: `luat-2022` or `nqlt-09-2008`.
    #[serde(deserialize_with = "super::required::text")]
    pub dua_tren: String,
    /// The legal text (e.g. the province's guidance), as cited on pages.
    #[serde(deserialize_with = "super::required::text")]
    pub ten: String,
    /// The legal text's citation in English, for English pages.
    #[serde(default)]
    pub ten_en: Option<String>,
    #[serde(default)]
    pub ty_le_tham_gia: Option<u8>,
    #[serde(default)]
    pub ty_le_trung_cu: Option<u8>,
    #[serde(default)]
    pub tinh_tren: Option<Base>,
    #[serde(default)]
    pub quyet_dinh_truoc_ngay: Option<u32>,
    #[serde(default)]
    pub to_bau_cu_truoc_ngay: Option<u32>,
    #[serde(default)]
    pub niem_yet_truoc_ngay: Option<u32>,
    #[serde(default)]
    pub cong_nhan_trong_ngay_lam_viec: Option<u32>,
    #[serde(default)]
    pub lam_thoi_toi_da_thang: Option<u32>,
}

impl RuleSetFile {
    /// The set this file describes, or what is wrong with it (vi, en).
    pub fn resolve(&self, builtins: &[RuleSet]) -> Result<RuleSet, (String, String)> {
        let Some(base) = builtins.iter().find(|r| r.id == self.dua_tren) else {
            return Err((
                format!(
                    "“{}” không phải là bộ quy tắc có sẵn (luat-2022 hoặc nqlt-09-2008).",
                    self.dua_tren
                ),
                format!(
                    "“{}” is not a built-in set of rules (luat-2022 or nqlt-09-2008).",
                    self.dua_tren
                ),
            ));
        };
        for p in [self.ty_le_tham_gia, self.ty_le_trung_cu]
            .into_iter()
            .flatten()
        {
            if p >= 100 {
                return Err((
                    format!("Tỷ lệ {p}% không hợp lệ: phải nhỏ hơn 100 (nghĩa là “quá {p}%”)."),
                    format!("A share of {p}% is not valid: it must be below 100 (“more than”)."),
                ));
            }
        }
        let mut set = base.clone();
        set.id = self.ma.clone();
        set.name = self.ten.clone();
        set.name_en = self
            .ten_en
            .clone()
            .filter(|e| !super::required::is_blank(e));
        if let Some(p) = self.ty_le_tham_gia {
            set.quorum.percent = p;
        }
        if let Some(p) = self.ty_le_trung_cu {
            set.election.percent = p;
        }
        if let Some(b) = self.tinh_tren {
            set.election.base = b;
        }
        set.decision_days_before = self
            .quyet_dinh_truoc_ngay
            .unwrap_or(set.decision_days_before);
        set.team_days_before = self.to_bau_cu_truoc_ngay.unwrap_or(set.team_days_before);
        set.list_days_before = self.niem_yet_truoc_ngay.or(set.list_days_before);
        set.recognition_working_days = self
            .cong_nhan_trong_ngay_lam_viec
            .unwrap_or(set.recognition_working_days);
        set.acting_head_max_months = self
            .lam_thoi_toi_da_thang
            .unwrap_or(set.acting_head_max_months);
        Ok(set)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thresholds_are_strict_and_exact() {
        let t = Threshold {
            percent: 50,
            base: Base::Eligible,
        };
        assert!(!t.passed(159, 361), "44,04% is not more than 50%");
        assert!(!t.passed(198, 412), "48,06%");
        assert!(!t.passed(180, 360), "exactly 50% is not more than 50%");
        assert!(t.passed(181, 361));
        assert!(
            t.passed(10_001, 20_001),
            "50,0025% shows as 50,00% but passes"
        );
        assert!(!t.passed(0, 0));
        assert!(t.passed(u32::MAX, u32::MAX));
    }

    #[test]
    fn the_rules_in_force_follow_the_election_day() {
        let day = |y, m, d| Date::new(y, m, d).unwrap();
        assert_eq!(in_force_on(day(2022, 6, 5)), JOINT_RESOLUTION_2008);
        assert_eq!(in_force_on(day(2023, 6, 30)), JOINT_RESOLUTION_2008);
        assert_eq!(in_force_on(day(2023, 7, 1)), LAW_2022);
        assert_eq!(in_force_on(day(2024, 10, 13)), LAW_2022);
    }

    #[test]
    fn a_site_set_changes_only_what_it_names() {
        let file = RuleSetFile {
            ma: "tinh-x".into(),
            dua_tren: LAW_2022.into(),
            ten: "Hướng dẫn của tỉnh".into(),
            ten_en: Some("The province's guidance".into()),
            ty_le_tham_gia: None,
            ty_le_trung_cu: Some(60),
            tinh_tren: Some(Base::ValidBallots),
            quyet_dinh_truoc_ngay: None,
            to_bau_cu_truoc_ngay: None,
            niem_yet_truoc_ngay: Some(7),
            cong_nhan_trong_ngay_lam_viec: None,
            lam_thoi_toi_da_thang: None,
        };
        let set = file.resolve(&builtin()).unwrap();
        assert_eq!(set.id, "tinh-x");
        assert_eq!(set.name_en(), "The province's guidance");
        assert_eq!(set.quorum.percent, 50);
        assert_eq!(
            set.election,
            Threshold {
                percent: 60,
                base: Base::ValidBallots
            }
        );
        assert_eq!(set.list_days_before, Some(7));
        assert_eq!(set.decision_days_before, 20);
        let bad = RuleSetFile {
            dua_tren: "luat-2021".into(),
            ..file.clone()
        };
        assert!(bad.resolve(&builtin()).is_err());
        let bad = RuleSetFile {
            ty_le_trung_cu: Some(100),
            ..file
        };
        assert!(bad.resolve(&builtin()).is_err());
    }
}
