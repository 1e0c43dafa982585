//! English pages speak English: on every page of the example site under `en/`, a text node that
//! holds a letter only Vietnamese writes is inside an element marked `lang="vi"` (document
//! numbers, issuers, recipients, text shown untranslated), so a screen reader switches voice and
//! a reader sees what is left in Vietnamese. People's names are the one exception, and only where
//! no markup can hold them: a page's `<title>` and the labels of its SVG charts. They are the
//! names of the persons of `du-lieu/popolo.json`, taken out of the text before it is judged.

use crate::harness::*;
use std::collections::BTreeMap;

const VIETNAMESE: &str = "àáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵđ";

const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "path",
];

fn has_vietnamese(text: &str) -> bool {
    text.chars()
        .any(|c| VIETNAMESE.contains(c.to_lowercase().next().unwrap_or(c)))
}

/// The value of attribute `name` in the inside of a start tag, quoted or not (the output is
/// minified).
fn attribute(tag: &str, name: &str) -> Option<String> {
    let at = tag.find(&format!(" {name}="))? + name.len() + 2;
    let rest = &tag[at..];
    let value = match rest.chars().next()? {
        q @ ('"' | '\'') => rest[1..].split(q).next()?,
        _ => rest.split(|c: char| c.is_whitespace() || c == '>').next()?,
    };
    Some(value.to_string())
}

/// The text nodes of `html` with Vietnamese letters whose nearest `lang` is not Vietnamese, each
/// with whether it stands where markup cannot (a `<title>`, an SVG).
fn untagged_vietnamese(html: &str) -> Vec<(String, bool)> {
    // open elements: name and own `lang`
    let mut open: Vec<(String, Option<String>)> = Vec::new();
    let mut found = Vec::new();
    let mut rest = html;
    while !rest.is_empty() {
        let end = rest.find('<').unwrap_or(rest.len());
        let text = &rest[..end];
        let raw = open
            .last()
            .is_some_and(|(n, _)| n == "script" || n == "style");
        let lang = open.iter().rev().find_map(|(_, l)| l.as_deref());
        if !raw && has_vietnamese(text) && !lang.is_some_and(|l| l.starts_with("vi")) {
            let plain_only = open.iter().any(|(n, _)| n == "title" || n == "svg");
            found.push((text.trim().to_string(), plain_only));
        }
        rest = &rest[end..];
        let Some(close) = rest.find('>') else { break };
        let tag = &rest[1..close];
        rest = &rest[close + 1..];
        if tag.starts_with('!') {
            continue;
        }
        if let Some(name) = tag.strip_prefix('/') {
            let name = name.trim().to_ascii_lowercase();
            if let Some(at) = open.iter().rposition(|(n, _)| *n == name) {
                open.truncate(at);
            }
            continue;
        }
        let name: String = tag
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        if !VOID.contains(&name.as_str()) && !tag.ends_with('/') {
            open.push((name, attribute(tag, "lang")));
        }
    }
    found
}

/// The names of the persons of the Popolo file, longest first (a name may hold a shorter one).
fn person_names(out: &std::path::Path) -> Vec<String> {
    let popolo = std::fs::read_to_string(out.join("du-lieu/popolo.json")).unwrap();
    let popolo: serde_json::Value = serde_json::from_str(&popolo).unwrap();
    let mut names: Vec<String> = popolo["persons"]
        .as_array()
        .expect("popolo.json has persons")
        .iter()
        .filter_map(|p| p["name"].as_str().map(str::to_string))
        .collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names
}

#[test]
fn the_parser_sees_the_nearest_lang_and_unquoted_attributes() {
    let html = "<html lang=en><title>Khom 4</title><p>Decision <span lang=vi>112/QĐ-UBND</span> \
                of <b>Hồng</b><br>x</p><div lang=\"vi\"><p>Đã</p></div><script>let a='ấ'</script>";
    assert_eq!(untagged_vietnamese(html), vec![("Hồng".to_string(), false)]);
    let svg = "<p lang=vi>x</p><svg><text>Lê Văn Hải</text></svg><title>Hải</title>";
    assert_eq!(
        untagged_vietnamese(svg),
        vec![("Lê Văn Hải".to_string(), true), ("Hải".to_string(), true)]
    );
}

#[test]
fn english_pages_of_the_example_leave_no_vietnamese_text_unmarked_but_names() {
    if !example_exists() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("output");
    build_ok(&example_content(), &out);
    let names = person_names(&out);
    assert!(names.len() > 20, "the example has candidates: {names:?}");
    let mut left: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut pages = 0;
    for page in html_pages(&out)
        .into_iter()
        .filter(|p| p.starts_with("en/"))
    {
        pages += 1;
        let html = std::fs::read_to_string(out.join(&page)).unwrap();
        for (text, plain_only) in untagged_vietnamese(&html) {
            let without_names = match plain_only {
                true => names
                    .iter()
                    .fold(text.clone(), |t, name| t.replace(name.as_str(), "")),
                false => text.clone(),
            };
            if has_vietnamese(&without_names) {
                left.entry(page.clone()).or_default().push(text);
            }
        }
    }
    assert!(pages > 80, "the example has English pages: {pages}");
    let count: usize = left.values().map(Vec::len).sum();
    assert_eq!(
        count, 0,
        "untagged Vietnamese text on English pages: {left:#?}"
    );
}
