//! Official phone numbers (a ward's hotline) that documents and pages may publish once staff
//! confirm them, each number by itself, so that a confirmation is never a way to switch the
//! check off: the site's list `so_dien_thoai_cong_khai` and its own contact number
//! `dien_thoai` in `cau-hinh.yaml`, and, in one file, a marker beside the number that readers
//! never see: `<!-- niemyet: so-cong-khai 0203 3825 123 -->` in Markdown, or
//! `# niemyet: so-cong-khai 0203 3825 123` in YAML. Numbers are compared digit for digit, however
//! they are written (`(0203) 3.825.123`, `+84 203 3825 123`).

use super::numbers::{Number, numbers};
use std::collections::BTreeSet;

/// What precedes the numbers a file confirms.
pub const MARKER: &str = "niemyet: so-cong-khai";

/// The phone numbers written in `text`, by their national digits.
pub fn phones(text: &str) -> BTreeSet<String> {
    numbers(text)
        .into_iter()
        .filter_map(|f| match f.number {
            Number::Phone(digits) => Some(digits),
            Number::IdCard => None,
        })
        .collect()
}

/// The numbers that the file `source` confirms: those after each marker, up to the end of its
/// line or comment.
pub fn confirmed_in(source: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for line in source.lines() {
        for (i, _) in line.match_indices(MARKER) {
            let after = &line[i + MARKER.len()..];
            out.extend(phones(after.split("-->").next().unwrap_or(after)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_marker_confirms_the_numbers_it_names_and_no_other() {
        let source = "---\ntieu_de: A\n---\nGọi 0203 3825 123 hoặc 0912 345 678.\n\
                      <!-- niemyet: so-cong-khai (0203) 3.825.123 --> 0987 654 321\n";
        assert_eq!(
            confirmed_in(source),
            BTreeSet::from(["02033825123".to_string()])
        );
        let yaml = "# niemyet: so-cong-khai +84 203 3825 123, 1900 1234\ndia_diem: x\n";
        assert_eq!(
            confirmed_in(yaml),
            BTreeSet::from(["02033825123".to_string()])
        );
        assert!(confirmed_in("Gọi 0203 3825 123 (so-cong-khai)").is_empty());
    }
}
