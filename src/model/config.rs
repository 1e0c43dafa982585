//! The site configuration (`cau-hinh.yaml`): who publishes the portal and how to reach them.

use super::date::Date;
use super::rules::RuleSetFile;
use serde::Deserialize;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    /// Name of the portal.
    pub ten: String,
    #[serde(default)]
    pub ten_en: Option<String>,
    /// Issuing authority that runs it (cơ quan chủ quản), e.g. `UBND phường Hồng Gai`.
    pub co_quan: String,
    #[serde(default)]
    pub co_quan_en: Option<String>,
    #[serde(default)]
    pub dia_chi: Option<String>,
    #[serde(default)]
    pub dien_thoai: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    /// Marks candidates and results as sample data: every page then says so.
    #[serde(default)]
    pub du_lieu_mau: bool,
    /// Markdown shown on the about page.
    #[serde(default)]
    pub gioi_thieu: Option<String>,
    /// The URL path the site is served under (e.g. `/bau-cu/`), used only by the 404 page, which a
    /// server shows at any depth and so cannot use relative links.
    #[serde(default)]
    pub duong_dan_goc: Option<String>,
    /// The web address the site is published at (e.g. `https://phuong.gov.vn/bau-cu/`): feeds
    /// and the sitemap need absolute addresses, so they are made only when it is set.
    #[serde(default)]
    pub dia_chi_web: Option<String>,
    /// The site's own sets of election rules (e.g. a province's guidance).
    #[serde(default)]
    pub quy_tac_bau_cu: Vec<RuleSetFile>,
    /// Public holidays (ngày nghỉ lễ), skipped when counting working days to a legal deadline.
    #[serde(default)]
    pub ngay_nghi_le: Vec<Date>,
}
