//! How much of the browser's storage the workspace takes, measured on what is stored, and about
//! how many more creators fit at the shortlist's average size.

use leptos::prelude::*;

use crate::domain::text::format::group_thousands;
use crate::storage;
use crate::ui::state::ShortlistStore;

/// What a site may keep in localStorage, in UTF-16 code units, keys included: 10 MiB at two bytes
/// a unit in Chromium (measured 2026-12-06 on Chromium 156: one key of an empty origin took
/// 5,234,375 characters, ASCII or not, and 52 keys of 100,000), and Firefox's 5 MiB default
/// counted in units. Safari keeps about half as much.
pub const QUOTA_UNITS: usize = 5_242_880;

/// "1.4 MB", "12 KB", "800 bytes": units as browsers count them against the quota.
fn size(units: usize) -> String {
    if units >= 1_000_000 {
        format!("{:.1} MB", units as f64 / 1e6)
    } else if units >= 1_000 {
        format!(
            "{} KB",
            group_thousands((units as f64 / 1e3).round() as u64)
        )
    } else {
        format!("{units} bytes")
    }
}

/// The sentence the Shortlist shows: `units` for everything stored, `shortlist_units` and
/// `creators` for the average creator.
pub fn usage_text(units: usize, shortlist_units: usize, creators: usize) -> String {
    let percent = (units as f64 / QUOTA_UNITS as f64 * 100.0).min(100.0);
    let share = if percent < 1.0 {
        "less than 1%".to_string()
    } else {
        format!("{percent:.0}%")
    };
    let mut text = format!(
        "Stored in this browser: {} of about {} it keeps for this site ({share}).",
        size(units),
        size(QUOTA_UNITS)
    );
    if creators > 0 && shortlist_units > 0 {
        let each = shortlist_units.div_ceil(creators);
        let room = QUOTA_UNITS.saturating_sub(units) / each.max(1);
        text.push_str(&format!(
            " Room for about {} more creators at {} each (the average here; posts and comment samples make a creator larger).",
            group_thousands(room as u64),
            size(each)
        ));
    }
    text
}

/// After a failed save, what the shortlist takes and how many creators like the current ones fit,
/// measured: "The shortlist takes 4.9 MB of the about 5.2 MB this browser keeps for this site
/// (about 1.2 KB a creator as stored): about 4,300 creators like these fit." `None` without
/// creators. (Stored compressed, a dossier with 30 posts and 5 follower counts takes about 365
/// characters, measured by the bench: about 14,000 fit.)
pub fn capacity_text(units: usize, shortlist_units: usize, creators: usize) -> Option<String> {
    if creators == 0 || shortlist_units == 0 {
        return None;
    }
    let each = shortlist_units.div_ceil(creators).max(1);
    let room = QUOTA_UNITS.saturating_sub(units.saturating_sub(shortlist_units));
    Some(format!(
        "The shortlist takes {} of the about {} this browser keeps for this site (about {} a creator as stored): about {} creators like these fit.",
        size(shortlist_units),
        size(QUOTA_UNITS),
        size(each),
        group_thousands((room / each) as u64)
    ))
}

/// The usage line, measured again after each save of the shortlist.
#[component]
pub fn StorageUsage() -> impl IntoView {
    let state = use_context::<ShortlistStore>();
    let text = Memo::new(move |_| {
        let creators = state.map_or(0, |s| {
            // Re-measure when the list changes and when its save lands.
            s.unsaved.track();
            s.list.with(|l| l.len())
        });
        storage::usage().map(|u| usage_text(u.units, u.shortlist_units, creators))
    });
    view! { <p class="help storage-usage">{move || text.get()}</p> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usage_sentences() {
        let cases = [
            (
                120,
                0,
                0,
                "Stored in this browser: 120 bytes of about 5.2 MB it keeps for this site (less than 1%).",
            ),
            (
                1_250_000,
                1_200_000,
                1_000,
                "Stored in this browser: 1.2 MB of about 5.2 MB it keeps for this site (24%). Room for about 3,327 more creators at 1 KB each (the average here; posts and comment samples make a creator larger).",
            ),
            (
                5_100_000,
                5_000_000,
                10,
                "Stored in this browser: 5.1 MB of about 5.2 MB it keeps for this site (97%). Room for about 0 more creators at 500 KB each (the average here; posts and comment samples make a creator larger).",
            ),
        ];
        for (units, list, n, want) in cases {
            assert_eq!(usage_text(units, list, n), want);
        }
        // Dossiers stored plain (format 4, 3,281 characters each as the bench measured): about
        // 1,590 fit, so a save of 5,000 failed and the banner said so. Compressed (format 5) they
        // take about 365 each, and the same sentence reports what fits then.
        assert_eq!(
            capacity_text(5_200_000, 5_190_000, 1_582).as_deref(),
            Some("The shortlist takes 5.2 MB of the about 5.2 MB this browser keeps for this site (about 3 KB a creator as stored): about 1,594 creators like these fit.")
        );
        assert_eq!(
            capacity_text(1_900_000, 1_825_000, 5_000).as_deref(),
            Some("The shortlist takes 1.8 MB of the about 5.2 MB this browser keeps for this site (about 365 bytes a creator as stored): about 14,158 creators like these fit.")
        );
        assert_eq!(capacity_text(100, 0, 0), None);
    }
}
