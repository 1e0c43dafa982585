//! Views: what templates see. This is the documented contract with theme authors; every number
//! and label is computed here, in the page's language, and page URLs are relative to the
//! language's root (templates prefix `{{ root }}`, which climbs from the current page to it);
//! files that exist once for all languages (attachments, photos, data) are relative to the site
//! root (`{{ site_root }}`).

use super::locale::Locale;
use super::markdown::to_html;
use super::places::PlaceView;
use super::status_views::StatusView;
use super::urls;
use crate::model::Site;
use crate::model::candidate::Candidate;
use crate::model::contest::Contest;
use crate::model::division::{Commune, Village};
use crate::model::document::Document;
use crate::model::election::Round;
use crate::model::language::Language;
use crate::model::translation;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub title: String,
    pub url: String,
}

/// The data behind a page, to download: the same records as an Excel workbook (column titles in
/// Vietnamese and English), CSV (for software) and JSON, and the CSV's column titles and types
/// (CSVW metadata).
#[derive(Debug, Clone, Serialize)]
pub struct DataLinks {
    pub xlsx: String,
    pub csv: String,
    pub csvw: String,
    pub json: String,
}

impl DataLinks {
    /// From a path without its extension, as `export` names its files.
    pub fn of(stem: &str) -> Self {
        let csv = format!("{stem}.csv");
        Self {
            xlsx: format!("{stem}.xlsx"),
            csvw: crate::export::catalogue::csvw_file(&csv),
            csv,
            json: format!("{stem}.json"),
        }
    }
}

/// The site, on every page.
#[derive(Debug, Serialize)]
pub struct SiteView {
    /// In the page's language.
    pub name: String,
    /// The name in the other language of the pair Vietnamese–English, shown beside it, and that
    /// language (`other_lang`).
    pub other_name: Option<String>,
    pub authority: String,
    pub other_authority: Option<String>,
    pub other_lang: Language,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub sample_data: bool,
    pub pages: Vec<Link>,
    /// The open data's licence (giấy phép), when the site names one.
    pub licence: Option<Link>,
    /// The data catalogue, from the site root.
    pub catalogue: String,
}

impl SiteView {
    pub fn new(site: &Site, l: &Locale) -> Self {
        let c = &site.config;
        let english = l.language == Language::En;
        let name = l.name(&c.ten, c.ten_en.as_ref()).to_string();
        let authority = l.name(&c.co_quan, c.co_quan_en.as_ref()).to_string();
        let other = |vi: &String, en: &Option<String>, shown: &str| {
            let other = if english {
                Some(vi.clone())
            } else {
                en.clone()
            };
            other.filter(|o| o != shown)
        };
        Self {
            other_name: other(&c.ten, &c.ten_en, &name),
            other_authority: other(&c.co_quan, &c.co_quan_en, &authority),
            other_lang: l.language.other(),
            name,
            authority,
            address: c.dia_chi.clone(),
            phone: c.dien_thoai.clone(),
            email: c.email.clone(),
            sample_data: c.du_lieu_mau,
            licence: c.giay_phep.as_ref().map(|g| Link {
                title: g.ten.clone(),
                url: g.url.clone(),
            }),
            catalogue: crate::export::catalogue::catalogue_file(),
            pages: site
                .pages
                .iter()
                .map(|p| match translation::find(&p.translations, l.language) {
                    Some(t) => Link {
                        title: t.data.tieu_de.clone(),
                        url: urls::page(&p.slug),
                    },
                    None => Link {
                        title: p.data.tieu_de.clone(),
                        url: in_default_language(l, &urls::page(&p.slug)),
                    },
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
    pub district: Option<PlaceView>,
    pub province: PlaceView,
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
    pub fn new(l: &Locale, site: &Site, round: &Round) -> Self {
        let d = &round.data;
        let names = site.commune(&d.don_vi).map(|c| c.names_at(d.ngay_bau_cu));
        let commune = names
            .as_ref()
            .map(|n| l.name(&n.commune, n.commune_en.as_ref()))
            .map_or_else(|| d.don_vi.clone(), str::to_string);
        let office = l.of_value(d.chuc_danh);
        let own_title = l.written(d.tieu_de.as_ref(), d.tieu_de_en.as_ref());
        Self {
            url: urls::round(&round.id),
            title: own_title.cloned().unwrap_or_else(|| {
                l.fill(
                    "round_title",
                    &[
                        ("office", &office),
                        ("commune", &commune),
                        ("term", &l.term(d.nhiem_ky)),
                    ],
                )
            }),
            office,
            commune_url: urls::commune(&d.don_vi),
            district: names
                .as_ref()
                .and_then(|n| n.district.as_ref())
                .map(|d| PlaceView::new(l, d)),
            province: names
                .map(|n| PlaceView::new(l, &n.province))
                .unwrap_or_default(),
            commune,
            term: l.term(d.nhiem_ky),
            date: l.date(d.ngay_bau_cu),
            date_long: l.date_long(d.ngay_bau_cu),
            date_iso: d.ngay_bau_cu.iso(),
            status: l.of_value(round.status),
            status_key: round.status.key(),
            upcoming: round.status.is_upcoming(),
            contests: d.cuoc_bau.len(),
            candidates: round.candidates.len(),
        }
    }
}

/// A round's title in the language of `l`: its own, or one made from office, commune of the day
/// and term by the string `round_title`.
pub fn round_title(l: &Locale, site: &Site, round: &Round) -> String {
    RoundSummary::new(l, site, round).title
}

/// A candidate as a row of a list.
#[derive(Debug, Clone, Serialize)]
pub struct CandidateRow {
    pub url: String,
    pub name: String,
    pub birth_year: u16,
    pub gender: String,
    pub ethnicity: String,
    pub qualification: String,
    pub political_theory: String,
    pub occupation: String,
    /// Whether `occupation` is in the page's language, from a translation.
    pub occupation_translated: bool,
    pub party_member: bool,
    pub re_election: bool,
}

impl CandidateRow {
    pub fn new(l: &Locale, round: &Round, c: &Candidate) -> Self {
        let d = &c.data;
        let t = translation::find(&c.translations, l.language).map(|t| &t.data);
        Self {
            url: urls::candidate(&round.id, &d.khu_dan_cu, &c.slug),
            name: d.ho_ten.clone(),
            birth_year: d.nam_sinh,
            gender: l.of_value(d.gioi_tinh),
            ethnicity: t
                .and_then(|t| t.dan_toc.clone())
                .unwrap_or_else(|| d.dan_toc.clone()),
            qualification: l.of_value(d.trinh_do_chuyen_mon),
            political_theory: l.of_value(d.ly_luan_chinh_tri),
            occupation: t
                .and_then(|t| t.nghe_nghiep.clone())
                .unwrap_or_else(|| d.nghe_nghiep.clone()),
            occupation_translated: t.is_some_and(|t| t.nghe_nghiep.is_some()),
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
    pub village_kind: String,
    pub polling_place: Option<String>,
    pub candidates: Vec<CandidateRow>,
    pub turnout: Option<String>,
    pub status: StatusView,
}

impl ContestSummary {
    pub fn new(l: &Locale, site: &Site, round: &Round, contest: &Contest) -> Self {
        let village_id = contest.village.as_str();
        let village = site
            .commune(&round.data.don_vi)
            .and_then(|c| c.village(village_id));
        Self {
            url: urls::contest(&round.id, village_id),
            village: village
                .map(|v| village_name(v, l).to_string())
                .unwrap_or_else(|| village_id.to_string()),
            village_kind: village.map(|v| l.of_value(v.loai)).unwrap_or_default(),
            polling_place: contest.polling_place.clone(),
            candidates: round
                .candidates_in(village_id)
                .map(|c| CandidateRow::new(l, round, c))
                .collect(),
            turnout: contest
                .counted()
                .and_then(|c| c.figures.turnout_percent())
                .map(|p| l.percent(p)),
            status: StatusView::new(l, site, contest),
        }
    }
}

/// A document in lists.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentSummary {
    /// The page in the page's language, or the original's when it is not translated.
    pub url: String,
    /// Whether it is in the page's language (an original, or a translation).
    pub translated: bool,
    /// The language it is shown in (`vi` for an original shown among English pages).
    pub lang: Language,
    pub kind: String,
    pub kind_key: &'static str,
    pub number: Option<String>,
    pub date: String,
    pub date_iso: String,
    pub title: String,
    pub issuer: String,
}

impl DocumentSummary {
    pub fn new(l: &Locale, site: &Site, d: &Document) -> Self {
        let default = site.config.default_language();
        let t = translation::find(&d.translations, l.language);
        let translated = l.language == default || t.is_some();
        let url = urls::document(&d.slug);
        Self {
            url: if translated {
                url
            } else {
                in_default_language(l, &url)
            },
            translated,
            lang: if translated { l.language } else { default },
            kind: l.of_value(d.data.loai),
            kind_key: d.data.loai.key(),
            number: d.data.so_hieu.clone(),
            date: l.date(d.data.ngay),
            date_iso: d.data.ngay.iso(),
            title: t.map_or(&d.data.tieu_de, |t| &t.data.tieu_de).clone(),
            issuer: t
                .and_then(|t| t.data.co_quan.as_ref())
                .unwrap_or(&d.data.co_quan)
                .clone(),
        }
    }
}

/// `text` with its first letter upper case, and the rest as written (Tera's `capitalize` would
/// lower `June`).
fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// A page of the default language, from the root of `l`'s pages: `../van-ban/x/index.html` from
/// `en/`.
pub fn in_default_language(l: &Locale, path: &str) -> String {
    format!("{}{path}", urls::root_of(&l.prefix))
}

/// A note written by staff, in the page's language when it is given in it; otherwise the
/// Vietnamese one, which the page marks as such (`lang`).
#[derive(Debug, Clone, Serialize)]
pub struct Note {
    pub text: String,
    pub lang: Language,
}

impl Note {
    pub fn new(l: &Locale, vi: Option<&String>, en: Option<&String>) -> Option<Self> {
        match en {
            Some(en) if l.language == Language::En => Some(Self {
                text: en.clone(),
                lang: Language::En,
            }),
            _ => vi.map(|text| Self {
                text: text.clone(),
                lang: Language::Vi,
            }),
        }
    }
}

/// Beside a name in the page's language, the same name in the other language of the pair
/// Vietnamese–English: the English one on Vietnamese pages, the Vietnamese one on English pages.
fn other_name(vi: &str, en: Option<&String>, l: &Locale) -> Option<String> {
    let en = en.filter(|e| !e.trim().is_empty())?;
    Some(if l.language == Language::En { vi } else { en }.to_string())
}

/// A village's name in the page's language.
pub fn village_name<'a>(v: &'a Village, l: &Locale) -> &'a str {
    l.name(&v.ten, v.ten_en.as_ref())
}

/// The name of a round's village `id` in the page's language (the id when it is unknown).
pub fn round_village_name(l: &Locale, site: &Site, round: &Round, id: &str) -> String {
    site.commune(&round.data.don_vi)
        .and_then(|c| c.village(id))
        .map_or_else(|| id.to_string(), |v| village_name(v, l).to_string())
}

/// A commune's current name in the page's language.
pub fn commune_name<'a>(c: &'a Commune, l: &Locale) -> &'a str {
    l.name(&c.data.ten, c.data.ten_en.as_ref())
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

/// A whole document page, in the page's language: the original's words, or its translation's.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentView {
    pub summary: DocumentSummary,
    /// The date in running text, as the head of a document writes it: `Ngày 5 tháng 6 năm
    /// 2022`, `5 June 2022`.
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
    /// On a translation: the original, from this page's language root, and who translated it.
    pub original_url: Option<String>,
    pub translator: Option<String>,
}

impl DocumentView {
    pub fn new(l: &Locale, site: &Site, d: &Document) -> Self {
        let data = &d.data;
        let t = translation::find(&d.translations, l.language).map(|t| &t.data);
        let body = translation::find(&d.translations, l.language).map_or(&d.body, |t| &t.body);
        let or =
            |own: Option<&String>, original: &Option<String>| own.or(original.as_ref()).cloned();
        Self {
            summary: DocumentSummary::new(l, site, d),
            date_long: capitalized(&l.date_long(data.ngay)),
            signing_authority: or(
                t.and_then(|t| t.tham_quyen_ky.as_ref()),
                &data.tham_quyen_ky,
            ),
            signer_title: or(t.and_then(|t| t.chuc_vu_ky.as_ref()), &data.chuc_vu_ky),
            signer: data.nguoi_ky.clone(),
            author: data.tac_gia.clone(),
            bases: data
                .can_cu
                .iter()
                .enumerate()
                .map(|(i, b)| BasisView {
                    text: t.and_then(|t| t.can_cu.get(i)).unwrap_or(&b.ten).clone(),
                    url: b
                        .van_ban
                        .as_deref()
                        .and_then(|s| site.document(s))
                        .map(|linked| DocumentSummary::new(l, site, linked).url),
                })
                .collect(),
            body_html: to_html(body),
            recipients: match t {
                Some(t) if !t.noi_nhan.is_empty() => t.noi_nhan.clone(),
                _ => data.noi_nhan.clone(),
            },
            attachments: d
                .attachments
                .iter()
                .map(|a| AttachmentView {
                    label: a.label.clone(),
                    url: urls::encode(&urls::attachment(&d.slug, &a.file_name)),
                    file_name: a.file_name.clone(),
                    size: l.size(a.size),
                    sha256: a.sha256.clone(),
                })
                .collect(),
            round: data
                .bau_cu
                .as_deref()
                .and_then(|id| site.round(id))
                .map(|r| Link {
                    title: RoundSummary::new(l, site, r).title,
                    url: urls::round(&r.id),
                }),
            commune: data
                .don_vi
                .as_deref()
                .and_then(|id| site.commune(id))
                .map(|c| Link {
                    title: commune_name(c, l).to_string(),
                    url: urls::commune(&c.id),
                }),
            source: data.nguon.as_ref().map(|s| SourceView {
                name: s.ten.clone(),
                url: s.url.clone(),
                published: s.ngay_dang.map(|d| l.date(d)),
            }),
            original_url: t.map(|_| in_default_language(l, &urls::document(&d.slug))),
            translator: t.and_then(|t| t.nguoi_dich.clone()),
        }
    }
}

/// A commune in lists.
#[derive(Debug, Clone, Serialize)]
pub struct CommuneSummary {
    pub url: String,
    pub name: String,
    /// The name in the other language of the pair Vietnamese–English, when both are given.
    pub other_name: Option<String>,
    pub other_lang: Language,
    pub kind: String,
    pub province: PlaceView,
    pub district: Option<PlaceView>,
    pub ended: Option<String>,
    pub villages: usize,
}

impl CommuneSummary {
    pub fn new(l: &Locale, c: &Commune) -> Self {
        Self {
            url: urls::commune(&c.id),
            name: commune_name(c, l).to_string(),
            other_name: other_name(&c.data.ten, c.data.ten_en.as_ref(), l),
            other_lang: l.language.other(),
            kind: l.of_value(c.data.cap),
            province: PlaceView::new(l, &c.data.tinh),
            district: c.data.huyen.as_ref().map(|d| PlaceView::new(l, d)),
            ended: c.data.hieu_luc_den.map(|d| l.date(d)),
            villages: c.data.khu_dan_cu.len(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct VillageRow {
    pub url: String,
    pub name: String,
    /// As [`CommuneSummary::other_name`].
    pub other_name: Option<String>,
    pub other_lang: Language,
    pub kind: String,
    pub note: Option<Note>,
}

impl VillageRow {
    pub fn new(l: &Locale, c: &Commune, v: &Village) -> Self {
        Self {
            url: urls::village(&c.id, &v.ma),
            name: village_name(v, l).to_string(),
            other_name: other_name(&v.ten, v.ten_en.as_ref(), l),
            other_lang: l.language.other(),
            kind: l.of_value(v.loai),
            note: Note::new(l, v.ghi_chu.as_ref(), v.ghi_chu_en.as_ref()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::capitalized;

    #[test]
    fn only_the_first_letter_is_raised() {
        assert_eq!(
            capitalized("ngày 5 tháng 6 năm 2022"),
            "Ngày 5 tháng 6 năm 2022"
        );
        assert_eq!(capitalized("5 June 2022"), "5 June 2022");
        assert_eq!(capitalized("đông"), "Đông");
        assert_eq!(capitalized(""), "");
    }
}
