//! A titled section: `<section>` labelled by its heading, an optional intro line, then its content.
//! Every panel, tool and part of a panel is one, so each is named for screen readers the same way.
//! Also the placeholder line a part shows until it has something to show, and the status line
//! that says what just happened.

use leptos::prelude::*;
use leptos::text_prop::TextProp;

/// How deep a section sits: its heading level, and its intro's class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Depth {
    /// A whole section of the app: `<h2>`, intro `lede`.
    Panel,
    /// A tool or part within a panel: `<h3>`, intro `help`.
    Tool,
    /// A part of a tool or of an editor: `<h4>`, intro `help`.
    Part,
}

/// `<section class=class aria-labelledby=id>` with the heading `title` (`id`), the intro when
/// given (a `<p>` of class "lede" or "help", plus `intro_class`), then the children.
#[component]
pub fn Section(
    /// The heading's id, which names the section.
    id: &'static str,
    #[prop(into)] class: String,
    depth: Depth,
    title: &'static str,
    #[prop(optional, into)] intro: Option<TextProp>,
    /// A class added to the intro's own.
    #[prop(optional)]
    intro_class: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    let heading = match depth {
        Depth::Panel => view! { <h2 id=id>{title}</h2> }.into_any(),
        Depth::Tool => view! { <h3 id=id>{title}</h3> }.into_any(),
        Depth::Part => view! { <h4 id=id>{title}</h4> }.into_any(),
    };
    let own = if depth == Depth::Panel {
        "lede"
    } else {
        "help"
    };
    let intro_class = classes(own, intro_class);
    let intro = intro.map(|text| view! { <p class=intro_class>{move || text.get()}</p> });
    view! {
        <section class=class aria-labelledby=id>
            {heading}
            {intro}
            {children()}
        </section>
    }
}

/// A [`Section`] for the components that frame every part of an area alike (the campaign's parts,
/// the risk tools, the dossier's parts) and pass on an intro they may not have.
pub fn framed(
    id: &'static str,
    class: String,
    depth: Depth,
    title: &'static str,
    intro: Option<TextProp>,
    intro_class: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    Section(SectionProps {
        id,
        class,
        depth,
        title,
        intro,
        intro_class,
        children,
    })
}

/// The line a part shows instead of its results while there is nothing to show yet, saying what
/// to enter or do first: one markup (`p.placeholder`), so every empty state looks alike.
pub fn placeholder(text: impl IntoView + 'static) -> AnyView {
    view! { <p class="placeholder">{text}</p> }.into_any()
}

/// A status line (`role="status"`, so screen readers read it out when it changes): `text` while
/// there is one.
#[component]
pub fn StatusLine(
    #[prop(into)] class: String,
    #[prop(into)] text: Signal<Option<String>>,
) -> impl IntoView {
    view! {
        <p class=class role="status">
            {move || text.get()}
        </p>
    }
}

/// An element's own class, then `extra` when given: "help", "help campaign-form".
pub fn classes(own: &str, extra: Option<&str>) -> String {
    extra.map_or_else(|| own.to_string(), |c| format!("{own} {c}"))
}
