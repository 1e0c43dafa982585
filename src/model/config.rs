//! The site configuration (`cau-hinh.yaml`): who publishes the portal and how to reach them.

use super::date::Date;
use super::language::Language;
use super::rules::RuleSetFile;
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    /// Name of the portal.
    #[serde(deserialize_with = "super::required::text")]
    pub ten: String,
    #[serde(default)]
    pub ten_en: Option<String>,
    /// Issuing authority that runs it (cơ quan chủ quản), e.g. `UBND phường Hồng Gai`.
    #[serde(deserialize_with = "super::required::text")]
    pub co_quan: String,
    #[serde(default)]
    pub co_quan_en: Option<String>,
    #[serde(default)]
    pub dia_chi: Option<String>,
    #[serde(default)]
    pub dien_thoai: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    /// Official phone numbers (số điện thoại công khai), such as a ward's hotline, that
    /// documents and pages may publish; any other phone number is refused as personal data.
    #[serde(default)]
    pub so_dien_thoai_cong_khai: Vec<String>,
    /// Marks candidates and results as sample data: every page then says so.
    #[serde(default)]
    pub du_lieu_mau: bool,
    /// Markdown shown on the about page.
    #[serde(default)]
    pub gioi_thieu: Option<String>,
    #[serde(default)]
    pub gioi_thieu_en: Option<String>,
    /// The portal's languages (ngôn ngữ), the default first: it is served at the site root, each
    /// other one under its own folder (`en/`). Its interface strings come from the theme's
    /// `i18n/<code>.yaml`, so a third language needs a strings file, not code.
    #[serde(default = "default_languages")]
    pub ngon_ngu: Vec<String>,
    /// The URL path the site is served under (e.g. `/bau-cu/`), used only by the 404 page, which a
    /// server shows at any depth and so cannot use relative links; without it, the path of
    /// `dia_chi_web` is used ([`Self::served_path`]).
    #[serde(default)]
    pub duong_dan_goc: Option<String>,
    /// The web address the site is published at (e.g. `https://phuong.gov.vn/bau-cu/`): feeds
    /// and the sitemap need absolute addresses, so they are made only when it is set.
    #[serde(default)]
    pub dia_chi_web: Option<String>,
    /// The site's own sets of election rules (e.g. a province's guidance).
    #[serde(default)]
    pub quy_tac_bau_cu: Vec<RuleSetFile>,
    /// Days off (ngày nghỉ lễ) besides the built-in public holidays (`holidays.rs`), such as a
    /// day the government announced: skipped when counting working days to a legal deadline.
    #[serde(default)]
    pub ngay_nghi_le: Vec<Date>,
    /// Working days (ngày làm việc) the built-in calendar has off: a built-in holiday the
    /// government placed elsewhere that year, or a Saturday worked in exchange (làm bù).
    #[serde(default)]
    pub ngay_lam_viec: Vec<Date>,
    /// The licence (giấy phép) the open data is published under, named in the data catalogue
    /// and on the site.
    #[serde(default)]
    pub giay_phep: Option<Licence>,
}

/// A licence (giấy phép): its short name and where its text is, e.g. `CC-BY-4.0` and
/// `https://creativecommons.org/licenses/by/4.0/`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Licence {
    #[serde(deserialize_with = "super::required::text")]
    pub ten: String,
    #[serde(deserialize_with = "super::required::text")]
    pub url: String,
}

fn default_languages() -> Vec<String> {
    vec![Language::DEFAULT.to_string()]
}

impl Default for SiteConfig {
    fn default() -> Self {
        Self {
            ten: String::new(),
            ten_en: None,
            co_quan: String::new(),
            co_quan_en: None,
            dia_chi: None,
            dien_thoai: None,
            email: None,
            so_dien_thoai_cong_khai: Vec::new(),
            du_lieu_mau: false,
            gioi_thieu: None,
            gioi_thieu_en: None,
            ngon_ngu: default_languages(),
            duong_dan_goc: None,
            dia_chi_web: None,
            quy_tac_bau_cu: Vec::new(),
            ngay_nghi_le: Vec::new(),
            ngay_lam_viec: Vec::new(),
            giay_phep: None,
        }
    }
}

impl SiteConfig {
    /// The portal's languages, the default first; never empty. What is not a code is left out
    /// (`check` reports it, with its line).
    pub fn languages(&self) -> Vec<Language> {
        let mut out: Vec<Language> = Vec::new();
        for l in self.ngon_ngu.iter().filter_map(|l| Language::parse(l)) {
            if !out.contains(&l) {
                out.push(l);
            }
        }
        if out.is_empty() {
            out.push(Language::DEFAULT);
        }
        out
    }

    /// The path the site is served under, with one trailing slash (`/bau-cu/`): `duong_dan_goc`
    /// when set, else the path of `dia_chi_web`. The 404 page, which a server shows at any depth,
    /// links from it; without either it can only link relatively.
    pub fn served_path(&self) -> Option<String> {
        let path = match (&self.duong_dan_goc, &self.dia_chi_web) {
            (Some(path), _) => path.trim().to_string(),
            (None, Some(address)) => {
                let address = address.trim();
                let after_scheme = address.split_once("://").map_or(address, |(_, rest)| rest);
                after_scheme
                    .find('/')
                    .map_or(String::new(), |at| after_scheme[at..].to_string())
            }
            (None, None) => return None,
        };
        // a query or fragment written after the path is no part of where pages live
        let path = path.split(['?', '#']).next().unwrap_or("");
        Some(format!("/{}/", path.trim_matches('/')).replace("//", "/"))
    }

    /// The language served at the site root.
    pub fn default_language(&self) -> Language {
        self.languages()[0]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_served_path_comes_from_the_base_path_else_the_web_address() {
        let mut c = SiteConfig::default();
        assert_eq!(c.served_path(), None);
        c.dia_chi_web = Some("https://phuong.gov.vn/bau-cu".into());
        assert_eq!(c.served_path().as_deref(), Some("/bau-cu/"));
        c.dia_chi_web = Some("https://phuong.gov.vn".into());
        assert_eq!(c.served_path().as_deref(), Some("/"));
        c.dia_chi_web = Some("https://phuong.gov.vn/a/b/?x=1".into());
        assert_eq!(c.served_path().as_deref(), Some("/a/b/"));
        c.duong_dan_goc = Some("/cong/".into());
        assert_eq!(c.served_path().as_deref(), Some("/cong/"));
        c.duong_dan_goc = Some("/".into());
        assert_eq!(c.served_path().as_deref(), Some("/"));
    }

    #[test]
    fn languages_keep_their_order_and_drop_what_is_not_a_code() {
        let mut c = SiteConfig::default();
        assert_eq!(c.languages(), vec![Language::Vi]);
        c.ngon_ngu = vec![
            "vi".into(),
            "en".into(),
            "en".into(),
            "EN".into(),
            "".into(),
        ];
        assert_eq!(c.languages(), vec![Language::Vi, Language::En]);
        c.ngon_ngu = vec![];
        assert_eq!(c.default_language(), Language::Vi);
    }
}
