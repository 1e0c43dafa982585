//! Candidates, divisions, posts and terms as Popolo JSON (<https://www.popoloproject.com/>):
//! `persons` (the candidates), `organizations` (the communes/wards and their villages), `posts`
//! (the head of each village for one term), `memberships` (an elected head holding that post)
//! and `events` (the elections).
//!
//! Ids name their kind and the content ids they come from (`person:hong-gai-2022/nguyen-van-an`),
//! so they stay the same from one build to the next. Popolo dates may be partial ISO dates: a
//! term known only by its years ends on `2025`, and a birth year is a `birth_date` of `1971`.

use super::contest::Contest;
use super::ocd;
use crate::model::Site;
use crate::model::candidate::{Candidate, Gender};
use crate::model::division::Commune;
use crate::model::election::{ContestStatus, Round};
use crate::render::locale::Locale;
use crate::render::views::round_title;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Popolo {
    pub persons: Vec<Person>,
    pub organizations: Vec<Organization>,
    pub posts: Vec<Post>,
    pub memberships: Vec<Membership>,
    pub events: Vec<Event>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Person {
    pub id: String,
    pub name: String,
    pub family_name: String,
    pub given_name: String,
    pub gender: &'static str,
    /// The year only: candidates' files give no more.
    pub birth_date: String,
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
    pub identifiers: Vec<Identifier>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub other_names: Vec<OtherName>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub founding_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dissolution_date: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Post {
    pub id: String,
    pub label: String,
    pub role: String,
    pub organization_id: String,
    /// The term's first and last years.
    pub start_date: String,
    pub end_date: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Membership {
    pub id: String,
    pub person_id: String,
    pub organization_id: String,
    pub post_id: String,
    pub role: String,
    /// The day the result was recognised (ngày công nhận), when it was and the decision is
    /// dated; else election day.
    pub start_date: String,
    /// The term's last year.
    pub end_date: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Event {
    pub id: String,
    pub name: String,
    pub classification: &'static str,
    pub start_date: String,
    pub end_date: String,
    pub organization_id: String,
}

pub fn person_id(round: &Round, c: &Candidate) -> String {
    format!("person:{}/{}", round.id, c.slug)
}

pub fn commune_org_id(commune: &str) -> String {
    format!("organization:{commune}")
}

pub fn village_org_id(commune: &str, village: &str) -> String {
    format!("organization:{commune}/{village}")
}

pub fn post_id(round: &Round, village: &str) -> String {
    format!("post:{}/{village}", round.id)
}

fn person(round: &Round, c: &Candidate) -> Person {
    let words: Vec<&str> = c.data.ho_ten.split_whitespace().collect();
    Person {
        id: person_id(round, c),
        name: c.data.ho_ten.clone(),
        family_name: words.first().copied().unwrap_or_default().to_string(),
        given_name: words.last().copied().unwrap_or_default().to_string(),
        gender: match c.data.gioi_tinh {
            Gender::Male => "male",
            Gender::Female => "female",
        },
        birth_date: format!("{:04}", c.data.nam_sinh),
    }
}

fn organizations(c: &Commune) -> Vec<Organization> {
    let d = &c.data;
    let mut identifiers = vec![Identifier {
        scheme: "ocd-division",
        identifier: ocd::commune(c),
    }];
    if let Some(code) = &d.ma_hanh_chinh {
        identifiers.push(Identifier {
            scheme: "ma_hanh_chinh",
            identifier: code.clone(),
        });
    }
    let mut former: Vec<_> = d.truoc_day.iter().collect();
    former.sort_by_key(|f| f.den_ngay);
    let mut out = vec![Organization {
        id: commune_org_id(&c.id),
        name: d.ten.clone(),
        classification: super::content_key(d.cap),
        parent_id: None,
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
    }];
    out.extend(d.khu_dan_cu.iter().map(|v| Organization {
        id: village_org_id(&c.id, &v.ma),
        name: v.ten.clone(),
        classification: super::content_key(v.loai),
        parent_id: Some(commune_org_id(&c.id)),
        identifiers: vec![Identifier {
            scheme: "ocd-division",
            identifier: ocd::village(c, &v.ma),
        }],
        other_names: Vec::new(),
        founding_date: v.hieu_luc_tu.map(|x| x.iso()),
        dissolution_date: v.hieu_luc_den.map(|x| x.iso()),
    }));
    out
}

/// `contests`: every contest of every round, as `Contest::of_round` gives them.
pub fn popolo(site: &Site, contests: &[Contest], l: &Locale) -> Popolo {
    let persons = site
        .rounds
        .iter()
        .flat_map(|r| r.candidates.iter().map(move |c| person(r, c)))
        .collect();
    let posts = contests
        .iter()
        .map(|c| {
            let d = &c.round.data;
            Post {
                id: post_id(c.round, c.village_id),
                label: format!(
                    "{} {}, nhiệm kỳ {}",
                    l.of_value(d.chuc_danh),
                    c.village_name(),
                    d.nhiem_ky
                ),
                role: l.of_value(d.chuc_danh),
                organization_id: village_org_id(&d.don_vi, c.village_id),
                start_date: d.nhiem_ky.start.to_string(),
                end_date: d.nhiem_ky.end.to_string(),
            }
        })
        .collect();
    let memberships = contests
        .iter()
        .filter_map(|c| {
            let who = c.elected()?;
            let d = &c.round.data;
            let recognised = c
                .resolved
                .decision
                .as_ref()
                .and_then(|q| q.ngay)
                .filter(|_| c.status() == ContestStatus::Recognised);
            Some(Membership {
                id: format!("membership:{}/{}", c.round.id, c.village_id),
                person_id: person_id(c.round, who),
                organization_id: village_org_id(&d.don_vi, c.village_id),
                post_id: post_id(c.round, c.village_id),
                role: l.of_value(d.chuc_danh),
                start_date: recognised.unwrap_or(d.ngay_bau_cu).iso(),
                end_date: d.nhiem_ky.end.to_string(),
            })
        })
        .collect();
    let events = site
        .rounds
        .iter()
        .map(|r| Event {
            id: format!("event:{}", r.id),
            name: round_title(l, site, r),
            classification: "election",
            start_date: r.data.ngay_bau_cu.iso(),
            end_date: r.data.ngay_bau_cu.iso(),
            organization_id: commune_org_id(&r.data.don_vi),
        })
        .collect();
    Popolo {
        persons,
        organizations: site.communes.iter().flat_map(organizations).collect(),
        posts,
        memberships,
        events,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::testing::{contests, example_site, strings};
    use crate::model::language::Language;
    use std::collections::BTreeSet;

    fn example() -> Popolo {
        let site = example_site();
        let contests = contests(&site);
        let vi = strings("vi");
        popolo(&site, &contests, &Locale::new(Language::Vi, true, &vi))
    }

    #[test]
    fn every_reference_names_something_that_exists() {
        let p = example();
        let persons: BTreeSet<&str> = p.persons.iter().map(|x| x.id.as_str()).collect();
        let orgs: BTreeSet<&str> = p.organizations.iter().map(|x| x.id.as_str()).collect();
        let posts: BTreeSet<&str> = p.posts.iter().map(|x| x.id.as_str()).collect();
        assert_eq!(persons.len(), p.persons.len(), "person ids are unique");
        assert_eq!(
            orgs.len(),
            p.organizations.len(),
            "organization ids are unique"
        );
        assert_eq!(posts.len(), p.posts.len(), "post ids are unique");
        for o in &p.organizations {
            assert!(o.parent_id.as_deref().is_none_or(|id| orgs.contains(id)));
        }
        for post in &p.posts {
            assert!(orgs.contains(post.organization_id.as_str()), "{post:?}");
        }
        for m in &p.memberships {
            assert!(persons.contains(m.person_id.as_str()), "{m:?}");
            assert!(posts.contains(m.post_id.as_str()), "{m:?}");
            assert!(orgs.contains(m.organization_id.as_str()), "{m:?}");
        }
        for e in &p.events {
            assert!(orgs.contains(e.organization_id.as_str()), "{e:?}");
        }
    }

    #[test]
    fn only_those_the_rules_elect_hold_a_post() {
        let p = example();
        let held: Vec<&str> = p.memberships.iter().map(|m| m.post_id.as_str()).collect();
        assert!(held.contains(&"post:hong-gai-2022/khu-pho-1"));
        // nobody elected: 159/361; quorum not met: 198/412
        assert!(!held.contains(&"post:hong-gai-2022/khu-pho-3"));
        assert!(!held.contains(&"post:dong-ky-2024/khu-pho-2"));
        let m = p
            .memberships
            .iter()
            .find(|m| m.post_id == "post:hong-gai-2022/khu-pho-1")
            .unwrap();
        assert_eq!(m.person_id, "person:hong-gai-2022/pham-van-thang");
        // recognised by the decision of 09/6/2022, for the term 2022–2025
        assert_eq!(
            (m.start_date.as_str(), m.end_date.as_str()),
            ("2022-06-09", "2025")
        );
        let thang = p.persons.iter().find(|x| x.id == m.person_id).unwrap();
        assert_eq!(
            (thang.family_name.as_str(), thang.given_name.as_str()),
            ("Phạm", "Thắng")
        );
    }
}
