//! The dossier page: the creator's name and headline, then every part of what is known, each
//! dated; a Print button prints the whole dossier (the print style hides navigation and forms).

use leptos::prelude::*;

use crate::ui::dossier::audience::AudiencePart;
use crate::ui::dossier::contact::ContactPart;
use crate::ui::dossier::custom::CustomPart;
use crate::ui::dossier::evidence::EvidencePart;
use crate::ui::dossier::figures::FiguresPart;
use crate::ui::dossier::followers::FollowersPart;
use crate::ui::dossier::headline::HeadlinePart;
use crate::ui::dossier::posts::PostsPart;
use crate::ui::dossier::store::Dossier;
use crate::ui::state::ShortlistStore;
use crate::ui::widgets::print::PrintButton;

/// Opens every `<details>` of the dossier, so that a printout holds what they fold away.
fn open_details() {
    let found = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("article.dossier").ok().flatten())
        .map(|article| article.get_elements_by_tag_name("details"));
    if let Some(list) = found {
        for el in (0..list.length()).filter_map(|i| list.item(i)) {
            let _ = el.set_attribute("open", "");
        }
    }
}

/// The dossier of the creator with `id`, or a note that no such creator is on the shortlist.
#[component]
pub fn DossierPage(id: String) -> impl IntoView {
    let Some(store) = use_context::<ShortlistStore>() else {
        return view! { <p class="error">"The shortlist is not available on this page."</p> }
            .into_any();
    };
    let dossier = Dossier::new(store, id.clone());
    let known = Memo::new(move |_| dossier.creator.with(Option::is_some));
    let heading = NodeRef::<leptos::html::H2>::new();
    // A new page for the reader: start at its top, with focus on its heading.
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            if let Some(w) = web_sys::window() {
                w.scroll_to_with_x_and_y(0.0, 0.0);
            }
            let _ = h.focus();
        }
    });
    // Printed, the warnings' evidence shows too: their <details> are opened first (by the Print
    // button and by the browser's own print command).
    let handle = window_event_listener_untyped("beforeprint", move |_| open_details());
    on_cleanup(move || handle.remove());
    let name = move || dossier.with(|c| c.name.clone()).unwrap_or_default();
    view! {
        <article class="panel dossier" aria-labelledby="dossier-title">
            <p class="dossier-back">
                <a href="#shortlist">"← Back to the shortlist"</a>
            </p>
            <Show
                when=move || known.get()
                fallback=move || {
                    view! {
                        <h2 id="dossier-title" tabindex="-1" node_ref=heading>
                            "Creator not found"
                        </h2>
                        <p>
                            "No creator with the id “" {id.clone()}
                            "” is on this shortlist. It may have been removed, or the link came from another browser. "
                            <a href="#shortlist">"Open the shortlist"</a> "."
                        </p>
                    }
                }
            >
                <div class="dossier-title">
                    <h2 id="dossier-title" tabindex="-1" node_ref=heading>
                        <span class="visually-hidden">"Dossier: "</span>
                        {name}
                    </h2>
                    <PrintButton
                        label="Print"
                        class="secondary dossier-print"
                        status_class="dossier-print"
                        before=open_details
                    />
                </div>
                <HeadlinePart dossier=dossier />
                <ContactPart dossier=dossier />
                <PostsPart dossier=dossier />
                <FollowersPart dossier=dossier />
                <AudiencePart dossier=dossier />
                <FiguresPart dossier=dossier />
                <EvidencePart dossier=dossier />
                <CustomPart dossier=dossier />
            </Show>
        </article>
    }
    .into_any()
}
