//! What a candidate's file alone is checked for, since documents rightly publish such things
//! of offices: e-mail addresses, a full date of birth (the birth year alone is public) and a
//! home address (số nhà, ngõ, ngách, hẻm, kiệt followed by a number).
//!
//! A full date is a date of birth when its year is the candidate's birth year, or when it
//! follows a word saying so (`sinh ngày`, `ngày sinh:`, `born`), so the dates of a career
//! (`vào Đảng ngày 05/6/2002`) stay.

use super::fold::Folded;
use unicode_normalization::UnicodeNormalization;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Personal {
    Email,
    BirthDate,
    HomeAddress,
}

/// Every e-mail address, full date of birth and home address in `text`, with its byte range.
/// The text is read line by line: none of them spans a line.
pub fn personal(text: &str, birth_year: u16) -> Vec<(usize, usize, Personal)> {
    let mut found = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let folded = Folded::new(line);
        let tokens = tokens(&folded.chars);
        let mut add = |from: usize, to: usize, kind: Personal| {
            let (start, end) = folded.span(from, to);
            found.push((offset + start, offset + end, kind));
        };
        for (from, to) in emails(&folded.chars) {
            add(from, to, Personal::Email);
        }
        for (from, to) in birth_dates(&tokens, birth_year) {
            add(from, to, Personal::BirthDate);
        }
        for (from, to) in addresses(&tokens, line, &folded) {
            add(from, to, Personal::HomeAddress);
        }
        offset += line.len();
    }
    found.sort_by_key(|&(start, _, _)| start);
    found
}

/// `name@domain.tld`, as folded chars `from..to`.
fn emails(chars: &[char]) -> Vec<(usize, usize)> {
    let local = |c: char| c.is_ascii_alphanumeric() || "._%+-".contains(c);
    let domain = |c: char| c.is_ascii_alphanumeric() || ".-".contains(c);
    let mut found = Vec::new();
    for (at, _) in chars.iter().enumerate().filter(|(_, c)| **c == '@') {
        let start = at - chars[..at].iter().rev().take_while(|c| local(**c)).count();
        let mut end = at + 1 + chars[at + 1..].iter().take_while(|c| domain(**c)).count();
        // a sentence may end right after the address
        while end > at + 1 && matches!(chars[end - 1], '.' | '-') {
            end -= 1;
        }
        let host: String = chars[at + 1..end].iter().collect();
        let tld = host.rsplit('.').next().unwrap_or_default();
        let valid = start < at
            && host.contains('.')
            && !host.starts_with(['.', '-'])
            && tld.len() >= 2
            && tld.chars().all(|c| c.is_ascii_alphabetic());
        if valid {
            found.push((start, end));
        }
    }
    found
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Tok {
    /// Digits: their value (saturating) and how many.
    Num(u32, usize),
    Word(String),
    Mark(char),
}

/// A token and the folded chars `from..to` it was read from.
#[derive(Debug)]
struct Token {
    tok: Tok,
    from: usize,
    to: usize,
}

/// Numbers, words and marks; spaces only separate.
fn tokens(chars: &[char]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let from = i;
        if c.is_ascii_digit() {
            let len = chars[i..].iter().take_while(|c| c.is_ascii_digit()).count();
            let value = chars[i..i + len].iter().fold(0u32, |v, d| {
                v.saturating_mul(10)
                    .saturating_add(d.to_digit(10).unwrap_or(0))
            });
            i += len;
            out.push(Token {
                tok: Tok::Num(value, len),
                from,
                to: i,
            });
        } else if c.is_alphabetic() {
            let len = chars[i..].iter().take_while(|c| c.is_alphabetic()).count();
            i += len;
            out.push(Token {
                tok: Tok::Word(chars[from..i].iter().collect()),
                from,
                to: i,
            });
        } else {
            i += 1;
            if !c.is_whitespace() {
                out.push(Token {
                    tok: Tok::Mark(c),
                    from,
                    to: i,
                });
            }
        }
    }
    out
}

/// Reads a sequence of tokens from a position.
struct Reader<'a> {
    tokens: &'a [Token],
    at: usize,
}

impl Reader<'_> {
    fn num(&mut self) -> Option<(u32, usize)> {
        match self.tokens.get(self.at)?.tok {
            Tok::Num(value, len) => {
                self.at += 1;
                Some((value, len))
            }
            _ => None,
        }
    }

    fn word(&mut self) -> Option<&str> {
        match &self.tokens.get(self.at)?.tok {
            Tok::Word(w) => {
                self.at += 1;
                Some(w)
            }
            _ => None,
        }
    }

    fn mark(&mut self) -> Option<char> {
        match self.tokens.get(self.at)?.tok {
            Tok::Mark(c) => {
                self.at += 1;
                Some(c)
            }
            _ => None,
        }
    }

    /// Takes the next token when it is the word `w`.
    fn skip_word(&mut self, w: &str) -> bool {
        let at = self.at;
        match self.word() {
            Some(x) if x == w => true,
            _ => {
                self.at = at;
                false
            }
        }
    }

    fn skip_mark(&mut self, c: char) {
        if matches!(self.tokens.get(self.at), Some(Token { tok: Tok::Mark(m), .. }) if *m == c) {
            self.at += 1;
        }
    }
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn is_month(word: &str) -> bool {
    word.len() >= 3
        && MONTHS
            .iter()
            .any(|m| *m == word || m.starts_with(word) && word.len() == 3)
}

fn is_day(d: u32) -> bool {
    (1..=31).contains(&d)
}

/// A full date starting at token `at`: the index past its last token and its year as written
/// (value, number of digits).
fn date_at(tokens: &[Token], at: usize) -> Option<(usize, (u32, usize))> {
    let numeric = || {
        // 05/6/1968, 05-06-1968, 5.6.1968, and 1968-06-05
        let mut r = Reader { tokens, at };
        let a = r.num()?;
        let sep = r.mark().filter(|c| matches!(c, '/' | '-' | '.'))?;
        let (b, _) = r.num()?;
        (r.mark()? == sep).then_some(())?;
        let c = r.num()?;
        let date = if a.1 == 4 {
            (sep == '-' && (1..=12).contains(&b) && is_day(c.0)).then_some(a)
        } else {
            (is_day(a.0) && (1..=12).contains(&b) && matches!(c.1, 2 | 4)).then_some(c)
        };
        date.map(|year| (r.at, year))
    };
    let words = || {
        // ngày 5 tháng 6 năm 1968
        let mut r = Reader { tokens, at };
        r.skip_word("ngay");
        let (d, _) = r.num()?;
        r.skip_word("thang").then_some(())?;
        let (m, _) = r.num()?;
        r.skip_mark(',');
        r.skip_word("nam").then_some(())?;
        let year = r.num().filter(|y| y.1 == 4)?;
        (is_day(d) && (1..=12).contains(&m)).then_some((r.at, year))
    };
    let english = || {
        // 5 June 1968, 5th of June, 1968, June 5, 1968
        let mut r = Reader { tokens, at };
        let day = match r.num() {
            Some((d, _)) => {
                for suffix in ["st", "nd", "rd", "th"] {
                    if r.skip_word(suffix) {
                        break;
                    }
                }
                r.skip_word("of");
                r.word().filter(|w| is_month(w))?;
                d
            }
            None => {
                r.word().filter(|w| is_month(w))?;
                let (d, _) = r.num()?;
                for suffix in ["st", "nd", "rd", "th"] {
                    if r.skip_word(suffix) {
                        break;
                    }
                }
                d
            }
        };
        r.skip_mark(',');
        let year = r.num().filter(|y| y.1 == 4)?;
        is_day(day).then_some((r.at, year))
    };
    numeric().or_else(words).or_else(english)
}

/// Words that may stand between `sinh` and its date: `sinh vào ngày`, `born on`.
fn is_filler(tok: &Tok) -> bool {
    match tok {
        Tok::Mark(c) => *c == ':',
        Tok::Word(w) => matches!(w.as_str(), "ngay" | "vao" | "on"),
        Tok::Num(..) => false,
    }
}

/// Full dates of birth, as folded chars `from..to`.
fn birth_dates(tokens: &[Token], birth_year: u16) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut at = 0;
    while at < tokens.len() {
        let Some((end, (year, digits))) = date_at(tokens, at) else {
            at += 1;
            continue;
        };
        let year_matches = match digits {
            4 => year == u32::from(birth_year),
            _ => year == u32::from(birth_year % 100),
        };
        // the word just before, past `ngày`, `on` and colons, says it is a birth date
        let said = tokens[..at]
            .iter()
            .rev()
            .find(|t| !is_filler(&t.tok))
            .is_some_and(|t| {
                matches!(&t.tok, Tok::Word(w) if matches!(w.as_str(), "sinh" | "born" | "birth" | "dob"))
            });
        if year_matches || said {
            found.push((tokens[at].from, tokens[end - 1].to));
        }
        at = end;
    }
    found
}

/// Words that introduce a house address, folded, with the spellings accepted for each word
/// (with or without its diacritics, so that `Ngô`, a family name, is not `ngõ`).
const ADDRESS_WORDS: &[&[(&str, &[&str])]] = &[
    &[("so", &["số", "so"]), ("nha", &["nhà", "nha"])],
    &[("nha", &["nhà", "nha"]), ("so", &["số", "so"])],
    &[("ngo", &["ngõ", "ngo"])],
    &[("ngach", &["ngách", "ngach"])],
    &[("hem", &["hẻm", "hem"])],
    &[("kiet", &["kiệt", "kiet"])],
    &[("house", &[]), ("number", &[])],
    &[("house", &[]), ("no", &[])],
    &[("alley", &[])],
];

/// House addresses: an address word then a number (`số nhà 12`, `ngõ số 34`, `hẻm 5/2`), as
/// folded chars `from..to`.
fn addresses(tokens: &[Token], line: &str, folded: &Folded) -> Vec<(usize, usize)> {
    let written = |t: &Token| -> String {
        let (start, end) = folded.span(t.from, t.to);
        line[start..end].nfc().collect::<String>().to_lowercase()
    };
    let mut found = Vec::new();
    for at in 0..tokens.len() {
        for words in ADDRESS_WORDS {
            let mut r = Reader { tokens, at };
            let matches = words.iter().all(|(word, spellings)| {
                let token = r.at;
                r.skip_word(word)
                    && (spellings.is_empty()
                        || spellings.contains(&written(&tokens[token]).as_str()))
            });
            if !matches {
                continue;
            }
            r.skip_mark('.');
            r.skip_word("so");
            r.skip_mark(':');
            if r.num().is_some() {
                found.push((tokens[at].from, tokens[r.at - 1].to));
                break;
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str, birth_year: u16) -> Vec<(&str, Personal)> {
        personal(text, birth_year)
            .into_iter()
            .map(|(start, end, kind)| (&text[start..end], kind))
            .collect()
    }

    #[test]
    fn finds_e_mail_addresses() {
        for (text, address) in [
            ("Thư: cuong.le68@gmail.com.", "cuong.le68@gmail.com"),
            ("[thư](mailto:a_b+c@xa.gov.vn)", "a_b+c@xa.gov.vn"),
            ("ＡＢ＠ｇｍａｉｌ．ｃｏｍ", "ＡＢ＠ｇｍａｉｌ．ｃｏｍ"),
        ] {
            assert_eq!(kinds(text, 1968), [(address, Personal::Email)], "{text}");
        }
        for text in [
            "@gmail.com",
            "a@b",
            "a@localhost",
            "lúc 9@giờ",
            "email@123.45",
        ] {
            assert_eq!(kinds(text, 1968), [], "{text}");
        }
    }

    #[test]
    fn finds_a_full_date_of_birth() {
        for (text, date) in [
            ("Ông sinh ngày 05/6/1968 tại xã Yên Hưng.", "05/6/1968"),
            ("Ông Cường (05-06-1968) là thương binh.", "05-06-1968"),
            ("Sinh ngày 5 tháng 6 năm 1968.", "ngày 5 tháng 6 năm 1968"),
            ("Ngày sinh: 12.3.1969.", "12.3.1969"),
            ("Sinh ngày 05/6/68.", "05/6/68"),
            ("sinh 1968-06-05", "1968-06-05"),
            ("Sinh vào ngày 1/2/1970.", "1/2/1970"),
            ("Born on 5 June 1968 in Hà Nội.", "5 June 1968"),
            ("He was born on June 5th, 1968.", "June 5th, 1968"),
            ("Ngày ５/６/１９６８", "５/６/１９６８"),
        ] {
            assert_eq!(kinds(text, 1968), [(date, Personal::BirthDate)], "{text}");
        }
    }

    #[test]
    fn the_birth_year_and_the_dates_of_a_career_stay() {
        for text in [
            "Sinh năm 1968, vào Đảng ngày 05/6/2002.",
            "Năm 1968 là năm sinh; ngày 1 tháng 7 năm 2019 ông làm tổ trưởng.",
            "Tham gia sinh hoạt ngày 05/6/2002 tại chi bộ.",
            "Nhiệm kỳ 2019-2022, 1.234.567 đồng, 48,33%.",
            "Sinh năm 1968 tại Hà Nội; từ 01/01/2022 đến 31/12/2022.",
            "In May 2019 he was elected; on 5 June 2022 re-elected.",
        ] {
            assert_eq!(kinds(text, 1968), [], "{text}");
        }
    }

    #[test]
    fn finds_a_house_address() {
        for (text, address) in [
            ("Ông ở số nhà 12 đường Lê Lợi.", "số nhà 12"),
            ("Nhà số 7, tổ 3.", "Nhà số 7"),
            ("Nhà ở ngõ 34 phố Hàng Bạc.", "ngõ 34"),
            ("Ông ở Ngõ số 34.", "Ngõ số 34"),
            ("Ông ở hẻm 5/2 Nguyễn Trãi.", "hẻm 5"),
            ("Ông ở ngách 7 ngõ Văn Chương.", "ngách 7"),
            ("Ông ở kiệt 9 Lê Lợi.", "kiệt 9"),
            ("Ong o so nha 12", "so nha 12"),
            ("He lives at house no. 12.", "house no. 12"),
            ("Ngo\u{0303} 34", "Ngo\u{0303} 34"),
        ] {
            assert_eq!(
                kinds(text, 1968),
                [(address, Personal::HomeAddress)],
                "{text}"
            );
        }
        for text in [
            "Ông Ngô 12 năm làm tổ trưởng.",
            "Số nhà văn hóa: 2.",
            "Tổ 3, khu phố 2, thôn 5.",
            "Ngõ nhỏ, phố nhỏ.",
        ] {
            assert_eq!(kinds(text, 1968), [], "{text}");
        }
    }
}
