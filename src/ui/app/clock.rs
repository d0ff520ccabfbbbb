//! The browser's clock, for the UI: wall time for records, today's date, and a monotonic clock for time slices.

use crate::domain::text::date::Date;

/// Milliseconds since 1970 from the browser clock (0 outside a browser, e.g. in native tests).
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance().map(|p| p.time_origin() + p.now()))
        .unwrap_or(0.0)
}

/// Today's date (UTC) by the browser clock, to age a creator's stored evidence by. Call it in
/// components and pass the date down: functions that native tests run take it as a parameter.
pub fn today() -> Date {
    Date::from_ms(now_ms()).unwrap_or(Date::EPOCH)
}

/// The page's monotonic clock; `None` outside a browser.
pub fn performance() -> Option<web_sys::Performance> {
    web_sys::window().and_then(|w| w.performance())
}
