//! Where a contest stands in law, in the page's language: its status, the decision that made it
//! so, the reason, the repeat vote; and the totals of a set of contests. Both read what the model
//! resolved (`model::contest`, `model::totals`) and only word it.

use super::locale::Locale;
use super::urls;
use super::views::{Link, RoundSummary};
use crate::model::Site;
use crate::model::contest::{Contest, Reason};
use crate::model::decision::Decision;
use crate::model::election::Round;
use crate::model::totals::Totals;
use serde::Serialize;

/// `Quyết định số 125/QĐ-UBND ngày 08/6/2022`, with what is known of it, in the page's
/// language.
pub(crate) fn decision_label(l: &Locale<'_>, d: &Decision) -> String {
    let date = d.ngay.map(|day| l.date(day));
    match (&d.so, date) {
        (Some(number), Some(date)) => {
            l.fill("decision_label", &[("number", number), ("date", &date)])
        }
        (Some(number), None) => l.fill("decision_label_number", &[("number", number)]),
        (None, Some(date)) => l.fill("decision_label_date", &[("date", &date)]),
        (None, None) => l.t("decision_label_none"),
    }
}

/// A reason in the page's language: its own translation, or the Vietnamese marked as such.
#[derive(Debug, Clone, Serialize)]
pub struct ReasonView {
    pub text: String,
    /// The text is not in the page's language (shown in Vietnamese).
    pub untranslated: bool,
}

impl ReasonView {
    pub fn new(l: &Locale<'_>, r: &Reason) -> Self {
        match l.written(Some(&r.vi), r.en.as_ref()) {
            Some(own) => Self {
                text: own.clone(),
                untranslated: false,
            },
            None => Self {
                text: r.vi.clone(),
                untranslated: true,
            },
        }
    }
}

/// Where a contest's result stands in law, with the decision that made it so and why.
#[derive(Debug, Clone, Serialize)]
pub struct StatusView {
    pub key: &'static str,
    pub label: String,
    pub decision: Option<String>,
    pub decision_url: Option<String>,
    pub reason: Option<ReasonView>,
    pub repeat_date: Option<String>,
    pub repeat_round: Option<Link>,
    /// The round whose voided contest this one repeats.
    pub repeat_of: Option<Link>,
    /// `Nguyễn Văn X, từ 01/7/2022 đến 31/12/2022 (Quyết định số …)`.
    pub acting: Option<String>,
}

impl StatusView {
    pub fn new(l: &Locale<'_>, site: &Site, contest: &Contest) -> Self {
        let decision = contest.decision.as_ref();
        let repeat = contest.repeat.as_ref();
        let round_link = |id: &str, key: &str| {
            site.round(id).map(|r| Link {
                title: l.fill(key, &[("date", &l.date(r.data.ngay_bau_cu))]),
                url: urls::round(&r.id),
            })
        };
        Self {
            key: contest.status.key(),
            label: l.label("contest_status", contest.status.key()),
            decision: decision.map(|d| decision_label(l, d)),
            decision_url: decision
                .and_then(|d| d.van_ban.as_deref())
                .filter(|slug| site.document(slug).is_some())
                .map(urls::document),
            reason: contest.reason.as_ref().map(|r| ReasonView::new(l, r)),
            repeat_date: repeat.and_then(|r| r.date).map(|d| l.date(d)),
            repeat_round: repeat
                .and_then(|r| r.round.as_deref())
                .and_then(|id| round_link(id, "status_repeat_round")),
            repeat_of: contest
                .repeat_of
                .as_deref()
                .and_then(|id| round_link(id, "status_repeat_of")),
            acting: contest.acting.as_ref().map(|a| {
                let (from, to) = (l.date(a.tu_ngay), l.date(a.den_ngay));
                let mut args = vec![("name", a.ho_ten.clone()), ("from", from), ("to", to)];
                let key = match &a.quyet_dinh {
                    Some(d) => {
                        args.push(("decision", decision_label(l, d)));
                        "acting_period_decision"
                    }
                    None => "acting_period",
                };
                let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
                l.fill(key, &args)
            }),
        }
    }
}

/// One line of a totals table: a label and a count, with a share where one is meaningful.
#[derive(Debug, Clone, Serialize)]
pub struct TotalLine {
    pub key: &'static str,
    pub label: String,
    pub value: String,
}

/// The totals of a round, a commune, a province or the site, worded for a page.
#[derive(Debug, Clone, Serialize)]
pub struct TotalsView {
    /// `5.069/5.443 hộ = 93,13%`, when any figures are published.
    pub turnout: Option<String>,
    pub households: String,
    pub participants: String,
    /// Only the lines whose count is not zero, but contests held and elected always.
    pub lines: Vec<TotalLine>,
    /// `5 tái cử, 3 mới`.
    pub winners: Option<String>,
}

impl TotalsView {
    pub fn new(l: &Locale<'_>, t: &Totals) -> Self {
        // a count of contests in one status is labelled as that status is everywhere
        let status = |key: &'static str| l.label("contest_status", key);
        let own = |key: &'static str| l.t(&format!("totals_{key}"));
        let all = [
            ("contests", own("contests"), t.contests, true),
            ("counted", own("counted"), t.counted, true),
            ("elected", own("elected"), t.elected, true),
            ("not_elected", own("not_elected"), t.not_elected, false),
            ("bau-lai", status("bau-lai"), t.voided, false),
            (
                "dang-kiem-phieu",
                status("dang-kiem-phieu"),
                t.counting,
                false,
            ),
            ("sap-dien-ra", status("sap-dien-ra"), t.scheduled, false),
            ("hoan", status("hoan"), t.postponed, false),
            ("khong-to-chuc", status("khong-to-chuc"), t.not_held, false),
            (
                "winners_women",
                own("winners_women"),
                t.winners_women,
                false,
            ),
            (
                "winners_minority",
                own("winners_minority"),
                t.winners_minority,
                false,
            ),
        ];
        Self {
            turnout: t.turnout().map(|p| {
                l.fill(
                    "totals_turnout_value",
                    &[
                        ("part", &l.number(t.participants)),
                        ("whole", &l.number(t.households)),
                        ("percent", &l.percent(p)),
                    ],
                )
            }),
            households: l.number(t.households),
            participants: l.number(t.participants),
            lines: all
                .into_iter()
                .filter(|(_, _, n, always)| *always || *n > 0)
                .map(|(key, label, n, _)| TotalLine {
                    key,
                    label,
                    value: l.number(u64::from(n)),
                })
                .collect(),
            winners: (t.elected > 0).then(|| {
                l.fill(
                    "totals_winners_value",
                    &[
                        ("again", &l.number(u64::from(t.winners_re_elected))),
                        ("new", &l.number(u64::from(t.winners_new))),
                    ],
                )
            }),
        }
    }
}

/// A round as a row of a totals table (the results overview, a commune's page).
#[derive(Debug, Clone, Serialize)]
pub struct RoundTotalsRow {
    pub round: RoundSummary,
    pub totals: TotalsView,
    /// The round's NIST file, from the site root.
    pub nist: String,
}

impl RoundTotalsRow {
    pub fn new(l: &Locale<'_>, site: &Site, round: &Round) -> Self {
        Self {
            round: RoundSummary::new(l, site, round),
            totals: TotalsView::new(l, &Totals::of_round(round)),
            nist: crate::export::nist_file(&round.id),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::election::{ContestStatus, RoundStatus};
    use crate::model::spelling::{Spelled, label_key};
    use std::collections::BTreeMap;

    /// Pages and data files label every status from the strings: each language has each.
    #[test]
    fn every_status_has_a_label_in_each_language() {
        for file in [
            include_str!("../../themes/default/i18n/vi.yaml"),
            include_str!("../../themes/default/i18n/en.yaml"),
        ] {
            let strings: BTreeMap<String, String> = serde_yaml::from_str(file).unwrap();
            for s in ContestStatus::ALL {
                let k = label_key("contest_status", s.key());
                assert!(strings.contains_key(&k), "{k}");
            }
            for s in RoundStatus::ALL {
                assert!(strings.contains_key(&s.label_key()), "{s:?}");
            }
        }
    }
}
