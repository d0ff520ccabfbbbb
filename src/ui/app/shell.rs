//! The app shell: header with the promise, section navigation (hash based, so links, keyboard and the
//! back button work without script tricks), and the footer.

use leptos::prelude::*;

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
    /// The section named by a location hash ("#check"); unknown or empty hashes give the first one.
    /// A creator's dossier ("#creator/<id>") belongs to the shortlist.
    pub fn from_hash(hash: &str) -> Section {
        let id = hash.trim_start_matches('#');
        if id.starts_with("creator/") {
            return Section::Shortlist;
        }
        Section::ALL
            .into_iter()
            .find(|s| s.id() == id)
            .unwrap_or(Section::Check)
    }
}

fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The current section, following `hashchange`.
pub fn hash_section() -> ReadSignal<Section> {
    let (section, set_section) = signal(Section::from_hash(&current_hash()));
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        set_section.set(Section::from_hash(&current_hash()));
    });
    on_cleanup(move || handle.remove());
    section
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
            ("#creator/c1", Section::Shortlist),
        ];
        for (hash, want) in cases {
            assert_eq!(Section::from_hash(hash), want);
        }
    }
}
