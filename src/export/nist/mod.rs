//! Each round's results in the NIST SP 1500-100 v2 Election Results Common Data Format (JSON), as
//! the schema of usnistgov/ElectionResultsReporting (version 2) defines it.
//!
//! How the Vietnamese model maps onto it:
//! - one `Election` per round (`Type` `general`: the regular election of a term), held on
//!   election day, scoped to the commune's `GpUnit`;
//! - `GpUnit`: a `ReportingUnit` per commune (`ward`, or `other` with `OtherType` `commune`,
//!   `township`, `special-zone`) and one per contest, for the village as it voted in that round
//!   (`village`, or `other` with the village kind, e.g. `khu-pho`): the household
//!   representatives (`VotersRegistered`) and those who took part (`VotersParticipated`) belong to
//!   one vote, so a village voting in several rounds has a unit for each, all carrying the same
//!   `ocd-id`; the official code (mã đơn vị hành chính) is a `national-level` identifier;
//! - an `Office` per village head post and term, a `Person` and a `Candidate` per candidate, a
//!   `CandidateContest` per village with one `CandidateSelection` per candidate; the ballots
//!   collected and rejected go in the election's `BallotCounts`, as the schema has no ballot
//!   counts on a contest; the valid ballots naming no candidate are the contest's `Undervotes`
//!   (`OtherCounts`), one vote being allowed a ballot;
//! - one report per round, whose `Status` maps the round's status as the model derives it from
//!   its contests (`certified` once every contest held is recognised or sent to a repeat vote);
//! - each contest carries its status as the pages name it (`other` identifier `niemyet-status`,
//!   e.g. `bau-lai`), and the round of its repeat vote (`niemyet-repeat-round`) or of the vote it
//!   repeats (`niemyet-repeat-of`);
//! - `PostElectionStatus` comes from who the model says is elected: `winner` and `defeated`
//!   once recognised, `projected-winner` while provisional, nothing for a voided contest.
//!
//! `GeneratedDate` must not come from the clock (the same content must give the same bytes): it is
//! the latest date found in the data (election days, vote-count records and their receipt,
//! decisions), at midnight in Vietnam (`T00:00:00+07:00`).

use super::Labels;
use super::contest::Contest;
use super::ocd;
use crate::model::Site;
use crate::model::candidate::{Candidate, Gender};
use crate::model::date::Date;
use crate::model::division::{Commune, CommuneKind, VillageKind};
use crate::model::election::{ContestStatus, Round, RoundStatus};
use crate::model::rules::RuleSet;
use crate::model::text::sort_key;
use crate::render::views::round_title;

/// `"ElectionResults.<name>"`, the `@type` of every object.
macro_rules! kind {
    ($name:literal) => {
        concat!("ElectionResults.", $name)
    };
}

mod cdf;

pub use cdf::ElectionReport;
use cdf::{
    BallotCounts, CandidateContest, CandidateSelection, CountStatus, Election, ExternalIdentifier,
    NistCandidate, Office, OtherCounts, Person, ReportingUnit, Term, VoteCounts, identifier,
    other_identifier, text,
};

// Ids: a prefix for the kind, then content ids (lowercase slugs, which hold no `.`) joined by `.`,
// so that two different objects cannot share an id.
fn commune_unit(commune: &str) -> String {
    format!("gpu-c-{commune}")
}
fn village_unit(round: &Round, village: &str) -> String {
    format!("gpu-v-{}.{village}", round.id)
}
fn office_id(round: &Round, village: &str) -> String {
    format!("off-{}.{village}", round.id)
}
fn person_id(round: &Round, c: &Candidate) -> String {
    format!("per-{}.{}", round.id, c.slug)
}
fn candidate_id(round: &Round, c: &Candidate) -> String {
    format!("can-{}.{}", round.id, c.slug)
}

/// The unit type of a commune-level unit: NIST has `ward`; the others are `other`.
fn commune_type(kind: CommuneKind) -> (&'static str, Option<String>) {
    match kind {
        CommuneKind::Ward => ("ward", None),
        CommuneKind::Commune => ("other", Some("commune".into())),
        CommuneKind::Township => ("other", Some("township".into())),
        CommuneKind::SpecialZone => ("other", Some("special-zone".into())),
    }
}

/// Rural communities are villages; urban neighbourhoods are `other`, named by their kind.
fn village_type(kind: Option<VillageKind>) -> (&'static str, Option<String>) {
    match kind {
        Some(
            VillageKind::Thon
            | VillageKind::Xom
            | VillageKind::Ban
            | VillageKind::Buon
            | VillageKind::Ap
            | VillageKind::Lang
            | VillageKind::Phum
            | VillageKind::Soc
            | VillageKind::Plei,
        ) => ("village", None),
        Some(k) => ("other", Some(super::content_key(k))),
        None => ("other", Some("village".into())),
    }
}

fn commune_unit_of(c: &Commune, contests: &[Contest]) -> ReportingUnit {
    let (unit_type, other_type) = commune_type(c.data.cap);
    let mut external_identifier = vec![identifier("ocd-id", ocd::commune(c))];
    if let Some(code) = &c.data.ma_hanh_chinh {
        external_identifier.push(identifier("national-level", code.clone()));
    }
    ReportingUnit {
        id: commune_unit(&c.id),
        kind: kind!("ReportingUnit"),
        composing_gp_unit_ids: contests
            .iter()
            .filter(|x| x.commune.is_some_and(|of| of.id == c.id))
            .map(|x| village_unit(x.round, x.village_id))
            .collect(),
        external_identifier,
        name: text(&c.data.ten, c.data.ten_en.as_deref()),
        other_type,
        unit_type,
        voters_participated: None,
        voters_registered: None,
    }
}

fn village_unit_of(c: &Contest) -> ReportingUnit {
    let (unit_type, other_type) = village_type(c.village.map(|v| v.loai));
    let count = c.counted().map(|f| f.figures);
    ReportingUnit {
        id: village_unit(c.round, c.village_id),
        kind: kind!("ReportingUnit"),
        composing_gp_unit_ids: Vec::new(),
        external_identifier: c
            .ocd_id()
            .map(|id| identifier("ocd-id", id))
            .into_iter()
            .collect(),
        name: text(c.village_name(), c.village_name_en()),
        other_type,
        unit_type,
        voters_participated: count.map(|n| n.cu_tri_tham_gia),
        voters_registered: count.map(|n| n.tong_cu_tri),
    }
}

fn office_of(c: &Contest, labels: Labels) -> Office {
    let d = &c.round.data;
    Office {
        id: office_id(c.round, c.village_id),
        kind: kind!("Office"),
        election_district_id: village_unit(c.round, c.village_id),
        is_partisan: false,
        name: text(
            &format!("{} {}", labels.site.of_value(d.chuc_danh), c.village_name()),
            None,
        ),
        term: Term {
            kind: kind!("Term"),
            label: d.nhiem_ky.to_string(),
            term_type: "full-term",
        },
    }
}

fn person_of(round: &Round, c: &Candidate) -> Person {
    let words: Vec<&str> = c.data.ho_ten.split_whitespace().collect();
    let (last, first, middle) = match words.as_slice() {
        [] => ("", "", &[][..]),
        [only] => ("", *only, &[][..]),
        [family, middle @ .., given] => (*family, *given, middle),
    };
    Person {
        id: person_id(round, c),
        kind: kind!("Person"),
        first_name: first.to_string(),
        full_name: text(&c.data.ho_ten, None),
        gender: match c.data.gioi_tinh {
            Gender::Male => "male",
            Gender::Female => "female",
        },
        last_name: last.to_string(),
        middle_name: middle.iter().map(|m| m.to_string()).collect(),
        profession: text(&c.data.nghe_nghiep, None),
    }
}

/// "more than 50% of all households", from the rules the round follows.
fn vote_variation(rules: Option<&RuleSet>, labels: Labels) -> String {
    match rules {
        Some(r) => format!(
            "One representative per household votes. Elected: the candidate with the votes of \
             more than {}% of {}, the vote being valid only if more than {}% of {} took part \
             (rules: {})",
            r.election.percent,
            labels.english.of_value(r.election.base),
            r.quorum.percent,
            labels.english.of_value(r.quorum.base),
            r.id
        ),
        None => "One representative per household votes. Elected: the candidate with the votes \
                 of more than 50% of all household representatives"
            .into(),
    }
}

fn count_status(status: ContestStatus) -> &'static str {
    match status {
        ContestStatus::Provisional
        | ContestStatus::Recognised
        | ContestStatus::RepeatOrdered
        | ContestStatus::Repeated => "completed",
        ContestStatus::Counting => "in-process",
        ContestStatus::Scheduled | ContestStatus::Postponed | ContestStatus::NotHeld => {
            "not-processed"
        }
    }
}

fn contest_of(c: &Contest, order: u32, labels: Labels) -> CandidateContest {
    let unit = village_unit(c.round, c.village_id);
    CandidateContest {
        id: format!("con-{}.{}", c.round.id, c.village_id),
        kind: kind!("CandidateContest"),
        contest_selection: c
            .candidates
            .iter()
            .zip(1..)
            .map(|(cand, seq)| CandidateSelection {
                id: format!("sel-{}.{}.{}", c.round.id, c.village_id, cand.slug),
                kind: kind!("CandidateSelection"),
                candidate_ids: vec![candidate_id(c.round, cand)],
                sequence_order: seq,
                vote_counts: c
                    .votes(&cand.slug)
                    .map(|count| VoteCounts {
                        kind: kind!("VoteCounts"),
                        count,
                        gp_unit_id: unit.clone(),
                        count_type: "total",
                    })
                    .into_iter()
                    .collect(),
            })
            .collect(),
        count_status: vec![CountStatus {
            kind: kind!("CountStatus"),
            status: count_status(c.status()),
            count_type: "total",
        }],
        election_district_id: unit.clone(),
        external_identifier: contest_identifiers(c),
        name: format!(
            "{} {}",
            labels.site.of_value(c.round.data.chuc_danh),
            c.village_name()
        ),
        number_elected: 1,
        office_ids: vec![office_id(c.round, c.village_id)],
        // one vote a ballot (`VotesAllowed` 1): the blank ballots are the undervotes
        other_counts: c
            .counted()
            .and_then(|n| n.figures.blank_ballots())
            .map(|undervotes| OtherCounts {
                kind: kind!("OtherCounts"),
                gp_unit_id: unit.clone(),
                undervotes,
            })
            .into_iter()
            .collect(),
        other_vote_variation: vote_variation(c.rules, labels),
        sequence_order: order,
        vote_variation: "other",
        votes_allowed: 1,
    }
}

/// The contest's status as the pages name it, and the rounds of its repeat vote.
fn contest_identifiers(c: &Contest) -> Vec<ExternalIdentifier> {
    let r = c.resolved;
    let mut ids = vec![other_identifier("niemyet-status", r.status.key())];
    if let Some(round) = r.repeat.as_ref().and_then(|x| x.round.as_deref()) {
        ids.push(other_identifier("niemyet-repeat-round", round));
    }
    if let Some(round) = r.repeat_of.as_deref() {
        ids.push(other_identifier("niemyet-repeat-of", round));
    }
    ids
}

/// `winner` and `defeated` once the result is recognised, `projected-winner` (and nothing for
/// the others) while it is provisional; nothing when it was voided or has no figures.
fn post_election_status(c: &Contest, cand: &Candidate) -> Option<&'static str> {
    c.counted()?;
    let winner = c.elected().is_some_and(|e| e.slug == cand.slug);
    match (c.status(), winner) {
        (ContestStatus::Recognised, true) => Some("winner"),
        (ContestStatus::Recognised, false) => Some("defeated"),
        (ContestStatus::Provisional, true) => Some("projected-winner"),
        _ => None,
    }
}

fn candidate_of(c: &Contest, cand: &Candidate) -> NistCandidate {
    NistCandidate {
        id: candidate_id(c.round, cand),
        kind: kind!("Candidate"),
        ballot_name: text(&cand.data.ho_ten, None),
        is_incumbent: cand.data.tai_cu,
        person_id: person_id(c.round, cand),
        post_election_status: post_election_status(c, cand),
    }
}

fn election_of(site: &Site, round: &Round, contests: &[&Contest], labels: Labels) -> Election {
    let commune = site.commune(&round.data.don_vi);
    let en = commune.and_then(|c| c.data.ten_en.as_deref()).map(|name| {
        format!(
            "Election of village and neighbourhood heads, {name}, term {}",
            round.data.nhiem_ky
        )
    });
    Election {
        kind: kind!("Election"),
        ballot_counts: contests
            .iter()
            .filter_map(|c| {
                let n = c.counted()?.figures;
                Some(BallotCounts {
                    kind: kind!("BallotCounts"),
                    ballots_cast: n.phieu_thu_vao,
                    ballots_rejected: n.phieu_khong_hop_le,
                    gp_unit_id: village_unit(c.round, c.village_id),
                    count_type: "total",
                })
            })
            .collect(),
        candidate: contests
            .iter()
            .flat_map(|c| c.candidates.iter().map(|cand| candidate_of(c, cand)))
            .collect(),
        contest: contests
            .iter()
            .zip(1..)
            .map(|(c, i)| contest_of(c, i, labels))
            .collect(),
        election_scope_id: commune_unit(&round.data.don_vi),
        end_date: round.data.ngay_bau_cu,
        external_identifier: vec![other_identifier("niemyet-round", &round.id)],
        name: text(&round_title(labels.site, site, round), en.as_deref()),
        start_date: round.data.ngay_bau_cu,
        election_type: "general",
    }
}

/// The round's status (`Round::status`, derived from its contests) in NIST's words.
fn report_status(round: &Round) -> &'static str {
    match round.status {
        RoundStatus::Scheduled | RoundStatus::Postponed | RoundStatus::NotHeld => "pre-election",
        RoundStatus::Counting => "unofficial-partial",
        RoundStatus::Provisional | RoundStatus::Voided => "unofficial-complete",
        RoundStatus::Official | RoundStatus::PartlyVoided => "certified",
    }
}

/// The latest date in the round's data (see the module's doc).
pub fn generated_date(round: &Round) -> String {
    let mut dates: Vec<Date> = vec![round.data.ngay_bau_cu];
    dates.extend(round.data.quyet_dinh_hoan.as_ref().and_then(|q| q.ngay));
    for c in &round.contests {
        dates.extend(c.decision.as_ref().and_then(|q| q.ngay));
        if let Some(record) = c.counted().and_then(|f| f.figures.bien_ban.as_ref()) {
            dates.push(record.ngay);
            dates.extend(record.ngay_nhan);
        }
    }
    let day = dates.into_iter().max().unwrap_or(round.data.ngay_bau_cu);
    format!("{}T00:00:00+07:00", day.iso())
}

/// Initials of the issuing body, folded to ASCII, an acronym kept whole: "Ủy ban nhân dân
/// phường Hồng Gai" → `UBNDPHG`, "UBND phường Đồng Kỵ" → `UBNDPDK`. Stable while the body's
/// name is.
pub fn abbreviation(issuer: &str) -> String {
    let initials: String = issuer
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let acronym = w.chars().count() > 1 && !w.chars().any(char::is_lowercase);
            let folded = sort_key(w).to_ascii_uppercase();
            if acronym {
                folded
            } else {
                folded.chars().take(1).collect()
            }
        })
        .collect();
    if initials.is_empty() {
        "NIEMYET".into()
    } else {
        initials
    }
}

/// The report of one round. `contests`: the round's, as `Contest::of_round` gives them.
pub fn report(site: &Site, round: &Round, contests: &[Contest], labels: Labels) -> ElectionReport {
    let mut gp_unit: Vec<ReportingUnit> = site
        .commune(&round.data.don_vi)
        .map(|c| commune_unit_of(c, contests))
        .into_iter()
        .collect();
    gp_unit.extend(contests.iter().map(village_unit_of));
    let of_round: Vec<&Contest> = contests.iter().collect();
    ElectionReport {
        kind: kind!("ElectionReport"),
        election: vec![election_of(site, round, &of_round, labels)],
        format: "summary-contest",
        generated_date: generated_date(round),
        gp_unit,
        is_test: site.config.du_lieu_mau,
        issuer: site.config.co_quan.clone(),
        issuer_abbreviation: abbreviation(&site.config.co_quan),
        office: contests.iter().map(|c| office_of(c, labels)).collect(),
        person: round
            .candidates
            .iter()
            .map(|c| person_of(round, c))
            .collect(),
        sequence_end: 1,
        sequence_start: 1,
        status: report_status(round),
        vendor_application_id: format!("niemyet {}", env!("CARGO_PKG_VERSION")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::testing::{example_site, strings};
    use crate::model::language::Language;
    use crate::render::locale::Locale;
    use serde_json::Value;
    use std::collections::BTreeSet;

    fn example(round: &str) -> Value {
        let site = example_site();
        let round = site.round(round).unwrap();
        let contests = Contest::of_round(&site, round);
        let (vi, en) = (strings("vi"), strings("en"));
        let (vi, en) = (
            Locale::new(Language::Vi, true, &vi),
            Locale::new(Language::En, false, &en),
        );
        let labels = Labels {
            site: &vi,
            english: &en,
        };
        serde_json::to_value(report(&site, round, &contests, labels)).unwrap()
    }

    /// Every `@id`, and every reference (`…Id` or `…Ids`, but the vendor's application, which is
    /// a name), anywhere in the document.
    fn ids_and_references(v: &Value, ids: &mut Vec<String>, refs: &mut Vec<String>) {
        match v {
            Value::Object(map) => {
                for (k, v) in map {
                    match (k.as_str(), v) {
                        ("@id", Value::String(s)) => ids.push(s.clone()),
                        ("VendorApplicationId", _) => {}
                        (k, Value::String(s)) if k.ends_with("Id") => refs.push(s.clone()),
                        (k, Value::Array(a)) if k.ends_with("Ids") => {
                            refs.extend(a.iter().filter_map(|x| x.as_str().map(str::to_string)));
                        }
                        _ => ids_and_references(v, ids, refs),
                    }
                }
            }
            Value::Array(a) => a.iter().for_each(|x| ids_and_references(x, ids, refs)),
            _ => {}
        }
    }

    #[test]
    fn every_id_is_unique_and_every_reference_resolves() {
        let report = example("dong-ky-2024");
        let (mut ids, mut refs) = (Vec::new(), Vec::new());
        ids_and_references(&report, &mut ids, &mut refs);
        let unique: BTreeSet<&String> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len(), "duplicate @id");
        assert!(refs.len() > 30, "{refs:?}");
        let dangling: Vec<&String> = refs.iter().filter(|r| !unique.contains(r)).collect();
        assert!(dangling.is_empty(), "{dangling:?}");
    }

    #[test]
    fn valid_ballots_for_no_candidate_are_the_contest_s_undervotes() {
        let report = example("dong-ky-2024");
        let contests = report["Election"][0]["Contest"].as_array().unwrap();
        let kp4 = contests
            .iter()
            .find(|c| c["@id"] == "con-dong-ky-2024.khu-pho-4")
            .unwrap();
        // 216 valid ballots, 201 votes for the candidates
        let counts = &kp4["OtherCounts"];
        assert_eq!(counts[0]["Undervotes"], 15, "{kp4}");
        assert_eq!(counts[0]["GpUnitId"], kp4["ElectionDistrictId"], "{kp4}");
    }

    #[test]
    fn every_object_names_its_type() {
        fn check(v: &Value) {
            match v {
                Value::Object(map) => {
                    let t = map.get("@type").and_then(Value::as_str).unwrap_or("");
                    assert!(t.starts_with("ElectionResults."), "{v}");
                    map.values().for_each(check);
                }
                Value::Array(a) => a.iter().for_each(check),
                _ => {}
            }
        }
        check(&example("hong-gai-2022"));
    }

    #[test]
    fn winners_and_turnout_follow_the_computed_outcome() {
        let report = example("hong-gai-2022");
        let hong_gai = &report["Election"][0];
        let status = |id: &str| {
            hong_gai["Candidate"]
                .as_array()
                .unwrap()
                .iter()
                .find(|c| c["@id"] == id)
                .unwrap()["PostElectionStatus"]
                .clone()
        };
        // 159/361 = 44.04%: nobody wins khu-pho-3, whose result was voided: no status at all
        assert_eq!(status("can-hong-gai-2022.nguyen-duc-long"), Value::Null);
        assert_eq!(status("can-hong-gai-2022.pham-van-thang"), "winner");
        let unit = report["GpUnit"]
            .as_array()
            .unwrap()
            .iter()
            .find(|u| u["@id"] == "gpu-v-hong-gai-2022.khu-pho-3")
            .unwrap();
        assert_eq!(unit["VotersRegistered"], 361);
        assert_eq!(unit["VotersParticipated"], 314);
        let contest = hong_gai["Contest"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["@id"] == "con-hong-gai-2022.khu-pho-3")
            .unwrap();
        assert_eq!(contest["ExternalIdentifier"][0]["Value"], "bau-lai");
        // every contest decided, one sent to a repeat vote: certified, the voided one marked
        assert_eq!(report["Status"], "certified");
        assert_eq!(report["IsTest"], true);
        let dong_ky = example("dong-ky-2024");
        // the latest date of the round: the decisions of 17/10/2024 on Đồng Kỵ's contests
        assert_eq!(dong_ky["GeneratedDate"], "2024-10-17T00:00:00+07:00");
    }

    fn status_of(results: &str) -> &'static str {
        let round = crate::model::testing::round(
            "don_vi: x\nchuc_danh: truong-thon\nnhiem_ky: 2024-2027\n\
             ngay_bau_cu: 13/10/2024\ntrang_thai: chinh-thuc\ncuoc_bau: [a, b]\n",
            Some(results),
        );
        report_status(&round)
    }

    #[test]
    fn the_report_is_certified_only_when_every_result_is_recognised() {
        let count = |village: &str, status: &str| {
            format!(
                "{village}:\n  tong_cu_tri: 10\n  cu_tri_tham_gia: 9\n  phieu_phat_ra: 9\n  \
                 phieu_thu_vao: 9\n  phieu_hop_le: 9\n  phieu_khong_hop_le: 0\n  \
                 so_phieu: {{}}\n  trang_thai: {status}\n"
            )
        };
        let both = |a: &str, b: &str| count("a", a) + &count("b", b);
        assert_eq!(status_of(&both("cong-nhan", "cong-nhan")), "certified");
        assert_eq!(status_of(&both("cong-nhan", "bau-lai")), "certified");
        assert_eq!(
            status_of(&both("tam-thoi", "cong-nhan")),
            "unofficial-complete"
        );
        assert_eq!(status_of(&count("a", "cong-nhan")), "unofficial-partial");
        assert_eq!(status_of("{}"), "unofficial-partial");
    }

    #[test]
    fn the_issuer_is_abbreviated_by_its_initials() {
        assert_eq!(abbreviation("Ủy ban nhân dân phường Hồng Gai"), "UBNDPHG");
        assert_eq!(abbreviation("UBND phường Đồng Kỵ"), "UBNDPDK");
        assert_eq!(abbreviation("Trang ví dụ của dự án niemyet"), "TVDCDAN");
        assert_eq!(abbreviation(""), "NIEMYET");
    }
}
