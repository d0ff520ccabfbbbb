//! The head row of a plain data table: one column header (`scope="col"`) per name, so screen
//! readers announce each cell with its column.

use leptos::prelude::*;

/// `<thead>` with a header cell for each of `names`, in order.
pub fn column_heads(names: &[&'static str]) -> impl IntoView {
    let cells = names
        .iter()
        .map(|name| view! { <th scope="col">{*name}</th> })
        .collect_view();
    view! {
        <thead>
            <tr>{cells}</tr>
        </thead>
    }
}
