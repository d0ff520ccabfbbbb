//! The browser's clock, for the UI: wall time for records, today's local date, and a monotonic
//! clock for time slices.

use crate::domain::text::date::Date;

/// Milliseconds since 1970 from the browser clock (0 outside a browser, e.g. in native tests).
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance().map(|p| p.time_origin() + p.now()))
        .unwrap_or(0.0)
}

/// Today's date where the user is (the browser's time zone): what dates typed today are checked
/// against, and what a follower count saved now is dated. 1970-01-01 outside a browser.
pub fn today() -> Date {
    if web_sys::window().is_none() {
        return Date::default();
    }
    let now = now_ms();
    // Asking the browser for its time zone costs about 0.1 ms, and a table redraw asks once per
    // row (measured 3-7 ms of a 5,000-dossier sort): the date is kept for the minute it was read
    // in, so a new day is seen at most a minute late.
    let minute = (now / 60_000.0).floor();
    if let Some((m, d)) = TODAY.with(|t| t.get()) {
        if m == minute {
            return d;
        }
    }
    // Minutes to add to local time to get UTC, so local = UTC - offset.
    let offset = web_sys::js_sys::Date::new_0().get_timezone_offset();
    let date = Date::from_ms(now - offset * 60_000.0).unwrap_or_default();
    TODAY.with(|t| t.set(Some((minute, date))));
    date
}

thread_local! {
    /// The minute `today` last asked the browser in, and the date it got.
    static TODAY: std::cell::Cell<Option<(f64, Date)>> = const { std::cell::Cell::new(None) };
}

/// The page's monotonic clock; `None` outside a browser.
pub fn performance() -> Option<web_sys::Performance> {
    web_sys::window().and_then(|w| w.performance())
}

/// Sets a User Timing mark (`make bench` and the e2e tests read them); nothing outside a browser.
pub fn mark(name: &str) {
    if let Some(p) = performance() {
        let _ = p.mark(name);
    }
}
