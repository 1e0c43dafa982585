//! Documents (văn bản): each province's guidance for a term, each commune's plan for a round (the
//! decision step of its timeline), decisions to postpone, notices of results and news, with PDF
//! attachments and, for most, an English translation beside them.

use super::{Writer, q};
use crate::fs::FsError;
use crate::model::date::Date;
use std::fmt::Write as _;

/// One document to write: its front matter, body, attachment and translation.
pub struct Doc {
    /// `van-ban/<province>`: a folder per province keeps folders of a national corpus small.
    pub folder: String,
    pub slug: String,
    pub kind: &'static str,
    pub title: String,
    pub number: Option<String>,
    pub date: Date,
    pub issuer: String,
    pub authority: Option<String>,
    pub signer_title: Option<String>,
    pub signer: Option<String>,
    pub author: Option<String>,
    /// Cited text, and the slug of the document when it is on the site.
    pub bases: Vec<(String, Option<String>)>,
    pub recipients: Vec<String>,
    /// The label of the attached PDF, when there is one.
    pub attachment: Option<String>,
    pub round: Option<String>,
    pub commune: Option<String>,
    pub body: String,
    pub english: Option<English>,
}

/// The words of a document in English (`<slug>.en.md`); numbers, dates and links stay the
/// original's.
pub struct English {
    pub title: String,
    pub issuer: String,
    pub authority: Option<String>,
    pub signer_title: Option<String>,
    /// One per basis of the original, in its order.
    pub bases: Vec<String>,
    pub recipients: Vec<String>,
    pub body: String,
}

impl Doc {
    pub fn write(&self, out: &mut Writer) -> Result<(), FsError> {
        let mut md = String::from("---\n");
        let _ = writeln!(md, "loai: {}", self.kind);
        if let Some(n) = &self.number {
            let _ = writeln!(md, "so_hieu: {}", q(n));
        }
        let _ = writeln!(md, "ngay: {}", q(&self.date.to_string()));
        let _ = writeln!(md, "co_quan: {}", q(&self.issuer));
        let _ = writeln!(md, "tieu_de: {}", q(&self.title));
        for (key, value) in [
            ("tham_quyen_ky", &self.authority),
            ("chuc_vu_ky", &self.signer_title),
            ("nguoi_ky", &self.signer),
            ("tac_gia", &self.author),
        ] {
            if let Some(v) = value {
                let _ = writeln!(md, "{key}: {}", q(v));
            }
        }
        if !self.bases.is_empty() {
            md.push_str("can_cu:\n");
            for (text, slug) in &self.bases {
                match slug {
                    Some(slug) => {
                        let _ = writeln!(md, "  - ten: {}\n    van_ban: {slug}", q(text));
                    }
                    None => {
                        let _ = writeln!(md, "  - {}", q(text));
                    }
                }
            }
        }
        list(&mut md, "noi_nhan", &self.recipients);
        if let Some(label) = &self.attachment {
            let _ = writeln!(
                md,
                "dinh_kem:\n  - tep: tep/{}.pdf\n    ten: {}",
                self.slug,
                q(label)
            );
            out.put(
                &format!("{}/tep/{}.pdf", self.folder, self.slug),
                &pdf(&self.slug),
            )?;
        }
        if let Some(r) = &self.round {
            let _ = writeln!(md, "bau_cu: {r}");
        }
        if let Some(c) = &self.commune {
            let _ = writeln!(md, "don_vi: {c}");
        }
        md.push_str("---\n");
        md.push_str(&self.body);
        out.put(&format!("{}/{}.md", self.folder, self.slug), md.as_bytes())?;

        let Some(en) = &self.english else {
            return Ok(());
        };
        let mut md = String::from("---\n");
        let _ = writeln!(md, "tieu_de: {}", q(&en.title));
        let _ = writeln!(md, "co_quan: {}", q(&en.issuer));
        for (key, value) in [
            ("tham_quyen_ky", &en.authority),
            ("chuc_vu_ky", &en.signer_title),
        ] {
            if let Some(v) = value {
                let _ = writeln!(md, "{key}: {}", q(v));
            }
        }
        list(&mut md, "can_cu", &en.bases);
        list(&mut md, "noi_nhan", &en.recipients);
        md.push_str("nguoi_dich: \"niemyet gen-corpus (sample translation)\"\n---\n");
        md.push_str(&en.body);
        out.put(
            &format!("{}/{}.en.md", self.folder, self.slug),
            md.as_bytes(),
        )
    }
}

fn list(md: &mut String, key: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(md, "{key}:");
    for item in items {
        let _ = writeln!(md, "  - {}", q(item));
    }
}

/// A small valid one-page PDF naming the document, its cross-reference table computed so that
/// readers open it without repair.
pub fn pdf(slug: &str) -> Vec<u8> {
    let text = format!("Sample attachment (niemyet gen-corpus): {slug}");
    let stream = format!("BT /F1 11 Tf 56 780 Td ({text}) Tj ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R \
         /Resources << /Font << /F1 5 0 R >> >> >>"
            .to_string(),
        format!(
            "<< /Length {} >>\nstream\n{stream}\nendstream",
            stream.len()
        ),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
    ];
    let mut out = String::from("%PDF-1.4\n");
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        let _ = write!(out, "{} 0 obj\n{body}\nendobj\n", i + 1);
    }
    let xref = out.len();
    let _ = write!(out, "xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1);
    for o in offsets {
        let _ = writeln!(out, "{o:010} 00000 n ");
    }
    let _ = write!(
        out,
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    );
    out.into_bytes()
}

/// `Phường Ba Đình` → `phường Ba Đình`: a unit's name inside a sentence or an authority's name.
pub fn lower_first(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::document::DocumentFile;
    use crate::model::translation::DocumentTranslationFile;

    #[test]
    fn the_pdf_cross_reference_points_at_each_object() {
        let bytes = pdf("ke-hoach-x");
        let text = String::from_utf8(bytes).unwrap();
        assert!(text.starts_with("%PDF-1.4\n") && text.ends_with("%%EOF\n"));
        let xref: usize = text
            .split("startxref\n")
            .nth(1)
            .and_then(|t| t.lines().next())
            .and_then(|n| n.parse().ok())
            .unwrap();
        assert!(text[xref..].starts_with("xref\n"));
        for (i, line) in text[xref..].lines().skip(3).take(5).enumerate() {
            let at: usize = line[..10].parse().unwrap();
            assert!(
                text[at..].starts_with(&format!("{} 0 obj", i + 1)),
                "{line}"
            );
        }
    }

    #[test]
    fn a_document_and_its_translation_parse_as_the_model_reads_them() {
        let dir = tempfile::tempdir().unwrap();
        let mut out = Writer::new(dir.path().to_path_buf());
        let doc = Doc {
            folder: "van-ban/ha-noi".into(),
            slug: "ke-hoach-x".into(),
            kind: "ke-hoach",
            title: "Kế hoạch \"bầu cử\"".into(),
            number: Some("12/KH-UBND".into()),
            date: Date::new(2025, 9, 10).unwrap(),
            issuer: "Ủy ban nhân dân phường Ba Đình".into(),
            authority: Some("TM. Ủy ban nhân dân".into()),
            signer_title: Some("Chủ tịch".into()),
            signer: Some("Nguyễn Văn An".into()),
            author: None,
            bases: vec![
                ("Luật".into(), None),
                ("Hướng dẫn".into(), Some("huong-dan".into())),
            ],
            recipients: vec!["Lưu: VT".into()],
            attachment: Some("Toàn văn".into()),
            round: Some("r".into()),
            commune: Some("c".into()),
            body: "Nội dung.\n".into(),
            english: Some(English {
                title: "Plan".into(),
                issuer: "People's Committee".into(),
                authority: None,
                signer_title: Some("Chair".into()),
                bases: vec!["Law".into(), "Guidance".into()],
                recipients: vec!["Archive".into()],
                body: "Text.\n".into(),
            }),
        };
        doc.write(&mut out).unwrap();
        let base = dir.path().join("van-ban/ha-noi");
        let vi = std::fs::read_to_string(base.join("ke-hoach-x.md")).unwrap();
        let front = vi.split("---\n").nth(1).unwrap();
        let file: DocumentFile = serde_yaml::from_str(front).unwrap();
        assert_eq!(file.tieu_de, "Kế hoạch \"bầu cử\"");
        assert_eq!(file.can_cu[1].van_ban.as_deref(), Some("huong-dan"));
        assert_eq!(file.dinh_kem[0].tep, "tep/ke-hoach-x.pdf");
        assert!(base.join("tep/ke-hoach-x.pdf").is_file());
        let en = std::fs::read_to_string(base.join("ke-hoach-x.en.md")).unwrap();
        let front = en.split("---\n").nth(1).unwrap();
        let t: DocumentTranslationFile = serde_yaml::from_str(front).unwrap();
        assert_eq!(t.can_cu.len(), 2);
    }

    #[test]
    fn names_are_lowered_only_at_their_first_letter() {
        assert_eq!(lower_first("Đặc khu Côn Đảo"), "đặc khu Côn Đảo");
        assert_eq!(lower_first(""), "");
    }
}
