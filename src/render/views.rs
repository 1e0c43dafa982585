//! Views: what templates see. This is the documented contract with theme authors; every number
//! and label is computed here, and URLs are relative to the site root (templates prefix
//! `{{ root }}`, which climbs from the current page to the root).

use super::format::{percent_vi, size_vi};
use super::markdown::to_html;
use super::urls;
use crate::model::Site;
use crate::model::candidate::Candidate;
use crate::model::division::{Commune, Village};
use crate::model::document::Document;
use crate::model::election::Round;
use crate::model::result::ContestCount;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub title: String,
    pub url: String,
}

/// The data behind a page, to download: the same records as CSV (for spreadsheets) and JSON.
#[derive(Debug, Clone, Serialize)]
pub struct DataLinks {
    pub csv: String,
    pub json: String,
}

impl DataLinks {
    /// From a path without its extension, as `export` names its files.
    pub fn of(stem: &str) -> Self {
        Self {
            csv: format!("{stem}.csv"),
            json: format!("{stem}.json"),
        }
    }
}

/// The site, on every page.
#[derive(Debug, Serialize)]
pub struct SiteView {
    pub name: String,
    pub name_en: Option<String>,
    pub authority: String,
    pub authority_en: Option<String>,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub sample_data: bool,
    pub pages: Vec<Link>,
}

impl SiteView {
    pub fn new(site: &Site) -> Self {
        let c = &site.config;
        Self {
            name: c.ten.clone(),
            name_en: c.ten_en.clone(),
            authority: c.co_quan.clone(),
            authority_en: c.co_quan_en.clone(),
            address: c.dia_chi.clone(),
            phone: c.dien_thoai.clone(),
            email: c.email.clone(),
            sample_data: c.du_lieu_mau,
            pages: site
                .pages
                .iter()
                .map(|p| Link {
                    title: p.data.tieu_de.clone(),
                    url: urls::page(&p.slug),
                })
                .collect(),
        }
    }
}

/// A round in lists.
#[derive(Debug, Clone, Serialize)]
pub struct RoundSummary {
    pub url: String,
    pub title: String,
    pub office: String,
    /// Names as they were on election day.
    pub commune: String,
    pub commune_url: String,
    pub district: Option<String>,
    pub province: String,
    pub term: String,
    pub date: String,
    pub date_long: String,
    pub date_iso: String,
    pub status: String,
    pub status_key: &'static str,
    pub upcoming: bool,
    pub contests: usize,
    pub candidates: usize,
}

impl RoundSummary {
    pub fn new(site: &Site, round: &Round) -> Self {
        let d = &round.data;
        let names = site.commune(&d.don_vi).map(|c| c.names_at(d.ngay_bau_cu));
        let commune = names
            .as_ref()
            .map(|n| n.commune.clone())
            .unwrap_or_else(|| d.don_vi.clone());
        Self {
            url: urls::round(&round.id),
            title: d.tieu_de.clone().unwrap_or_else(|| {
                format!(
                    "Bầu cử {} {} nhiệm kỳ {}",
                    d.chuc_danh.label_vi(),
                    commune,
                    d.nhiem_ky
                )
            }),
            office: d.chuc_danh.label_vi().to_string(),
            commune_url: urls::commune(&d.don_vi),
            district: names.as_ref().and_then(|n| n.district.clone()),
            province: names.map(|n| n.province).unwrap_or_default(),
            commune,
            term: d.nhiem_ky.to_string(),
            date: d.ngay_bau_cu.vi_short(),
            date_long: d.ngay_bau_cu.vi_long(),
            date_iso: d.ngay_bau_cu.iso(),
            status: d.trang_thai.label_vi().to_string(),
            status_key: d.trang_thai.key(),
            upcoming: d.trang_thai.is_upcoming(),
            contests: d.cuoc_bau.len(),
            candidates: round.candidates.len(),
        }
    }
}

/// A candidate as a row of a list.
#[derive(Debug, Clone, Serialize)]
pub struct CandidateRow {
    pub url: String,
    pub name: String,
    pub birth_year: u16,
    pub gender: &'static str,
    pub ethnicity: String,
    pub qualification: &'static str,
    pub political_theory: &'static str,
    pub occupation: String,
    pub party_member: bool,
    pub re_election: bool,
}

impl CandidateRow {
    pub fn new(round: &Round, c: &Candidate) -> Self {
        let d = &c.data;
        Self {
            url: urls::candidate(&round.id, &d.khu_dan_cu, &c.slug),
            name: d.ho_ten.clone(),
            birth_year: d.nam_sinh,
            gender: d.gioi_tinh.label_vi(),
            ethnicity: d.dan_toc.clone(),
            qualification: d.trinh_do_chuyen_mon.label_vi(),
            political_theory: d.ly_luan_chinh_tri.label_vi(),
            occupation: d.nghe_nghiep.clone(),
            party_member: d.dang_vien,
            re_election: d.tai_cu,
        }
    }
}

/// A contest in a round's list.
#[derive(Debug, Clone, Serialize)]
pub struct ContestSummary {
    pub url: String,
    pub village: String,
    pub village_kind: &'static str,
    pub polling_place: Option<String>,
    pub candidates: Vec<CandidateRow>,
    pub turnout: Option<String>,
}

impl ContestSummary {
    pub fn new(
        site: &Site,
        round: &Round,
        village_id: &str,
        polling_place: Option<&String>,
    ) -> Self {
        let village = site
            .commune(&round.data.don_vi)
            .and_then(|c| c.village(village_id));
        Self {
            url: urls::contest(&round.id, village_id),
            village: village
                .map(|v| v.ten.clone())
                .unwrap_or_else(|| village_id.to_string()),
            village_kind: village.map(|v| v.loai.label_vi()).unwrap_or_default(),
            polling_place: polling_place.cloned(),
            candidates: round
                .candidates_in(village_id)
                .map(|c| CandidateRow::new(round, c))
                .collect(),
            turnout: round
                .results
                .as_ref()
                .and_then(|r| r.contests.get(village_id))
                .and_then(ContestCount::turnout_percent)
                .map(percent_vi),
        }
    }
}

/// A document in lists.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentSummary {
    pub url: String,
    pub kind: &'static str,
    pub kind_key: &'static str,
    pub number: Option<String>,
    pub date: String,
    pub date_iso: String,
    pub title: String,
    pub issuer: String,
}

impl DocumentSummary {
    pub fn new(d: &Document) -> Self {
        Self {
            url: urls::document(&d.slug),
            kind: d.data.loai.label_vi(),
            kind_key: d.data.loai.key(),
            number: d.data.so_hieu.clone(),
            date: d.data.ngay.vi_short(),
            date_iso: d.data.ngay.iso(),
            title: d.data.tieu_de.clone(),
            issuer: d.data.co_quan.clone(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct BasisView {
    pub text: String,
    pub url: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AttachmentView {
    pub label: String,
    pub url: String,
    pub file_name: String,
    pub size: String,
    pub sha256: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SourceView {
    pub name: String,
    pub url: Option<String>,
    pub published: Option<String>,
}

/// A whole document page.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentView {
    pub summary: DocumentSummary,
    pub date_long: String,
    pub signing_authority: Option<String>,
    pub signer_title: Option<String>,
    pub signer: Option<String>,
    pub author: Option<String>,
    pub bases: Vec<BasisView>,
    pub body_html: String,
    pub recipients: Vec<String>,
    pub attachments: Vec<AttachmentView>,
    pub round: Option<Link>,
    pub commune: Option<Link>,
    pub source: Option<SourceView>,
}

impl DocumentView {
    pub fn new(site: &Site, d: &Document) -> Self {
        let data = &d.data;
        Self {
            summary: DocumentSummary::new(d),
            date_long: data.ngay.vi_long(),
            signing_authority: data.tham_quyen_ky.clone(),
            signer_title: data.chuc_vu_ky.clone(),
            signer: data.nguoi_ky.clone(),
            author: data.tac_gia.clone(),
            bases: data
                .can_cu
                .iter()
                .map(|b| BasisView {
                    text: b.ten.clone(),
                    url: b
                        .van_ban
                        .as_deref()
                        .filter(|s| site.document(s).is_some())
                        .map(urls::document),
                })
                .collect(),
            body_html: to_html(&d.body),
            recipients: data.noi_nhan.clone(),
            attachments: d
                .attachments
                .iter()
                .map(|a| AttachmentView {
                    label: a.label.clone(),
                    url: urls::encode(&urls::attachment(&d.slug, &a.file_name)),
                    file_name: a.file_name.clone(),
                    size: size_vi(a.size),
                    sha256: a.sha256.clone(),
                })
                .collect(),
            round: data
                .bau_cu
                .as_deref()
                .and_then(|id| site.round(id))
                .map(|r| Link {
                    title: RoundSummary::new(site, r).title,
                    url: urls::round(&r.id),
                }),
            commune: data
                .don_vi
                .as_deref()
                .and_then(|id| site.commune(id))
                .map(|c| Link {
                    title: c.data.ten.clone(),
                    url: urls::commune(&c.id),
                }),
            source: data.nguon.as_ref().map(|s| SourceView {
                name: s.ten.clone(),
                url: s.url.clone(),
                published: s.ngay_dang.map(|d| d.vi_short()),
            }),
        }
    }
}

/// A commune in lists.
#[derive(Debug, Clone, Serialize)]
pub struct CommuneSummary {
    pub url: String,
    pub name: String,
    pub name_en: Option<String>,
    pub kind: &'static str,
    pub province: String,
    pub district: Option<String>,
    pub ended: Option<String>,
    pub villages: usize,
}

impl CommuneSummary {
    pub fn new(c: &Commune) -> Self {
        Self {
            url: urls::commune(&c.id),
            name: c.data.ten.clone(),
            name_en: c.data.ten_en.clone(),
            kind: c.data.cap.label_vi(),
            province: c.data.tinh.clone(),
            district: c.data.huyen.clone(),
            ended: c.data.hieu_luc_den.map(|d| d.vi_short()),
            villages: c.data.khu_dan_cu.len(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct VillageRow {
    pub url: String,
    pub name: String,
    pub name_en: Option<String>,
    pub kind: &'static str,
    pub note: Option<String>,
}

impl VillageRow {
    pub fn new(c: &Commune, v: &Village) -> Self {
        Self {
            url: urls::village(&c.id, &v.ma),
            name: v.ten.clone(),
            name_en: v.ten_en.clone(),
            kind: v.loai.label_vi(),
            note: v.ghi_chu.clone(),
        }
    }
}
