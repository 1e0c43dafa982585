//! Facts that cannot be true as written: a candidate too young to stand, results for an election
//! not yet held, a base path that is not a path, a web address that is not a plain absolute one.
//! The dates of units and their successors are the history's (`history.rs`).

use super::Ctx;
use crate::diagnostics::Bilingual;
use crate::load::CONFIG_FILE;
use crate::model::Site;
use crate::model::language::Language;
use std::path::Path;

/// Heads of villages are elected among adult citizens.
const MINIMUM_AGE: i32 = 18;

pub(super) fn check(site: &Site, ctx: &mut Ctx) {
    candidates(site, ctx);
    rounds(site, ctx);
    base_path(site, ctx);
    web_address(site, ctx);
    languages(site, ctx);
}

/// Each language becomes a folder and a `lang` attribute, so it must be a plain code, once.
fn languages(site: &Site, ctx: &mut Ctx) {
    let file = Path::new(CONFIG_FILE);
    let mut seen: Vec<Language> = Vec::new();
    for code in &site.config.ngon_ngu {
        let line = |ctx: &Ctx| ctx.line(file, "ngon_ngu", None, 1);
        let Some(language) = Language::parse(code) else {
            ctx.error(
                file,
                line(ctx),
                "ngon_ngu",
                Bilingual::new(
                    format!("“{code}” không phải mã ngôn ngữ."),
                    format!("“{code}” is not a language code."),
                ),
                Bilingual::new(
                    "Ghi mã hai chữ thường, ngôn ngữ mặc định trước: ngon_ngu: [vi, en].",
                    "Write two lowercase letters, the default language first: ngon_ngu: [vi, en].",
                ),
            );
            continue;
        };
        if seen.contains(&language) {
            ctx.warning(
                file,
                line(ctx),
                "ngon_ngu",
                Bilingual::new(
                    format!("Ngôn ngữ “{code}” được ghi hai lần."),
                    format!("The language “{code}” is written twice."),
                ),
            );
        }
        seen.push(language);
    }
    // the content is written in Vietnamese (names, `_en` fields, translations beside originals)
    if let Some(first) = site
        .config
        .ngon_ngu
        .first()
        .filter(|f| Language::parse(f) != Some(Language::DEFAULT))
    {
        ctx.error(
            file,
            ctx.line(file, "ngon_ngu", None, 1),
            "ngon_ngu",
            Bilingual::new(
                format!("Ngôn ngữ đầu tiên là “{first}”, nhưng nội dung của cổng viết bằng tiếng Việt nên tiếng Việt phải đứng đầu."),
                format!("The first language is “{first}”, but the portal's content is written in Vietnamese, so Vietnamese must come first."),
            ),
            Bilingual::new(
                format!("Ghi vi trước: ngon_ngu: [vi, {first}]."),
                format!("Put vi first: ngon_ngu: [vi, {first}]."),
            ),
        );
    }
    if site.config.ngon_ngu.is_empty() {
        ctx.error(
            file,
            ctx.line(file, "ngon_ngu", None, 1),
            "ngon_ngu",
            Bilingual::new(
                "Danh sách ngôn ngữ trống.",
                "The list of languages is empty.",
            ),
            Bilingual::new(
                "Ghi ít nhất ngôn ngữ mặc định: ngon_ngu: [vi].",
                "Write at least the default language: ngon_ngu: [vi].",
            ),
        );
    }
}

fn candidates(site: &Site, ctx: &mut Ctx) {
    for round in &site.rounds {
        let year = round.data.ngay_bau_cu.year();
        for cand in &round.candidates {
            let born = i32::from(cand.data.nam_sinh);
            if born < 1900 || year - born < MINIMUM_AGE {
                ctx.error(
                    &cand.file,
                    ctx.line(&cand.file, "nam_sinh", None, 1),
                    "nam_sinh",
                    Bilingual::new(
                        format!("Năm sinh {born} không hợp lý: người ứng cử phải đủ {MINIMUM_AGE} tuổi vào năm bầu cử {year}."),
                        format!("Birth year {born} is not plausible: a candidate must be {MINIMUM_AGE} in the election year {year}."),
                    ),
                    Bilingual::new("Ghi năm sinh bốn chữ số, ví dụ 1975.", "Write the four-digit birth year, e.g. 1975."),
                );
            }
        }
    }
}

fn rounds(site: &Site, ctx: &mut Ctx) {
    for round in &site.rounds {
        if round.data.cuoc_bau.is_empty() {
            // a round of no contest elects no one and lists no candidate
            ctx.error(
                &round.file,
                ctx.top_line(&round.file, "cuoc_bau"),
                "cuoc_bau",
                Bilingual::new(
                    "Đợt bầu cử chưa có cuộc bầu nào: cuoc_bau còn trống.",
                    "The round has no contest: cuoc_bau is blank.",
                ),
                Bilingual::new(
                    "Mỗi thôn, tổ dân phố bầu trong đợt này ghi một dòng dưới cuoc_bau, ví dụ:\ncuoc_bau:\n  - khu_dan_cu: thon-1",
                    "Write a line under cuoc_bau for each village electing in this round, e.g.:\ncuoc_bau:\n  - khu_dan_cu: thon-1",
                ),
            );
        }
        if round.data.trang_thai.is_upcoming() && round.results.is_some() {
            // at the line to change, in the round's file
            ctx.warning(
                &round.file,
                ctx.line(&round.file, "trang_thai", None, 1),
                "trang_thai",
                Bilingual::new(
                    format!(
                        "Đợt bầu cử đang ở trạng thái `{}` nhưng đã có kết quả: số liệu chưa được đăng cho đến khi đổi trang_thai trong dot-bau-cu.yaml (ví dụ tam-thoi sau khi kiểm phiếu).",
                        round.data.trang_thai.key()
                    ),
                    "The round is still scheduled or postponed, yet has results: its figures are not published until trang_thai in dot-bau-cu.yaml changes (e.g. to tam-thoi once counted).",
                ),
            );
        }
    }
}

fn web_address(site: &Site, ctx: &mut Ctx) {
    let Some(url) = &site.config.dia_chi_web else {
        return;
    };
    if let Some((vi, en)) = web_address_problem(url) {
        let file = Path::new(CONFIG_FILE);
        ctx.error(
            file,
            ctx.line(file, "dia_chi_web", None, 1),
            "dia_chi_web",
            Bilingual::new(
                format!("“{url}” không phải địa chỉ web đầy đủ: {vi}."),
                format!("“{url}” is not a full web address: it {en}."),
            ),
            Bilingual::new(
                "Ghi địa chỉ đầy đủ mà người dân mở để xem cổng, ví dụ https://phuong.gov.vn/bau-cu/.",
                "Write the full address at which people open the portal, e.g. https://phuong.gov.vn/bau-cu/.",
            ),
        );
    }
}

/// Characters a web address may not hold as written (RFC 3986 wants them percent-encoded).
const NOT_IN_ADDRESSES: &str = "\"'<>\\`{}|^";

/// What is wrong with `url` as the site's web address, if anything (vi, en). Feeds and the
/// sitemap append page paths to it, so it must be a plain absolute http(s) address: no space or
/// character that needs quoting, no fragment (it would swallow the paths), no user name.
fn web_address_problem(url: &str) -> Option<(String, String)> {
    if url.contains(|c: char| c.is_whitespace() || c.is_control()) {
        return Some((
            "có dấu cách hoặc ký tự điều khiển".into(),
            "holds a space or a control character".into(),
        ));
    }
    if let Some(c) = url.chars().find(|c| NOT_IN_ADDRESSES.contains(*c)) {
        return Some((
            format!("có ký tự “{c}”, không được dùng trong địa chỉ web"),
            format!("holds “{c}”, which a web address may not"),
        ));
    }
    if url.contains('#') {
        return Some((
            "có phần “#…”, mà đường dẫn các trang được nối vào sau địa chỉ nên địa chỉ không được có phần này".into(),
            "has a “#…” part, which it may not since page paths are appended to it".into(),
        ));
    }
    let scheme_ok = url.split_once("://").filter(|(scheme, _)| {
        scheme.eq_ignore_ascii_case("https") || scheme.eq_ignore_ascii_case("http")
    });
    let Some((_, rest)) = scheme_ok else {
        return Some((
            "phải bắt đầu bằng https:// hoặc http://".into(),
            "must start with https:// or http://".into(),
        ));
    };
    let authority = rest.split(['/', '?']).next().unwrap_or_default();
    if authority.contains('@') {
        return Some((
            "không được ghi tên đăng nhập hay mật khẩu (phần trước “@”)".into(),
            "may not hold a user name or password (the part before “@”)".into(),
        ));
    }
    (!is_host_and_port(authority)).then(|| {
        (
            "thiếu tên miền hợp lệ ngay sau “://” (như phuong.gov.vn, hoặc localhost:8080 kèm cổng)".into(),
            "lacks a valid domain name right after “://” (such as phuong.gov.vn, or localhost:8080 with a port)".into(),
        )
    })
}

/// `phuong.gov.vn`, `localhost:8080`, `[::1]:8080`. Letters beyond ASCII are allowed: Vietnamese
/// domain names exist.
fn is_host_and_port(authority: &str) -> bool {
    let (host_ok, port) = match authority.strip_prefix('[') {
        Some(v6) => match v6.split_once(']') {
            Some((address, port)) => (
                address.contains(':') && address.chars().all(|c| c.is_ascii_hexdigit() || c == ':'),
                port,
            ),
            None => return false,
        },
        None => {
            let (host, port) = authority.split_at(authority.find(':').unwrap_or(authority.len()));
            (host.split('.').all(is_domain_label), port)
        }
    };
    let port_ok = port.is_empty()
        || port.strip_prefix(':').is_some_and(|p| {
            p.bytes().all(|b| b.is_ascii_digit()) && p.parse::<u16>().is_ok_and(|n| n > 0)
        });
    host_ok && port_ok
}

/// One part of a domain name between dots: letters and digits, hyphens only inside.
fn is_domain_label(label: &str) -> bool {
    !label.is_empty()
        && !label.starts_with('-')
        && !label.ends_with('-')
        && label.chars().all(|c| c.is_alphanumeric() || c == '-')
}

fn base_path(site: &Site, ctx: &mut Ctx) {
    let Some(base) = &site.config.duong_dan_goc else {
        return;
    };
    if !base.starts_with('/') || base.contains("://") || base.contains(char::is_whitespace) {
        let file = Path::new(CONFIG_FILE);
        ctx.error(
            file,
            ctx.line(file, "duong_dan_goc", None, 1),
            "duong_dan_goc",
            Bilingual::new(
                format!("“{base}” không phải đường dẫn trên máy chủ."),
                format!("“{base}” is not a path on the server."),
            ),
            Bilingual::new(
                "Ghi đường dẫn bắt đầu bằng “/”, ví dụ /bau-cu/ (hoặc / nếu cổng ở gốc tên miền).",
                "Write a path starting with “/”, e.g. /bau-cu/ (or / when the portal is at the domain's root).",
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_web_address_is_a_plain_absolute_http_address() {
        for good in [
            "https://phuong.gov.vn/bau-cu/",
            "http://localhost:8080",
            "HTTPS://XA.GOV.VN",
            "https://xã.vn/",
            "https://xa.gov.vn/index.php?trang=bau-cu&nam=2025/",
            "https://[::1]:8080/",
        ] {
            assert_eq!(web_address_problem(good), None, "{good}");
        }
        for (bad, reason) in [
            ("https://xa.gov.vn/a\"b", "“\"”"),
            ("https://xa.gov.vn/it's/", "“'”"),
            ("https://xa.gov.vn/<b>", "“<”"),
            ("https://xa.gov.vn/#top", "#"),
            ("https://xa.gov.vn/ bau-cu", "space"),
            ("https://xa.gov.vn/\tbau-cu", "space"),
            ("https://can-bo:mk@xa.gov.vn/", "password"),
            ("ftp://xa.gov.vn/", "https://"),
            ("javascript:alert(1)", "https://"),
            ("xa.gov.vn/bau-cu/", "https://"),
            ("https:///bau-cu/", "domain"),
            ("https://xa..gov.vn/", "domain"),
            ("https://-xa.gov.vn/", "domain"),
            ("https://xa.gov.vn:http/", "domain"),
            ("https://xa.gov.vn:99999/", "domain"),
            ("https://[::1/", "domain"),
        ] {
            let problem = web_address_problem(bad);
            assert!(
                problem.as_ref().is_some_and(|(_, en)| en.contains(reason)),
                "{bad}: {problem:?}"
            );
        }
    }
}
