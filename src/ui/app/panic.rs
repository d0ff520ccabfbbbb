//! A panic shows a visible message with a reload link (markup in index.html), never a blank page.

use std::panic;

/// Chains the console hook (details for developers) with the on-page message (for users).
pub fn install() {
    panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show(&info.to_string());
    }));
}

/// Reveals the `#fatal` block of index.html with `detail` as plain text (never as HTML).
pub fn show(detail: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(message) = document.get_element_by_id("fatal-detail") {
        message.set_text_content(Some(detail));
    }
    if let Some(block) = document.get_element_by_id("fatal") {
        let _ = block.remove_attribute("hidden");
    }
}
