//! The persisted stores, loaded once by `App` (the campaigns on first use, through `lazy`) and
//! provided as context. `persisted` is the design every store keeps (save after a pause or at
//! once, flush when the page is hidden, merge before replacing another tab's write, never
//! overwrite unreadable data); `list` is its form for records with ids, merged by `merge`, and
//! `value` its form for one setting. `ShortlistStore`, `CampaignsStore`, `ThresholdsStore` and
//! `SettingsStore` are the four stores, and `workspace` reads and restores them together (a
//! workspace file); `ids` hands out the page's record ids.

pub mod campaigns;
pub mod ids;
pub mod lazy;
pub mod list;
pub mod merge;
pub mod persisted;
pub mod settings;
pub mod shortlist;
pub mod thresholds;
pub mod value;
pub mod workspace;

pub use campaigns::CampaignsStore;
pub use list::StoreProblem;
pub use settings::SettingsStore;
pub use shortlist::ShortlistStore;
pub use thresholds::ThresholdsStore;

#[cfg(test)]
mod tests {
    use crate::domain::campaign::record::Campaign;
    use crate::domain::creator::shortlist::Shortlist;
    use crate::storage::SaveError;
    use crate::ui::state::list::Records;
    use crate::ui::state::thresholds::StoredThresholds;
    use crate::ui::state::value::Setting;

    /// The three stores word a failed save as they did before they shared one design.
    #[test]
    fn each_store_words_a_failed_save_as_before() {
        let quota = SaveError::Quota("QuotaExceededError: full".into());
        let other = SaveError::Unavailable("SecurityError: denied".into());
        let cases = [
            (
                &<Shortlist as Records>::SPEC.save,
                &quota,
                format!("Your latest changes could not be saved: {quota}. Everything is still here in this tab. Save the workspace to a file (or export it) to keep it, then remove creators you no longer need or free space in the browser."),
            ),
            (
                &<Shortlist as Records>::SPEC.save,
                &other,
                format!("Your latest changes could not be saved: {other}. Everything is still here in this tab; export the shortlist to keep it."),
            ),
            (
                &<Vec<Campaign> as Records>::SPEC.save,
                &quota,
                format!("Your latest campaign changes could not be saved: {quota}. Everything is still here in this tab; download the brief or remove campaigns you no longer need, or free space in the browser."),
            ),
            (
                &<Vec<Campaign> as Records>::SPEC.save,
                &other,
                format!("Your latest campaign changes could not be saved: {other}. They stay in this tab until it closes."),
            ),
            (
                StoredThresholds::WORDS,
                &quota,
                format!("Your risk thresholds could not be saved: {quota}. They apply until you close this page."),
            ),
            (
                StoredThresholds::WORDS,
                &other,
                format!("Your risk thresholds could not be saved: {other}. They apply until you close this page."),
            ),
        ];
        for (words, error, want) in cases {
            assert_eq!(words.describe(error), want);
        }
    }
}
