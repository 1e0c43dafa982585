//! Vietnamese words inside a sentence of another language, marked as Vietnamese: an English page
//! says "Decision No. 112/QĐ-UBND of 9 June 2022" or "Elected: Đặng Văn Lợi with …", where the
//! number and the name are Vietnamese. A screen reader reads `lang="vi"` text with a Vietnamese
//! voice, and a checker can then tell what is left untranslated. A word is Vietnamese when it holds
//! a letter only Vietnamese writes (a tone mark, ă, â, đ, ê, ô, ơ, ư): on a page in another
//! language such a word cannot belong to that language.

use crate::render::xml::escape_html;

/// Whether `word` holds a letter of the Vietnamese alphabet beyond plain Latin.
pub fn is_vietnamese(word: &str) -> bool {
    // every such letter is outside ASCII, as most words of an English page are
    !word.is_ascii()
        && word.chars().any(|c| {
            !c.is_ascii()
                && "àáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵđ"
                    .contains(c.to_lowercase().next().unwrap_or(c))
        })
}

/// `text` escaped for HTML, each run of Vietnamese words in `<span lang="vi">`. Punctuation at
/// the edges of a run stays outside it (`(Nguyễn Đức Long)` marks the name, not the brackets).
pub fn mark(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 32);
    mark_into(&mut out, text, escape_html);
    out
}

/// `html` (as Markdown becomes it) with the Vietnamese words of its text marked, as [`mark`]
/// does; tags are kept as they are, and nothing inside an element that already has a `lang`
/// is marked again (an untranslated original shown whole).
pub fn mark_html(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + 64);
    // the element that set its own language, and how deep inside elements of its name we are
    let mut marked: Option<(String, usize)> = None;
    let mut rest = html;
    while !rest.is_empty() {
        let Some(open) = rest.find('<') else {
            text_into(&mut out, rest, marked.is_none());
            break;
        };
        text_into(&mut out, &rest[..open], marked.is_none());
        let tag_len = tag_length(&rest[open..]);
        let tag = &rest[open..open + tag_len];
        out.push_str(tag);
        rest = &rest[open + tag_len..];
        let name = tag_name(tag);
        let closing = tag.starts_with("</");
        match &mut marked {
            Some((own, depth)) if *own == name => {
                if closing {
                    *depth -= 1;
                } else {
                    *depth += 1;
                }
                if *depth == 0 {
                    marked = None;
                }
            }
            None if !closing && tag.contains(" lang=") => marked = Some((name, 1)),
            _ => {}
        }
    }
    out
}

fn text_into(out: &mut String, text: &str, mark: bool) {
    if mark {
        mark_into(out, text, str::to_string);
    } else {
        out.push_str(text);
    }
}

/// The length of the tag at the start of `html`, quoted attribute values read over.
fn tag_length(html: &str) -> usize {
    let mut quote: Option<char> = None;
    for (i, c) in html.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return i + 1,
            _ => {}
        }
    }
    html.len()
}

fn tag_name(tag: &str) -> String {
    tag.trim_start_matches(['<', '/'])
        .split(|c: char| c.is_whitespace() || c == '>' || c == '/')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// Writes `text` with its runs of Vietnamese words marked, each piece passed through `escape`.
fn mark_into(out: &mut String, text: &str, escape: impl Fn(&str) -> String) {
    // no Vietnamese letter, no run to mark: the text escaped whole, as word by word it would be
    if text.is_ascii() {
        out.push_str(&escape(text));
        return;
    }
    let words: Vec<&str> = text.split([' ', '\n']).collect();
    // the separator after each word, as written
    let mut separators = text.matches([' ', '\n']);
    let mut i = 0;
    while i < words.len() {
        if !is_vietnamese(words[i]) {
            out.push_str(&escape(words[i]));
            out.extend(separators.next());
            i += 1;
            continue;
        }
        let mut run = String::from(words[i]);
        let mut after = separators.next();
        while i + 1 < words.len() && continues(words[i], words[i + 1]) {
            run.extend(after);
            run.push_str(words[i + 1]);
            after = separators.next();
            i += 1;
        }
        let inner = run.trim_matches(is_edge);
        let lead = run.len() - run.trim_start_matches(is_edge).len();
        out.push_str(&escape(&run[..lead]));
        out.push_str("<span lang=\"vi\">");
        out.push_str(&escape(inner));
        out.push_str("</span>");
        out.push_str(&escape(&run[lead + inner.len()..]));
        out.extend(after);
        i += 1;
    }
}

/// `text` escaped for HTML, for a page in Vietnamese, where nothing needs marking.
pub fn escape_only(text: &str) -> String {
    escape_html(text)
}

/// Whether `next` goes on the run that `word` ends: a Vietnamese word, or a capitalised one after
/// a capitalised word, as the plain syllables of a name (`Nguyễn Đức Long`, `Lâm Thị Sa Rinh`).
fn continues(word: &str, next: &str) -> bool {
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    is_vietnamese(next) || (capital(word) && capital(next) && !word.ends_with(is_edge))
}

/// Punctuation that closes or opens a phrase rather than belonging to a word or a number.
fn is_edge(c: char) -> bool {
    matches!(
        c,
        '(' | ')' | '[' | ']' | ',' | ';' | ':' | '.' | '!' | '?' | '"' | '“' | '”' | '‘' | '’'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_number_in_an_english_sentence_is_marked() {
        assert_eq!(
            mark("Decision No. 112/QĐ-UBND of 9 June 2022"),
            "Decision No. <span lang=\"vi\">112/QĐ-UBND</span> of 9 June 2022"
        );
    }

    #[test]
    fn a_name_is_one_run_and_brackets_stay_outside() {
        assert_eq!(
            mark("the most votes (Nguyễn Đức Long) received"),
            "the most votes (<span lang=\"vi\">Nguyễn Đức Long</span>) received"
        );
        assert_eq!(
            mark("Lâm Thị Sa Rinh, Khom 2"),
            "<span lang=\"vi\">Lâm Thị Sa Rinh</span>, Khom 2"
        );
        assert_eq!(
            mark("Elected: Trần Văn Dũng with 239/412"),
            "Elected: <span lang=\"vi\">Trần Văn Dũng</span> with 239/412"
        );
    }

    #[test]
    fn html_keeps_its_tags_and_marks_its_text_once() {
        let html = "<p>heads (Trưởng thôn), <a href=\"x\" title=\"a>Đã\">Khom 4</a>\nhamlets (bản)</p>\n<div lang=\"vi\"><p>Đã <div>công</div> bố</p></div><p>Đã</p>";
        assert_eq!(
            mark_html(html),
            "<p>heads (<span lang=\"vi\">Trưởng thôn</span>), <a href=\"x\" title=\"a>Đã\">Khom 4</a>\nhamlets (<span lang=\"vi\">bản</span>)</p>\n<div lang=\"vi\"><p>Đã <div>công</div> bố</p></div><p><span lang=\"vi\">Đã</span></p>"
        );
    }

    #[test]
    fn plain_text_is_only_escaped() {
        assert_eq!(mark("Khom 4 & <b>"), "Khom 4 &amp; &lt;b&gt;");
        assert_eq!(mark("it's"), "it&#39;s");
        assert_eq!(
            mark("two  spaces\nand <a line>"),
            "two  spaces\nand &lt;a line&gt;"
        );
        // letters outside ASCII that Vietnamese does not have are not marked either
        assert_eq!(mark("naïve  'Zoë'"), "naïve  &#39;Zoë&#39;");
        assert!(!is_vietnamese("Neighbourhood"));
        assert!(is_vietnamese("ĐU"));
    }
}
