//! Views of results: the figures of a contest, who is elected and why, where the result stands
//! in law, the round's dashboard and timeline. Every number and sentence is made here, from the
//! records and the rules in force; templates only place them.

use super::charts;
use super::format::{number_vi, percent_vi, share_against_vi};
use super::urls;
use super::views::Link;
use crate::model::Site;
use crate::model::election::{ContestStatus, Round};
use crate::model::outcome::Outcome;
use crate::model::result::{ContestCount, percent};
use crate::model::rules::{Base, RuleSet};
use crate::model::statistics::Composition;
use crate::model::timeline::{StepState, timeline};
use serde::Serialize;

/// One figure of a vote-count record, with its share when it has one.
#[derive(Debug, Clone, Serialize)]
pub struct Figure {
    pub label: &'static str,
    pub value: String,
    pub share: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct VoteRow {
    pub name: String,
    pub url: String,
    pub votes: String,
    /// Share of valid ballots.
    pub of_valid: String,
    /// Share of all household representatives.
    pub of_eligible: String,
    pub elected: bool,
}

/// Who is elected and why, in a sentence a citizen can check against the figures.
#[derive(Debug, Clone, Serialize)]
pub struct OutcomeView {
    pub key: &'static str,
    pub label: &'static str,
    pub elected: Option<Link>,
    /// `Không đạt: 159/361 = 44,04% ≤ 50% tổng số hộ`.
    pub verdict: String,
    /// What follows under the rules.
    pub consequence: Option<String>,
    /// The rules applied, as cited.
    pub rules: String,
}

impl OutcomeView {
    pub fn new(site: &Site, round: &Round, village: &str, count: &ContestCount) -> Option<Self> {
        let rules = site.rules_for(round)?;
        let order: Vec<&str> = round
            .candidates_in(village)
            .map(|c| c.slug.as_str())
            .collect();
        let outcome = Outcome::decide(count, rules, &order);
        let name = |slug: &str| {
            round
                .candidates_in(village)
                .find(|c| c.slug == slug)
                .map(|c| c.data.ho_ten.clone())
                .unwrap_or_else(|| slug.to_string())
        };
        // `159/361 = 44,04%`
        let ratio = |part: u32, whole: u32, pct: u8| {
            format!(
                "{}/{} = {}",
                number_vi(part.into()),
                number_vi(whole.into()),
                share_against_vi(part, whole, pct)
            )
        };
        let q = rules.quorum.percent;
        let e = rules.election;
        let repeat = format!(
            "Theo quy định, Ủy ban nhân dân cấp xã quyết định bầu lại trong {} ngày làm việc kể từ ngày nhận biên bản.",
            rules.recognition_working_days
        );
        let (verdict, consequence) = match &outcome {
            Outcome::QuorumNotMet {
                participants,
                eligible,
            } => (
                format!(
                    "Không đạt: {} số hộ tham gia ≤ {q}% tổng số hộ, nên cuộc bầu không hợp lệ.",
                    ratio(*participants, *eligible, q),
                ),
                Some(repeat),
            ),
            Outcome::Elected { slug, votes, base } => (
                format!(
                    "Trúng cử: {} với {} > {}% {}.",
                    name(slug),
                    ratio(*votes, *base, e.percent),
                    e.percent,
                    e.base.label_vi()
                ),
                None,
            ),
            Outcome::NotElected { best, base } => (
                match best {
                    Some((slug, votes)) => format!(
                        "Không đạt: người nhiều phiếu nhất ({}) được {} ≤ {}% {}, nên không có người trúng cử.",
                        name(slug),
                        ratio(*votes, *base, e.percent),
                        e.percent,
                        e.base.label_vi()
                    ),
                    None => {
                        "Không đạt: không ứng cử viên nào có phiếu, nên không có người trúng cử."
                            .to_string()
                    }
                },
                Some(repeat),
            ),
            Outcome::Tie { slugs, votes, base } => (
                format!(
                    "Không đạt: {} bằng phiếu nhau, mỗi người {}, nên không có người trúng cử.",
                    slugs.iter().map(|s| name(s)).collect::<Vec<_>>().join(", "),
                    ratio(*votes, *base, e.percent),
                ),
                Some(repeat),
            ),
        };
        Some(Self {
            key: outcome.key(),
            label: outcome.label_vi(),
            elected: outcome.elected().map(|slug| Link {
                title: name(slug),
                url: urls::candidate(&round.id, village, slug),
            }),
            verdict,
            consequence,
            rules: rules.name.clone(),
        })
    }
}

/// Where a contest's result stands in law, with the decision that made it so.
#[derive(Debug, Clone, Serialize)]
pub struct StatusView {
    pub key: &'static str,
    pub label: &'static str,
    pub decision: Option<String>,
    pub decision_url: Option<String>,
    pub repeat_date: Option<String>,
    pub repeat_round: Option<Link>,
    /// `Nguyễn Văn X, từ 01/7/2022 đến 31/12/2022 (Quyết định số …)`.
    pub acting: Option<String>,
}

impl StatusView {
    pub fn new(site: &Site, round: &Round, village: &str) -> Self {
        let status = round.contest_status(village);
        let count = round.results.as_ref().and_then(|r| r.contests.get(village));
        let entry = round.contest(village);
        let decision = match status {
            ContestStatus::Postponed | ContestStatus::NotHeld => entry
                .and_then(|e| e.quyet_dinh.as_ref())
                .or(round.data.quyet_dinh_hoan.as_ref()),
            _ => count.and_then(|c| c.quyet_dinh.as_ref()),
        };
        Self {
            key: status.key(),
            label: status.label_vi(),
            decision: decision.map(|d| d.label_vi()),
            decision_url: decision
                .and_then(|d| d.van_ban.as_deref())
                .filter(|slug| site.document(slug).is_some())
                .map(urls::document),
            repeat_date: count.and_then(|c| c.ngay_bau_lai).map(|d| d.vi_short()),
            repeat_round: count
                .and_then(|c| c.dot_bau_lai.as_deref())
                .and_then(|id| site.round(id))
                .map(|r| Link {
                    title: format!("Bầu lại ngày {}", r.data.ngay_bau_cu.vi_short()),
                    url: urls::round(&r.id),
                }),
            acting: count.and_then(|c| c.lam_thoi.as_ref()).map(|a| {
                let decision = a
                    .quyet_dinh
                    .as_ref()
                    .map(|d| format!(" ({})", d.label_vi()))
                    .unwrap_or_default();
                format!(
                    "{}, từ {} đến {}{decision}",
                    a.ho_ten,
                    a.tu_ngay.vi_short(),
                    a.den_ngay.vi_short()
                )
            }),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct SignerView {
    pub name: String,
    pub role: String,
}

/// The results of one contest, all shares computed from the counts.
#[derive(Debug, Clone, Serialize)]
pub struct ResultView {
    pub figures: Vec<Figure>,
    pub votes: Vec<VoteRow>,
    pub outcome: Option<OutcomeView>,
    pub method: Option<&'static str>,
    pub record_date: Option<String>,
    pub received: Option<String>,
    pub signers: Vec<SignerView>,
}

impl ResultView {
    pub fn new(site: &Site, round: &Round, village: &str, c: &ContestCount) -> Self {
        let share = |part, whole| percent(part, whole).map(percent_vi);
        let fig = |label, v: u32, s| Figure {
            label,
            value: number_vi(v.into()),
            share: s,
        };
        let figures = vec![
            fig("Tổng số cử tri đại diện hộ gia đình", c.tong_cu_tri, None),
            fig(
                "Số cử tri tham gia bầu cử",
                c.cu_tri_tham_gia,
                share(c.cu_tri_tham_gia, c.tong_cu_tri),
            ),
            fig("Số phiếu phát ra", c.phieu_phat_ra, None),
            fig(
                "Số phiếu thu vào",
                c.phieu_thu_vao,
                share(c.phieu_thu_vao, c.phieu_phat_ra),
            ),
            fig(
                "Số phiếu hợp lệ",
                c.phieu_hop_le,
                share(c.phieu_hop_le, c.phieu_thu_vao),
            ),
            fig(
                "Số phiếu không hợp lệ",
                c.phieu_khong_hop_le,
                share(c.phieu_khong_hop_le, c.phieu_thu_vao),
            ),
        ];
        let outcome = OutcomeView::new(site, round, village, c);
        let elected_url = outcome
            .as_ref()
            .and_then(|o| o.elected.as_ref())
            .map(|l| l.url.clone());
        let mut votes: Vec<(u32, VoteRow)> = round
            .candidates_in(village)
            .map(|cand| {
                let n = c.so_phieu.get(&cand.slug).copied().unwrap_or(0);
                let url = urls::candidate(&round.id, village, &cand.slug);
                (
                    n,
                    VoteRow {
                        name: cand.data.ho_ten.clone(),
                        elected: elected_url.as_deref() == Some(url.as_str()),
                        url,
                        votes: number_vi(n.into()),
                        of_valid: share(n, c.phieu_hop_le).unwrap_or_default(),
                        of_eligible: share(n, c.tong_cu_tri).unwrap_or_default(),
                    },
                )
            })
            .collect();
        votes.sort_by_key(|v| std::cmp::Reverse(v.0));
        let record = c.bien_ban.as_ref();
        Self {
            figures,
            votes: votes.into_iter().map(|(_, v)| v).collect(),
            outcome,
            method: c.hinh_thuc.map(|m| m.label_vi()),
            record_date: record.map(|r| r.ngay.vi_short()),
            received: record.and_then(|r| r.ngay_nhan).map(|d| d.vi_short()),
            signers: record
                .map(|r| {
                    r.nguoi_ky
                        .iter()
                        .map(|s| SignerView {
                            name: s.ho_ten.clone(),
                            role: s.chuc_vu.clone(),
                        })
                        .collect()
                })
                .unwrap_or_default(),
        }
    }
}

/// A contest as a row of the round's dashboard.
#[derive(Debug, Clone, Serialize)]
pub struct ContestRow {
    pub url: String,
    pub village: String,
    pub eligible: Option<String>,
    pub participants: Option<String>,
    pub turnout: Option<String>,
    pub outcome: Option<OutcomeView>,
    pub status: StatusView,
}

impl ContestRow {
    pub fn new(site: &Site, round: &Round, village: &str) -> Self {
        let name = site
            .commune(&round.data.don_vi)
            .and_then(|c| c.village(village))
            .map(|v| v.ten.clone())
            .unwrap_or_else(|| village.to_string());
        let status = StatusView::new(site, round, village);
        let count = round
            .results
            .as_ref()
            .and_then(|r| r.contests.get(village))
            .filter(|_| round.contest_status(village).has_figures());
        Self {
            url: urls::contest(&round.id, village),
            village: name,
            eligible: count.map(|c| number_vi(c.tong_cu_tri.into())),
            participants: count.map(|c| number_vi(c.cu_tri_tham_gia.into())),
            turnout: count
                .and_then(ContestCount::turnout_percent)
                .map(percent_vi),
            outcome: count.and_then(|c| OutcomeView::new(site, round, village, c)),
            status,
        }
    }
}

/// A step of the round's timeline.
#[derive(Debug, Clone, Serialize)]
pub struct StepView {
    pub key: &'static str,
    pub label: &'static str,
    pub date: Option<String>,
    pub date_iso: Option<String>,
    pub deadline: Option<String>,
    pub state_key: &'static str,
    pub state: &'static str,
    pub documents: Vec<Link>,
    pub late: Vec<String>,
}

/// The legal steps of a round, with their deadlines by the rules in force.
pub fn timeline_view(site: &Site, round: &Round, rules: &RuleSet) -> Vec<StepView> {
    timeline(round, rules, &site.config.ngay_nghi_le)
        .into_iter()
        .map(|step| {
            let date = match (step.first, step.last) {
                (Some(a), Some(b)) if a != b => {
                    Some(format!("{} – {}", a.vi_short(), b.vi_short()))
                }
                (Some(a), _) => Some(a.vi_short()),
                _ => None,
            };
            let village_name = |id: &str| {
                site.commune(&round.data.don_vi)
                    .and_then(|c| c.village(id))
                    .map(|v| v.ten.clone())
                    .unwrap_or_else(|| id.to_string())
            };
            StepView {
                key: step.kind.key(),
                label: step.kind.label_vi(),
                date,
                date_iso: step.first.map(|d| d.iso()),
                deadline: step.deadline.map(|d| d.vi_short()),
                state_key: step.state.key(),
                state: if step.state == StepState::Done && step.kind.key() == "ngay-bau-cu" {
                    "Đã bầu cử"
                } else {
                    step.state.label_vi()
                },
                documents: step
                    .documents
                    .iter()
                    .filter_map(|slug| site.document(slug))
                    .map(|d| Link {
                        title: d.data.tieu_de.clone(),
                        url: urls::document(&d.slug),
                    })
                    .collect(),
                late: step.late.iter().map(|v| village_name(v)).collect(),
            }
        })
        .collect()
}

/// What a rule set says, in one line for the page that applies it.
pub fn rules_summary(rules: &RuleSet) -> String {
    let base = match rules.election.base {
        Base::Eligible => "tổng số cử tri đại diện hộ gia đình",
        Base::Participants => "số cử tri tham gia",
        Base::ValidBallots => "số phiếu hợp lệ",
    };
    format!(
        "Cuộc bầu hợp lệ khi có trên {}% tổng số cử tri đại diện hộ gia đình tham gia; người trúng cử phải được trên {}% {} đồng ý (theo {}).",
        rules.quorum.percent, rules.election.percent, base, rules.name
    )
}

/// A share of a candidate list, as a table row beside its chart.
#[derive(Debug, Clone, Serialize)]
pub struct ShareRow {
    pub label: &'static str,
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
    pub title: &'static str,
    pub rows: Vec<ShareRow>,
    pub chart: String,
}

impl CompositionView {
    pub fn new(c: &Composition) -> Result<Self, String> {
        let row = |label, count: u32| ShareRow {
            label,
            count: number_vi(count.into()),
            share: percent(count, c.total).map(percent_vi).unwrap_or_default(),
        };
        let levels = |shares: &[crate::model::statistics::Share]| {
            shares
                .iter()
                .filter(|s| s.count > 0)
                .map(|s| row(s.label, s.count))
                .collect::<Vec<_>>()
        };
        let tables = [
            (
                "Cơ cấu ứng cử viên",
                vec![
                    row("Nữ", c.women),
                    row("Tái cử", c.re_election),
                    row("Ứng cử lần đầu", c.new),
                    row("Dân tộc thiểu số", c.minority),
                    row("Đảng viên", c.party_members),
                ],
            ),
            ("Trình độ chuyên môn", levels(&c.qualification)),
            ("Trình độ lý luận chính trị", levels(&c.political_theory)),
        ];
        let charts = charts::composition(c)?;
        Ok(Self {
            total: number_vi(c.total.into()),
            groups: tables
                .into_iter()
                .zip(charts)
                .map(|((title, rows), chart)| ShareGroup { title, rows, chart })
                .collect(),
        })
    }
}
