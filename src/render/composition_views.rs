//! The composition of a candidate list (cơ cấu ứng cử viên) for a page: the tables and the
//! charts that draw them, from `model::statistics`.

use super::charts;
use super::locale::Locale;
use crate::model::result::percent;
use crate::model::statistics::{Composition, Share};
use serde::Serialize;

/// A share of a candidate list, as a table row beside its chart.
#[derive(Debug, Clone, Serialize)]
pub struct ShareRow {
    pub label: String,
    pub count: String,
    pub share: String,
}

/// The composition of a candidate list: tables and the charts that draw them.
#[derive(Debug, Clone, Serialize)]
pub struct CompositionView {
    pub total: String,
    pub groups: Vec<ShareGroup>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ShareGroup {
    pub title: String,
    pub rows: Vec<ShareRow>,
    pub chart: String,
}

impl CompositionView {
    pub fn new(l: &Locale<'_>, c: &Composition) -> Result<Self, String> {
        let row = |label: String, count: u32| ShareRow {
            label,
            count: l.number(count),
            share: percent(count, c.total)
                .map(|p| l.percent(p))
                .unwrap_or_default(),
        };
        let levels = |group: &str, shares: &[Share]| {
            shares
                .iter()
                .filter(|s| s.count > 0)
                .map(|s| row(l.label(group, s.key), s.count))
                .collect::<Vec<_>>()
        };
        let tables = [
            (
                "composition_title",
                vec![
                    row(l.t("composition_women"), c.women),
                    row(l.t("composition_re_election"), c.re_election),
                    row(l.t("composition_new"), c.new),
                    row(l.t("composition_minority"), c.minority),
                    row(l.t("composition_party_members"), c.party_members),
                ],
            ),
            (
                "composition_qualification",
                levels("qualification", &c.qualification),
            ),
            (
                "composition_political_theory",
                levels("political_theory", &c.political_theory),
            ),
        ];
        let charts = charts::composition(l, c)?;
        Ok(Self {
            total: l.number(c.total),
            groups: tables
                .into_iter()
                .zip(charts)
                .map(|((title, rows), chart)| ShareGroup {
                    title: l.t(title),
                    rows,
                    chart,
                })
                .collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::language::Language;
    use crate::render::i18n::Strings;
    use std::collections::BTreeMap;

    fn strings(language: Language) -> Strings {
        let text = match language {
            Language::Vi => include_str!("../../themes/default/i18n/vi.yaml"),
            _ => include_str!("../../themes/default/i18n/en.yaml"),
        };
        serde_yaml::from_str::<BTreeMap<String, String>>(text).unwrap()
    }

    #[test]
    fn a_composition_is_tabled_and_charted_in_each_language() {
        let (vi, en) = (strings(Language::Vi), strings(Language::En));
        let (vi, en) = (
            Locale::new(Language::Vi, true, &vi),
            Locale::new(Language::En, false, &en),
        );
        let share = |key, count| Share { key, count };
        let c = Composition {
            total: 1200,
            women: 120,
            re_election: 580,
            new: 620,
            minority: 380,
            party_members: 1000,
            qualification: vec![share("khong", 840), share("trung-cap", 360)],
            political_theory: vec![share("so-cap", 1200), share("cu-nhan", 0)],
        };
        let view = CompositionView::new(&vi, &c).unwrap();
        assert_eq!(view.total, "1.200");
        let make_up = &view.groups[0];
        assert_eq!(make_up.title, "Cơ cấu ứng cử viên");
        assert_eq!(
            (
                make_up.rows[0].label.as_str(),
                make_up.rows[0].share.as_str()
            ),
            ("Nữ", "10,00%")
        );
        assert_eq!(view.groups[1].rows[1].label, "Trung cấp");
        assert_eq!(
            view.groups[2].rows.len(),
            1,
            "levels nobody has are left out"
        );
        assert!(
            view.groups[1]
                .chart
                .contains("Trình độ chuyên môn của ứng cử viên")
        );
        let view = CompositionView::new(&en, &c).unwrap();
        assert_eq!(view.total, "1,200");
        assert_eq!(view.groups[0].title, "Make-up of the candidates");
        assert_eq!(view.groups[0].rows[1].label, "Standing again");
        assert_eq!(view.groups[0].rows[1].share, "48.33%");
        assert_eq!(view.groups[1].rows[1].label, "Vocational");
        assert!(
            view.groups[0]
                .chart
                .contains("Share of all 1,200 candidates")
        );
    }
}
