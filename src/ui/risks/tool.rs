//! The frame every tool of the Risks section shares: a `risk-tool` section under the panel's
//! heading, so the tools look and are named alike.

use leptos::prelude::*;
use leptos::text_prop::TextProp;

use crate::ui::widgets::section::{classes, framed, Depth};

/// One tool of the Risks section (`<h3>`), with its intro line when it has one; `class` is added
/// to `risk-tool`.
#[component]
pub(super) fn RiskTool(
    /// The heading's id, which names the tool.
    id: &'static str,
    title: &'static str,
    #[prop(optional, into)] intro: Option<TextProp>,
    #[prop(optional)] class: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    framed(
        id,
        classes("risk-tool", class),
        Depth::Tool,
        title,
        intro,
        None,
        children,
    )
}
