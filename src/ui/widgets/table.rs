//! The head row of a plain data table: one column header (`scope="col"`) per name, so screen
//! readers announce each cell with its column.

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
