//! The settings store, provided as context by `App`: the single-value form of the persisted store
//! (`value`) over the workspace `Settings` (the shortlist's engagement formula, the currency new
//! campaigns start in, the notices dismissed). A workspace file carries them, so a restore brings
//! back the same choices.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::creator::record::normalize_currency;
use crate::domain::engine::engagement::Formula;
use crate::domain::io::workspace::{Record, Settings};
use crate::ui::state::value::{newtype_setting, ValueStore};

/// Where the settings are kept (`microscope.settings`).
pub use crate::storage::envelope::SETTINGS as SETTINGS_KIND;

/// The settings with their storage state. Cheap to copy.
pub type SettingsStore = ValueStore<StoredSettings>;

/// The stored form: the settings as they are; a currency that is not a code is refused.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct StoredSettings(pub Settings);

impl Record for StoredSettings {
    fn checked_record(mut self) -> Result<Self, String> {
        if let Some(code) = &self.0.currency {
            self.0.currency = normalize_currency(code).map_err(|e| e.to_string())?;
        }
        Ok(self)
    }
}

newtype_setting!(StoredSettings, Settings, &SETTINGS_KIND, "Your settings");

/// Reading and changing one setting at a time.
pub trait SettingsExt {
    /// The formula picked last (the source article's until one is picked).
    fn formula(&self) -> Formula;
    fn set_formula(&self, formula: Formula);
    /// The currency new campaigns start in, when one was picked.
    fn currency(&self) -> Option<String>;
    fn set_currency(&self, code: &str);
    /// Whether the notice `id` was dismissed.
    fn dismissed(&self, id: &str) -> bool;
    fn dismiss(&self, id: &str);
}

impl SettingsExt for SettingsStore {
    fn formula(&self) -> Formula {
        self.value.with_untracked(|s| s.formula).unwrap_or_default()
    }

    fn set_formula(&self, formula: Formula) {
        self.change(|s| s.formula = Some(formula));
    }

    fn currency(&self) -> Option<String> {
        self.value.with_untracked(|s| s.currency.clone())
    }

    fn set_currency(&self, code: &str) {
        let code = code.to_string();
        self.change(|s| s.currency = Some(code));
    }

    fn dismissed(&self, id: &str) -> bool {
        self.value.with(|s| s.dismissed.iter().any(|d| d == id))
    }

    fn dismiss(&self, id: &str) {
        let id = id.to_string();
        self.change(|s| {
            if !s.dismissed.contains(&id) {
                s.dismissed.push(id);
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::envelope::{decode_one, encode, Load};

    #[test]
    fn settings_round_trip_and_a_bad_currency_is_not_loaded() {
        let settings = Settings {
            formula: Some(Formula::Followers),
            currency: Some("EUR".into()),
            dismissed: vec!["shortlist-storage-notice".into()],
            ..Settings::default()
        };
        let text = encode(&SETTINGS_KIND, &StoredSettings(settings.clone())).expect("encodes");
        match decode_one::<StoredSettings>(Some(&text), &SETTINGS_KIND) {
            Load::Loaded { value, .. } => assert_eq!(value.0, settings),
            other => panic!("{other:?}"),
        }
        let bad = text.replace("EUR", "euro");
        assert!(matches!(
            decode_one::<StoredSettings>(Some(&bad), &SETTINGS_KIND),
            Load::Corrupt { .. }
        ));
    }
}
