//! The app shell: header with the promise, section navigation (hash based, so links, keyboard and the
//! back button work without script tricks), and the footer.

use leptos::prelude::*;
use web_sys::js_sys;

use crate::domain::text::choice::choices;

/// The app's sections, in navigation order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Check,
    Shortlist,
    Campaign,
    Risks,
}

// The id is the location hash ("#check"): links and bookmarks use it.
choices! {
    Section, id, label;
    Check => "check", "Check a creator";
    Shortlist => "shortlist", "Shortlist";
    Campaign => "campaign", "Campaign";
    Risks => "risks", "Risks";
}

impl Section {
    /// The section named by a location hash ("#check", or "#risks/c1" with an item after the
    /// slash); unknown or empty hashes give the first one. A creator's dossier ("#creator/<id>")
    /// belongs to the shortlist.
    pub fn from_hash(hash: &str) -> Section {
        if hash.trim_start_matches('#').starts_with("creator/") {
            return Section::Shortlist;
        }
        let id = split_hash(hash).0;
        Section::ALL
            .into_iter()
            .find(|s| s.id() == id)
            .unwrap_or(Section::Check)
    }

    /// The hash that opens this section on one item ("#risks/c1"); `item` is percent-encoded.
    pub fn item_href(self, item: &str) -> String {
        format!("#{}/{}", self.id(), js_sys::encode_uri_component(item))
    }
}

/// A hash's section id and, after the first "/", its item as written ("#risks/c1": "risks",
/// Some("c1")).
fn split_hash(hash: &str) -> (&str, Option<&str>) {
    let path = hash.trim_start_matches('#');
    match path.split_once('/') {
        Some((id, item)) => (id, Some(item)),
        None => (path, None),
    }
}

fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The current section, following `hashchange`. It changes only when the section does, so a
/// section whose item changes ("#risks/c1" to "#risks/c2") is not mounted again.
pub fn hash_section() -> ReadSignal<Section> {
    let (section, set_section) = signal(Section::from_hash(&current_hash()));
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        let now = Section::from_hash(&current_hash());
        if section.get_untracked() != now {
            set_section.set(now);
        }
    });
    on_cleanup(move || handle.remove());
    section
}

/// The item the hash names after its section ("#risks/c1": Some("c1"), decoded), following
/// `hashchange` (links, back and forward). `None` without a slash; `Some("")` for "#risks/".
pub fn hash_item() -> ReadSignal<Option<String>> {
    let read = || {
        let hash = current_hash();
        split_hash(&hash).1.map(|item| {
            js_sys::decode_uri_component(item)
                .ok()
                .and_then(|s| s.as_string())
                .unwrap_or_else(|| item.to_string())
        })
    };
    let (item, set_item) = signal(read());
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        let now = read();
        if item.get_untracked() != now {
            set_item.set(now);
        }
    });
    on_cleanup(move || handle.remove());
    item
}

/// Goes to `href` (a hash from [`Section::item_href`]) as a link would: a new history entry, so
/// back and forward return to it.
pub fn go_to(href: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(href);
    }
}

#[component]
pub fn Nav(current: ReadSignal<Section>) -> impl IntoView {
    view! {
        <nav class="sections" aria-label="Sections">
            <ul>
                {Section::ALL
                    .into_iter()
                    .map(|s| {
                        view! {
                            <li>
                                <a
                                    href=format!("#{}", s.id())
                                    aria-current=move || (current.get() == s).then_some("page")
                                >
                                    {s.label()}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    view! {
        <footer class="colophon">
            <p>
                "Free and open source. No account, no tracking: what you type never leaves this device. "
                "Figures carry their formula, source and year; they are guidance, not guarantees."
            </p>
        </footer>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_to_sections() {
        let cases = [
            ("#check", Section::Check),
            ("", Section::Check),
            ("#nope", Section::Check),
            ("#risks/c1", Section::Risks),
            ("#risks/", Section::Risks),
            ("#shortlist/a/b", Section::Shortlist),
            ("#creator/c1", Section::Shortlist),
        ];
        for (hash, want) in cases {
            assert_eq!(Section::from_hash(hash), want);
        }
        assert_eq!(split_hash("#risks/a%2Fb/c"), ("risks", Some("a%2Fb/c")));
        assert_eq!(split_hash("#risks"), ("risks", None));
    }
}
