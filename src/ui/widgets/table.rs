//! Plain data tables: the head row, one column header (`scope="col"`) per name, so screen
//! readers announce each cell with its column; the focusable region a wide table scrolls in; and a
//! whole captioned table in one.

use leptos::prelude::*;

/// `<thead>` with a header cell for each of `names`, in order.
pub fn column_heads(names: &[&'static str]) -> impl IntoView {
    heads(names, false)
}

/// `column_heads`, then a last column of buttons whose header, "Actions", only screen readers
/// read.
pub fn column_heads_and_actions(names: &[&'static str]) -> impl IntoView {
    heads(names, true)
}

fn heads(names: &[&'static str], actions: bool) -> impl IntoView {
    let cells = names
        .iter()
        .map(|name| view! { <th scope="col">{*name}</th> })
        .collect_view();
    let actions = actions.then(|| {
        view! {
            <th scope="col">
                <span class="visually-hidden">"Actions"</span>
            </th>
        }
    });
    view! {
        <thead>
            <tr>{cells} {actions}</tr>
        </thead>
    }
}

/// A data table in a [`scroll_region`] named `label`. The table (of
/// class `class`, if given) has its caption, one header cell per name of `heads`, and the
/// children as its body rows.
#[component]
pub fn ScrollTable(
    /// The region's name, read by screen readers.
    label: &'static str,
    #[prop(into)] caption: String,
    heads: &'static [&'static str],
    #[prop(optional)] class: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    let table = view! {
        <table class=class>
            <caption>{caption}</caption>
            {column_heads(heads)}
            <tbody>{children()}</tbody>
        </table>
    };
    scroll_region(label, table)
}

/// The box a wide table scrolls sideways in on narrow screens (only the box, not the page): a
/// named region (`label`) that takes keyboard focus, so it can be scrolled without a mouse. A
/// function, not a component: callers build the table from data they only borrow.
pub fn scroll_region(label: &'static str, table: impl IntoView) -> impl IntoView {
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=label>
            {table}
        </div>
    }
}
