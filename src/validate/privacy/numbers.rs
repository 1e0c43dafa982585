//! ID card numbers and phone numbers, however they are written: split into groups by spaces,
//! dots, hyphens, slashes, underscores, commas or invisible characters, one digit at a time,
//! with a letter `l`, `I` or `O` in place of a digit, or in the digits of another script.
//!
//! Groups are joined as numbers are written: from a group of three or more digits (`0912`,
//! `091`) or `84`, or else only into groups all of the first group's length, each after a
//! single space or dot (`09 12 34 56 78`, `0 9 1 2 …`). So lists (`01 - 02 - 03`, `2015, 2017`),
//! dates, document numbers (`112/QĐ-UBND`, `10/2022/QH15`), amounts (`1.234.567 đồng`) and
//! percentages are left alone. Nine digits in groups count as an ID number only after a word
//! naming an ID card, as amounts are written that way too.

use super::fold::fold;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Number {
    /// A phone number, as its national digits: `0912345678`, also for `+84 912 345 678`.
    Phone(String),
    /// An ID card number (CMND, CCCD).
    IdCard,
}

/// A number and the byte range where it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub number: Number,
}

/// Every ID card and phone number in `text`, in order. Linear in the length of the text.
pub fn numbers(text: &str) -> Vec<Found> {
    let mut runs = Runs {
        text,
        run: Vec::new(),
        gap: None,
        found: Vec::new(),
    };
    for_each_cell(text, |start, end, cell| runs.push(start, end, cell));
    runs.end_run();
    runs.found
}

/// The national form of a phone number's digits, by which numbers are compared: `84…` is
/// `0…`.
pub fn national(digits: &str) -> String {
    match digits.strip_prefix("84") {
        Some(rest) if digits.len() > 10 => format!("0{rest}"),
        _ => digits.to_string(),
    }
}

/// Longest number worth joining: a 12-digit ID card number.
const MAX_DIGITS: usize = 12;

/// What a character is to a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cell {
    Digit(char),
    Separator(char),
    Other,
}

/// Characters people type inside a number: spaces (also the non-breaking space Word inserts),
/// dots, hyphens and dashes, slashes, underscores, commas, brackets, and invisible ones
/// (zero-width space, soft hyphen).
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '.' | ',' | '-' | '/' | '_' | '(' | ')' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}'
        )
}

/// Letters typed in place of a digit.
fn confusable(folded: char) -> Option<char> {
    match folded {
        'l' | 'i' => Some('1'),
        'o' => Some('0'),
        _ => None,
    }
}

/// Calls `f` with each character's byte range and what it is to a number. Combining marks are
/// skipped. Inside a word, a run of digits and look-alike letters holding a digit reads as
/// digits when it is the whole word or starts with a digit (`09l2345678`, `O912`, `SĐT09l2…`),
/// so that words such as `Hello2023` keep their letters.
fn for_each_cell(text: &str, mut f: impl FnMut(usize, usize, Cell)) {
    // the word being read: (start, end, folded char) of each of its characters
    let mut word: Vec<(usize, usize, char)> = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let end = chars.peek().map_or(text.len(), |(j, _)| *j);
        let Some(folded) = fold(c) else { continue };
        if folded.is_alphanumeric() {
            word.push((i, end, folded));
            continue;
        }
        flush_word(&mut word, &mut f);
        let cell = if is_separator(c) || is_separator(folded) {
            Cell::Separator(folded)
        } else {
            Cell::Other
        };
        f(i, end, cell);
    }
    flush_word(&mut word, &mut f);
}

fn flush_word(word: &mut Vec<(usize, usize, char)>, f: &mut impl FnMut(usize, usize, Cell)) {
    let is_digit = |c: char| c.is_ascii_digit();
    let mut i = 0;
    while i < word.len() {
        let (start, end, c) = word[i];
        if is_digit(c) || confusable(c).is_none() {
            f(
                start,
                end,
                if is_digit(c) {
                    Cell::Digit(c)
                } else {
                    Cell::Other
                },
            );
            i += 1;
            continue;
        }
        // a run of digits and look-alike letters from here
        let len = word[i..]
            .iter()
            .take_while(|(_, _, c)| is_digit(*c) || confusable(*c).is_some())
            .count();
        let run = &word[i..i + len];
        let whole = len == word.len();
        let starts_with_digit = i > 0 && is_digit(word[i - 1].2);
        let numeric = run.iter().any(|(_, _, c)| is_digit(*c)) && (whole || starts_with_digit);
        for &(start, end, c) in run {
            let cell = match (is_digit(c), numeric) {
                (true, _) => Cell::Digit(c),
                (false, true) => Cell::Digit(confusable(c).unwrap_or(c)),
                (false, false) => Cell::Other,
            };
            f(start, end, cell);
        }
        i += len;
    }
    word.clear();
}

/// A group of digits written together, and what separates it from the group before.
#[derive(Debug)]
struct Group {
    start: usize,
    end: usize,
    digits: String,
    gap: Gap,
}

/// The separators between two groups.
#[derive(Debug, Clone, Copy)]
struct Gap {
    count: usize,
    first: char,
}

impl Gap {
    /// One space or dot, as between the groups of `09 12 34 56 78`.
    fn is_single(self) -> bool {
        self.count == 1 && (self.first.is_whitespace() || self.first == '.')
    }

    /// One dot or comma, as between the thousands of an amount.
    fn is_thousands(self) -> bool {
        self.count == 1 && matches!(self.first, '.' | ',')
    }
}

/// Runs of digit groups, each read for numbers when it ends.
struct Runs<'a> {
    text: &'a str,
    run: Vec<Group>,
    /// Separators since the last digit; `None` when the run is broken.
    gap: Option<Gap>,
    found: Vec<Found>,
}

impl Runs<'_> {
    fn push(&mut self, start: usize, end: usize, cell: Cell) {
        match cell {
            Cell::Digit(d) => {
                match (self.gap, self.run.last_mut()) {
                    (Some(Gap { count: 0, .. }), Some(group)) => {
                        group.digits.push(d);
                        group.end = end;
                    }
                    (Some(gap), Some(_)) if gap.count <= 3 => self.run.push(Group {
                        start,
                        end,
                        digits: d.to_string(),
                        gap,
                    }),
                    _ => {
                        self.end_run();
                        self.run.push(Group {
                            start,
                            end,
                            digits: d.to_string(),
                            gap: Gap {
                                count: usize::MAX,
                                first: ' ',
                            },
                        });
                    }
                }
                self.gap = Some(Gap {
                    count: 0,
                    first: ' ',
                });
            }
            Cell::Separator(c) => {
                if let Some(gap) = &mut self.gap {
                    if gap.count == 0 {
                        gap.first = c;
                    }
                    gap.count = gap.count.saturating_add(1);
                }
            }
            Cell::Other => {
                self.end_run();
                self.gap = None;
            }
        }
    }

    fn end_run(&mut self) {
        let run = std::mem::take(&mut self.run);
        let mut from = 0;
        while from < run.len() {
            match number_at(&run, from, self.text) {
                Some((last, number)) => {
                    self.found.push(Found {
                        start: run[from].start,
                        end: run[last].end,
                        number,
                    });
                    from = last + 1;
                }
                None => from += 1,
            }
        }
    }
}

/// The number that starts at group `from` of `run`, with the index of its last group.
fn number_at(run: &[Group], from: usize, text: &str) -> Option<(usize, Number)> {
    let first = &run[from];
    // the thousands of an amount (`1.000.000.000.000`) start no number
    if from > 0 && first.gap.is_thousands() && first.digits.len() == 3 {
        return None;
    }
    let joins_any = first.digits.len() >= 3 || first.digits == "84";
    let mut digits = String::new();
    for (i, group) in run.iter().enumerate().skip(from) {
        let joins = joins_any || group.gap.is_single() && group.digits.len() == first.digits.len();
        if i > from && !joins {
            return None;
        }
        digits.push_str(&group.digits);
        if digits.len() > MAX_DIGITS {
            return None;
        }
        match shape(&digits) {
            Some(Shape::IdCard)
                if digits.len() == 9 && i > from && !names_an_id(&text[..first.start]) => {}
            Some(Shape::IdCard) => return Some((i, Number::IdCard)),
            Some(Shape::Phone) => return Some((i, Number::Phone(national(&digits)))),
            None => {}
        }
    }
    None
}

/// Whether the words just before a number name an ID card (CMND, CCCD, căn cước…).
fn names_an_id(before: &str) -> bool {
    let tail: String = before
        .chars()
        .rev()
        .take(30)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let tail = crate::model::text::sort_key(&tail);
    ["cmnd", "cccd", "cmt", "can cuoc", "chung minh"]
        .iter()
        .any(|word| tail.contains(word))
}

enum Shape {
    Phone,
    IdCard,
}

/// A Vietnamese phone number (0 and 9 or 10 digits, or 84 and 9 or 10 digits) or an ID card
/// number (12 digits from 0, or 9).
fn shape(digits: &str) -> Option<Shape> {
    match digits.len() {
        10 | 11 if digits.starts_with('0') => Some(Shape::Phone),
        11 | 12 if digits.starts_with("84") => Some(Shape::Phone),
        12 if digits.starts_with('0') => Some(Shape::IdCard),
        9 => Some(Shape::IdCard),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Option<Number> {
        numbers(text).into_iter().next().map(|f| f.number)
    }

    #[test]
    fn finds_id_and_phone_numbers_in_their_usual_shapes() {
        for text in [
            "CCCD: 001085012345",
            "Số CMND 123456789.",
            "Liên hệ 0912 345 678",
            "ĐT: 0912.345.678",
            "+84 912 345 678",
            "SĐT0912345678",
            "0912 - 345 - 678",
            "0912–345–678",
            "0912\u{a0}345\u{a0}678",
            "(091) 234 5678",
            "máy bàn 0203 3825 123",
            "gọi 0912\n345 678",
            "０９１２３４５６７８",
            "0912345678 0987654321",
            "năm 2019 số 0912 345 678",
            "Gọi 0912\u{200b}345\u{200b}678",
            "Gọi 0912\u{ad}345678",
            "Gọi 098 2012 345",
            "CCCD 0010 8501 2045",
            "CMND 123 456 789",
            "0912.34.56.78",
        ] {
            assert!(found(text).is_some(), "{text}");
        }
        assert_eq!(
            numbers("Liên hệ 0912 345 678").first().map(|f| f.start),
            Some("Liên hệ ".len())
        );
    }

    #[test]
    fn finds_numbers_however_they_are_spelt() {
        for text in [
            "0912/345/678",
            "0912_345_678",
            "0912,345,678",
            "09 12 34 56 78",
            "0 9 1 2 3 4 5 6 7 8",
            "09l2345678",
            "09I2345678",
            "O912345678",
            "SĐT09l2 345 678",
            "٠٩١٢٣٤٥٦٧٨",
            "۰۹۱۲۳۴۵۶۷۸",
            "𝟎𝟗𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖",
            "0\u{301}912345678",
        ] {
            assert_eq!(
                found(text),
                Some(Number::Phone("0912345678".into())),
                "{text}"
            );
        }
        assert_eq!(found("CCCD 001 085 012 345"), Some(Number::IdCard));
    }

    #[test]
    fn every_number_of_a_text_is_found_with_where_it_is_written() {
        let text = "Gọi 0203 3825 123, hoặc +84 912 345 678.";
        let found: Vec<(&str, Number)> = numbers(text)
            .into_iter()
            .map(|f| (&text[f.start..f.end], f.number))
            .collect();
        assert_eq!(
            found,
            [
                ("0203 3825 123", Number::Phone("02033825123".into())),
                ("84 912 345 678", Number::Phone("0912345678".into())),
            ]
        );
    }

    #[test]
    fn leaves_years_dates_counts_amounts_and_document_numbers_alone() {
        for text in [
            "Sinh năm 1975, vào Đảng ngày 05/6/2002.",
            "Nhiệm kỳ 2022-2025, khu phố có 361 hộ.",
            "Đã truy cập: 4.459.718 lượt",
            "Quyết định số 1234/QĐ-UBND",
            "Công tác từ năm 1995 – 2020, khu phố 3.",
            "Ngày 05.6.2022 314 hộ tham gia.",
            "Tổ trưởng các nhiệm kỳ (2016-2019) (2019-2022).",
            "Nhiệm kỳ 2016 - 2019 - 2022 - 2025.",
            "Các năm 2015 2017 2019 2021",
            "Các năm 2015, 2017, 2019, 2021",
            "Số nhà 12 - 14 - 16 - 18 - 20 - 22.",
            "2018\n2019\n2020",
            "Ông phụ trách các tổ 01 - 02 - 03 - 04 - 05 của khu phố.",
            "Tổ 01, 02, 03, 04, 05, 06.",
            "Quyết định số 123/QĐ-UBND ngày 05/6/2022, tỷ lệ 48,33%.",
            "Khu phố có 123 456 789 đồng quỹ",
            "Luật số 10/2022/QH15 ngày 10/11/2022",
            "Nghị định 59/2023/NĐ-CP; Hướng dẫn 342/HD-UBND ngày 04/4/2024",
            "Kinh phí 1.234.567 đồng, 12.000.000.000 đồng, 1.000.000.000.000 đồng",
            "Kinh phí 120,000,000 đồng",
            "Tỷ lệ 31, 16% và 48,335",
            "Từ 01/01/2022 đến 31/12/2022 lúc 15:54",
            "Mã hồ sơ 000.00.21.H56-220605-0001",
            "Hello2023 Hello2024",
        ] {
            assert_eq!(found(text), None, "{text}");
        }
    }

    #[test]
    fn phone_numbers_compare_by_their_national_digits() {
        assert_eq!(national("84912345678"), "0912345678");
        assert_eq!(national("842033825123"), "02033825123");
        assert_eq!(national("0912345678"), "0912345678");
    }

    #[test]
    fn long_runs_of_groups_are_read_in_linear_time() {
        let text = "12345 ".repeat(50_000);
        assert_eq!(found(&text), None);
        let text = "1 2 ".repeat(50_000);
        assert_eq!(found(&text), None);
    }
}
