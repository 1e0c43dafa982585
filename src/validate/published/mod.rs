//! Every text the portal publishes, from every kind of content, with the file and the field it
//! is written in and how it is shown: what the personal-data check reads, and the Markdown
//! check reads those shown as Markdown. Each struct is taken apart field by field,
//! without `..`, so that a field added to the model does not compile until it is listed here
//! (or marked `_` as not text: numbers, dates, choices from a list).

use crate::load::CONFIG_FILE;
use crate::model::Site;
use crate::model::candidate::{Candidate, CandidateFile};
use crate::model::config::SiteConfig;
use crate::model::decision::Decision;
use crate::model::division::{Commune, CommuneFile, FormerName, PlaceName, Village};
use crate::model::document::{AttachmentRef, Document, DocumentFile, LegalBasis, Source};
use crate::model::election::Round;
use crate::model::page::{Page, PageFile};
use crate::model::reassemble::Unit;
use crate::model::result::{ActingHead, ContestCount, CountRecord, ResultSheet, Signer};
use crate::model::rules::RuleSetFile;
use crate::model::translation::{
    CandidateTranslationFile, DocumentTranslationFile, PageTranslationFile, Translation,
};
use std::path::Path;

mod round;
use round::round;

/// How a text reaches the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// A YAML value shown as it is.
    Plain,
    /// A YAML value rendered as Markdown.
    Markdown,
    /// The Markdown body of a file, from this line on.
    Body(usize),
    /// The file's name, which becomes the page's address.
    FileName,
}

/// Whose text it is: a candidate's file is checked for more, and official numbers are never
/// confirmed in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    Official,
    Candidate { birth_year: u16 },
}

/// One published text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published<'a> {
    pub file: &'a Path,
    /// The YAML key that holds it; empty for a body or a file name.
    pub field: &'static str,
    pub text: &'a str,
    pub form: Form,
    pub scope: Scope,
}

/// A part of the site whose texts are read together: the configuration, a commune, a round
/// (its results and candidates too), a document or a page.
#[derive(Debug, Clone, Copy)]
pub enum Part<'a> {
    Config(&'a SiteConfig),
    Commune(usize, &'a Commune),
    Round(&'a Round),
    Document(usize, &'a Document),
    Page(usize, &'a Page),
}

impl<'a> Part<'a> {
    /// The unit of the site's assembly it is, which validation's memo recalls it by; none for the
    /// configuration, read at every check.
    pub fn unit(&self) -> Option<Unit> {
        match *self {
            Self::Config(_) => None,
            Self::Commune(i, _) => Some(Unit::Commune(i)),
            Self::Round(r) => Some(Unit::Round(r.id.clone())),
            Self::Document(i, _) => Some(Unit::Document(i)),
            Self::Page(i, _) => Some(Unit::Page(i)),
        }
    }

    /// Its published texts, in the order of its files.
    pub fn texts(&self) -> Vec<Published<'a>> {
        let mut out = Vec::new();
        match *self {
            Self::Config(c) => config(c, &mut out),
            Self::Commune(_, c) => commune(c, &mut out),
            Self::Round(r) => {
                round(r, &mut out);
                if let Some(sheet) = &r.results {
                    results(sheet, &mut out);
                }
                for c in &r.candidates {
                    candidate(c, &mut out);
                }
            }
            Self::Document(_, d) => document(d, &mut out),
            Self::Page(_, p) => page(p, &mut out),
        }
        out
    }
}

/// Every part of the site, in the site's order.
pub fn parts(site: &Site) -> Vec<Part<'_>> {
    let communes = site.communes.iter().enumerate();
    let documents = site.documents.iter().enumerate();
    let pages = site.pages.iter().enumerate();
    std::iter::once(Part::Config(&site.config))
        .chain(communes.map(|(i, c)| Part::Commune(i, c)))
        .chain(site.rounds.iter().map(Part::Round))
        .chain(documents.map(|(i, d)| Part::Document(i, d)))
        .chain(pages.map(|(i, p)| Part::Page(i, p)))
        .collect()
}

/// Collects the texts of one file.
struct Collect<'a, 'o> {
    file: &'a Path,
    scope: Scope,
    out: &'o mut Vec<Published<'a>>,
}

impl<'a> Collect<'a, '_> {
    fn add(&mut self, field: &'static str, text: &'a str, form: Form) {
        self.out.push(Published {
            file: self.file,
            field,
            text,
            form,
            scope: self.scope,
        });
    }

    fn plain(&mut self, field: &'static str, text: &'a str) {
        self.add(field, text, Form::Plain);
    }

    fn optional(&mut self, field: &'static str, text: &'a Option<String>) {
        if let Some(text) = text {
            self.plain(field, text);
        }
    }

    /// A province or district: its name, and its English name under the field's `ten_en`.
    fn place(&mut self, field: &'static str, place: &'a Option<PlaceName>) {
        if let Some(PlaceName { ten, ten_en }) = place {
            self.plain(field, ten);
            self.optional("ten_en", ten_en);
        }
    }

    fn markdown(&mut self, field: &'static str, text: &'a Option<String>) {
        if let Some(text) = text {
            self.add(field, text, Form::Markdown);
        }
    }

    fn decision(&mut self, decision: &'a Option<Decision>) {
        if let Some(Decision {
            so,
            ngay: _,
            van_ban,
        }) = decision
        {
            self.optional("so", so);
            self.optional("van_ban", van_ban);
        }
    }
}

fn config<'a>(config: &'a SiteConfig, out: &mut Vec<Published<'a>>) {
    let SiteConfig {
        ten,
        ten_en,
        co_quan,
        co_quan_en,
        dia_chi,
        dien_thoai,
        email,
        so_dien_thoai_cong_khai: _,
        du_lieu_mau: _,
        gioi_thieu,
        gioi_thieu_en,
        ngon_ngu: _,
        duong_dan_goc,
        dia_chi_web,
        quy_tac_bau_cu,
        ngay_nghi_le: _,
        ngay_lam_viec: _,
        giay_phep: _,
    } = config;
    let mut c = Collect {
        file: Path::new(CONFIG_FILE),
        scope: Scope::Official,
        out,
    };
    c.plain("ten", ten);
    c.optional("ten_en", ten_en);
    c.plain("co_quan", co_quan);
    c.optional("co_quan_en", co_quan_en);
    c.optional("dia_chi", dia_chi);
    c.optional("dien_thoai", dien_thoai);
    c.optional("email", email);
    c.markdown("gioi_thieu", gioi_thieu);
    c.markdown("gioi_thieu_en", gioi_thieu_en);
    c.optional("duong_dan_goc", duong_dan_goc);
    c.optional("dia_chi_web", dia_chi_web);
    for rules in quy_tac_bau_cu {
        let RuleSetFile {
            ma,
            dua_tren,
            ten,
            ten_en,
            ty_le_tham_gia: _,
            ty_le_trung_cu: _,
            tinh_tren: _,
            quyet_dinh_truoc_ngay: _,
            to_bau_cu_truoc_ngay: _,
            niem_yet_truoc_ngay: _,
            cong_nhan_trong_ngay_lam_viec: _,
            lam_thoi_toi_da_thang: _,
        } = rules;
        c.plain("ma", ma);
        c.plain("dua_tren", dua_tren);
        c.plain("ten", ten);
        c.optional("ten_en", ten_en);
    }
}

fn commune<'a>(commune: &'a Commune, out: &mut Vec<Published<'a>>) {
    let Commune { id, file, data } = commune;
    let CommuneFile {
        ten,
        ten_en,
        cap: _,
        tinh,
        huyen,
        ma_hanh_chinh,
        hieu_luc_tu: _,
        hieu_luc_den: _,
        ke_thua,
        truoc_day,
        ghi_chu,
        ghi_chu_en,
        khu_dan_cu,
    } = data;
    let mut c = Collect {
        file,
        scope: Scope::Official,
        out,
    };
    c.add("", id, Form::FileName);
    c.plain("ten", ten);
    c.optional("ten_en", ten_en);
    c.plain("tinh", &tinh.ten);
    c.optional("ten_en", &tinh.ten_en);
    c.place("huyen", huyen);
    c.optional("ma_hanh_chinh", ma_hanh_chinh);
    c.optional("ke_thua", ke_thua);
    for former in truoc_day {
        let FormerName {
            den_ngay: _,
            ten,
            ten_en,
            huyen,
            tinh,
        } = former;
        c.plain("ten", ten);
        c.optional("ten_en", ten_en);
        c.place("huyen", huyen);
        c.place("tinh", tinh);
    }
    c.optional("ghi_chu", ghi_chu);
    c.optional("ghi_chu_en", ghi_chu_en);
    for village in khu_dan_cu {
        let Village {
            ma,
            ten,
            ten_en,
            loai: _,
            hieu_luc_tu: _,
            hieu_luc_den: _,
            ghi_chu,
            ghi_chu_en,
        } = village;
        c.plain("ma", ma);
        c.plain("ten", ten);
        c.optional("ten_en", ten_en);
        c.optional("ghi_chu", ghi_chu);
        c.optional("ghi_chu_en", ghi_chu_en);
    }
}

fn results<'a>(sheet: &'a ResultSheet, out: &mut Vec<Published<'a>>) {
    let ResultSheet { file, contests } = sheet;
    let mut c = Collect {
        file,
        scope: Scope::Official,
        out,
    };
    for (village, count) in contests {
        let ContestCount {
            hinh_thuc: _,
            tong_cu_tri: _,
            cu_tri_tham_gia: _,
            phieu_phat_ra: _,
            phieu_thu_vao: _,
            phieu_hop_le: _,
            phieu_khong_hop_le: _,
            so_phieu,
            bien_ban,
            trang_thai: _,
            quyet_dinh,
            ngay_bau_lai: _,
            dot_bau_lai,
            lam_thoi,
            ly_do,
            ly_do_en,
        } = count;
        c.plain("khu_dan_cu", village);
        for candidate in so_phieu.keys() {
            c.plain("so_phieu", candidate);
        }
        if let Some(CountRecord {
            ngay: _,
            ngay_nhan: _,
            nguoi_ky,
        }) = bien_ban
        {
            for Signer { ho_ten, chuc_vu } in nguoi_ky {
                c.plain("ho_ten", ho_ten);
                c.plain("chuc_vu", chuc_vu);
            }
        }
        c.decision(quyet_dinh);
        c.optional("dot_bau_lai", dot_bau_lai);
        if let Some(ActingHead {
            ho_ten,
            tu_ngay: _,
            den_ngay: _,
            quyet_dinh,
        }) = lam_thoi
        {
            c.plain("ho_ten", ho_ten);
            c.decision(quyet_dinh);
        }
        c.optional("ly_do", ly_do);
        c.optional("ly_do_en", ly_do_en);
    }
}

fn candidate<'a>(candidate: &'a Candidate, out: &mut Vec<Published<'a>>) {
    let Candidate {
        slug,
        file,
        body_line,
        data,
        bio,
        photo: _,
        translations,
    } = candidate;
    let CandidateFile {
        ho_ten,
        khu_dan_cu,
        nam_sinh,
        gioi_tinh: _,
        dan_toc,
        ton_giao,
        hoc_van,
        trinh_do_chuyen_mon: _,
        chuyen_nganh,
        ly_luan_chinh_tri: _,
        nghe_nghiep,
        dang_vien: _,
        tai_cu: _,
        anh,
        thu_tu: _,
        ma_nguoi,
        rieng_tu: _,
    } = data;
    let scope = Scope::Candidate {
        birth_year: *nam_sinh,
    };
    let mut c = Collect { file, scope, out };
    c.add("", slug, Form::FileName);
    c.plain("ho_ten", ho_ten);
    c.plain("khu_dan_cu", khu_dan_cu);
    c.plain("dan_toc", dan_toc);
    c.optional("ton_giao", ton_giao);
    c.optional("hoc_van", hoc_van);
    c.optional("chuyen_nganh", chuyen_nganh);
    c.plain("nghe_nghiep", nghe_nghiep);
    c.optional("anh", anh);
    c.optional("ma_nguoi", ma_nguoi);
    c.add("", bio, Form::Body(*body_line));
    for t in translations {
        let Translation {
            language: _,
            file,
            body_line,
            data,
            body,
        } = t;
        let CandidateTranslationFile {
            nghe_nghiep,
            chuyen_nganh,
            ton_giao,
            dan_toc,
        } = data;
        let mut t = Collect {
            file,
            scope,
            out: &mut *c.out,
        };
        t.optional("nghe_nghiep", nghe_nghiep);
        t.optional("chuyen_nganh", chuyen_nganh);
        t.optional("ton_giao", ton_giao);
        t.optional("dan_toc", dan_toc);
        t.add("", body, Form::Body(*body_line));
    }
}

fn document<'a>(document: &'a Document, out: &mut Vec<Published<'a>>) {
    let Document {
        slug,
        file,
        body_line,
        data,
        body,
        // made from `dinh_kem`
        attachments: _,
        translations,
    } = document;
    let DocumentFile {
        loai: _,
        tieu_de,
        so_hieu,
        ngay: _,
        co_quan,
        tham_quyen_ky,
        chuc_vu_ky,
        nguoi_ky,
        tac_gia,
        can_cu,
        noi_nhan,
        dinh_kem,
        bau_cu,
        don_vi,
        nguon,
    } = data;
    let mut c = Collect {
        file,
        scope: Scope::Official,
        out,
    };
    c.add("", slug, Form::FileName);
    c.plain("tieu_de", tieu_de);
    c.optional("so_hieu", so_hieu);
    c.plain("co_quan", co_quan);
    c.optional("tham_quyen_ky", tham_quyen_ky);
    c.optional("chuc_vu_ky", chuc_vu_ky);
    c.optional("nguoi_ky", nguoi_ky);
    c.optional("tac_gia", tac_gia);
    for LegalBasis { ten, van_ban } in can_cu {
        c.plain("can_cu", ten);
        c.optional("van_ban", van_ban);
    }
    for recipient in noi_nhan {
        c.plain("noi_nhan", recipient);
    }
    for AttachmentRef { tep, ten } in dinh_kem {
        c.plain("tep", tep);
        c.optional("ten", ten);
    }
    c.optional("bau_cu", bau_cu);
    c.optional("don_vi", don_vi);
    if let Some(Source {
        ten,
        url,
        ngay_dang: _,
    }) = nguon
    {
        c.plain("ten", ten);
        c.optional("url", url);
    }
    c.add("", body, Form::Body(*body_line));
    for t in translations {
        let Translation {
            language: _,
            file,
            body_line,
            data,
            body,
        } = t;
        let DocumentTranslationFile {
            tieu_de,
            co_quan,
            tham_quyen_ky,
            chuc_vu_ky,
            can_cu,
            noi_nhan,
            nguoi_dich,
        } = data;
        let mut t = Collect {
            file,
            scope: Scope::Official,
            out: &mut *c.out,
        };
        t.plain("tieu_de", tieu_de);
        t.optional("co_quan", co_quan);
        t.optional("tham_quyen_ky", tham_quyen_ky);
        t.optional("chuc_vu_ky", chuc_vu_ky);
        for basis in can_cu {
            t.plain("can_cu", basis);
        }
        for recipient in noi_nhan {
            t.plain("noi_nhan", recipient);
        }
        t.optional("nguoi_dich", nguoi_dich);
        t.add("", body, Form::Body(*body_line));
    }
}

fn page<'a>(page: &'a Page, out: &mut Vec<Published<'a>>) {
    let Page {
        slug,
        file,
        body_line,
        data,
        body,
        translations,
    } = page;
    let PageFile { tieu_de, thu_tu: _ } = data;
    let mut c = Collect {
        file,
        scope: Scope::Official,
        out,
    };
    c.add("", slug, Form::FileName);
    c.plain("tieu_de", tieu_de);
    c.add("", body, Form::Body(*body_line));
    for t in translations {
        let Translation {
            language: _,
            file,
            body_line,
            data,
            body,
        } = t;
        let PageTranslationFile { tieu_de } = data;
        let mut t = Collect {
            file,
            scope: Scope::Official,
            out: &mut *c.out,
        };
        t.plain("tieu_de", tieu_de);
        t.add("", body, Form::Body(*body_line));
    }
}

#[cfg(test)]
mod tests;
