//! What a browser sends when a form is submitted (`application/x-www-form-urlencoded`), read
//! into names and values.

/// The fields of a submitted form, in the order sent.
#[derive(Debug, Default)]
pub struct Submitted(Vec<(String, String)>);

impl Submitted {
    /// Reads a form body; `None` when it is not one (a bad escape, bytes that are not UTF-8).
    pub fn parse(body: &[u8]) -> Option<Self> {
        let text = std::str::from_utf8(body).ok()?;
        let mut fields = Vec::new();
        for pair in text.split('&').filter(|p| !p.is_empty()) {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            fields.push((decode(name)?, decode(value)?));
        }
        Some(Self(fields))
    }

    /// The first value sent under `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Every name sent, with its first value.
    pub fn fields(&self) -> impl Iterator<Item = (&str, &str)> {
        let mut seen = std::collections::HashSet::new();
        self.0
            .iter()
            .filter(move |(n, _)| seen.insert(n.as_str()))
            .map(|(n, v)| (n.as_str(), v.as_str()))
    }
}

/// `+` as a space and `%xx` escapes decoded.
pub fn decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                // exactly two hex digits: `from_str_radix` alone would take `%+9`
                let hex = bytes.get(i + 1..i + 3)?;
                if !hex.iter().all(u8::is_ascii_hexdigit) {
                    return None;
                }
                out.push(u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// The value of `name` in a query string (`a=1&b=2`).
pub fn query_value(query: &str, name: &str) -> Option<String> {
    query
        .split('&')
        .filter_map(|p| p.split_once('='))
        .find(|(n, _)| *n == name)
        .and_then(|(_, v)| decode(v))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_form_body_is_decoded_as_browsers_encode_it() {
        let form =
            Submitted::parse(b"a=1&khu-pho-1.tong_cu_tri=1+412&t=Nguy%E1%BB%85n&empty=&bare")
                .unwrap();
        assert_eq!(form.get("a"), Some("1"));
        assert_eq!(form.get("khu-pho-1.tong_cu_tri"), Some("1 412"));
        assert_eq!(form.get("t"), Some("Nguyễn"));
        assert_eq!(form.get("empty"), Some(""));
        assert_eq!(form.get("bare"), Some(""));
        assert_eq!(form.get("missing"), None);
        assert!(Submitted::parse(b"a=%zz").is_none());
        assert!(Submitted::parse(b"a=%+9").is_none());
        assert!(Submitted::parse(b"a=%ff").is_none());
        assert_eq!(
            query_value("dot=hong-gai-2022&x=1", "dot").as_deref(),
            Some("hong-gai-2022")
        );
        let page = "/bau-cu/hong-gai-2022/khu phố & 1/?a=b";
        assert_eq!(
            query_value(
                &format!("trang={}", crate::render::urls::encode(page)),
                "trang"
            )
            .as_deref(),
            Some(page)
        );
    }
}
