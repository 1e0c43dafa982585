//! Search (tìm kiếm): an index of candidates, rounds, documents, communes and villages, written
//! as a small script that the search page loads (a script, not JSON, because `fetch` is refused
//! from `file://`), and the full alphabetical index that the same page shows without JavaScript.
//! Each language has its own index, with its names and labels (see [`urls::search_index`]);
//! a name that has an English form is still found by its Vietnamese one in English.
//!
//! The reader's browser folds the query as [`fold`] folds names here, and ranks matches by the
//! rules of `rank` in this module's tests: the reference that `tim-kiem.js` follows rule for rule.

use super::assets;
use super::locale::Locale;
use super::views::{DocumentSummary, RoundSummary};
use super::{Renderer, pages::trail, urls};
use crate::model::Site;
use crate::model::language::Language;
use crate::model::text::sort_key;
use crate::write::{Contents, OutputFile};
use foldhash::HashMap;
use serde::Serialize;
use tera::Context;

/// Between the names an entry is found by, in its key: a query never holds one, since folding
/// makes every run of whitespace a single space.
const NAME_SEPARATOR: char = '\n';

/// What an entry is. The number is the kind in the index and the position of the kind's label
/// in the search template's list of labels, which is also the order of the full index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Candidate = 0,
    Round = 1,
    Document = 2,
    Commune = 3,
    Village = 4,
}

/// One thing a reader can find.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    pub kind: u8,
    /// As shown: "Vũ Thị Hồng Nhung".
    pub name: String,
    /// The folded names it is found by, separated by a line break: its name first, then others
    /// (a document's number, a commune's former names).
    pub key: String,
    /// The page, relative to the root of the index's language (the search page's `root`).
    pub url: String,
    /// A few words that tell apart entries of one name: where a candidate stands, when a round
    /// is held, a document's kind, number and date, the commune of a village.
    pub label: String,
    /// The folder of the page that entries with the same label share (a candidate's contest, a
    /// village's commune): the index writes it and the label once for all of them.
    #[serde(skip)]
    pub shared_folder: Option<String>,
}

impl Entry {
    fn new(kind: Kind, name: &str, others: &[&str], url: String, label: String) -> Self {
        let mut keys: Vec<String> = vec![fold(name)];
        for other in others {
            let key = fold(other);
            if !key.is_empty() && !keys.contains(&key) {
                keys.push(key);
            }
        }
        Self {
            kind: kind as u8,
            name: name.to_string(),
            key: keys.join(&NAME_SEPARATOR.to_string()),
            url,
            label,
            shared_folder: None,
        }
    }

    fn sharing(mut self, page: &str) -> Self {
        self.shared_folder = Some(page.strip_suffix(PAGE).unwrap_or(page).to_string());
        self
    }
}

/// The form in which names and queries are compared: no diacritics (from composed or decomposed
/// input alike), `đ` as `d`, lowercase, and single spaces: "  Đồng  Kỵ " → "dong ky".
pub fn fold(text: &str) -> String {
    sort_key(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every entry of the site in the language of `l`, in alphabetical order of their folded names
/// (then of their other names, kind and page, so that the order never depends on the order of
/// the files).
pub fn entries(l: &Locale, site: &Site) -> Vec<Entry> {
    // a name in the index's language; the Vietnamese one is then also among the entry's names
    let named = |vi: &'_ str, en: Option<&String>| l.name(vi, en).to_string();
    let mut all = Vec::new();
    for round in &site.rounds {
        let summary = RoundSummary::new(l, site, round);
        let commune = site.commune(&round.data.don_vi);
        for cand in &round.candidates {
            let village_id = cand.data.khu_dan_cu.as_str();
            let village = commune.and_then(|c| c.village(village_id)).map_or_else(
                || village_id.to_string(),
                |v| named(&v.ten, v.ten_en.as_ref()),
            );
            all.push(
                Entry::new(
                    Kind::Candidate,
                    &cand.data.ho_ten,
                    &[],
                    urls::candidate(&round.id, village_id, &cand.slug),
                    format!("{village} · {} · {}", summary.commune, summary.term),
                )
                .sharing(&urls::contest(&round.id, village_id)),
            );
        }
        // found by its commune's name of the day, unless its title already says it: the
        // commune's own entry, not the round, is then the exact match for that name
        let title_names_commune = fold(&summary.title).contains(&fold(&summary.commune));
        let others: &[&str] = if title_names_commune {
            &[]
        } else {
            &[&summary.commune]
        };
        all.push(Entry::new(
            Kind::Round,
            &summary.title,
            others,
            summary.url.clone(),
            format!(
                "{} · {}",
                l.date(round.data.ngay_bau_cu),
                l.of_value(round.status)
            ),
        ));
    }
    for d in &site.documents {
        let data = &d.data;
        // its page in this language, or the default language's when not translated
        let summary = DocumentSummary::new(l, site, d);
        let number = data.so_hieu.as_deref().unwrap_or_default();
        let kind = l.of_value(data.loai);
        let date = l.date(data.ngay);
        let label = if number.is_empty() {
            format!("{kind} · {date}")
        } else {
            format!("{kind} {number} · {date}")
        };
        // a translation is also found by the original's title
        all.push(Entry::new(
            Kind::Document,
            &summary.title,
            &[number, data.tieu_de.as_str()],
            summary.url.clone(),
            label,
        ));
    }
    for c in &site.communes {
        let name = named(&c.data.ten, c.data.ten_en.as_ref());
        let mut others: Vec<&str> = vec![c.data.ten.as_str()];
        for f in &c.data.truoc_day {
            others.push(&f.ten);
            if let Some(en) = f.ten_en.as_deref().filter(|_| l.language == Language::En) {
                others.push(en);
            }
        }
        let place = match &c.data.huyen {
            Some(district) => format!(
                "{}, {}",
                l.name(&district.ten, district.ten_en.as_ref()),
                l.name(&c.data.tinh.ten, c.data.tinh.ten_en.as_ref())
            ),
            None => l
                .name(&c.data.tinh.ten, c.data.tinh.ten_en.as_ref())
                .to_string(),
        };
        all.push(Entry::new(
            Kind::Commune,
            &name,
            &others,
            urls::commune(&c.id),
            place,
        ));
        for v in &c.data.khu_dan_cu {
            all.push(
                Entry::new(
                    Kind::Village,
                    &named(&v.ten, v.ten_en.as_ref()),
                    &[v.ten.as_str()],
                    urls::village(&c.id, &v.ma),
                    name.clone(),
                )
                .sharing(&urls::commune(&c.id)),
            );
        }
    }
    // a key is the folded name, then a line break, below any letter, and the other names
    all.sort_by(|a, b| (&a.key, &a.name, a.kind, &a.url).cmp(&(&b.key, &b.name, b.kind, &b.url)));
    all
}

/// The label of an entry in the index: its own, or the number of a group it shares.
#[derive(Serialize)]
#[serde(untagged)]
enum Label<'a> {
    Own(&'a str),
    Shared(usize),
}

#[derive(Serialize)]
struct Index<'a> {
    entries: Vec<(u8, &'a str, &'a str, &'a str, Label<'a>)>,
    groups: Vec<(&'a str, &'a str)>,
}

/// What every page found by search is, in its folder: the index names folders only.
const PAGE: &str = "index.html";

/// The index as the script the search page loads, one global with two arrays, `entries` and
/// `groups`, in the order of [`entries`]. An entry is `[kind, name, key, folder, label]` and its
/// page is that folder's `index.html`; when its label is a number `n`, the label is
/// `groups[n][1]` and the folder is `groups[n][0]` followed by the entry's. Arrays rather than
/// objects, and each contest's folder and label written once, keep each entry of a large site
/// to some seventy bytes.
pub fn index_script(entries: &[Entry]) -> Result<Vec<u8>, String> {
    let mut groups: Vec<(&str, &str)> = Vec::new();
    // a group's number by its folder and label: a site has a group for every contest
    let mut numbers: HashMap<(&str, &str), usize> = HashMap::default();
    let mut rows: Vec<(u8, &str, &str, &str, Label)> = Vec::with_capacity(entries.len());
    for e in entries {
        let page = e
            .url
            .strip_suffix(PAGE)
            .ok_or_else(|| format!("search: {} is not the {PAGE} of a folder", e.url))?;
        let shared = e.shared_folder.as_deref().and_then(|folder| {
            let page = page.strip_prefix(folder)?;
            let group = (folder, e.label.as_str());
            let n = *numbers.entry(group).or_insert_with(|| {
                groups.push(group);
                groups.len() - 1
            });
            Some((page, n))
        });
        rows.push(match shared {
            Some((page, n)) => (e.kind, &e.name, &e.key, page, Label::Shared(n)),
            None => (e.kind, &e.name, &e.key, page, Label::Own(&e.label)),
        });
    }
    let json = serde_json::to_string(&Index {
        entries: rows,
        groups,
    })
    .map_err(|e| e.to_string())?;
    Ok(format!(
        "// niemyet search index: entries [kind, name, folded names, folder, label or group], \
         groups [folder, label]\nwindow.niemyetSearchIndex={json};\n"
    )
    .into_bytes())
}

/// Entries of one kind under one initial letter, for the page without JavaScript.
#[derive(Serialize)]
struct LetterGroup<'a> {
    letter: String,
    entries: Vec<&'a Entry>,
}

#[derive(Serialize)]
struct KindGroup<'a> {
    kind: u8,
    letters: Vec<LetterGroup<'a>>,
}

/// The full index by kind, then by the initial of the folded name ("Đ" under "D").
fn groups(entries: &[Entry]) -> Vec<KindGroup<'_>> {
    let mut by_kind: Vec<KindGroup> = Vec::new();
    let mut sorted: Vec<&Entry> = entries.iter().collect();
    sorted.sort_by_key(|e| e.kind); // stable: alphabetical within a kind
    for e in sorted {
        let letter: String = e.key.chars().take(1).flat_map(char::to_uppercase).collect();
        let first = LetterGroup {
            letter,
            entries: vec![e],
        };
        match by_kind.last_mut() {
            Some(group) if group.kind == e.kind => match group.letters.last_mut() {
                Some(l) if l.letter == first.letter => l.entries.push(e),
                _ => group.letters.push(first),
            },
            _ => by_kind.push(KindGroup {
                kind: e.kind,
                letters: vec![first],
            }),
        }
    }
    by_kind
}

/// The search page of the current language and the index script it loads, which lives with
/// the theme's files at the site root.
pub(super) fn page(r: &mut Renderer, site: &Site) -> Result<(), String> {
    let l = r.locale.clone();
    let all = entries(&l, site);
    let script = index_script(&all)?;
    let index = assets::fingerprint(&urls::search_index(&l.prefix), &script);
    r.files.push(OutputFile {
        path: index.clone(),
        contents: Contents::Bytes(script),
    });
    let mut ctx = Context::new();
    ctx.insert("groups", &groups(&all));
    ctx.insert("index_script", &index);
    let title = l.t("title_search");
    r.page(
        urls::SEARCH,
        "search.html",
        &title,
        trail(&l, &[], &title, urls::SEARCH),
        ctx,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ranking `tim-kiem.js` implements: 0 when a name is the query, 1 when a word of a name
    /// starts with it, 2 when a name contains it, 3 when a name contains each of its words; the
    /// best over an entry's names. `None`: no match.
    fn rank(key: &str, query: &str) -> Option<u8> {
        key.split(NAME_SEPARATOR)
            .filter_map(|name| {
                if name == query {
                    Some(0)
                } else if format!(" {name}").contains(&format!(" {query}")) {
                    Some(1)
                } else if name.contains(query) {
                    Some(2)
                } else if query.split(' ').all(|word| name.contains(word)) {
                    Some(3)
                } else {
                    None
                }
            })
            .min()
    }

    /// Names of the matches of `query`, best first, ties in index order.
    fn search<'a>(entries: &'a [Entry], query: &str) -> Vec<&'a str> {
        let q = fold(query);
        let mut hits: Vec<(u8, usize)> = entries
            .iter()
            .enumerate()
            .filter_map(|(i, e)| Some((rank(&e.key, &q)?, i)))
            .collect();
        hits.sort();
        hits.into_iter().map(|(_, i)| &*entries[i].name).collect()
    }

    fn entry(kind: Kind, name: &str, others: &[&str]) -> Entry {
        Entry::new(kind, name, others, String::new(), String::new())
    }

    /// A small index in the order `entries` gives.
    fn index() -> Vec<Entry> {
        let mut all = vec![
            entry(Kind::Candidate, "Nguyễn Văn Anh", &[]),
            entry(Kind::Candidate, "Nguyễn Văn Anh Tuấn", &[]),
            entry(Kind::Candidate, "Trần Thị Ánh", &[]),
            entry(Kind::Candidate, "Đỗ Văn Mạnh", &[]),
            entry(Kind::Candidate, "Hoàng Thị Thu Hà", &[]),
            entry(Kind::Commune, "Phường Đồng Kỵ", &[]),
            entry(Kind::Commune, "Phường Phú Lợi", &["Phường 2"]),
            entry(
                Kind::Round,
                "Bầu cử Trưởng khu phố Phường Đồng Kỵ nhiệm kỳ 2024–2027",
                &[],
            ),
            entry(Kind::Document, "Kế hoạch tổ chức bầu cử", &["87/KH-UBND"]),
        ];
        all.sort_by_key(|e| (fold(&e.name), e.kind));
        all
    }

    #[test]
    fn folding_ignores_diacritics_case_spacing_and_unicode_form() {
        assert_eq!(fold("Nguyễn Văn Anh"), "nguyen van anh");
        assert_eq!(fold("  ĐỒNG   Kỵ "), "dong ky");
        assert_eq!(fold("đ"), fold("d"));
        let composed = "Vũ Thị Hồng Nhung";
        let decomposed = "Vu\u{0303} Thi\u{0323} Ho\u{0302}\u{0300}ng Nhung";
        assert_ne!(composed, decomposed);
        assert_eq!(fold(composed), fold(decomposed));
        assert_eq!(fold(decomposed), "vu thi hong nhung");
    }

    #[test]
    fn queries_without_diacritics_find_names_with_them() {
        let index = index();
        assert_eq!(
            search(&index, "nguyen van anh"),
            ["Nguyễn Văn Anh", "Nguyễn Văn Anh Tuấn"]
        );
        assert_eq!(search(&index, "do van manh"), ["Đỗ Văn Mạnh"]);
        assert_eq!(search(&index, "đỗ văn"), search(&index, "do van"));
        let decomposed = "Nguye\u{0302}\u{0303}n Va\u{0306}n Anh";
        assert_eq!(search(&index, decomposed), search(&index, "Nguyễn Văn Anh"));
        assert_eq!(search(&index, decomposed)[0], "Nguyễn Văn Anh");
        assert_eq!(
            search(&index, "dong ky"),
            [
                "Bầu cử Trưởng khu phố Phường Đồng Kỵ nhiệm kỳ 2024–2027",
                "Phường Đồng Kỵ"
            ]
        );
        assert!(search(&index, "xyz").is_empty());
    }

    #[test]
    fn exact_names_come_first_then_word_starts_then_substrings_then_scattered_words() {
        let index = index();
        // exact before a word start, though "Bầu cử…" comes first in the alphabet
        assert_eq!(
            search(&index, "phuong dong ky"),
            [
                "Phường Đồng Kỵ",
                "Bầu cử Trưởng khu phố Phường Đồng Kỵ nhiệm kỳ 2024–2027"
            ]
        );
        // "anh": a word of both Nguyễn Văn Anh and Trần Thị Ánh; inside "Mạnh" only
        assert_eq!(
            search(&index, "anh"),
            [
                "Nguyễn Văn Anh",
                "Nguyễn Văn Anh Tuấn",
                "Trần Thị Ánh",
                "Đỗ Văn Mạnh"
            ]
        );
        assert_eq!(rank("nguyen van anh", "nguyen van anh"), Some(0));
        assert_eq!(rank("nguyen van anh", "van a"), Some(1));
        assert_eq!(rank("nguyen van anh", "uyen"), Some(2));
        assert_eq!(rank("nguyen van anh", "anh nguyen"), Some(3));
        assert_eq!(rank("nguyen van anh", "nguyen binh"), None);
    }

    #[test]
    fn other_names_find_an_entry_at_their_own_rank() {
        let index = index();
        assert_eq!(search(&index, "87/kh-ubnd"), ["Kế hoạch tổ chức bầu cử"]);
        // the former name is exact; the round only holds both words, apart
        assert_eq!(
            search(&index, "phuong 2"),
            [
                "Phường Phú Lợi",
                "Bầu cử Trưởng khu phố Phường Đồng Kỵ nhiệm kỳ 2024–2027"
            ]
        );
        assert_eq!(rank("phuong phu loi\nphuong 2", "phuong 2"), Some(0));
    }

    #[test]
    fn ties_keep_the_alphabetical_order_of_the_index() {
        // three word starts; "Đỗ" sorts as "do", before "nguyen"
        assert_eq!(
            search(&index(), "van"),
            ["Đỗ Văn Mạnh", "Nguyễn Văn Anh", "Nguyễn Văn Anh Tuấn"]
        );
    }

    #[test]
    fn the_index_is_one_compact_global_with_keys_beside_names() {
        let e = Entry::new(
            Kind::Commune,
            "Phường Hồng Gai",
            &["Phường Hồng Gai", "Phường  Hòn Gai"],
            "don-vi/hong-gai/index.html".into(),
            "Tỉnh Quảng Ninh".into(),
        );
        let village = |name: &str, url: &str| {
            Entry::new(
                Kind::Village,
                name,
                &[],
                url.into(),
                "Phường Hồng Gai".into(),
            )
            .sharing("don-vi/hong-gai/index.html")
        };
        let all = [
            e,
            village("Khu phố 1", "don-vi/hong-gai/khu-1/index.html"),
            village("Khu phố 2", "don-vi/hong-gai/khu-2/index.html"),
        ];
        let script = String::from_utf8(index_script(&all).unwrap()).unwrap();
        assert!(
            script.ends_with(
                "window.niemyetSearchIndex={\"entries\":[\
                 [3,\"Phường Hồng Gai\",\"phuong hong gai\\nphuong hon gai\",\
                 \"don-vi/hong-gai/\",\"Tỉnh Quảng Ninh\"],\
                 [4,\"Khu phố 1\",\"khu pho 1\",\"khu-1/\",0],\
                 [4,\"Khu phố 2\",\"khu pho 2\",\"khu-2/\",0]],\
                 \"groups\":[[\"don-vi/hong-gai/\",\"Phường Hồng Gai\"]]};\n"
            ),
            "{script}"
        );
    }

    #[test]
    fn the_full_index_groups_by_kind_then_initial() {
        let index = index();
        let groups = groups(&index);
        let kinds: Vec<u8> = groups.iter().map(|g| g.kind).collect();
        assert_eq!(kinds, [0, 1, 2, 3]);
        let letters: Vec<&str> = groups[0].letters.iter().map(|l| &*l.letter).collect();
        assert_eq!(letters, ["D", "H", "N", "T"], "Đỗ under D");
        assert_eq!(groups[0].letters[2].entries.len(), 2);
    }
}
