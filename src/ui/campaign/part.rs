//! The frame every part of the open campaign shares: a `subpanel` section under the panel's
//! heading, so the parts look and are named alike.

use leptos::prelude::*;
use leptos::text_prop::TextProp;

use crate::ui::widgets::section::{framed, Depth};

/// One part of the campaign (`<h4>`): `class` is added to `subpanel`, `intro` is its intro line
/// when it has one (with `intro_class` added to the intro's own).
#[component]
pub fn Part(
    /// The heading's id, which names the part.
    id: &'static str,
    class: &'static str,
    title: &'static str,
    #[prop(optional, into)] intro: Option<TextProp>,
    #[prop(optional)] intro_class: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    framed(
        id,
        format!("subpanel {class}"),
        Depth::Part,
        title,
        intro,
        intro_class,
        children,
    )
}
