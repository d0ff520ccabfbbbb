//! The browser's clock, for the UI: wall time for records and a monotonic clock for time slices.

/// Milliseconds since 1970 from the browser clock (0 outside a browser, e.g. in native tests).
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance().map(|p| p.time_origin() + p.now()))
        .unwrap_or(0.0)
}

/// The page's monotonic clock; `None` outside a browser.
pub fn performance() -> Option<web_sys::Performance> {
    web_sys::window().and_then(|w| w.performance())
}
