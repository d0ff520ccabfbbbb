//! A modal `<dialog>` that follows a condition: shown (as a modal, so focus stays in it and Escape
//! closes it) while the condition holds, closed when it stops holding.

use leptos::prelude::*;

/// Shows the dialog behind `dialog_ref` while `open()` holds; `on_open` runs just before it is
/// shown (to reset its fields).
pub fn modal_while(
    dialog_ref: NodeRef<leptos::html::Dialog>,
    open: impl Fn() -> bool + 'static,
    on_open: impl Fn() + 'static,
) {
    Effect::new(move |_| {
        let open = open();
        let Some(dialog) = dialog_ref.get() else {
            return;
        };
        if open && !dialog.open() {
            on_open();
            let _ = dialog.show_modal();
        } else if !open && dialog.open() {
            dialog.close();
        }
    });
}
