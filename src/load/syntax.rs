//! A file the YAML parser cannot read, explained in words a clerk understands, at the line
//! where the mistake is (the parser often notices it a line or more later).

use super::SourceFile;
use super::tree::{Broken, MAX_VALUES};
use crate::diagnostics::{Bilingual, Diagnostic};

/// What went wrong, where, and what to do.
pub fn explain(file: &SourceFile, yaml: &str, first_line: usize, broken: &Broken) -> Diagnostic {
    let lines: Vec<&str> = yaml.lines().collect();
    // 0-based index into `lines` of a line of the file
    let index = |line: usize| line.saturating_sub(first_line);
    let (line, column, message, hint) = match broken {
        Broken::Syntax { info, line, column } => {
            let kind = Kind::of(info).refined(&lines, index(*line));
            let (l, c) = kind.place(&lines, index(*line), *column);
            let (message, hint) = kind.words();
            let hint = lines
                .get(l)
                .and_then(|typed| kind.corrected(typed))
                .unwrap_or(hint);
            (l + first_line, c, message, hint)
        }
        Broken::TooManyValues { line } => {
            let thousands = MAX_VALUES / 1000;
            (
                *line,
                None,
                Bilingual::new(
                    format!(
                        "Dữ liệu có hơn {thousands} nghìn giá trị khi mở rộng các bí danh YAML (`*tên`): tệp nội dung không cần nhiều như vậy."
                    ),
                    format!(
                        "The data holds more than {thousands} thousand values once its YAML aliases (`*name`) are expanded: no content file needs that many."
                    ),
                ),
                Bilingual::new(
                    "Viết thẳng giá trị vào từng trường, không dùng neo `&tên` và bí danh `*tên`.",
                    "Write each value out in its field, without anchors (`&name`) and aliases (`*name`).",
                ),
            )
        }
        Broken::TooDeep { line } => (*line, None, too_deep().0, too_deep().1),
        Broken::SecondDocument { line } => (
            *line,
            None,
            Bilingual::new(
                "Có một dòng `---` (hoặc `...`) ở giữa dữ liệu: mỗi tệp chỉ được có một phần dữ liệu.",
                "A `---` (or `...`) line sits inside the data: a file holds one block of data only.",
            ),
            Bilingual::new(
                "Xóa dòng này, hoặc đưa phần sau nó sang một tệp riêng.",
                "Delete this line, or move what follows it to a file of its own.",
            ),
        ),
    };
    Diagnostic::error(&file.rel, message)
        .at(Some(line), column)
        .hint(hint)
}

fn too_deep() -> (Bilingual, Bilingual) {
    (
        Bilingual::new(
            "Dữ liệu lồng nhau quá nhiều cấp.",
            "The data is nested too deeply.",
        ),
        Bilingual::new(
            "Kiểm tra các dấu ngoặc `[` `{` và các dấu `- ` ở dòng này: mỗi trường chỉ cần vài cấp thụt lề.",
            "Check the brackets `[` `{` and the `- ` marks on this line: no field needs more than a few levels.",
        ),
    )
}

/// The mistakes behind the parser's messages.
#[derive(Debug, PartialEq, Eq)]
enum Kind {
    MissingColon,
    ColonInValue,
    Tab,
    UnclosedQuote,
    UnclosedBracket,
    Indentation,
    Control,
    UnknownAlias,
    TooDeep,
    Other,
}

impl Kind {
    fn of(info: &str) -> Self {
        let has = |s: &str| info.contains(s);
        if has("tab") {
            Self::Tab
        } else if has("simple key") {
            Self::MissingColon
        } else if has("mapping values are not allowed") {
            Self::ColonInValue
        } else if has("quoted scalar") {
            Self::UnclosedQuote
        } else if has("flow") || has("bracket") || has("']'") || has("'}'") {
            Self::UnclosedBracket
        } else if has("indentation")
            || has("block mapping")
            || has("block collection")
            || has("document start")
        {
            Self::Indentation
        } else if has("unprintable") || has("byte order mark") {
            Self::Control
        } else if has("anchor") {
            Self::UnknownAlias
        } else if has("recursion limit") {
            Self::TooDeep
        } else {
            Self::Other
        }
    }

    /// A "colon in a value" whose line holds one colon only is a line read as the rest of
    /// the line above it: an indentation slip.
    fn refined(self, lines: &[&str], at: usize) -> Self {
        let one_colon = lines
            .get(at)
            .and_then(|l| l.split_once(": "))
            .is_some_and(|(_, value)| !value.contains(':'));
        match self {
            Self::ColonInValue if one_colon => Self::Indentation,
            other => other,
        }
    }

    /// The line (0-based in `lines`) and 1-based column where the mistake is typed.
    fn place(&self, lines: &[&str], at: usize, column: usize) -> (usize, Option<usize>) {
        let content = |l: &str| !l.trim().is_empty() && !l.trim_start().starts_with('#');
        match self {
            // the parser stops at the line after a key without its colon
            Self::MissingColon => {
                let from = at.min(lines.len().saturating_sub(1));
                let found = (0..=from)
                    .rev()
                    .find(|&i| content(lines[i]) && !lines[i].contains(':'));
                (found.unwrap_or(at), None)
            }
            // the line indented unlike the one after it, where the parser stopped
            Self::Indentation => {
                let indent = |l: &str| l.len() - l.trim_start().len();
                let here = lines.get(at).map_or(0, |l| indent(l));
                let above = (0..at).rev().find(|&i| content(lines[i]));
                match above.filter(|&i| indent(lines[i]) != here && indent(lines[i]) > 0) {
                    Some(i) => (i, Some(indent(lines[i]) + 1)),
                    None => (at, Some(column)),
                }
            }
            Self::Tab => {
                let tab_in_indent = |l: &str| {
                    let indent = &l[..l.len() - l.trim_start().len()];
                    indent.find('\t')
                };
                let nearest = (0..lines.len())
                    .filter_map(|i| tab_in_indent(lines[i]).map(|c| (i.abs_diff(at), i, c)))
                    .min();
                match nearest {
                    Some((_, i, c)) => (i, Some(c + 1)),
                    None => (at, Some(column)),
                }
            }
            _ => (at, Some(column)),
        }
    }

    /// The line as it was meant, where it can be seen: `gioi_tinh nam` → `gioi_tinh: nam`,
    /// `tieu_de: Kế hoạch: bầu cử` → `tieu_de: "Kế hoạch: bầu cử"`.
    fn corrected(&self, typed: &str) -> Option<Bilingual> {
        let t = typed.trim();
        let meant = match self {
            Self::MissingColon => {
                let (key, value) = t.split_once(' ')?;
                let key_like = key
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '_' || c == '-');
                key_like.then(|| format!("{key}: {}", value.trim()))?
            }
            Self::ColonInValue => {
                let (key, value) = t.split_once(": ")?;
                let value = value.trim().replace('"', "\\\"");
                format!("{key}: \"{value}\"")
            }
            _ => return None,
        };
        Some(match self {
            Self::ColonInValue => Bilingual::new(
                format!("Đặt giá trị trong ngoặc kép: viết `{meant}`."),
                format!("Put the value in double quotes: write `{meant}`."),
            ),
            _ => Bilingual::new(
                format!("Thêm dấu hai chấm sau tên trường: viết `{meant}`."),
                format!("Add the colon after the field name: write `{meant}`."),
            ),
        })
    }

    fn words(&self) -> (Bilingual, Bilingual) {
        let b = Bilingual::new;
        match self {
            Self::MissingColon => (
                b(
                    "Dòng này có tên trường mà thiếu dấu hai chấm `:`.",
                    "This line has a field name without its colon `:`.",
                ),
                b(
                    "Viết `ten_truong: giá trị`, có dấu hai chấm và một dấu cách sau tên trường.",
                    "Write `field_name: value`, with a colon and a space after the field name.",
                ),
            ),
            Self::ColonInValue => (
                b(
                    "Giá trị ở dòng này có dấu hai chấm `:`, nên bị đọc như một trường mới.",
                    "The value on this line holds a colon `:`, so it reads as a new field.",
                ),
                b(
                    "Đặt giá trị trong ngoặc kép, ví dụ: nghe_nghiep: \"Cán bộ: hưu trí\".",
                    "Put the value in double quotes, e.g. nghe_nghiep: \"Cán bộ: hưu trí\".",
                ),
            ),
            Self::Tab => (
                b(
                    "Dòng này thụt lề bằng phím Tab.",
                    "This line is indented with the Tab key.",
                ),
                b(
                    "Xóa Tab và thụt lề bằng dấu cách, thẳng hàng với các dòng cùng cấp.",
                    "Delete the Tab and indent with spaces, aligned with the lines of the same level.",
                ),
            ),
            Self::UnclosedQuote => (
                b(
                    "Dấu ngoặc kép mở ở đây chưa được đóng.",
                    "The quote opened here is never closed.",
                ),
                b(
                    "Thêm dấu ngoặc kép đóng ở cuối giá trị, trên cùng dòng.",
                    "Add the closing quote at the end of the value, on the same line.",
                ),
            ),
            Self::UnclosedBracket => (
                b(
                    "Dấu ngoặc `[` hoặc `{` ở đây chưa được đóng, hoặc thiếu dấu phẩy giữa các mục.",
                    "A bracket `[` or `{` here is never closed, or a comma is missing between items.",
                ),
                b(
                    "Đóng ngoặc ở cuối danh sách (`]` hoặc `}`), hoặc viết mỗi mục một dòng bắt đầu bằng `- `.",
                    "Close the bracket at the end of the list (`]` or `}`), or write one `- ` line per item.",
                ),
            ),
            Self::Indentation => (
                b(
                    "Dòng này thụt lề không thẳng hàng với các dòng cùng cấp.",
                    "This line is not indented like the lines of its level.",
                ),
                b(
                    "Các trường ngoài cùng bắt đầu ở đầu dòng; các trường bên trong một nhóm thụt lề như nhau (hai dấu cách), và các mục `- ` của một danh sách thẳng hàng với nhau.",
                    "Top-level fields start at the beginning of the line; the fields of a group are indented alike (two spaces), and a list's `- ` items are aligned.",
                ),
            ),
            Self::Control => (
                b(
                    "Dòng này có ký tự điều khiển không nhìn thấy (thường do dán từ Word hay PDF).",
                    "This line holds an invisible control character (often pasted from Word or a PDF).",
                ),
                b(
                    "Xóa rồi gõ lại dòng này.",
                    "Delete the line and type it again.",
                ),
            ),
            Self::UnknownAlias => (
                b(
                    "Dòng này dùng bí danh `*tên` mà không có neo `&tên` nào trước đó.",
                    "This line uses an alias `*name` with no anchor `&name` before it.",
                ),
                b(
                    "Viết thẳng giá trị, không dùng `*`; nếu giá trị bắt đầu bằng `*`, đặt nó trong ngoặc kép.",
                    "Write the value out, without `*`; a value that starts with `*` goes in double quotes.",
                ),
            ),
            Self::TooDeep => too_deep(),
            Self::Other => (
                b(
                    "Dòng này viết sai cách ghi dữ liệu (YAML).",
                    "This line breaks the data format (YAML).",
                ),
                b(
                    "Kiểm tra dấu hai chấm sau tên trường, thụt lề bằng dấu cách (không dùng phím Tab), và đặt giá trị có dấu `:` hoặc `#` trong ngoặc kép.",
                    "Check the colon after each field name, indent with spaces (not Tab), and quote values containing `:` or `#`.",
                ),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::tree;

    fn explained(yaml: &str, first_line: usize) -> Diagnostic {
        let file = SourceFile {
            rel: "x.yaml".into(),
            abs: "x.yaml".into(),
            text: yaml.into(),
        };
        let broken = tree::read(yaml, first_line).unwrap_err();
        explain(&file, yaml, first_line, &broken)
    }

    #[test]
    fn a_missing_colon_is_found_on_its_own_line_not_the_next() {
        let d = explained(
            "ho_ten: An\ngioi_tinh nam\n# chú thích\nnam_sinh: 1968\n",
            2,
        );
        assert_eq!(d.line, Some(3), "{d}");
        assert!(d.message.en.contains("without its colon"), "{d}");
        assert!(d.hint.unwrap().vi.contains("`gioi_tinh: nam`"));
        let d = explained("ngay_bau_cu: a\nnam_si", 2);
        assert_eq!(d.line, Some(3), "{d}");
    }

    #[test]
    fn a_tab_is_marked_where_it_is() {
        let d = explained("ds:\n  - ten: A\n\t- ten: B\n", 1);
        assert_eq!((d.line, d.column), (Some(3), Some(1)), "{d}");
        assert!(d.message.en.contains("Tab"), "{d}");
    }

    #[test]
    fn an_unclosed_quote_and_a_colon_in_a_value_are_explained() {
        let d = explained("ho_ten: An\ngioi_tinh: \"Nam\nx: 1\n", 1);
        assert_eq!(d.line, Some(2), "{d}");
        assert!(d.message.en.contains("quote"), "{d}");
        let d = explained("a: 1\nnghe_nghiep: Cán bộ: hưu trí\n", 1);
        assert_eq!(d.line, Some(2), "{d}");
        assert!(
            d.hint
                .unwrap()
                .en
                .contains("`nghe_nghiep: \"Cán bộ: hưu trí\"`")
        );
    }

    #[test]
    fn no_message_repeats_the_parser_s_english() {
        for yaml in [
            "a: [1, 2\n",
            "a:\n  b: 1\n c: 2\n",
            "a: *x\n",
            "a: \"x\\q\"\n",
        ] {
            let d = explained(yaml, 1);
            let all = format!("{d}");
            for parser_word in ["while ", "expected", "scanning", "simple key", "stream"] {
                assert!(!all.contains(parser_word), "{yaml:?}: {all}");
            }
        }
    }
}
