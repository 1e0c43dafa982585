//! Who may write through the forms. The preview listens on 127.0.0.1 and answers only requests
//! that name it in `Host` (`admit`), but any page the clerk opens can make the browser send a
//! form there. A write is taken only when it carries this session's token, which is written into
//! the forms the preview serves and which a page from elsewhere cannot read (the browser keeps
//! other sites from reading the preview's pages, and `Host` stops DNS rebinding), and when the
//! browser does not say that it comes from another site.

use super::super::admit::header_values;
use std::io;

/// A secret made when the preview starts: 32 random bytes, written in hex.
pub struct Token(String);

impl Token {
    pub fn new() -> io::Result<Self> {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes).map_err(io::Error::other)?;
        Ok(Self(bytes.iter().map(|b| format!("{b:02x}")).collect()))
    }

    pub fn value(&self) -> &str {
        &self.0
    }

    /// Whether `given` is the token; compared in full whatever differs first, so the time taken
    /// tells nothing of how much of a guess was right.
    pub fn matches(&self, given: &str) -> bool {
        given.len() == self.0.len()
            && given
                .bytes()
                .zip(self.0.bytes())
                .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                == 0
    }
}

/// Whether the browser says a request comes from the preview's own pages: `Origin`, when sent,
/// is the preview's address as `Host` names it, and `Sec-Fetch-Site`, when sent, is
/// `same-origin`. A request without either (an old browser, a script) still needs the token.
pub fn same_origin(head: &str) -> bool {
    let host = header_values(head, "host").next().unwrap_or_default();
    let origin_ok = header_values(head, "origin").all(|o| o == format!("http://{host}"));
    let site_ok = header_values(head, "sec-fetch-site").all(|s| s == "same-origin");
    origin_ok && site_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_long_random_and_compared_in_full() {
        let (a, b) = (Token::new().unwrap(), Token::new().unwrap());
        assert_eq!(a.value().len(), 64);
        assert_ne!(a.value(), b.value());
        assert!(a.matches(a.value()));
        assert!(!a.matches(b.value()));
        assert!(!a.matches(&a.value()[..63]));
        assert!(!a.matches(""));
    }

    #[test]
    fn a_request_from_another_site_is_told_apart() {
        let head = |extra: &str| format!("POST /x HTTP/1.1\r\nHost: 127.0.0.1:8910\r\n{extra}");
        assert!(same_origin(&head("")));
        assert!(same_origin(&head(
            "Origin: http://127.0.0.1:8910\r\nSec-Fetch-Site: same-origin\r\n"
        )));
        assert!(!same_origin(&head("Origin: http://evil.example\r\n")));
        assert!(!same_origin(&head("Origin: null\r\n")));
        assert!(!same_origin(&head("Sec-Fetch-Site: cross-site\r\n")));
        assert!(!same_origin(&head("Sec-Fetch-Site: same-site\r\n")));
    }
}
