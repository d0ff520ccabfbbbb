//! The dossier's address, `#creator/<id>`: links from the shortlist and the editor, and the
//! creator the location names (following `hashchange`, so back and forward work).

use leptos::prelude::*;

const PREFIX: &str = "creator/";

/// The link to a creator's dossier. The id is percent-encoded: imported ids may hold any
/// character.
pub fn dossier_href(id: &str) -> String {
    let mut out = String::from("#");
    out.push_str(PREFIX);
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The creator id a location hash names ("#creator/c1" gives "c1"); `None` for any other hash.
pub fn creator_in_hash(hash: &str) -> Option<String> {
    let encoded = hash.trim_start_matches('#').strip_prefix(PREFIX)?;
    let bytes = encoded.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let hex = |at: usize| bytes.get(at).and_then(|&c| (c as char).to_digit(16));
        match (b, hex(i + 1), hex(i + 2)) {
            (b'%', Some(hi), Some(lo)) => {
                out.push((hi * 16 + lo) as u8);
                i += 3;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The creator the location names, following `hashchange`; `None` on every other page.
pub fn hash_creator() -> Memo<Option<String>> {
    let (hash, set_hash) = signal(current_hash());
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        set_hash.set(current_hash());
    });
    on_cleanup(move || handle.remove());
    Memo::new(move |_| hash.with(|h| creator_in_hash(h)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_go_into_the_hash_and_back() {
        // (id, href)
        let cases = [
            ("clx3k9a2b-0", "#creator/clx3k9a2b-0"),
            ("a b/ç#?", "#creator/a%20b%2F%C3%A7%23%3F"),
            ("", "#creator/"),
        ];
        for (id, href) in cases {
            assert_eq!(dossier_href(id), href);
            assert_eq!(creator_in_hash(href).as_deref(), Some(id));
        }
        for other in ["", "#shortlist", "#creator", "creatorx/1"] {
            assert_eq!(creator_in_hash(other), None, "{other}");
        }
        // A stray percent sign is kept as typed.
        assert_eq!(creator_in_hash("#creator/50%").as_deref(), Some("50%"));
    }
}
