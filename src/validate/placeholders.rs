//! Sample text that `niemyet new` wrote (`scaffold::samples`) and nobody replaced: a candidate
//! whose bio still reads “Tiểu sử tóm tắt: quê quán…” would be published as it is, so the file is
//! refused at the sample's line. A new site's sample names may stand while every page says
//! “Sample data” (`du_lieu_mau: true`), so that the new site can be previewed at once; they are
//! refused once the site says its data is real.

use super::Ctx;
use crate::diagnostics::{Bilingual, Diagnostic};
use crate::load::CONFIG_FILE;
use crate::model::Site;
use crate::scaffold::samples::{
    AUTHORITY, CANDIDATE_BIO, COMMUNE, DOCUMENT_BODY, PROVINCE, Sample,
};
use std::path::Path;

pub(super) fn check(site: &Site, ctx: &mut Ctx) {
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
    for round in &site.rounds {
        for c in &round.candidates {
            body(ctx, &c.file, c.body_line, &c.bio, &CANDIDATE_BIO);
        }
    }
    for d in &site.documents {
        body(ctx, &d.file, d.body_line, &d.body, &DOCUMENT_BODY);
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

/// Each sample line still in a Markdown body, at its line.
fn body(ctx: &mut Ctx, file: &Path, body_line: usize, text: &str, samples: &[Sample]) {
    for sample in samples.iter().filter(|s| text.contains(s.text)) {
        let line = ctx
            .files
            .get(file)
            .and_then(|f| f.line_containing(sample.text, body_line));
        ctx.error(file, line, "", message(sample), fix(sample));
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
        let bio = text.split("---\n").nth(2).unwrap_or_default();
        body(&mut ctx, Path::new("a.md"), 4, bio, &CANDIDATE_BIO);
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
