//! The portal's charts, from the model to `chart::BarChart`: votes per candidate, turnout per
//! neighbourhood, the composition of a candidate list. Each sits beside a table with the same
//! numbers, so the labels and texts here match the tables' wording.

use super::chart::{Bar, BarChart, Marker};
use super::format::{number_vi, percent_vi};
use crate::model::Site;
use crate::model::election::Round;
use crate::model::outcome::{Outcome, base_of};
use crate::model::result::{ContestCount, percent};
use crate::model::statistics::Composition;

/// Votes per candidate, against the share of households a candidate must pass.
pub fn votes(
    site: &Site,
    round: &Round,
    village: &str,
    c: &ContestCount,
) -> Result<String, String> {
    let rules = site.rules_for(round);
    let base = rules.map_or(c.tong_cu_tri, |r| base_of(c, r.election.base));
    let order: Vec<&str> = round
        .candidates_in(village)
        .map(|x| x.slug.as_str())
        .collect();
    let elected = rules
        .map(|r| Outcome::decide(c, r, &order))
        .and_then(|o| o.elected().map(str::to_string));
    let mut bars: Vec<(u32, Bar)> = round
        .candidates_in(village)
        .map(|cand| {
            let n = c.so_phieu.get(&cand.slug).copied().unwrap_or(0);
            let share = percent(n, base).map(percent_vi).unwrap_or_default();
            (
                n,
                Bar {
                    label: cand.data.ho_ten.clone(),
                    value: f64::from(n),
                    text: format!("{} ({share})", number_vi(n.into())),
                    emphasis: elected.as_deref() == Some(cand.slug.as_str()),
                },
            )
        })
        .collect();
    bars.sort_by_key(|b| std::cmp::Reverse(b.0));
    let marker = rules.map(|r| Marker {
        value: f64::from(base) * f64::from(r.election.percent) / 100.0,
        label: format!("Quá {}% {}", r.election.percent, r.election.base.label_vi()),
    });
    let base_label = rules.map_or("tổng số hộ", |r| r.election.base.label_vi());
    BarChart {
        id: "bieu-do-so-phieu".into(),
        title: "Số phiếu bầu của từng ứng cử viên".into(),
        description: format!(
            "Thanh dài bằng số phiếu trên {} {base_label}; vạch đứt là mức phải vượt qua để trúng cử. Số liệu đầy đủ ở bảng bên cạnh.",
            number_vi(base.into())
        ),
        bars: bars.into_iter().map(|(_, b)| b).collect(),
        max: f64::from(base),
        marker,
    }
    .to_svg()
    .map_err(|e| e.to_string())
}

/// Turnout per contest of a round, against the share that makes a vote valid.
pub fn turnout(site: &Site, round: &Round) -> Result<Option<String>, String> {
    let Some(sheet) = &round.results else {
        return Ok(None);
    };
    let names = site.commune(&round.data.don_vi);
    let bars: Vec<Bar> = round
        .contest_ids()
        .into_iter()
        .filter(|v| round.contest_status(v).has_figures())
        .filter_map(|v| {
            let c = sheet.contests.get(v)?;
            let p = c.turnout_percent()?;
            Some(Bar {
                label: names
                    .and_then(|n| n.village(v))
                    .map_or_else(|| v.to_string(), |x| x.ten.clone()),
                value: p,
                text: percent_vi(p),
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
        title: "Tỷ lệ cử tri đại diện hộ gia đình tham gia bầu cử".into(),
        description: "Tỷ lệ hộ tham gia ở từng khu dân cư; vạch đứt là mức phải vượt qua để cuộc bầu hợp lệ. Số liệu đầy đủ ở bảng kết quả.".into(),
        bars,
        max: 100.0,
        marker: quorum.map(|q| Marker {
            value: f64::from(q),
            label: format!("Quá {q}% số hộ"),
        }),
    }
    .to_svg()
    .map(Some)
    .map_err(|e| e.to_string())
}

/// A share of a candidate list, as a chart bar and a table row share.
fn share_bar(label: &str, count: u32, total: u32) -> Bar {
    let p = percent(count, total).unwrap_or(0.0);
    Bar {
        label: label.to_string(),
        value: p,
        text: format!("{} ({})", number_vi(count.into()), percent_vi(p)),
        emphasis: false,
    }
}

/// The three composition charts of a candidate list: make-up, qualification, political theory.
pub fn composition(c: &Composition) -> Result<Vec<String>, String> {
    let t = c.total;
    let charts = [
        (
            "bieu-do-co-cau",
            "Cơ cấu ứng cử viên",
            vec![
                share_bar("Nữ", c.women, t),
                share_bar("Tái cử", c.re_election, t),
                share_bar("Ứng cử lần đầu", c.new, t),
                share_bar("Dân tộc thiểu số", c.minority, t),
                share_bar("Đảng viên", c.party_members, t),
            ],
        ),
        (
            "bieu-do-chuyen-mon",
            "Trình độ chuyên môn của ứng cử viên",
            c.qualification
                .iter()
                .filter(|s| s.count > 0)
                .map(|s| share_bar(s.label, s.count, t))
                .collect(),
        ),
        (
            "bieu-do-ly-luan",
            "Trình độ lý luận chính trị của ứng cử viên",
            c.political_theory
                .iter()
                .filter(|s| s.count > 0)
                .map(|s| share_bar(s.label, s.count, t))
                .collect(),
        ),
    ];
    charts
        .into_iter()
        .map(|(id, title, bars)| {
            BarChart {
                id: id.into(),
                title: title.into(),
                description: format!(
                    "Tỷ lệ trên tổng số {} ứng cử viên; số liệu đầy đủ ở bảng bên cạnh.",
                    number_vi(t.into())
                ),
                bars,
                max: 100.0,
                marker: None,
            }
            .to_svg()
            .map_err(|e| e.to_string())
        })
        .collect()
}
