//! Candidates, divisions, posts and terms as Popolo JSON (<https://www.popoloproject.com/>):
//! `persons` (the candidates), `organizations` (the communes/wards and their villages), `areas`
//! (the same units as places), `posts` (the head of each village for one term), `memberships`
//! (every candidacy, and an elected head holding the post) and `events` (the elections). Each
//! person, organization, post and event `links` to its page on the site, and persons,
//! memberships and events name their `sources` (see [`links`]).
//!
//! Ids name their kind and the content ids they come from, so they stay the same from one build
//! to the next:
//! - a person is `person:<ma_nguoi>` when the candidate file gives a person id, which joins the
//!   rounds one person stands in; else `person:<round>/<file name>`, one person per candidacy;
//! - a unit is named by its official code when it has one (`organization:06685`,
//!   `organization:06685/khu-pho-1`), else by its file name (see `ocd::key`), and its area's id
//!   is its OCD id, as in `don-vi.json`;
//! - a candidacy is `candidacy:<round>/<file name>`; the elected head's membership
//!   `membership:<round>/<village>`.
//!
//! Popolo dates may be partial ISO dates: a term known only by its years ends on `2025`, and a
//! birth year is a `birth_date` of `1971`.

mod links;

use super::Each;
use super::contest::Contest;
use super::ocd;
use crate::model::Site;
use crate::model::candidate::{Candidate, Gender};
use crate::model::division::Commune;
use crate::model::election::{ContestStatus, Round};
use crate::render::locale::Locale;
use crate::render::urls;
use crate::render::views::round_title;
use links::{Addresses, Link};
use serde::Serialize;
use serde::ser::{SerializeStruct, Serializer};
use std::collections::HashMap;

/// The site as Popolo, made as it is written: each list is serialized item by item, never held
/// whole (for the whole country they took gigabytes).
pub struct Popolo<'a> {
    site: &'a Site,
    /// Every contest of every round, as `Contest::of_round` gives them.
    contests: &'a [Contest<'a>],
    /// The language of labels.
    locale: &'a Locale<'a>,
    addresses: Addresses<'a>,
}

impl Serialize for Popolo<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("Popolo", 6)?;
        out.serialize_field("persons", &Each(|| self.persons()))?;
        out.serialize_field("organizations", &Each(|| self.organizations()))?;
        out.serialize_field("areas", &Each(|| self.areas()))?;
        out.serialize_field("posts", &Each(|| self.posts()))?;
        out.serialize_field("memberships", &Each(|| self.memberships()))?;
        out.serialize_field("events", &Each(|| self.events()))?;
        out.end()
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Person {
    pub id: String,
    /// As the newest round the person stands in writes it.
    pub name: String,
    pub family_name: String,
    pub given_name: String,
    pub gender: &'static str,
    /// The year only: candidates' files give no more.
    pub birth_date: String,
    /// The person id the candidate files give (`ma_nguoi`), when they do.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub identifiers: Vec<Identifier>,
    /// The candidate's page of each round, newest first.
    pub links: Vec<Link>,
    pub sources: Vec<Link>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Identifier {
    pub scheme: &'static str,
    pub identifier: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct OtherName {
    pub name: String,
    pub end_date: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Organization {
    pub id: String,
    pub name: String,
    /// The kind of unit, as content files write it (`phuong`, `khu-pho`…).
    pub classification: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<String>,
    /// The unit as a place: its entry in `areas`.
    pub area_id: String,
    pub identifiers: Vec<Identifier>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub other_names: Vec<OtherName>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub founding_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dissolution_date: Option<String>,
    pub links: Vec<Link>,
}

/// A commune or village as a place. Its id is its OCD id.
#[derive(Debug, Clone, Serialize)]
pub struct Area {
    pub id: String,
    pub name: String,
    pub classification: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<String>,
    /// The official code (`ma_hanh_chinh`), which only communes have.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub identifiers: Vec<Identifier>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Post {
    pub id: String,
    pub label: String,
    pub role: String,
    pub organization_id: String,
    pub area_id: String,
    /// The term's first and last years.
    pub start_date: String,
    pub end_date: String,
    /// The contest's page.
    pub links: Vec<Link>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Membership {
    pub id: String,
    pub label: String,
    pub person_id: String,
    pub organization_id: String,
    pub post_id: String,
    /// The office for an elected head; `candidate` for a candidacy.
    pub role: String,
    /// An elected head: the day the result was recognised (ngày công nhận), when it was and the
    /// decision is dated; else election day. A candidacy: the day the list of candidates was
    /// posted (niêm yết) when known; else election day.
    pub start_date: String,
    /// An elected head: the term's last year. A candidacy: election day.
    pub end_date: String,
    pub sources: Vec<Link>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Event {
    pub id: String,
    pub name: String,
    pub classification: &'static str,
    pub start_date: String,
    pub end_date: String,
    pub organization_id: String,
    /// The round's page.
    pub links: Vec<Link>,
    pub sources: Vec<Link>,
}

/// The role of a candidacy's membership.
pub const CANDIDATE_ROLE: &str = "candidate";

pub fn person_id(round: &Round, c: &Candidate) -> String {
    match &c.data.ma_nguoi {
        Some(id) => format!("person:{id}"),
        None => format!("person:{}/{}", round.id, c.slug),
    }
}

/// The part of the ids of the commune `id` that names it ([`ocd::key`]); its id when the site
/// has no such commune (which validation reports).
fn unit_key(site: &Site, id: &str) -> String {
    site.commune(id).map_or_else(|| id.to_string(), ocd::key)
}

pub fn commune_org_id(key: &str) -> String {
    format!("organization:{key}")
}

pub fn village_org_id(key: &str, village: &str) -> String {
    format!("organization:{key}/{village}")
}

pub fn post_id(round: &Round, village: &str) -> String {
    format!("post:{}/{village}", round.id)
}

fn candidacy_id(round: &Round, c: &Candidate) -> String {
    format!("candidacy:{}/{}", round.id, c.slug)
}

/// One person per person id: the candidacies of `ma_nguoi` across rounds are one person, named
/// as the newest round writes them; a candidate without one is a person of their own.
fn persons<'a>(site: &'a Site, a: &'a Addresses) -> impl Iterator<Item = Person> + 'a {
    // site.rounds is newest first, so a person's first candidacy met is the newest
    let mut order: Vec<String> = Vec::new();
    let mut by_id: HashMap<String, Vec<(&Round, &Candidate)>> = HashMap::new();
    for round in &site.rounds {
        for c in &round.candidates {
            let id = person_id(round, c);
            let stood = by_id.entry(id.clone()).or_default();
            if stood.is_empty() {
                order.push(id);
            }
            stood.push((round, c));
        }
    }
    order.into_iter().filter_map(move |id| {
        let stood = by_id.remove(&id)?;
        let &(_, newest) = stood.first()?;
        Some(person(id, newest, &stood, a))
    })
}

fn person(id: String, newest: &Candidate, stood: &[(&Round, &Candidate)], a: &Addresses) -> Person {
    let d = &newest.data;
    let words: Vec<&str> = d.ho_ten.split_whitespace().collect();
    let mut sources: Vec<Link> = stood
        .iter()
        .flat_map(|(round, _)| a.round_sources(round))
        .collect();
    sources.sort();
    sources.dedup();
    Person {
        id,
        name: d.ho_ten.clone(),
        family_name: words.first().copied().unwrap_or_default().to_string(),
        given_name: words.last().copied().unwrap_or_default().to_string(),
        gender: match d.gioi_tinh {
            Gender::Male => "male",
            Gender::Female => "female",
        },
        birth_date: format!("{:04}", d.nam_sinh),
        identifiers: d
            .ma_nguoi
            .iter()
            .map(|m| Identifier {
                scheme: "ma_nguoi",
                identifier: m.clone(),
            })
            .collect(),
        links: stood
            .iter()
            .map(|(round, c)| {
                let page = urls::candidate(&round.id, &c.data.khu_dan_cu, &c.slug);
                a.link(&page, format!("Hồ sơ ứng cử viên, đợt bầu cử {}", round.id))
            })
            .collect(),
        sources,
    }
}

fn organizations(c: &Commune, a: &Addresses) -> Vec<Organization> {
    let d = &c.data;
    let key = ocd::key(c);
    let mut identifiers = vec![Identifier {
        scheme: "ocd-division",
        identifier: ocd::commune(c),
    }];
    identifiers.extend(code(c));
    let mut former: Vec<_> = d.truoc_day.iter().collect();
    former.sort_by_key(|f| f.den_ngay);
    let mut out = vec![Organization {
        id: commune_org_id(&key),
        name: d.ten.clone(),
        classification: super::content_key(d.cap),
        parent_id: None,
        area_id: ocd::commune(c),
        identifiers,
        other_names: former
            .into_iter()
            .map(|f| OtherName {
                name: f.ten.clone(),
                end_date: f.den_ngay.iso(),
            })
            .collect(),
        founding_date: d.hieu_luc_tu.map(|x| x.iso()),
        dissolution_date: d.hieu_luc_den.map(|x| x.iso()),
        links: vec![a.link(&urls::commune(&c.id), "Trang đơn vị")],
    }];
    out.extend(d.khu_dan_cu.iter().map(|v| Organization {
        id: village_org_id(&key, &v.ma),
        name: v.ten.clone(),
        classification: super::content_key(v.loai),
        parent_id: Some(commune_org_id(&key)),
        area_id: ocd::village(c, &v.ma),
        identifiers: vec![Identifier {
            scheme: "ocd-division",
            identifier: ocd::village(c, &v.ma),
        }],
        other_names: Vec::new(),
        founding_date: v.hieu_luc_tu.map(|x| x.iso()),
        dissolution_date: v.hieu_luc_den.map(|x| x.iso()),
        links: vec![a.link(&urls::village(&c.id, &v.ma), "Trang khu dân cư")],
    }));
    out
}

/// The commune's official code, as an identifier.
fn code(c: &Commune) -> Option<Identifier> {
    c.data.ma_hanh_chinh.as_ref().map(|code| Identifier {
        scheme: "ma_hanh_chinh",
        identifier: code.clone(),
    })
}

/// The commune and each of its villages as places.
fn areas(c: &Commune) -> Vec<Area> {
    let d = &c.data;
    let commune = Area {
        id: ocd::commune(c),
        name: d.ten.clone(),
        classification: super::content_key(d.cap),
        parent_id: None,
        identifiers: code(c).into_iter().collect(),
    };
    let villages = d.khu_dan_cu.iter().map(|v| Area {
        id: ocd::village(c, &v.ma),
        name: v.ten.clone(),
        classification: super::content_key(v.loai),
        parent_id: Some(commune.id.clone()),
        identifiers: Vec::new(),
    });
    std::iter::once(commune.clone()).chain(villages).collect()
}

/// A post's label: `Trưởng khu phố Khu phố 1, nhiệm kỳ 2022–2025`.
fn post_label(c: &Contest, l: &Locale) -> String {
    let d = &c.round.data;
    format!(
        "{} {}, nhiệm kỳ {}",
        l.of_value(d.chuc_danh),
        c.village_name(),
        d.nhiem_ky
    )
}

fn post(site: &Site, c: &Contest, l: &Locale, a: &Addresses) -> Post {
    let d = &c.round.data;
    let key = unit_key(site, &d.don_vi);
    Post {
        id: post_id(c.round, c.village_id),
        label: post_label(c, l),
        role: l.of_value(d.chuc_danh),
        organization_id: village_org_id(&key, c.village_id),
        area_id: c
            .ocd_id()
            .unwrap_or_else(|| village_org_id(&key, c.village_id)),
        start_date: d.nhiem_ky.start.to_string(),
        end_date: d.nhiem_ky.end.to_string(),
        links: vec![a.link(
            &urls::contest(&c.round.id, c.village_id),
            "Trang cuộc bầu cử",
        )],
    }
}

/// Every candidacy of the contest, in ballot order, then the elected head's membership.
fn memberships(site: &Site, c: &Contest, l: &Locale, a: &Addresses) -> Vec<Membership> {
    let d = &c.round.data;
    let organization_id = village_org_id(&unit_key(site, &d.don_vi), c.village_id);
    let round_sources = a.round_sources(c.round);
    let posted = d.cac_buoc.niem_yet.as_ref().and_then(|s| s.ngay);
    let label = post_label(c, l);
    let mut out: Vec<Membership> = c
        .candidates
        .iter()
        .map(|who| Membership {
            id: candidacy_id(c.round, who),
            label: format!("Ứng cử viên {label}"),
            person_id: person_id(c.round, who),
            organization_id: organization_id.clone(),
            post_id: post_id(c.round, c.village_id),
            role: CANDIDATE_ROLE.to_string(),
            start_date: posted.unwrap_or(d.ngay_bau_cu).iso(),
            end_date: d.ngay_bau_cu.iso(),
            sources: round_sources.clone(),
        })
        .collect();
    if let Some(who) = c.elected() {
        let decision = c.resolved.decision.as_ref();
        let recognised = decision
            .and_then(|q| q.ngay)
            .filter(|_| c.status() == ContestStatus::Recognised);
        let decided = decision
            .and_then(|q| q.van_ban.as_deref())
            .and_then(|slug| a.document(slug));
        out.push(Membership {
            id: format!("membership:{}/{}", c.round.id, c.village_id),
            label,
            person_id: person_id(c.round, who),
            organization_id,
            post_id: post_id(c.round, c.village_id),
            role: l.of_value(d.chuc_danh),
            start_date: recognised.unwrap_or(d.ngay_bau_cu).iso(),
            end_date: d.nhiem_ky.end.to_string(),
            sources: decided.map_or(round_sources, |doc| vec![doc]),
        });
    }
    out
}

/// `contests`: every contest of every round, as `Contest::of_round` gives them.
pub fn popolo<'a>(site: &'a Site, contests: &'a [Contest<'a>], l: &'a Locale<'a>) -> Popolo<'a> {
    Popolo {
        site,
        contests,
        locale: l,
        addresses: Addresses::new(site),
    }
}

impl Popolo<'_> {
    pub fn persons(&self) -> impl Iterator<Item = Person> + '_ {
        persons(self.site, &self.addresses)
    }

    pub fn organizations(&self) -> impl Iterator<Item = Organization> + '_ {
        let a = &self.addresses;
        self.site
            .communes
            .iter()
            .flat_map(move |c| organizations(c, a))
    }

    pub fn areas(&self) -> impl Iterator<Item = Area> + '_ {
        self.site.communes.iter().flat_map(areas)
    }

    pub fn posts(&self) -> impl Iterator<Item = Post> + '_ {
        let (site, l, a) = (self.site, self.locale, &self.addresses);
        self.contests.iter().map(move |c| post(site, c, l, a))
    }

    pub fn memberships(&self) -> impl Iterator<Item = Membership> + '_ {
        let (site, l, a) = (self.site, self.locale, &self.addresses);
        self.contests
            .iter()
            .flat_map(move |c| memberships(site, c, l, a))
    }

    pub fn events(&self) -> impl Iterator<Item = Event> + '_ {
        let (site, l, a) = (self.site, self.locale, &self.addresses);
        site.rounds.iter().map(move |r| Event {
            id: format!("event:{}", r.id),
            name: round_title(l, site, r),
            classification: "election",
            start_date: r.data.ngay_bau_cu.iso(),
            end_date: r.data.ngay_bau_cu.iso(),
            organization_id: commune_org_id(&unit_key(site, &r.data.don_vi)),
            links: vec![a.link(&urls::round(&r.id), "Trang đợt bầu cử")],
            sources: a.round_sources(r),
        })
    }
}

#[cfg(test)]
mod tests;
