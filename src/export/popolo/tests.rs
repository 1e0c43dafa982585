use super::*;
use crate::export::testing::{contests, example_site, strings};
use crate::model::language::Language;
use std::collections::BTreeSet;

/// Every list of a site's Popolo, as it writes them.
struct Collected {
    persons: Vec<Person>,
    organizations: Vec<Organization>,
    areas: Vec<Area>,
    posts: Vec<Post>,
    memberships: Vec<Membership>,
    events: Vec<Event>,
}

fn of(site: &Site) -> Collected {
    let contests = contests(site);
    let vi = strings("vi");
    let locale = Locale::new(Language::Vi, true, &vi);
    let p = popolo(site, &contests, &locale);
    Collected {
        persons: p.persons().collect(),
        organizations: p.organizations().collect(),
        areas: p.areas().collect(),
        posts: p.posts().collect(),
        memberships: p.memberships().collect(),
        events: p.events().collect(),
    }
}

fn example() -> Collected {
    of(&example_site())
}

fn candidacies(p: &Collected) -> Vec<&Membership> {
    p.memberships
        .iter()
        .filter(|m| m.role == CANDIDATE_ROLE)
        .collect()
}

/// The example site with `(round, candidate)` pairs given one person id.
fn with_person_id(id: &str, who: &[(&str, &str)]) -> Site {
    let mut site = example_site();
    for (round, slug) in who {
        let r = site.rounds.iter_mut().find(|r| r.id == *round).unwrap();
        let c = r.candidates.iter_mut().find(|c| c.slug == *slug).unwrap();
        c.data.ma_nguoi = Some(id.into());
    }
    site
}

#[test]
fn every_reference_names_something_that_exists() {
    let p = example();
    let persons: BTreeSet<&str> = p.persons.iter().map(|x| x.id.as_str()).collect();
    let orgs: BTreeSet<&str> = p.organizations.iter().map(|x| x.id.as_str()).collect();
    let areas: BTreeSet<&str> = p.areas.iter().map(|x| x.id.as_str()).collect();
    let posts: BTreeSet<&str> = p.posts.iter().map(|x| x.id.as_str()).collect();
    let memberships: BTreeSet<&str> = p.memberships.iter().map(|x| x.id.as_str()).collect();
    assert_eq!(persons.len(), p.persons.len(), "person ids are unique");
    assert_eq!(orgs.len(), p.organizations.len(), "organization ids");
    assert_eq!(areas.len(), p.areas.len(), "area ids are unique");
    assert_eq!(posts.len(), p.posts.len(), "post ids are unique");
    assert_eq!(memberships.len(), p.memberships.len(), "membership ids");
    for o in &p.organizations {
        assert!(o.parent_id.as_deref().is_none_or(|id| orgs.contains(id)));
        assert!(areas.contains(o.area_id.as_str()), "{o:?}");
    }
    for post in &p.posts {
        assert!(orgs.contains(post.organization_id.as_str()), "{post:?}");
        assert!(areas.contains(post.area_id.as_str()), "{post:?}");
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
    let held: Vec<&str> = p
        .memberships
        .iter()
        .filter(|m| m.role != CANDIDATE_ROLE)
        .map(|m| m.post_id.as_str())
        .collect();
    assert!(held.contains(&"post:hong-gai-2022/khu-pho-1"));
    // nobody elected: 159/361; quorum not met: 198/412
    assert!(!held.contains(&"post:hong-gai-2022/khu-pho-3"));
    assert!(!held.contains(&"post:dong-ky-2024/khu-pho-2"));
    let m = p
        .memberships
        .iter()
        .find(|m| m.id == "membership:hong-gai-2022/khu-pho-1")
        .unwrap();
    assert_eq!(m.person_id, "person:hong-gai-2022/pham-van-thang");
    assert_eq!(m.role, "Trưởng khu phố");
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

#[test]
fn every_candidate_stands_for_a_post() {
    let site = example_site();
    let p = of(&site);
    let candidates: usize = site.rounds.iter().map(|r| r.candidates.len()).sum();
    let stood = candidacies(&p);
    assert_eq!(stood.len(), candidates);
    assert_eq!(p.persons.len(), candidates, "nobody shares a person id");
    for person in &p.persons {
        assert!(
            stood.iter().any(|m| m.person_id == person.id),
            "{} stands for nothing",
            person.id
        );
    }
    // those not elected too: 159/361 at khu-pho-3, nobody elected
    let khu_pho_3: Vec<&&Membership> = stood
        .iter()
        .filter(|m| m.post_id == "post:hong-gai-2022/khu-pho-3")
        .collect();
    assert!(khu_pho_3.len() >= 2, "{khu_pho_3:?}");
    let m = stood
        .iter()
        .find(|m| m.id == "candidacy:hong-gai-2022/pham-van-thang")
        .unwrap();
    assert_eq!(m.person_id, "person:hong-gai-2022/pham-van-thang");
    assert_eq!(m.organization_id, "organization:06685/khu-pho-1");
    // from the day the list was posted (27/5/2022) to election day
    assert_eq!(
        (m.start_date.as_str(), m.end_date.as_str()),
        ("2022-05-27", "2022-06-05")
    );
    assert_eq!(
        m.label,
        "Ứng cử viên Trưởng khu phố Khu phố 1, nhiệm kỳ 2022–2025"
    );
}

#[test]
fn a_person_in_two_rounds_is_one_person_named_as_the_newest_round_writes() {
    let site = with_person_id(
        "nguoi-thu",
        &[
            ("hong-gai-2022", "pham-van-thang"),
            ("dong-ky-2024", "nguyen-van-quyet"),
        ],
    );
    let before = of(&example_site());
    let p = of(&site);
    assert_eq!(p.persons.len(), before.persons.len() - 1);
    let merged: Vec<&Person> = p
        .persons
        .iter()
        .filter(|x| x.id == "person:nguoi-thu")
        .collect();
    assert_eq!(merged.len(), 1);
    let person = merged[0];
    // dong-ky-2024 (13/10/2024) is newer than hong-gai-2022
    let newest = &site.round("dong-ky-2024").unwrap();
    let quyet = newest.candidate("nguyen-van-quyet").unwrap();
    assert_eq!(person.name, quyet.data.ho_ten);
    assert_eq!(person.birth_date, format!("{}", quyet.data.nam_sinh));
    assert_eq!(person.identifiers[0].identifier, "nguoi-thu");
    assert_eq!(person.links.len(), 2);
    assert!(
        person.links[0].url.contains("/dong-ky-2024/"),
        "newest first"
    );
    assert!(person.links[1].url.contains("/hong-gai-2022/"));
    let stood: Vec<&str> = candidacies(&p)
        .iter()
        .filter(|m| m.person_id == person.id)
        .map(|m| m.post_id.as_str())
        .collect();
    assert_eq!(stood.len(), 2, "{stood:?}");
    assert!(stood.contains(&"post:hong-gai-2022/khu-pho-1"));
    // and the post he was elected to is his
    let held = p
        .memberships
        .iter()
        .find(|m| m.id == "membership:hong-gai-2022/khu-pho-1")
        .unwrap();
    assert_eq!(held.person_id, "person:nguoi-thu");
    assert!(!p.persons.iter().any(|x| x.id.ends_with("/pham-van-thang")));
}

#[test]
fn areas_are_the_units_as_places_with_their_parents_and_codes() {
    let site = example_site();
    let p = of(&site);
    let villages: usize = site.communes.iter().map(|c| c.data.khu_dan_cu.len()).sum();
    assert_eq!(p.areas.len(), site.communes.len() + villages);
    let division_ids: BTreeSet<String> = crate::export::divisions::divisions(&site)
        .don_vi
        .iter()
        .flat_map(|c| {
            std::iter::once(c.ocd_id.clone()).chain(c.khu_dan_cu.iter().map(|v| v.ocd_id.clone()))
        })
        .collect();
    let ids: BTreeSet<String> = p.areas.iter().map(|a| a.id.clone()).collect();
    assert_eq!(ids, division_ids, "areas and don-vi.json name units alike");
    let hong_gai = p
        .areas
        .iter()
        .find(|a| a.id == "ocd-division/country:vn/ma_hanh_chinh:06685")
        .unwrap();
    assert_eq!(hong_gai.classification, "phuong");
    assert_eq!(hong_gai.parent_id, None);
    assert_eq!(hong_gai.identifiers[0].scheme, "ma_hanh_chinh");
    assert_eq!(hong_gai.identifiers[0].identifier, "06685");
    let khu_pho_1 = p
        .areas
        .iter()
        .find(|a| a.id == "ocd-division/country:vn/ma_hanh_chinh:06685/village:khu-pho-1")
        .unwrap();
    assert_eq!(khu_pho_1.parent_id.as_deref(), Some(hong_gai.id.as_str()));
    assert_eq!(khu_pho_1.classification, "khu-pho");
    for a in &p.areas {
        let is_commune = site.communes.iter().any(|c| ocd::commune(c) == a.id);
        assert_eq!(a.parent_id.is_none(), is_commune, "{a:?}");
        if let Some(parent) = &a.parent_id {
            assert!(ids.contains(parent), "{a:?}");
        }
    }
}

#[test]
fn units_with_a_code_are_named_by_it_and_renaming_them_keeps_their_ids() {
    let site = example_site();
    let p = of(&site);
    let ids = |p: &Collected| -> Vec<String> {
        p.organizations
            .iter()
            .map(|o| o.id.clone())
            .chain(p.areas.iter().map(|a| a.id.clone()))
            .chain(p.posts.iter().map(|x| x.organization_id.clone()))
            .chain(p.events.iter().map(|x| x.organization_id.clone()))
            .collect()
    };
    let before = ids(&p);
    assert!(before.contains(&"organization:06685".to_string()));
    assert!(before.contains(&"organization:06685/khu-pho-1".to_string()));
    assert!(before.contains(&"organization:31510".to_string()));
    // a unit without a code is named by its file name
    assert!(before.contains(&"organization:dong-ky".to_string()));
    assert!(!before.contains(&"organization:hong-gai".to_string()));

    // Hồng Gai renamed, and its file too (its rounds following it)
    let mut renamed = site.clone();
    let c = renamed
        .communes
        .iter_mut()
        .find(|c| c.id == "hong-gai")
        .unwrap();
    c.id = "hong-gai-moi".into();
    c.data.ten = "Phường Hồng Gai Mới".into();
    for r in renamed
        .rounds
        .iter_mut()
        .filter(|r| r.data.don_vi == "hong-gai")
    {
        r.data.don_vi = "hong-gai-moi".into();
    }
    let after = of(&renamed);
    assert_eq!(ids(&after), before);
    let org = after
        .organizations
        .iter()
        .find(|o| o.id == "organization:06685")
        .unwrap();
    assert_eq!(org.name, "Phường Hồng Gai Mới");
    // its page moved with its file
    assert!(
        org.links[0].url.ends_with("/don-vi/hong-gai-moi/"),
        "{org:?}"
    );
}

#[test]
fn links_and_sources_point_at_the_sites_pages() {
    let site = example_site();
    let p = of(&site);
    // the example's address is https://example.org/bau-cu/
    let event = p
        .events
        .iter()
        .find(|e| e.id == "event:hong-gai-2022")
        .unwrap();
    assert_eq!(
        event.links[0].url,
        "https://example.org/bau-cu/bau-cu/hong-gai-2022/"
    );
    // the round's documents: the one that names it
    assert!(
        event.sources.iter().any(|s| s.url
            == "https://example.org/bau-cu/van-ban/hong-gai-huong-ve-ngay-bau-cu-truong-khu-pho/"),
        "{:?}",
        event.sources
    );
    let thang = p
        .persons
        .iter()
        .find(|x| x.id == "person:hong-gai-2022/pham-van-thang")
        .unwrap();
    assert_eq!(
        thang.links[0].url,
        "https://example.org/bau-cu/bau-cu/hong-gai-2022/khu-pho-1/pham-van-thang/"
    );
    assert_eq!(thang.sources, event.sources);

    // without an address, pages are named from du-lieu/; a round without documents is sourced
    // to the site itself
    let mut bare = site.clone();
    bare.config.dia_chi_web = None;
    bare.documents.clear();
    let p = of(&bare);
    let event = p
        .events
        .iter()
        .find(|e| e.id == "event:hong-gai-2022")
        .unwrap();
    assert_eq!(event.links[0].url, "../bau-cu/hong-gai-2022/index.html");
    assert_eq!(event.sources.len(), 1);
    assert_eq!(event.sources[0].url, "../index.html");
    assert_eq!(event.sources[0].note, bare.config.ten);
}
