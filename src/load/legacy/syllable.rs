//! How Vietnamese a decoded text looks: each word with a letter beyond ASCII must be one
//! Vietnamese syllable (âm tiết): an initial consonant, a vowel group from the language's short
//! list, a final consonant, at most one tone. Bytes read in the wrong legacy encoding give words
//! like “hoµ”, “NguyÔn” or “Nguyờn”, which fail, or symbols where letters should be.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Words that read as Vietnamese, and words or symbols that do not.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Score {
    pub good: usize,
    pub bad: usize,
}

impl Score {
    /// Whether the text plainly reads as Vietnamese: some words beyond ASCII, and few odd ones.
    pub fn is_plausible(self) -> bool {
        self.good > 0 && self.bad * 5 <= self.good
    }
}

const INITIALS: [&str; 28] = [
    "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh",
    "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x",
];

const FINALS: [&str; 9] = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];

/// Vowel groups without tone: the nuclei of Vietnamese rhymes, glides included.
const VOWELS: [&str; 55] = [
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai", "ao", "au", "ay", "âu", "ây",
    "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "oo", "ôi", "ơi", "ua", "uâ", "uê", "ui",
    "uô", "uơ", "uy", "ưa", "ưi", "ưu", "ươ", "yê", "iêu", "oai", "oao", "oay", "oeo", "uây",
    "uôi", "uya", "uyê", "uyu", "ươi", "ươu", "yêu",
];

const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];

/// Punctuation beyond ASCII that Vietnamese text written on Windows holds.
const PUNCTUATION: &str = "“”‘’–—…•€₫«»°×\u{a0}";

/// Scores NFC text.
pub fn score(text: &str) -> Score {
    let mut score = Score::default();
    let mut word = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        if c.is_alphabetic() || is_combining_mark(c) {
            word.push(c);
            continue;
        }
        if !word.is_ascii() {
            match syllable(&word) {
                Some(true) => score.good += 1,
                Some(false) => {}
                None => score.bad += 1,
            }
        }
        word.clear();
        if !c.is_ascii() && !PUNCTUATION.contains(c) {
            score.bad += 1;
        }
    }
    score
}

/// Whether a word is one Vietnamese syllable (`Some(true)`), letters of the Vietnamese alphabet
/// without a vowel, such as the abbreviation “HĐND” (`Some(false)`), or neither (`None`).
fn syllable(word: &str) -> Option<bool> {
    let mut plain = String::new();
    let mut tones = 0;
    let mut previous = None;
    for c in word.to_lowercase().nfd() {
        if TONES.contains(&c) {
            tones += 1;
            // a tone sits on a vowel
            if !previous.is_some_and(|p: char| "aeiouy".contains(p)) {
                return None;
            }
        } else {
            plain.push(c);
            if !is_combining_mark(c) {
                previous = Some(c);
            }
        }
    }
    let plain: String = plain.nfc().collect();
    if tones > 1 || !plain.chars().all(is_letter) {
        return None;
    }
    if !plain.chars().any(is_vowel) {
        return (tones == 0).then_some(false);
    }
    for initial in INITIALS {
        let Some(rest) = plain.strip_prefix(initial) else {
            continue;
        };
        for last in FINALS {
            if let Some(vowels) = rest.strip_suffix(last)
                && VOWELS.contains(&vowels)
            {
                return Some(true);
            }
        }
    }
    None
}

fn is_letter(c: char) -> bool {
    c.is_ascii_lowercase() || is_vowel(c) || c == 'đ'
}

fn is_vowel(c: char) -> bool {
    "aăâeêioôơuưy".contains(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_syllables_pass() {
        for word in [
            "Nguyễn", "người", "khuya", "quyết", "giữ", "gì", "nghĩa", "Việt", "hoà", "ĐỘC",
            "xoong", "thuở", "yêu",
        ] {
            assert_eq!(syllable(word), Some(true), "{word}");
        }
        assert_eq!(syllable("HĐND"), Some(false));
    }

    #[test]
    fn words_read_in_the_wrong_encoding_fail() {
        for word in ["hoµ", "NguyÔn", "Nguyờn", "Nguyeăn", "ViÖt", "aáà"] {
            assert_eq!(syllable(word), None, "{word}");
        }
    }

    #[test]
    fn a_text_is_plausible_when_nearly_every_word_is_vietnamese() {
        let good = score("Cộng hòa xã hội chủ nghĩa Việt Nam – “Độc lập”");
        assert_eq!(good, Score { good: 9, bad: 0 });
        assert!(good.is_plausible());
        let garbled = score("Céng hoµ x· héi chñ nghÜa ViÖt Nam");
        assert!(!garbled.is_plausible(), "{garbled:?}");
        assert!(!score("plain ASCII only").is_plausible());
    }
}
