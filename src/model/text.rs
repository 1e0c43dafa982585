//! Vietnamese text helpers: folding diacritics for sorting and matching, and making URL slugs.

use sha2::{Digest, Sha256};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lowercase, without diacritics, `đ` as `d`: "Nguyễn Văn Đức" → "nguyen van duc".
/// Used to sort names the way a reader expects and to compare ids. Latin letters that are not a
/// base letter with marks (`ł`, `ø`, `ß`) are spelt in ASCII as well.
pub fn sort_key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfd().filter(|c| !is_combining_mark(*c)) {
        for c in c.to_lowercase() {
            match latin_letter(c) {
                Some(ascii) => out.push_str(ascii),
                None => out.push(c),
            }
        }
    }
    out
}

/// Latin letters that canonical decomposition leaves whole, as they are written in ASCII.
fn latin_letter(c: char) -> Option<&'static str> {
    Some(match c {
        'đ' | 'ð' => "d",
        'ł' | 'ŀ' | 'ƚ' => "l",
        'ø' => "o",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'þ' => "th",
        'ı' => "i",
        'ħ' => "h",
        'ŧ' => "t",
        'ŋ' => "ng",
        'ſ' => "s",
        'ƒ' => "f",
        _ => return None,
    })
}

/// A URL-safe slug: "Nghị quyết Đồng Kỵ 2024" → "nghi-quyet-dong-ky-2024".
pub fn slugify(text: &str) -> String {
    let mut out = String::new();
    for c in sort_key(text).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// The file name of something named (a candidate, a document), stable and never empty: the name
/// as a slug when it is written in Latin letters ("Nguyễn Văn An" → `nguyen-van-an`, "Łukasz
/// Żółć" → `lukasz-zolc`); otherwise, for scripts that have no transliteration here (Han, Khmer,
/// Thai, Lao…), `prefix` and the first 8 hex digits of the SHA-256 of the name in NFC ("李四" →
/// `ung-cu-vien-` and 8 digits). Two names may still give one file name: whoever writes the
/// file must check that it is free.
pub fn name_slug(name: &str, prefix: &str) -> String {
    let slug = slugify(name);
    let transliterated = sort_key(name)
        .chars()
        .all(|c| c.is_ascii() || !c.is_alphanumeric());
    if transliterated && !slug.is_empty() {
        return slug;
    }
    let nfc: String = name.trim().nfc().collect();
    format!("{prefix}-{}", hex(&Sha256::digest(nfc.as_bytes())[..4]))
}

/// Bytes as lowercase hex digits.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Ids and file names that become URLs must be lowercase ASCII letters, digits and single hyphens,
/// so that links work on every server and from `file://`.
pub fn is_slug(text: &str) -> bool {
    !text.is_empty() && slugify(text) == text
}

/// Whether XML 1.0 allows `c` (surrogates, which it also forbids, cannot be in a Rust string).
/// The others, control characters but tab and line ends, U+FFFE and U+FFFF, are never meant in
/// content: the loader refuses them and the XML escaper drops them.
pub fn is_xml_char(c: char) -> bool {
    !matches!(
        c,
        '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}'
    )
}

/// `U+FFFE`: how messages name a character that cannot be shown.
pub fn code_point(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

/// The option closest to `word` by edit distance, when it is close enough to be a likely typo.
pub fn closest<'a>(word: &str, options: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(2);
    options
        .into_iter()
        .map(|o| {
            // a key cut short ("ngay_bau" for "ngay_bau_cu") is as likely as a misspelt one
            let cut_short = word.len() >= 4 && (o.starts_with(word) || word.starts_with(o));
            (if cut_short { 1 } else { edit_distance(word, o) }, o)
        })
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, o)| o)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            let next = (row[j + 1] + 1).min(row[j] + 1).min(prev + cost);
            prev = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_key_folds_vietnamese_diacritics_and_d_bar() {
        assert_eq!(sort_key("Nguyễn Văn Đức"), "nguyen van duc");
        assert_eq!(sort_key("ĐỒNG KỴ"), "dong ky");
        // decomposed input (as some keyboards type it) folds the same way
        assert_eq!(sort_key("Nguye\u{0302}\u{0303}n"), "nguyen");
    }

    #[test]
    fn slugs_are_ascii_and_hyphenated() {
        assert_eq!(
            slugify("Nghị quyết Đồng Kỵ 2024"),
            "nghi-quyet-dong-ky-2024"
        );
        assert_eq!(slugify("  13-CV/ĐU  "), "13-cv-du");
        assert_eq!(slugify("Khu phố 1"), "khu-pho-1");
        assert!(is_slug("khu-pho-1"));
        for bad in ["Khu-1", "khu_1", "khu--1", "-khu", "khu phố", ""] {
            assert!(!is_slug(bad), "{bad}");
        }
    }

    #[test]
    fn xml_allows_no_control_character_but_tab_and_line_ends_and_not_u_fffe_or_u_ffff() {
        for c in [
            '\0', '\u{1}', '\u{B}', '\u{C}', '\u{1F}', '\u{FFFE}', '\u{FFFF}',
        ] {
            assert!(!is_xml_char(c), "{}", code_point(c));
        }
        for c in [
            '\t',
            '\n',
            '\r',
            ' ',
            'ư',
            '\u{7F}',
            '\u{85}',
            '\u{FFFD}',
            '\u{1F600}',
        ] {
            assert!(is_xml_char(c), "{}", code_point(c));
        }
        assert_eq!(code_point('\0'), "U+0000");
        assert_eq!(code_point('\u{FFFE}'), "U+FFFE");
        assert_eq!(code_point('\u{1F600}'), "U+1F600");
    }

    #[test]
    fn names_in_any_script_have_a_stable_file_name() {
        assert_eq!(name_slug("Nguyễn Văn Đức", "x"), "nguyen-van-duc");
        assert_eq!(name_slug("Łukasz Żółć", "x"), "lukasz-zolc");
        assert_eq!(name_slug("Jørgen Strauß", "x"), "jorgen-strauss");
        let han = name_slug("李四", "ung-cu-vien");
        assert_eq!(han, "ung-cu-vien-808b4f62");
        assert!(is_slug(&han));
        let khmer = name_slug("ថាច់ សុខ", "ung-cu-vien");
        assert!(khmer.starts_with("ung-cu-vien-") && khmer.len() == 20 && is_slug(&khmer));
        assert_ne!(han, khmer);
        // a name in decomposed form (NFD) is the same name
        let nfd: String = "ថាច់ សុខ".nfd().collect();
        assert_eq!(name_slug(&nfd, "ung-cu-vien"), khmer);
        // part Latin, part not: not cut down to its Latin part
        assert!(name_slug("Lý 李", "x").starts_with("x-"));
        assert!(name_slug("?!", "x").starts_with("x-"));
    }

    #[test]
    fn closest_suggests_near_typos_only() {
        let fields = ["ngay_bau_cu", "nhiem_ky", "don_vi"];
        assert_eq!(closest("ngay_bau", fields), Some("ngay_bau_cu"));
        assert_eq!(closest("nhiem_ki", fields), Some("nhiem_ky"));
        assert_eq!(closest("hoc_van", fields), None);
    }
}
