//! The pages of administrative units: the list, a commune or ward across terms, a village.

use super::pages::trail;
use super::places::PlaceView;
use super::result_views::ContestRow;
use super::status_views::RoundTotalsRow;
use super::views::{
    CommuneSummary, ContestSummary, DocumentSummary, Link, Note, RoundSummary, VillageRow,
    commune_name, village_name,
};
use super::{Renderer, link, urls};
use crate::model::Site;
use crate::model::division::Commune;
use crate::model::election::Round;
use serde::Serialize;
use tera::Context;

pub(super) fn communes(r: &mut Renderer, site: &Site) -> Result<(), String> {
    let l = r.locale.clone();
    let mut all: Vec<CommuneSummary> = site
        .communes
        .iter()
        .map(|c| CommuneSummary::new(&l, c))
        .collect();
    all.sort_by_key(|c| {
        (
            crate::model::text::sort_key(&c.province.name),
            crate::model::text::sort_key(&c.name),
        )
    });
    let mut ctx = Context::new();
    ctx.insert("communes", &all);
    let title = l.t("title_divisions");
    r.page(
        urls::COMMUNES,
        "communes.html",
        &title,
        trail(&l, &[], &title, urls::COMMUNES),
        ctx,
    )
}

#[derive(Serialize)]
struct FormerNameView {
    name: String,
    name_en: Option<String>,
    district: Option<PlaceView>,
    province: Option<PlaceView>,
    until: String,
}

pub(super) fn commune_page(r: &mut Renderer, site: &Site, c: &Commune) -> Result<(), String> {
    let l = r.locale.clone();
    let summary = CommuneSummary::new(&l, c);
    let villages: Vec<VillageRow> = c
        .data
        .khu_dan_cu
        .iter()
        .map(|v| VillageRow::new(&l, c, v))
        .collect();
    let own: Vec<&Round> = site
        .rounds
        .iter()
        .filter(|x| x.data.don_vi == c.id)
        .collect();
    let rounds: Vec<RoundSummary> = own.iter().map(|x| RoundSummary::new(&l, site, x)).collect();
    let round_totals: Vec<RoundTotalsRow> = own
        .iter()
        .map(|x| RoundTotalsRow::new(&l, site, x))
        .collect();
    let successor = c
        .data
        .ke_thua
        .as_deref()
        .and_then(|id| site.commune(id))
        .map(|n| link(commune_name(n, &l), urls::commune(&n.id)));
    let predecessors: Vec<Link> = site
        .communes
        .iter()
        .filter(|p| p.data.ke_thua.as_deref() == Some(c.id.as_str()))
        .map(|p| link(commune_name(p, &l), urls::commune(&p.id)))
        .collect();
    let former: Vec<FormerNameView> = c
        .data
        .truoc_day
        .iter()
        .map(|f| FormerNameView {
            name: f.ten.clone(),
            name_en: f.ten_en.clone(),
            district: f.huyen.as_ref().map(|d| PlaceView::new(&l, d)),
            province: f.tinh.as_ref().map(|p| PlaceView::new(&l, p)),
            until: l.date(f.den_ngay),
        })
        .collect();
    let documents: Vec<DocumentSummary> = site
        .documents
        .iter()
        .filter(|d| d.data.don_vi.as_deref() == Some(c.id.as_str()))
        .map(|d| DocumentSummary::new(&l, site, d))
        .collect();
    let mut ctx = Context::new();
    ctx.insert("commune", &summary);
    ctx.insert("code", &c.data.ma_hanh_chinh);
    ctx.insert("valid_from", &c.data.hieu_luc_tu.map(|d| l.date(d)));
    ctx.insert(
        "note",
        &Note::new(&l, c.data.ghi_chu.as_ref(), c.data.ghi_chu_en.as_ref()),
    );
    ctx.insert("villages", &villages);
    ctx.insert("rounds", &rounds);
    ctx.insert("round_totals", &round_totals);
    ctx.insert("successor", &successor);
    ctx.insert("predecessors", &predecessors);
    ctx.insert("former_names", &former);
    ctx.insert("documents", &documents);
    let t = trail(
        &l,
        &[link(l.t("title_divisions"), urls::COMMUNES)],
        &summary.name,
        &summary.url,
    );
    r.page(
        &summary.url.clone(),
        "commune.html",
        &summary.name.clone(),
        t,
        ctx,
    )
}

/// A village's contests across terms.
#[derive(Serialize)]
struct VillageContest {
    round: RoundSummary,
    contest: ContestSummary,
    row: ContestRow,
}

pub(super) fn village_page(
    r: &mut Renderer,
    site: &Site,
    c: &Commune,
    village: &str,
) -> Result<(), String> {
    let Some(v) = c.village(village) else {
        return Ok(());
    };
    let l = r.locale.clone();
    let row = VillageRow::new(&l, c, v);
    let contests: Vec<VillageContest> = site
        .rounds
        .iter()
        .filter(|x| x.data.don_vi == c.id)
        .filter_map(|x| {
            let contest = x.contest(village)?;
            Some(VillageContest {
                round: RoundSummary::new(&l, site, x),
                contest: ContestSummary::new(&l, site, x, contest),
                row: ContestRow::new(&l, site, x, contest),
            })
        })
        .collect();
    let mut ctx = Context::new();
    ctx.insert("village", &row);
    ctx.insert("commune", &CommuneSummary::new(&l, c));
    ctx.insert("contests", &contests);
    ctx.insert("valid_from", &v.hieu_luc_tu.map(|d| l.date(d)));
    ctx.insert("valid_until", &v.hieu_luc_den.map(|d| l.date(d)));
    let (village_title, commune_title) = (village_name(v, &l), commune_name(c, &l));
    let ancestors = [
        link(l.t("title_divisions"), urls::COMMUNES),
        link(commune_title, urls::commune(&c.id)),
    ];
    let title = format!("{village_title}, {commune_title}");
    r.page(
        &row.url.clone(),
        "village.html",
        &title,
        trail(&l, &ancestors, village_title, &row.url),
        ctx,
    )
}
