//! Turns an SVG document into a `data:` URL for an `<img src>`.

/// Percent-encodes `svg` into a `data:image/svg+xml,` URL. Everything but ASCII letters,
/// digits and a few punctuation marks that are safe in URLs and in quoted HTML attributes is
/// encoded byte by byte, so `%`, `#`, `<`, `>`, quotes, spaces, newlines and non-ASCII
/// (as its UTF-8 bytes) can never end or corrupt the URL.
pub fn svg_data_url(svg: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(19 + svg.len() * 2);
    out.push_str("data:image/svg+xml,");
    for &b in svg.as_bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~!*()/:;,=@".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::check_cases;

    #[test]
    fn encodes_what_would_break_the_url() {
        let cases = [
            ("", "data:image/svg+xml,"),
            ("<svg a=\"1\">", "data:image/svg+xml,%3Csvg%20a=%221%22%3E"),
            ("50% #1 'x'", "data:image/svg+xml,50%25%20%231%20%27x%27"),
            ("é…\n", "data:image/svg+xml,%C3%A9%E2%80%A6%0A"),
            ("a&b+c?d", "data:image/svg+xml,a%26b%2Bc%3Fd"),
        ];
        check_cases(cases, svg_data_url);
    }

    #[test]
    fn decoding_gives_the_svg_back() {
        let svg = "<svg><text>Ана & 'Bo' 100% #1 😀</text></svg>";
        let url = svg_data_url(svg);
        let body = url.trim_start_matches("data:image/svg+xml,");
        assert!(body
            .bytes()
            .all(|b| b.is_ascii_graphic() && !b"<>\"'#&".contains(&b)));
        let mut bytes = Vec::new();
        let mut it = body.bytes();
        while let Some(b) = it.next() {
            if b == b'%' {
                let hex: String = it.by_ref().take(2).map(char::from).collect();
                bytes.push(u8::from_str_radix(&hex, 16).unwrap_or(0));
            } else {
                bytes.push(b);
            }
        }
        assert_eq!(String::from_utf8(bytes).as_deref(), Ok(svg));
    }
}
