//! Sample text that `niemyet new` wrote (`scaffold::samples`) and nobody replaced: a candidate
//! whose bio still reads “Tiểu sử tóm tắt: quê quán…” would be published as it is, so the file is
//! refused at the sample's line. A new site's sample names may stand while every page says
//! “Sample data” (`du_lieu_mau: true`), so that the new site can be previewed at once; they are
//! refused once the site says its data is real.
//!
//! Bodies are searched by part of the site, with validation's memo: a part the preview's
//! assembly kept as it was holds the bodies it held (see `memo`).

use super::Ctx;
use super::memo::Units;
use super::published::{self, Part};
use crate::diagnostics::{Bilingual, Diagnostic};
use crate::load::CONFIG_FILE;
use crate::model::Site;
use crate::model::reassemble::Kept;
use crate::scaffold::samples::{
    AUTHORITY, CANDIDATE_BIO, COMMUNE, DOCUMENT_BODY, PROVINCE, Sample,
};
use std::path::Path;

/// The sample lines found in a part's bodies: the body by its place in [`bodies`], the sample
/// by its place in the body's list of samples.
pub(super) type InPart = Vec<(usize, usize)>;

pub(super) fn check(site: &Site, ctx: &mut Ctx, memo: &Units<InPart>, kept: &Kept) {
    let strict = !site.config.du_lieu_mau;
    let config = Path::new(CONFIG_FILE);
    field(
        ctx,
        config,
        "co_quan",
        &site.config.co_quan,
        &AUTHORITY,
        strict,
    );
    for commune in &site.communes {
        field(
            ctx,
            &commune.file,
            "ten",
            &commune.data.ten,
            &COMMUNE,
            strict,
        );
        field(
            ctx,
            &commune.file,
            "tinh",
            &commune.data.tinh.ten,
            &PROVINCE,
            strict,
        );
    }
    let parts = published::parts(site);
    let found = memo.find_all(&parts, kept, Part::unit, |part| {
        (bodies(part).iter().enumerate())
            .flat_map(|(i, body)| body.samples_in().map(move |s| (i, s)))
            .collect()
    });
    for (part, found) in parts.iter().zip(found) {
        if found.is_empty() {
            continue;
        }
        let bodies = bodies(part);
        for (i, s) in found {
            if let Some(body) = bodies.get(i) {
                body.report(ctx, s);
            }
        }
    }
}

/// A Markdown body that a new file starts with sample lines in.
struct Body<'a> {
    file: &'a Path,
    /// The line of the file the body starts at.
    line: usize,
    text: &'a str,
    samples: &'static [Sample],
}

/// The bodies of a part: its candidates' bios, or a document's body.
fn bodies<'a>(part: &Part<'a>) -> Vec<Body<'a>> {
    match *part {
        Part::Round(round) => (round.candidates.iter())
            .map(|c| Body {
                file: &c.file,
                line: c.body_line,
                text: &c.bio,
                samples: &CANDIDATE_BIO,
            })
            .collect(),
        Part::Document(_, d) => vec![Body {
            file: &d.file,
            line: d.body_line,
            text: &d.body,
            samples: &DOCUMENT_BODY,
        }],
        Part::Config(_) | Part::Commune(..) | Part::Page(..) => Vec::new(),
    }
}

impl Body<'_> {
    /// The samples still in the body, by their place in its list.
    fn samples_in(&self) -> impl Iterator<Item = usize> + '_ {
        (self.samples.iter().enumerate())
            .filter(|(_, sample)| self.text.contains(sample.text))
            .map(|(s, _)| s)
    }

    /// The sample `s` left in the body, at its line.
    fn report(&self, ctx: &mut Ctx, s: usize) {
        let Some(sample) = self.samples.get(s) else {
            return;
        };
        let line =
            (ctx.files.get(self.file)).and_then(|f| f.line_containing(sample.text, self.line));
        ctx.error(self.file, line, "", message(sample), fix(sample));
    }
}

fn message(sample: &Sample) -> Bilingual {
    Bilingual::new(
        format!(
            "Bạn chưa thay đoạn mẫu “{}” bằng nội dung thật.",
            sample.text
        ),
        format!(
            "The sample text “{}” has not been replaced with real content.",
            sample.text
        ),
    )
}

fn fix(sample: &Sample) -> Bilingual {
    Bilingual::new(sample.fix_vi, sample.fix_en)
}

/// A top-level field still holding its sample value: an error, or a warning while the site
/// says it shows sample data.
fn field(ctx: &mut Ctx, file: &Path, key: &str, value: &str, sample: &Sample, strict: bool) {
    if value.trim() != sample.text {
        return;
    }
    let line = ctx.top_line(file, key);
    if strict {
        ctx.error(file, line, key, message(sample), fix(sample));
    } else {
        ctx.problems.push(
            Diagnostic::warning(file, message(sample))
                .at(line, None)
                .field(key)
                .hint(fix(sample)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::SourceFile;
    use crate::validate::Files;

    fn files(file: &SourceFile) -> Files<'_> {
        Files::new(std::iter::once(file))
    }

    #[test]
    fn a_sample_line_left_in_a_body_is_refused_at_its_line() {
        let text = format!(
            "---\nho_ten: A\n---\nSinh năm 1970.\n{}\n",
            CANDIDATE_BIO[1].text
        );
        let file = SourceFile {
            rel: "a.md".into(),
            abs: "a.md".into(),
            text: text.clone(),
        };
        let files = files(&file);
        let mut ctx = Ctx::new(&files);
        let body = Body {
            file: Path::new("a.md"),
            line: 4,
            text: text.split("---\n").nth(2).unwrap_or_default(),
            samples: &CANDIDATE_BIO,
        };
        for s in body.samples_in().collect::<Vec<_>>() {
            body.report(&mut ctx, s);
        }
        assert_eq!(ctx.problems.len(), 1);
        let d = &ctx.problems[0];
        assert!(d.is_error());
        assert_eq!(d.line, Some(5));
        assert!(d.message.en.contains(CANDIDATE_BIO[1].text), "{d}");
        assert!(
            d.hint.as_ref().is_some_and(|h| h.vi.contains("tiểu sử")),
            "{d}"
        );
    }

    #[test]
    fn a_sample_name_is_a_warning_while_the_site_shows_sample_data() {
        let text = format!("ten: {}\n", COMMUNE.text);
        let file = SourceFile {
            rel: "don-vi/x.yaml".into(),
            abs: "don-vi/x.yaml".into(),
            text,
        };
        let files = files(&file);
        let mut ctx = Ctx::new(&files);
        let path = Path::new("don-vi/x.yaml");
        field(&mut ctx, path, "ten", COMMUNE.text, &COMMUNE, false);
        field(&mut ctx, path, "ten", COMMUNE.text, &COMMUNE, true);
        field(&mut ctx, path, "ten", "Xã Mới Hòa", &COMMUNE, true);
        let errors: Vec<bool> = ctx.problems.iter().map(Diagnostic::is_error).collect();
        assert_eq!(errors, [false, true]);
        assert_eq!(ctx.problems[1].line, Some(1));
        assert_eq!(ctx.problems[1].field.as_deref(), Some("ten"));
    }
}
