//! Where each page lives, relative to the site root. Links name `index.html` explicitly so that
//! they work from `file://` as well as on any server and under any sub-path.

pub const HOME: &str = "index.html";
pub const ROUNDS: &str = "bau-cu/index.html";
pub const DOCUMENTS: &str = "van-ban/index.html";
pub const COMMUNES: &str = "don-vi/index.html";
pub const ABOUT: &str = "gioi-thieu/index.html";
/// The results of every round, across wards and terms.
pub const RESULTS: &str = "ket-qua/index.html";
pub const NOT_FOUND: &str = "404.html";
/// The search page (tìm kiếm), and the index it loads, beside the theme's static files (published
/// under a name with a hash of its contents, see `assets`).
pub const SEARCH: &str = "tim-kiem/index.html";
pub const SEARCH_INDEX: &str = "tai-nguyen/chi-muc-tim-kiem.js";
/// Folder of the theme's static files.
pub const ASSETS: &str = "tai-nguyen";

/// The search index of the language whose pages are under `prefix` (`""`, `en/`), from the site
/// root: the default language's is [`SEARCH_INDEX`], another's carries its code
/// (`tai-nguyen/chi-muc-tim-kiem.en.js`).
pub fn search_index(prefix: &str) -> String {
    match prefix.trim_end_matches('/') {
        "" => SEARCH_INDEX.to_string(),
        language => {
            let stem = SEARCH_INDEX.strip_suffix(".js").unwrap_or(SEARCH_INDEX);
            format!("{stem}.{language}.js")
        }
    }
}

pub fn round(id: &str) -> String {
    format!("bau-cu/{id}/index.html")
}

pub fn contest(round: &str, village: &str) -> String {
    format!("bau-cu/{round}/{village}/index.html")
}

/// The public list of candidates of a round, for posting (niêm yết).
pub fn candidate_list(round: &str) -> String {
    format!("bau-cu/{round}/danh-sach-ung-cu-vien/index.html")
}

/// The public list of those elected in a round.
pub fn elected_list(round: &str) -> String {
    format!("bau-cu/{round}/danh-sach-trung-cu/index.html")
}

pub fn candidate(round: &str, village: &str, slug: &str) -> String {
    format!("bau-cu/{round}/{village}/{slug}/index.html")
}

/// A candidate's photo, copied beside the candidate page.
pub fn candidate_photo(round: &str, village: &str, slug: &str, file_name: &str) -> String {
    format!("bau-cu/{round}/{village}/{slug}/{file_name}")
}

pub fn document(slug: &str) -> String {
    format!("van-ban/{slug}/index.html")
}

pub fn attachment(slug: &str, file_name: &str) -> String {
    format!("van-ban/{slug}/{file_name}")
}

pub fn commune(id: &str) -> String {
    format!("don-vi/{id}/index.html")
}

pub fn village(commune: &str, village: &str) -> String {
    format!("don-vi/{commune}/{village}/index.html")
}

pub fn page(slug: &str) -> String {
    format!("{slug}/index.html")
}

/// A path made safe for `href` and `src`: file names staff chose (`Công văn #13.pdf`) keep
/// their name on disk, and their link escapes spaces, `#`, `?` and non-ASCII letters.
pub fn encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `https://x.gov.vn/bau-cu/`, with exactly one trailing slash, from the site's web address
/// (`dia_chi_web`) as configured.
pub fn base(web_address: &str) -> String {
    format!("{}/", web_address.trim().trim_end_matches('/'))
}

/// The absolute address of `path` (from the site root) under `base`: the one place absolute
/// addresses are made, so that feeds, the sitemap and `rel=canonical` name a page alike. A
/// folder's page is addressed as the folder (`…/bau-cu/x/`), as servers and people link to it.
pub fn absolute(base: &str, path: &str) -> String {
    let page = match path.strip_suffix(HOME) {
        Some(folder) if folder.is_empty() || folder.ends_with('/') => folder,
        _ => path,
    };
    format!("{base}{}", encode(page))
}

/// The relative way up from a page to the root: `bau-cu/x/index.html` → `../../`.
pub fn root_of(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_to_files_are_percent_encoded() {
        assert_eq!(encode("van-ban/a/b.pdf"), "van-ban/a/b.pdf");
        assert_eq!(
            encode("van-ban/a/Công văn #13.pdf"),
            "van-ban/a/C%C3%B4ng%20v%C4%83n%20%2313.pdf"
        );
    }

    #[test]
    fn absolute_addresses_name_a_folder_not_its_index() {
        let base = base(" https://x.vn/bau-cu// ");
        assert_eq!(base, "https://x.vn/bau-cu/");
        assert_eq!(absolute(&base, HOME), "https://x.vn/bau-cu/");
        assert_eq!(
            absolute(&base, &round("r")),
            "https://x.vn/bau-cu/bau-cu/r/"
        );
        assert_eq!(absolute(&base, "atom.xml"), "https://x.vn/bau-cu/atom.xml");
        assert_eq!(
            absolute(&base, "van-ban/x/a index.html"),
            "https://x.vn/bau-cu/van-ban/x/a%20index.html"
        );
    }

    #[test]
    fn root_climbs_one_level_per_folder() {
        assert_eq!(root_of(HOME), "");
        assert_eq!(root_of(ROUNDS), "../");
        assert_eq!(root_of(&candidate("r", "v", "c")), "../../../../");
    }
}
