//! Moving the keyboard focus after a change redraws the page: to the field a form was just
//! filled from, to the "Undo" that replaced a deleted row, to a select the preview rebuilt.

/// Focuses the element with `id` after the next redraw (the element may not exist yet, or may be
/// about to be replaced). Nothing happens when there is no such element by then.
pub fn focus_after_redraw(id: impl Into<String>) {
    let id = id.into();
    leptos::prelude::request_animation_frame(move || {
        let el = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&id))
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
        if let Some(el) = el {
            let _ = el.focus();
        }
    });
}
