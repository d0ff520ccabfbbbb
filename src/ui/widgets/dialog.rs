//! A modal `<dialog>` that follows a condition: shown (as a modal, so focus stays in it and Escape
//! closes it) while the condition holds, closed when it stops holding. `Modal` is the dialog
//! itself; `modal_while` the rule alone, for a dialog a section draws its own way.

use leptos::prelude::*;

/// Shows the dialog behind `dialog_ref` while `open()` holds; `on_open` runs just before it is
/// shown (to reset its fields).
pub fn modal_while(
    dialog_ref: NodeRef<leptos::html::Dialog>,
    open: impl Fn() -> bool + 'static,
    on_open: impl Fn() + 'static,
) {
    // A dialog built before it is put into the page (a part loaded on first use, inside
    // `<Suspense>`, opened by a request made while it downloaded) cannot be shown yet: the next
    // frame tries again.
    let retry = Trigger::new();
    Effect::new(move |_| {
        retry.track();
        let open = open();
        let Some(dialog) = dialog_ref.get() else {
            return;
        };
        if open && !dialog.open() {
            if !dialog.is_connected() {
                request_animation_frame(move || retry.notify());
                return;
            }
            on_open();
            let _ = dialog.show_modal();
        } else if !open && dialog.open() {
            dialog.close();
        }
    });
}

/// A modal dialog named by its heading (`labelled_by`), shown while `open` holds; `on_open` runs
/// just before it shows (to reset its fields). When the browser closes it itself (Escape) while
/// `open` still holds, `on_dismiss` runs, so that what keeps it open follows.
#[component]
pub fn Modal(
    class: &'static str,
    labelled_by: &'static str,
    #[prop(into)] open: Signal<bool>,
    #[prop(optional, into)] on_open: Option<Callback<()>>,
    #[prop(into)] on_dismiss: Callback<()>,
    children: Children,
) -> impl IntoView {
    let dialog_ref = NodeRef::<leptos::html::Dialog>::new();
    modal_while(
        dialog_ref,
        move || open.get(),
        move || {
            if let Some(f) = on_open {
                f.run(());
            }
        },
    );
    let closed = move |_| {
        if open.get_untracked() {
            on_dismiss.run(());
        }
    };
    view! {
        <dialog class=class node_ref=dialog_ref aria-labelledby=labelled_by on:close=closed>
            {children()}
        </dialog>
    }
}
