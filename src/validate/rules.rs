//! A site's own rule set (quy tắc bầu cử riêng) may follow a province's guidance, but a province
//! cannot loosen the law: a share to be elected taken of a smaller base, a lower share to be
//! elected or a lower quorum than the law in force on election day is a warning that names the
//! law, at the round's `quy_tac`, so that staff see it before the public reads "elected".

use super::Ctx;
use crate::diagnostics::{Bilingual, Diagnostic};
use crate::load::CONFIG_FILE;
use crate::model::Site;
use crate::model::rules::{self, Base, RuleSet};

pub(super) fn check(site: &Site, ctx: &mut Ctx) {
    for round in &site.rounds {
        let Some(set) = site.rules_for(round) else {
            continue;
        };
        let day = round.data.ngay_bau_cu;
        let law_id = rules::in_force_on(day);
        let Some(law) = site.rules.iter().find(|r| r.id == law_id) else {
            continue;
        };
        let found = loosenings(set, law);
        if found.is_empty() {
            continue;
        }
        let list = |vi: bool| {
            found
                .iter()
                .map(|l| if vi { l.vi() } else { l.en() })
                .collect::<Vec<_>>()
                .join("; ")
        };
        let fields = found
            .iter()
            .map(|l| format!("`{}`", l.fix()))
            .collect::<Vec<_>>()
            .join(", ");
        let id = &set.id;
        let message = Bilingual::new(
            format!(
                "Đợt bầu cử ngày {day} theo bộ quy tắc “{id}” ({}), lỏng hơn luật có hiệu lực vào ngày đó ({}): {}. Người được ghi là trúng cử theo bộ quy tắc này có thể không trúng cử theo luật.",
                set.name,
                law.name,
                list(true)
            ),
            format!(
                "The round of {day} follows the rule set “{id}” ({}), which is looser than the law in force on that day ({}): {}. Someone shown as elected under it may not be elected under the law.",
                set.name,
                law.name_en(),
                list(false)
            ),
        );
        let hint = Bilingual::new(
            format!(
                "Nếu văn bản của tỉnh không thật sự quy định như vậy, ghi {fields} cho bộ “{id}” trong quy_tac_bau_cu của {CONFIG_FILE}, hoặc xóa dòng `quy_tac: {id}` để theo luật."
            ),
            format!(
                "Unless the province's text really says so, write {fields} in the set “{id}” of quy_tac_bau_cu in {CONFIG_FILE}, or remove the line `quy_tac: {id}` to follow the law."
            ),
        );
        let line = ctx.line(&round.file, "quy_tac", None, 1);
        ctx.problems.push(
            Diagnostic::warning(&round.file, message)
                .at(line, None)
                .field("quy_tac")
                .hint(hint),
        );
    }
}

/// One way a set is looser than the law (điểm nới lỏng so với luật).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Loosening {
    /// The share to be elected is taken of a smaller base.
    Base { set: Base, law: Base },
    /// A smaller share elects.
    Election { set: u8, law: u8 },
    /// A smaller turnout makes the vote valid.
    Quorum { set: u8, law: u8 },
}

impl Loosening {
    fn vi(self) -> String {
        match self {
            Self::Base { set, law } => format!(
                "tỷ lệ trúng cử tính trên `{}`, luật tính trên `{}`",
                set.key(),
                law.key()
            ),
            Self::Election { set, law } => {
                format!("trúng cử khi được quá {set}%, luật đòi quá {law}%")
            }
            Self::Quorum { set, law } => {
                format!("cuộc bầu hợp lệ khi quá {set}% số hộ tham gia, luật đòi quá {law}%")
            }
        }
    }

    fn en(self) -> String {
        match self {
            Self::Base { set, law } => format!(
                "it takes the share to be elected of `{}`, the law of `{}`",
                set.key(),
                law.key()
            ),
            Self::Election { set, law } => {
                format!("it elects with more than {set}%, the law requires more than {law}%")
            }
            Self::Quorum { set, law } => format!(
                "a vote is valid when more than {set}% of households take part, the law requires more than {law}%"
            ),
        }
    }

    /// What to write in the set to follow the law again.
    fn fix(self) -> String {
        match self {
            Self::Base { law, .. } => format!("tinh_tren: {}", law.key()),
            Self::Election { law, .. } => format!("ty_le_trung_cu: {law}"),
            Self::Quorum { law, .. } => format!("ty_le_tham_gia: {law}"),
        }
    }
}

/// How many voters a base counts, in order: valid ballots ≤ participants ≤ all households.
fn breadth(base: Base) -> u8 {
    match base {
        Base::ValidBallots => 0,
        Base::Participants => 1,
        Base::Eligible => 2,
    }
}

/// Every way `set` asks less than `law`; a stricter or equal set gives none.
fn loosenings(set: &RuleSet, law: &RuleSet) -> Vec<Loosening> {
    let mut found = Vec::new();
    if breadth(set.election.base) < breadth(law.election.base) {
        found.push(Loosening::Base {
            set: set.election.base,
            law: law.election.base,
        });
    }
    if set.election.percent < law.election.percent {
        found.push(Loosening::Election {
            set: set.election.percent,
            law: law.election.percent,
        });
    }
    if set.quorum.percent < law.quorum.percent {
        found.push(Loosening::Quorum {
            set: set.quorum.percent,
            law: law.quorum.percent,
        });
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::rules::{LAW_2022, RuleSetFile, builtin};
    use crate::model::testing::law;

    /// A province's set based on the 2022 law, changing what `change` writes.
    fn province(change: impl FnOnce(&mut RuleSetFile)) -> RuleSet {
        let mut file = RuleSetFile {
            ma: "tinh-x".into(),
            dua_tren: LAW_2022.into(),
            ten: "Hướng dẫn của tỉnh".into(),
            ten_en: None,
            ty_le_tham_gia: None,
            ty_le_trung_cu: None,
            tinh_tren: None,
            quyet_dinh_truoc_ngay: None,
            to_bau_cu_truoc_ngay: None,
            niem_yet_truoc_ngay: None,
            cong_nhan_trong_ngay_lam_viec: None,
            lam_thoi_toi_da_thang: None,
        };
        change(&mut file);
        file.resolve(&builtin()).expect("valid set")
    }

    #[test]
    fn counting_on_participants_or_valid_ballots_loosens_the_law() {
        let set = province(|f| f.tinh_tren = Some(Base::Participants));
        let found = loosenings(&set, &law());
        assert_eq!(
            found,
            vec![Loosening::Base {
                set: Base::Participants,
                law: Base::Eligible
            }]
        );
        assert!(
            found[0]
                .en()
                .contains("of `cu-tri-tham-gia`, the law of `tong-cu-tri`"),
            "{}",
            found[0].en()
        );
        assert_eq!(found[0].fix(), "tinh_tren: tong-cu-tri");
        let set = province(|f| f.tinh_tren = Some(Base::ValidBallots));
        assert_eq!(loosenings(&set, &law()).len(), 1);
    }

    #[test]
    fn a_lower_threshold_or_quorum_loosens_the_law() {
        let set = province(|f| f.ty_le_trung_cu = Some(40));
        assert_eq!(
            loosenings(&set, &law()),
            vec![Loosening::Election { set: 40, law: 50 }]
        );
        let set = province(|f| {
            f.ty_le_tham_gia = Some(30);
            f.ty_le_trung_cu = Some(45);
            f.tinh_tren = Some(Base::ValidBallots);
        });
        let found = loosenings(&set, &law());
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(found.contains(&Loosening::Quorum { set: 30, law: 50 }));
    }

    #[test]
    fn a_set_equal_to_the_law_or_stricter_loosens_nothing() {
        let same = province(|f| {
            f.ty_le_trung_cu = Some(50);
            f.tinh_tren = Some(Base::Eligible);
            f.niem_yet_truoc_ngay = Some(7);
        });
        assert!(loosenings(&same, &law()).is_empty());
        let stricter = province(|f| {
            f.ty_le_tham_gia = Some(66);
            f.ty_le_trung_cu = Some(60);
        });
        assert!(loosenings(&stricter, &law()).is_empty());
        assert!(loosenings(&law(), &law()).is_empty());
    }
}
