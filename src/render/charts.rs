//! The portal's charts, from the model to `chart::BarChart`: votes per candidate, turnout per
//! neighbourhood, the composition of a candidate list. Each sits beside a table with the same
//! numbers, so the labels and texts here match the tables' wording.

use super::chart::{Bar, BarChart, Marker};
use super::locale::Locale;
use super::views::round_village_name;
use crate::model::Site;
use crate::model::contest::{Contest, Counted};
use crate::model::election::Round;
use crate::model::outcome::base_of;
use crate::model::result::percent;
use crate::model::rules::Base;
use crate::model::statistics::{Composition, Share};

/// Votes per candidate, against the share of households a candidate must pass.
pub fn votes(
    l: &Locale<'_>,
    site: &Site,
    round: &Round,
    contest: &Contest,
    counted: &Counted<'_>,
) -> Result<String, String> {
    let c = counted.figures;
    let village = contest.village.as_str();
    let rules = site.rules_for(round);
    let base = rules.map_or(c.tong_cu_tri, |r| base_of(c, r.election.base));
    let elected = counted.elected;
    let mut bars: Vec<(u32, Bar)> = round
        .candidates_in(village)
        .map(|cand| {
            let n = c.so_phieu.get(&cand.slug).copied().unwrap_or(0);
            let share = percent(n, base).map(|p| l.percent(p)).unwrap_or_default();
            (
                n,
                Bar {
                    label: cand.data.ho_ten.clone(),
                    value: f64::from(n),
                    text: format!("{} ({share})", l.number(n)),
                    emphasis: elected == Some(cand.slug.as_str()),
                },
            )
        })
        .collect();
    bars.sort_by_key(|b| std::cmp::Reverse(b.0));
    let marker = rules.map(|r| Marker {
        value: f64::from(base) * f64::from(r.election.percent) / 100.0,
        label: l.fill(
            "chart_votes_marker",
            &[
                ("percent", &r.election.percent.to_string()),
                ("base", &l.of_value(r.election.base)),
            ],
        ),
    });
    let base_label = l.label(
        "base",
        rules.map_or(Base::Eligible, |r| r.election.base).key(),
    );
    BarChart {
        id: "bieu-do-so-phieu".into(),
        title: l.t("chart_votes_title"),
        description: l.fill(
            "chart_votes_description",
            &[("total", &l.number(base)), ("base", &base_label)],
        ),
        bars: bars.into_iter().map(|(_, b)| b).collect(),
        max: f64::from(base),
        marker,
    }
    .to_svg()
    .map_err(|e| e.to_string())
}

/// Turnout per contest of a round, against the share that makes a vote valid.
pub fn turnout(l: &Locale<'_>, site: &Site, round: &Round) -> Result<Option<String>, String> {
    let bars: Vec<Bar> = round
        .contests
        .iter()
        .filter_map(|contest| {
            let p = contest.counted()?.figures.turnout_percent()?;
            Some(Bar {
                label: round_village_name(l, site, round, &contest.village),
                value: p,
                text: l.percent(p),
                emphasis: false,
            })
        })
        .collect();
    if bars.is_empty() {
        return Ok(None);
    }
    let quorum = site.rules_for(round).map(|r| r.quorum.percent);
    BarChart {
        id: "bieu-do-tham-gia".into(),
        title: l.t("chart_turnout_title"),
        description: l.t("chart_turnout_description"),
        bars,
        max: 100.0,
        marker: quorum.map(|q| Marker {
            value: f64::from(q),
            label: l.fill("chart_turnout_marker", &[("percent", &q.to_string())]),
        }),
    }
    .to_svg()
    .map(Some)
    .map_err(|e| e.to_string())
}

/// A share of a candidate list, as a chart bar and a table row share.
fn share_bar(l: &Locale<'_>, label: String, count: u32, total: u32) -> Bar {
    let p = percent(count, total).unwrap_or(0.0);
    Bar {
        label,
        value: p,
        text: format!("{} ({})", l.number(count), l.percent(p)),
        emphasis: false,
    }
}

/// The three composition charts of a candidate list: make-up, qualification, political theory.
pub fn composition(l: &Locale<'_>, c: &Composition) -> Result<Vec<String>, String> {
    let t = c.total;
    let bar = |key: &str, count| share_bar(l, l.t(key), count, t);
    let levels = |group: &str, shares: &[Share]| -> Vec<Bar> {
        shares
            .iter()
            .filter(|s| s.count > 0)
            .map(|s| share_bar(l, l.label(group, s.key), s.count, t))
            .collect()
    };
    let charts = [
        (
            "bieu-do-co-cau",
            "composition_title",
            vec![
                bar("composition_women", c.women),
                bar("composition_re_election", c.re_election),
                bar("composition_new", c.new),
                bar("composition_minority", c.minority),
                bar("composition_party_members", c.party_members),
            ],
        ),
        (
            "bieu-do-chuyen-mon",
            "chart_qualification_title",
            levels("qualification", &c.qualification),
        ),
        (
            "bieu-do-ly-luan",
            "chart_political_theory_title",
            levels("political_theory", &c.political_theory),
        ),
    ];
    charts
        .into_iter()
        .map(|(id, title, bars)| {
            BarChart {
                id: id.into(),
                title: l.t(title),
                description: l.fill("chart_composition_description", &[("total", &l.number(t))]),
                bars,
                max: 100.0,
                marker: None,
            }
            .to_svg()
            .map_err(|e| e.to_string())
        })
        .collect()
}
