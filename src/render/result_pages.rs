//! Pages about results beyond one round: the public lists to post at the ward office (niêm yết),
//! and the overview of every round's results across wards and terms.

use super::locale::Locale;
use super::pages::trail;
use super::places::PlaceView;
use super::result_views::{ContestRow, OutcomeView};
use super::status_views::{ReasonView, RoundTotalsRow, TotalsView};
use super::views::{CandidateRow, DataLinks, Link, RoundSummary, round_village_name};
use super::{Renderer, link, urls};
use crate::export;
use crate::model::Site;
use crate::model::date::Date;
use crate::model::election::Round;
use crate::model::outcome::Outcome;
use crate::model::posted_list::ListIssue;
use crate::model::result::percent;
use crate::model::totals::{Scope, by_scope};
use serde::Serialize;
use tera::Context;

/// The heading and closing of a public list, in the state format of administrative documents
/// (thể thức văn bản, Nghị định 30/2020/NĐ-CP, appendix I).
#[derive(Serialize)]
struct ListHead {
    /// The directly superior body, in capitals, when the site names one.
    superior: Option<String>,
    /// The issuer on two lines: `ỦY BAN NHÂN DÂN` and `PHƯỜNG HỒNG GAI`.
    issuer_body: String,
    issuer_unit: String,
    /// `Số: 12/TB-UBND`, or blanks to fill in by hand.
    number: String,
    /// `Hồng Gai, ngày 09 tháng 6 năm 2022`, or blanks to fill in by hand.
    place_and_date: String,
    subtitle: String,
    /// `TM. ỦY BAN NHÂN DÂN` and `CHỦ TỊCH`.
    on_behalf: String,
    chair: String,
    signer: Option<String>,
    /// Nơi nhận, each without its dash and end mark; the archive copy is the template's.
    recipients: Vec<String>,
}

/// The heading of a round's public list, dated `date` (blanks when not known). The commune is
/// named as on election day, as the round's summary names it.
fn list_head(
    l: &Locale,
    summary: &RoundSummary,
    date: Option<Date>,
    issue: Option<&ListIssue>,
) -> ListHead {
    let commune = summary.commune.as_str();
    let issue = issue.cloned().unwrap_or_default();
    let when = date.map_or_else(|| l.t("public_list_date_blank"), |d| l.date_document(d));
    let place = issue
        .dia_danh
        .clone()
        .unwrap_or_else(|| place_name(commune).to_string());
    let issuer_body = l.t("public_list_issuer").to_uppercase();
    let number = issue.so.unwrap_or_else(|| l.t("public_list_number_blank"));
    ListHead {
        superior: issue.co_quan_chu_quan.map(|s| s.to_uppercase()),
        issuer_unit: commune.to_uppercase(),
        number: l.fill("public_list_number", &[("number", &number)]),
        place_and_date: l.fill(
            "public_list_place_date",
            &[("place", &place), ("date", &when)],
        ),
        subtitle: l.fill(
            "public_list_subtitle",
            &[
                ("office", &summary.office),
                ("term", &summary.term),
                ("date", &summary.date),
            ],
        ),
        on_behalf: l.fill("public_on_behalf", &[("body", &issuer_body)]),
        issuer_body,
        chair: l.t("public_chair").to_uppercase(),
        signer: issue.nguoi_ky,
        recipients: issue.noi_nhan,
    }
}

/// The place name before a document's date (địa danh): the commune's own name without its kind,
/// `Phường Hồng Gai` → `Hồng Gai`; a unit named by a number keeps its full name (`Phường 2`).
fn place_name(commune: &str) -> &str {
    ["Phường ", "Xã ", "Thị trấn "]
        .iter()
        .find_map(|kind| commune.strip_prefix(kind))
        .filter(|rest| !rest.starts_with(|c: char| c.is_ascii_digit()))
        .unwrap_or(commune)
}

#[derive(Serialize)]
struct CandidateGroup {
    village: String,
    rows: Vec<CandidateRow>,
}

/// The candidate list of a round, grouped by village, as posted before election day.
pub(super) fn candidate_list(r: &mut Renderer, site: &Site, round: &Round) -> Result<(), String> {
    let l = r.locale.clone();
    let summary = RoundSummary::new(&l, site, round);
    let posted = round.data.cac_buoc.niem_yet.as_ref().and_then(|s| s.ngay);
    let groups: Vec<CandidateGroup> = round
        .contest_ids()
        .into_iter()
        .map(|v| CandidateGroup {
            village: round_village_name(&l, site, round, v),
            rows: round
                .candidates_in(v)
                .map(|c| CandidateRow::new(&l, round, c))
                .collect(),
        })
        .collect();
    let url = urls::candidate_list(&round.id);
    let mut ctx = Context::new();
    ctx.insert("body_class", "public-list-page");
    ctx.insert("kind", "ung-cu-vien");
    ctx.insert("data", &DataLinks::of(&export::round_candidates(&round.id)));
    let heading = l.t("public_list_candidates");
    ctx.insert("heading", &heading);
    let issue = round.data.danh_sach_niem_yet.ung_cu_vien.as_ref();
    ctx.insert("head", &list_head(&l, &summary, posted, issue));
    ctx.insert("round", &summary);
    ctx.insert("groups", &groups);
    let title = format!("{heading} — {}", summary.title);
    let t = list_trail(&l, &summary, &heading, &url);
    r.page(&url, "public-list.html", &title, t, ctx)
}

#[derive(Serialize)]
struct ElectedRow {
    village: String,
    name: String,
    url: String,
    birth_year: u16,
    votes: String,
    share: String,
    decision: Vec<TextPart>,
}

/// A piece of running text; `whole` marks a document number or a date (`112/QĐ-UBND`,
/// `08/6/2022`) that a printed line must not break.
#[derive(Serialize)]
struct TextPart {
    text: String,
    whole: bool,
}

/// `text` cut so that each word holding a `/` is kept on one line.
fn keep_numbers_whole(text: &str) -> Vec<TextPart> {
    let mut parts: Vec<TextPart> = Vec::new();
    for (i, word) in text.split(' ').enumerate() {
        let whole = word.contains('/');
        // the space before a word goes with the plain text before it, never into a number
        let space = if i == 0 { "" } else { " " };
        match parts.last_mut() {
            Some(last) if !last.whole => last.text.push_str(space),
            _ if !space.is_empty() => parts.push(TextPart {
                text: space.into(),
                whole: false,
            }),
            _ => {}
        }
        match parts.last_mut() {
            Some(last) if !whole && !last.whole => last.text.push_str(word),
            _ => parts.push(TextPart {
                text: word.to_string(),
                whole,
            }),
        }
    }
    parts
}

#[derive(Serialize)]
struct UnfilledRow {
    village: String,
    url: String,
    outcome: Option<OutcomeView>,
    status: String,
    reason: Option<ReasonView>,
}

/// Those elected in a round, and the villages where nobody was, with why and what follows.
pub(super) fn elected_list(r: &mut Renderer, site: &Site, round: &Round) -> Result<(), String> {
    if round.contests.iter().all(|c| c.counted().is_none()) {
        return Ok(());
    }
    let l = r.locale.clone();
    let summary = RoundSummary::new(&l, site, round);
    let mut elected = Vec::new();
    let mut unfilled = Vec::new();
    let mut decided: Vec<Date> = Vec::new();
    for contest in &round.contests {
        let row = ContestRow::new(&l, site, round, contest);
        let counted = contest.counted();
        let winner = counted.and_then(|c| {
            let slug = c.elected?;
            let cand = round.candidate(slug)?;
            Some((cand, c))
        });
        match winner {
            Some((cand, c)) => {
                decided.extend(contest.decision.as_ref().and_then(|d| d.ngay));
                // a contest with figures: its status names the count's decision, when made
                let decision = match &row.status.decision {
                    Some(d) => d.to_string(),
                    None => row.status.label.to_string(),
                };
                let votes = c.votes(&cand.slug).unwrap_or(0);
                let base = match c.outcome {
                    Outcome::Elected { base, .. } => *base,
                    _ => c.figures.tong_cu_tri,
                };
                elected.push(ElectedRow {
                    village: row.village,
                    name: cand.data.ho_ten.clone(),
                    url: urls::candidate(&round.id, &contest.village, &cand.slug),
                    birth_year: cand.data.nam_sinh,
                    votes: l.number(votes),
                    share: percent(votes, base)
                        .map(|p| l.percent(p))
                        .unwrap_or_default(),
                    decision: keep_numbers_whole(&decision),
                });
            }
            None => {
                let label = row.status.label.to_string();
                let status = match &row.status.repeat_date {
                    Some(day) => l.fill(
                        "public_list_repeat",
                        &[("status", &label), ("date", &day.to_string())],
                    ),
                    None => label,
                };
                unfilled.push(UnfilledRow {
                    village: row.village,
                    url: row.url,
                    outcome: row.outcome,
                    status,
                    reason: row.status.reason,
                });
            }
        }
    }
    let url = urls::elected_list(&round.id);
    let mut ctx = Context::new();
    ctx.insert("body_class", "public-list-page");
    ctx.insert("kind", "trung-cu");
    ctx.insert("data", &DataLinks::of(&export::round_elected(&round.id)));
    let heading = l.t("public_list_elected");
    ctx.insert("heading", &heading);
    ctx.insert(
        "head",
        &list_head(
            &l,
            &summary,
            decided.iter().max().copied(),
            round.data.danh_sach_niem_yet.trung_cu.as_ref(),
        ),
    );
    ctx.insert("round", &summary);
    ctx.insert("elected", &elected);
    ctx.insert("unfilled", &unfilled);
    let title = format!("{heading} — {}", summary.title);
    let t = list_trail(&l, &summary, &heading, &url);
    r.page(&url, "public-list.html", &title, t, ctx)
}

fn list_trail(l: &Locale, summary: &RoundSummary, title: &str, url: &str) -> Vec<Link> {
    trail(
        l,
        &[
            link(l.t("title_rounds"), urls::ROUNDS),
            link(&summary.title, &summary.url),
        ],
        title,
        url,
    )
}

/// The totals of one scope (the site, a province) for one term.
#[derive(Serialize)]
struct ScopeView {
    term: String,
    /// The province's name; empty for the whole site.
    province: PlaceView,
    rounds: u32,
    totals: TotalsView,
}

/// Every round's results, newest first, across wards and terms; then the totals per term for
/// the whole site and for each province, as the data file `tong-hop` has them.
pub(super) fn overview(r: &mut Renderer, site: &Site) -> Result<(), String> {
    let l = r.locale.clone();
    let rows: Vec<RoundTotalsRow> = site
        .rounds
        .iter()
        .map(|round| RoundTotalsRow::new(&l, site, round))
        .collect();
    let scopes: Vec<ScopeView> = by_scope(site)
        .into_iter()
        .filter(|t| matches!(t.scope, Scope::Site | Scope::Province))
        .map(|t| ScopeView {
            term: l.term(t.term),
            province: PlaceView::named(&l, site, &t.name),
            rounds: t.rounds,
            totals: TotalsView::new(&l, &t.totals),
        })
        .collect();
    let mut ctx = Context::new();
    ctx.insert("rows", &rows);
    ctx.insert("scopes", &scopes);
    ctx.insert("all_results", &DataLinks::of(&export::all_results()));
    ctx.insert("totals_data", &DataLinks::of(&export::totals_file()));
    ctx.insert("divisions", &DataLinks::of(&export::divisions_file()));
    ctx.insert("popolo", &export::popolo_file());
    let title = l.t("title_results");
    r.page(
        urls::RESULTS,
        "results.html",
        &title,
        trail(&l, &[], &title, urls::RESULTS),
        ctx,
    )
}

#[cfg(test)]
mod tests {
    use super::{keep_numbers_whole, place_name};

    #[test]
    fn document_numbers_are_kept_whole_and_the_text_kept_as_is() {
        let text = "Quyết định số 112/QĐ-UBND ngày 08/6/2022 của UBND";
        let parts = keep_numbers_whole(text);
        let whole: Vec<&str> = parts
            .iter()
            .filter(|p| p.whole)
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(whole, ["112/QĐ-UBND", "08/6/2022"]);
        let joined: String = parts.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(joined, text);
        assert_eq!(keep_numbers_whole("Đã công nhận").len(), 1);
    }

    #[test]
    fn the_place_name_drops_the_kind_unless_the_name_is_a_number() {
        assert_eq!(place_name("Phường Hồng Gai"), "Hồng Gai");
        assert_eq!(place_name("Xã Hương Xuân"), "Hương Xuân");
        assert_eq!(place_name("Thị trấn Cẩm Xuyên"), "Cẩm Xuyên");
        assert_eq!(place_name("Phường 2"), "Phường 2");
        assert_eq!(place_name("Hong Gai Ward"), "Hong Gai Ward");
    }
}
