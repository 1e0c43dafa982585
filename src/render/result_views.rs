//! Views of results: the figures of a contest, who is elected and why, where the result stands
//! in law, the round's dashboard and timeline. Every number and sentence is made here, from the
//! records and the rules in force; templates only place them.

use super::locale::Locale;
use super::status_views::StatusView;
use super::urls;
use super::views::{Link, round_village_name};
use crate::model::Site;
use crate::model::contest::{Contest, Counted};
use crate::model::election::Round;
use crate::model::holidays::Holidays;
use crate::model::language::Language;
use crate::model::outcome::Outcome;
use crate::model::result::{ContestCount, percent};
use crate::model::rules::RuleSet;
use crate::model::timeline::{StepState, timeline};
use serde::Serialize;

/// One figure of a vote-count record, with its share when it has one.
#[derive(Debug, Clone, Serialize)]
pub struct Figure {
    pub label: String,
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
    pub label: String,
    pub elected: Option<Link>,
    /// `Không đạt: người nhiều phiếu nhất (…) được 159/361 = 44,04% ≤ 50% tổng số hộ, …`.
    pub verdict: String,
    /// What follows under the rules.
    pub consequence: Option<String>,
    /// The rules applied, as cited.
    pub rules: String,
}

impl OutcomeView {
    pub fn new(
        l: &Locale<'_>,
        site: &Site,
        round: &Round,
        contest: &Contest,
        counted: &Counted<'_>,
    ) -> Option<Self> {
        let rules = site.rules_for(round)?;
        let village = contest.village.as_str();
        let name = |slug: &str| {
            round
                .candidates_in(village)
                .find(|c| c.slug == slug)
                .map(|c| c.data.ho_ten.clone())
                .unwrap_or_else(|| slug.to_string())
        };
        let outcome = counted.outcome;
        let (verdict, consequence) = verdict(l, outcome, rules, &name);
        // figures that elect someone whose result was not recognised: the decision says why
        let consequence = if counted.elects_unrecognised() {
            Some(l.t("consequence_not_recognised"))
        } else {
            consequence
        };
        Some(Self {
            key: counted.result_key(),
            label: l.label("outcome", counted.result_key()),
            elected: counted.elected.map(|slug| Link {
                title: name(slug),
                url: urls::candidate(&round.id, village, slug),
            }),
            verdict,
            consequence,
            rules: rules_name(l, rules).to_string(),
        })
    }
}

/// The verdict of an outcome in a sentence, and what follows under the rules when nobody is
/// elected. `name` gives a candidate's name by slug.
fn verdict(
    l: &Locale<'_>,
    outcome: &Outcome,
    rules: &RuleSet,
    name: &dyn Fn(&str) -> String,
) -> (String, Option<String>) {
    // `159/361 = 44,04%`
    let ratio = |part: u32, whole: u32, pct: u8| {
        format!(
            "{}/{} = {}",
            l.number(part),
            l.number(whole),
            l.share_against(part, whole, pct)
        )
    };
    let q = rules.quorum.percent;
    let e = rules.election;
    let e_percent = e.percent.to_string();
    let e_base = l.of_value(e.base);
    let repeat = l.fill(
        "consequence_repeat",
        &[("days", &rules.recognition_working_days.to_string())],
    );
    match outcome {
        Outcome::QuorumNotMet {
            participants,
            eligible,
        } => (
            l.fill(
                "verdict_quorum_not_met",
                &[
                    ("ratio", &ratio(*participants, *eligible, q)),
                    ("percent", &q.to_string()),
                ],
            ),
            Some(repeat),
        ),
        Outcome::Elected { slug, votes, base } => (
            l.fill(
                "verdict_elected",
                &[
                    ("name", &name(slug)),
                    ("ratio", &ratio(*votes, *base, e.percent)),
                    ("percent", &e_percent),
                    ("base", &e_base),
                ],
            ),
            None,
        ),
        Outcome::NotElected { best, base } => (
            match best {
                Some((slug, votes)) => l.fill(
                    "verdict_not_elected",
                    &[
                        ("name", &name(slug)),
                        ("ratio", &ratio(*votes, *base, e.percent)),
                        ("percent", &e_percent),
                        ("base", &e_base),
                    ],
                ),
                None => l.t("verdict_no_votes"),
            },
            Some(repeat),
        ),
        Outcome::Tie { slugs, votes, base } => (
            l.fill(
                "verdict_tie",
                &[
                    (
                        "names",
                        &slugs.iter().map(|s| name(s)).collect::<Vec<_>>().join(", "),
                    ),
                    ("ratio", &ratio(*votes, *base, e.percent)),
                ],
            ),
            Some(repeat),
        ),
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
    pub method: Option<String>,
    pub record_date: Option<String>,
    pub received: Option<String>,
    pub signers: Vec<SignerView>,
}

impl ResultView {
    pub fn new(
        l: &Locale<'_>,
        site: &Site,
        round: &Round,
        contest: &Contest,
        counted: &Counted<'_>,
    ) -> Self {
        let c = counted.figures;
        let village = contest.village.as_str();
        let share = |part, whole| percent(part, whole).map(|p| l.percent(p));
        let fig = |key: &str, v: u32, s| Figure {
            label: l.t(key),
            value: l.number(v),
            share: s,
        };
        let mut figures = vec![
            fig("figure_eligible", c.tong_cu_tri, None),
            fig(
                "figure_participants",
                c.cu_tri_tham_gia,
                share(c.cu_tri_tham_gia, c.tong_cu_tri),
            ),
            fig("figure_issued", c.phieu_phat_ra, None),
            fig(
                "figure_collected",
                c.phieu_thu_vao,
                share(c.phieu_thu_vao, c.phieu_phat_ra),
            ),
            fig(
                "figure_valid",
                c.phieu_hop_le,
                share(c.phieu_hop_le, c.phieu_thu_vao),
            ),
            fig(
                "figure_invalid",
                c.phieu_khong_hop_le,
                share(c.phieu_khong_hop_le, c.phieu_thu_vao),
            ),
        ];
        // stated where there are any, as a share of the valid ballots they are part of
        if let Some(blank) = c.blank_ballots().filter(|&n| n > 0) {
            figures.push(fig("figure_blank", blank, share(blank, c.phieu_hop_le)));
        }
        let outcome = OutcomeView::new(l, site, round, contest, counted);
        let mut votes: Vec<(u32, VoteRow)> = round
            .candidates_in(village)
            .map(|cand| {
                let n = c.so_phieu.get(&cand.slug).copied().unwrap_or(0);
                let url = urls::candidate(&round.id, village, &cand.slug);
                (
                    n,
                    VoteRow {
                        name: cand.data.ho_ten.clone(),
                        elected: counted.elected == Some(cand.slug.as_str()),
                        url,
                        votes: l.number(n),
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
            method: c.hinh_thuc.map(|m| l.of_value(m)),
            record_date: record.map(|r| l.date(r.ngay)),
            received: record.and_then(|r| r.ngay_nhan).map(|d| l.date(d)),
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
    /// Valid ballots naming no candidate, where there are any.
    pub blank: Option<String>,
    pub outcome: Option<OutcomeView>,
    pub status: StatusView,
}

impl ContestRow {
    pub fn new(l: &Locale<'_>, site: &Site, round: &Round, contest: &Contest) -> Self {
        let counted = contest.counted();
        let count = counted.map(|c| c.figures);
        Self {
            url: urls::contest(&round.id, &contest.village),
            village: round_village_name(l, site, round, &contest.village),
            eligible: count.map(|c| l.number(c.tong_cu_tri)),
            participants: count.map(|c| l.number(c.cu_tri_tham_gia)),
            turnout: count
                .and_then(ContestCount::turnout_percent)
                .map(|p| l.percent(p)),
            blank: count
                .and_then(ContestCount::blank_ballots)
                .filter(|&n| n > 0)
                .map(|n| l.number(n)),
            outcome: counted.and_then(|c| OutcomeView::new(l, site, round, contest, &c)),
            status: StatusView::new(l, site, contest),
        }
    }
}

/// A step of the round's timeline.
#[derive(Debug, Clone, Serialize)]
pub struct StepView {
    pub key: &'static str,
    pub label: String,
    pub date: Option<String>,
    pub date_iso: Option<String>,
    pub deadline: Option<String>,
    pub state_key: &'static str,
    pub state: String,
    pub documents: Vec<Link>,
    pub late: Vec<String>,
    /// Each contest's own recognition deadline, when the contests do not share one.
    pub contests: Vec<ContestDeadlineView>,
}

/// One contest's decision against its own deadline.
#[derive(Debug, Clone, Serialize)]
pub struct ContestDeadlineView {
    pub village: String,
    pub decided: Option<String>,
    pub decided_iso: Option<String>,
    pub deadline: String,
    pub state_key: &'static str,
    pub state: String,
}

/// The legal steps of a round, with their deadlines by the rules in force.
pub fn timeline_view(l: &Locale<'_>, site: &Site, round: &Round, rules: &RuleSet) -> Vec<StepView> {
    timeline(round, rules, &Holidays::from_config(&site.config))
        .into_iter()
        .map(|step| {
            let date = match (step.first, step.last) {
                (Some(a), Some(b)) if a != b => Some(format!("{} – {}", l.date(a), l.date(b))),
                (Some(a), _) => Some(l.date(a)),
                _ => None,
            };
            StepView {
                key: step.kind.key(),
                label: l.label("step_kind", step.kind.key()),
                date,
                date_iso: step.first.map(|d| d.iso()),
                deadline: step.deadline.map(|d| l.date(d)),
                state_key: step.state.key(),
                state: if step.state == StepState::Done && step.kind.key() == "ngay-bau-cu" {
                    l.t("step_state_da_bau_cu")
                } else {
                    l.label("step_state", step.state.key())
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
                late: step
                    .late
                    .iter()
                    .map(|v| round_village_name(l, site, round, v))
                    .collect(),
                contests: step
                    .contests
                    .iter()
                    .map(|c| ContestDeadlineView {
                        village: round_village_name(l, site, round, &c.village),
                        decided: c.decided.map(|d| l.date(d)),
                        decided_iso: c.decided.map(|d| d.iso()),
                        deadline: l.date(c.deadline),
                        state_key: c.state().key(),
                        state: l.label("step_state", c.state().key()),
                    })
                    .collect(),
            }
        })
        .collect()
}

/// What a rule set says, in one line for the page that applies it.
pub fn rules_summary(l: &Locale<'_>, rules: &RuleSet) -> String {
    l.fill(
        "rules_summary",
        &[
            ("quorum", &rules.quorum.percent.to_string()),
            ("percent", &rules.election.percent.to_string()),
            ("base", &l.label("base_long", rules.election.base.key())),
            ("rules", rules_name(l, rules)),
        ],
    )
}

/// The rules' name in the page's language: the built-in laws have an English name; a site's
/// own set keeps the name it wrote.
fn rules_name<'r>(l: &Locale<'_>, rules: &'r RuleSet) -> &'r str {
    if l.language == Language::En {
        rules.name_en()
    } else {
        &rules.name
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::Date;
    use crate::model::decision::Decision;
    use crate::model::rules::{Base, Threshold};
    use crate::model::testing::{count, law};
    use crate::render::i18n::Strings;
    use crate::render::status_views::decision_label;
    use std::collections::BTreeMap;

    /// The default theme's strings of `language`, as the site reads them.
    fn strings(language: Language) -> Strings {
        let text = match language {
            Language::Vi => include_str!("../../themes/default/i18n/vi.yaml"),
            _ => include_str!("../../themes/default/i18n/en.yaml"),
        };
        serde_yaml::from_str::<BTreeMap<String, String>>(text).unwrap()
    }

    fn verdict_of(l: &Locale<'_>, c: &ContestCount, rules: &RuleSet) -> (String, Option<String>) {
        let order = ["long", "huy"];
        let outcome = Outcome::decide(c, rules, &order);
        let name = |slug: &str| match slug {
            "long" => "Nguyễn Văn Long".to_string(),
            "huy" => "Trần Quang Huy".to_string(),
            other => other.to_string(),
        };
        verdict(l, &outcome, rules, &name)
    }

    #[test]
    fn the_159_of_361_verdict_reads_in_each_language() {
        let (vi, en) = (strings(Language::Vi), strings(Language::En));
        let (vi, en) = (
            Locale::new(Language::Vi, true, &vi),
            Locale::new(Language::En, false, &en),
        );
        let c = count(361, 314, 309, &[("long", 159), ("huy", 141)]);
        let (verdict, consequence) = verdict_of(&vi, &c, &law());
        assert_eq!(
            verdict,
            "Không đạt: người nhiều phiếu nhất (Nguyễn Văn Long) được 159/361 = 44,04% ≤ 50% tổng số hộ, nên không có người trúng cử."
        );
        let days = law().recognition_working_days;
        assert_eq!(
            consequence.unwrap(),
            format!(
                "Theo quy định, Ủy ban nhân dân cấp xã quyết định bầu lại trong {days} ngày làm việc kể từ ngày nhận biên bản."
            )
        );
        let (verdict, consequence) = verdict_of(&en, &c, &law());
        assert_eq!(
            verdict,
            "Not met: the candidate with the most votes (Nguyễn Văn Long) received 159/361 = 44.04% ≤ 50% of all households, so nobody is elected."
        );
        assert!(
            consequence
                .unwrap()
                .contains(&format!("within {days} working days"))
        );
    }

    #[test]
    fn other_verdicts_read_in_each_language() {
        let (vi, en) = (strings(Language::Vi), strings(Language::En));
        let (vi, en) = (
            Locale::new(Language::Vi, true, &vi),
            Locale::new(Language::En, false, &en),
        );
        let elected = count(361, 314, 309, &[("long", 190), ("huy", 100)]);
        assert_eq!(
            verdict_of(&vi, &elected, &law()),
            (
                "Trúng cử: Nguyễn Văn Long với 190/361 = 52,63% > 50% tổng số hộ.".to_string(),
                None
            )
        );
        assert_eq!(
            verdict_of(&en, &elected, &law()).0,
            "Elected: Nguyễn Văn Long with 190/361 = 52.63% > 50% of all households."
        );
        let few = count(1412, 198, 194, &[("long", 117)]);
        assert_eq!(
            verdict_of(&vi, &few, &law()).0,
            "Không đạt: 198/1.412 = 14,02% số hộ tham gia ≤ 50% tổng số hộ, nên cuộc bầu không hợp lệ."
        );
        assert_eq!(
            verdict_of(&en, &few, &law()).0,
            "Not met: 198/1,412 = 14.02% of households took part ≤ 50% of all households, so the vote is not valid."
        );
        let none = count(100, 80, 0, &[]);
        assert_eq!(
            verdict_of(&vi, &none, &law()).0,
            "Không đạt: không ứng cử viên nào có phiếu, nên không có người trúng cử."
        );
        let mut low = law();
        low.election = Threshold {
            percent: 30,
            base: Base::ValidBallots,
        };
        let tie = count(100, 90, 90, &[("huy", 40), ("long", 40)]);
        assert_eq!(
            verdict_of(&vi, &tie, &low).0,
            "Không đạt: Nguyễn Văn Long, Trần Quang Huy bằng phiếu nhau, mỗi người 40/90 = 44,44%, nên không có người trúng cử."
        );
        assert_eq!(
            verdict_of(&en, &tie, &low).0,
            "Not met: Nguyễn Văn Long, Trần Quang Huy received equal votes, 40/90 = 44.44% each, so nobody is elected."
        );
    }

    #[test]
    fn decisions_are_labelled_with_what_is_known() {
        let (vi, en) = (strings(Language::Vi), strings(Language::En));
        let (vi, en) = (
            Locale::new(Language::Vi, true, &vi),
            Locale::new(Language::En, false, &en),
        );
        let d = |so: Option<&str>, ngay: Option<Date>| Decision {
            so: so.map(str::to_string),
            ngay,
            van_ban: None,
        };
        let day = Date::new(2022, 6, 8);
        let cases = [
            d(Some("125/QĐ-UBND"), day),
            d(Some("125/QĐ-UBND"), None),
            d(None, day),
            d(None, None),
        ];
        for case in &cases {
            assert_eq!(decision_label(&vi, case), case.label_vi());
        }
        let en: Vec<String> = cases.iter().map(|c| decision_label(&en, c)).collect();
        assert_eq!(
            en,
            [
                "Decision No. 125/QĐ-UBND of 8 June 2022",
                "Decision No. 125/QĐ-UBND",
                "Decision of 8 June 2022",
                "Decision",
            ]
        );
    }

    #[test]
    fn the_rules_summary_reads_in_each_language() {
        let (vi, en) = (strings(Language::Vi), strings(Language::En));
        let (vi, en) = (
            Locale::new(Language::Vi, true, &vi),
            Locale::new(Language::En, false, &en),
        );
        let rules = law();
        assert_eq!(
            rules_summary(&vi, &rules),
            format!(
                "Cuộc bầu hợp lệ khi có trên 50% tổng số cử tri đại diện hộ gia đình tham gia; người trúng cử phải được trên 50% tổng số cử tri đại diện hộ gia đình đồng ý (theo {}).",
                rules.name
            )
        );
        assert!(rules_summary(&en, &rules).starts_with(
            "A vote is valid when more than 50% of all household representative voters take part"
        ));
    }
}
