//! The risk thresholds: loaded from and saved to this browser, and the "Risk thresholds" editor.
//!
//! Saved values that can't be read (corrupt, or written by a newer Microscope) are never
//! overwritten behind the user's back: the defaults are used in memory, the user is told, and only
//! an explicit click replaces what is stored.

use std::time::Duration;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::io::workspace::Record;
use crate::domain::risk::rules::{ThresholdInfo, ThresholdUnit, Thresholds, THRESHOLDS};
use crate::storage::envelope::Load;
use crate::storage::{self, SaveError};
use crate::ui::state::persisted::{Mode, Persisted, Saved};

pub use crate::storage::envelope::THRESHOLDS as THRESHOLDS_KIND;

/// The stored form: the thresholds as they are, checked on the way in.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct StoredThresholds(pub Thresholds);

impl Record for StoredThresholds {
    fn checked_record(self) -> Result<Self, String> {
        match self.0.validate() {
            Ok(()) => Ok(self),
            Err(errors) => Err(errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(" ")),
        }
    }
}

/// What to tell the user about loading and saving.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    None,
    Saved,
    /// Saving or storage failed; the thresholds still apply until the page closes.
    Problem(String),
    /// The stored thresholds could not be read: defaults in use, stored text kept.
    Blocked {
        message: String,
        raw: String,
    },
    /// Another tab saved in between.
    Conflict,
}

fn describe(e: &SaveError) -> String {
    format!("Your risk thresholds could not be saved: {e}. They apply until you close this page.")
}

/// The thresholds every risk rule compares against, with their storage state. Cheap to copy.
#[derive(Debug, Clone, Copy)]
pub struct ThresholdsState {
    pub values: RwSignal<Thresholds>,
    /// Saves at once (a threshold applies as soon as it is typed), through the shared store.
    store: Persisted<StoredThresholds>,
    pub notice: RwSignal<Notice>,
}

impl ThresholdsState {
    /// Loads the saved thresholds (defaults on a first visit or when they can't be read).
    pub fn load() -> ThresholdsState {
        let (values, mode, last_seen, notice) = read();
        ThresholdsState {
            values: RwSignal::new(values),
            store: Persisted::new(&THRESHOLDS_KIND, mode, last_seen, Duration::ZERO, describe),
            notice: RwSignal::new(notice),
        }
    }

    /// Reads storage again (another tab changed it, or the user chose the stored version).
    pub fn reload(&self) {
        let (values, mode, last_seen, notice) = read();
        self.values.set(values);
        self.store.adopt(last_seen, mode, None);
        self.notice.set(notice);
    }

    /// Uses `thresholds` and saves them when storage allows it.
    pub fn apply(&self, thresholds: Thresholds) {
        self.values.set(thresholds);
        if self.store.mode() != Some(Mode::Normal) {
            // Unreadable stored value: it stays; the notice already says changes are not saved.
            return;
        }
        let saved = self.store.save_now(StoredThresholds(thresholds));
        self.after_save(saved);
    }

    /// Saves the thresholds in use over whatever is stored, after the user asked to.
    pub fn overwrite(&self) {
        let saved = self
            .store
            .overwrite(&StoredThresholds(self.values.get_untracked()));
        self.after_save(saved);
    }

    fn after_save(&self, saved: Saved) {
        match saved {
            Saved::Nothing => {}
            Saved::Written => self.notice.set(Notice::Saved),
            Saved::Failed(SaveError::Conflict { .. }) => self.notice.set(Notice::Conflict),
            Saved::Failed(e) => self.notice.set(Notice::Problem(describe(&e))),
        }
    }

    /// Whether the stored thresholds could not be read (and so are left alone).
    fn blocked(&self) -> bool {
        self.store.mode() == Some(Mode::Blocked)
    }
}

fn read() -> (Thresholds, Mode, Option<String>, Notice) {
    let (load, raw) = storage::load_one::<StoredThresholds>(&THRESHOLDS_KIND);
    let message = load.message(&THRESHOLDS_KIND);
    let mode = Mode::after(&load);
    match load {
        Load::Loaded { value, .. } => (
            value.0,
            mode,
            raw,
            message.map_or(Notice::None, Notice::Problem),
        ),
        Load::Missing => (Thresholds::default(), mode, None, Notice::None),
        Load::Unavailable { .. } => (
            Thresholds::default(),
            mode,
            None,
            Notice::Problem(message.unwrap_or_default()),
        ),
        Load::Corrupt { raw, .. } | Load::TooNew { raw, .. } => (
            Thresholds::default(),
            mode,
            Some(raw.clone()),
            Notice::Blocked {
                message: message.unwrap_or_default(),
                raw,
            },
        ),
    }
}

/// The value as typed in its field: "30" for 30%, "2" for 2×, "20" for a count.
pub fn edit_text(info: &ThresholdInfo, value: f64) -> String {
    info.format(value).trim_end_matches(['%', '×']).to_string()
}

fn unit_word(unit: ThresholdUnit) -> &'static str {
    match unit {
        ThresholdUnit::Percent => "%",
        ThresholdUnit::Multiple => "× benchmark",
        ThresholdUnit::Count => "count",
    }
}

/// One editable threshold: what is typed, and why it was refused.
#[derive(Clone, Copy)]
struct FieldState {
    info: &'static ThresholdInfo,
    text: RwSignal<String>,
    error: RwSignal<Option<String>>,
}

fn sync_fields(fields: &[FieldState], values: &Thresholds) {
    for f in fields {
        if let Some(v) = values.get(f.info.key) {
            f.text.set(edit_text(f.info, v));
        }
        f.error.set(None);
    }
}

/// The "Risk thresholds" editor.
#[component]
pub fn RiskThresholds(state: ThresholdsState) -> impl IntoView {
    let current = state.values.get_untracked();
    let fields: Vec<FieldState> = THRESHOLDS
        .iter()
        .map(|info| FieldState {
            info,
            text: RwSignal::new(
                current
                    .get(info.key)
                    .map(|v| edit_text(info, v))
                    .unwrap_or_default(),
            ),
            error: RwSignal::new(None),
        })
        .collect();
    let fields = StoredValue::new(fields);

    // Another tab saved thresholds: follow them, unless ours can't be saved anyway.
    state.store.listen(move || {
        if !state.blocked() {
            state.reload();
            fields.with_value(|f| sync_fields(f, &state.values.get_untracked()));
        }
    });

    let edit = move |index: usize, text: String| {
        fields.with_value(|all| {
            let Some(field) = all.get(index).copied() else {
                return;
            };
            field.text.set(text.clone());
            let mut next = state.values.get_untracked();
            match next.set_from_text(field.info.key, &text) {
                Ok(()) => {
                    field.error.set(None);
                    // A refused neighbour (an ordered pair) may be fine now.
                    for other in all.iter().filter(|o| o.error.get_untracked().is_some()) {
                        let mut tried = next;
                        if tried
                            .set_from_text(other.info.key, &other.text.get_untracked())
                            .is_ok()
                        {
                            next = tried;
                            other.error.set(None);
                        }
                    }
                    if next != state.values.get_untracked() {
                        state.apply(next);
                    }
                }
                Err(e) => field.error.set(Some(e.to_string())),
            }
        });
    };
    let reset = move |_| {
        let defaults = Thresholds::default();
        fields.with_value(|f| sync_fields(f, &defaults));
        state.apply(defaults);
    };
    let use_stored = move |_| {
        state.reload();
        fields.with_value(|f| sync_fields(f, &state.values.get_untracked()));
    };
    let save_mine = move |_| state.overwrite();

    let rows = fields.with_value(|all| {
        all.iter()
            .enumerate()
            .map(|(index, f)| {
                let info = f.info;
                let id = format!("threshold-{}", info.key.replace('_', "-"));
                let help_id = format!("{id}-help");
                let error_id = format!("{id}-error");
                let (text, error) = (f.text, f.error);
                let for_id = id.clone();
                view! {
                    <div class="field threshold-field">
                        <label for=for_id>{format!("{} ({})", info.label, unit_word(info.unit))}</label>
                        <input
                            id=id
                            type="text"
                            inputmode="decimal"
                            autocomplete="off"
                            spellcheck="false"
                            aria-describedby=format!("{help_id} {error_id}")
                            aria-invalid=move || error.get().is_some().then_some("true")
                            prop:value=move || text.get()
                            on:input=move |ev| edit(index, event_target_value(&ev))
                        />
                        <p class="error" id=error_id role="alert">
                            {move || error.get()}
                        </p>
                        <div id=help_id class="help">
                            <p>{info.explanation}</p>
                            <p>
                                {format!(
                                    "Default {}; allowed {} to {}. Source: {}.",
                                    info.format(info.default),
                                    info.format(info.min),
                                    info.format(info.max),
                                    info.source,
                                )}
                            </p>
                        </div>
                    </div>
                }
            })
            .collect_view()
    });

    view! {
        <section class="risk-tool" aria-labelledby="risks-thresholds-title">
            <h3 id="risks-thresholds-title">"Thresholds"</h3>
            <p class="help">
                "Every warning in this section compares against these numbers. Change them to match your own rules; changes apply at once and are kept in this browser."
            </p>
            <div class="threshold-notice" role="status">
                {move || match state.notice.get() {
                    Notice::None => None,
                    Notice::Saved => {
                        Some(view! { <p class="saved">"Thresholds saved in this browser."</p> }.into_any())
                    }
                    Notice::Problem(message) => {
                        Some(view! { <p class="problem">{message}</p> }.into_any())
                    }
                    Notice::Blocked { message, raw } => {
                        Some(
                            view! {
                                <div class="problem">
                                    <p>{message}</p>
                                    <p>
                                        "The default thresholds are in use for now. Changes you make apply to this page only, until you choose to replace the saved ones."
                                    </p>
                                    <details>
                                        <summary>"The stored text"</summary>
                                        <pre class="raw">{raw}</pre>
                                    </details>
                                    <button type="button" class="secondary" on:click=save_mine>
                                        "Replace the saved thresholds with the ones in use"
                                    </button>
                                </div>
                            }
                                .into_any(),
                        )
                    }
                    Notice::Conflict => {
                        Some(
                            view! {
                                <div class="problem">
                                    <p>
                                        "Another tab changed the risk thresholds, so your last change was not saved."
                                    </p>
                                    <div class="actions">
                                        <button type="button" class="secondary" on:click=use_stored>
                                            "Use the other tab's thresholds"
                                        </button>
                                        <button type="button" class="secondary" on:click=save_mine>
                                            "Save mine over them"
                                        </button>
                                    </div>
                                </div>
                            }
                                .into_any(),
                        )
                    }
                }}
            </div>
            <details class="risk-thresholds">
                <summary>"Risk thresholds"</summary>
                <form class="threshold-form" on:submit=|ev| ev.prevent_default()>
                    <div class="fields">{rows}</div>
                    <button type="button" class="secondary" on:click=reset>
                        "Reset to defaults"
                    </button>
                </form>
            </details>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::envelope::{decode_one, encode};

    #[test]
    fn values_are_typed_in_their_unit() {
        let cases = [
            ("negative_comment_share", 0.3, "30"),
            ("min_engagement_by_followers", 0.001, "0.1"),
            ("engagement_high_multiple", 2.0, "2"),
            ("engagement_low_multiple", 0.55, "0.55"),
            ("min_comment_sample", 20.0, "20"),
        ];
        for (key, value, want) in cases {
            let info = ThresholdInfo::find(key).expect("known key");
            assert_eq!(edit_text(info, value), want, "{key}");
            // What the field shows must read back as the same value.
            let mut t = Thresholds::default();
            t.set_from_text(key, want).expect("valid");
            assert_eq!(t.get(key), Some(value), "{key}");
        }
    }

    #[test]
    fn stored_thresholds_are_checked_on_the_way_in() {
        let order = Thresholds {
            negative_comment_share: 0.6,
            ..Thresholds::default()
        };
        let fraction = Thresholds {
            min_sponsored_posts: 2.5,
            ..Thresholds::default()
        };
        let cases: [(Thresholds, Option<&str>); 3] = [
            (Thresholds::default(), None),
            (order, Some("must not be higher than")),
            (fraction, Some("whole number")),
        ];
        for (value, problem) in cases {
            match (StoredThresholds(value).checked_record(), problem) {
                (Ok(v), None) => assert_eq!(v.0, value),
                (Err(e), Some(want)) => assert!(e.contains(want), "{e}"),
                (got, want) => panic!("{got:?}, expected {want:?}"),
            }
        }
    }

    #[test]
    fn stored_text_round_trips_and_newer_or_bad_text_is_not_loaded() {
        let edited = Thresholds {
            min_sponsored_posts: 5.0,
            ..Thresholds::default()
        };
        let text = encode(&THRESHOLDS_KIND, &StoredThresholds(edited)).expect("encodes");
        match decode_one::<StoredThresholds>(Some(&text), &THRESHOLDS_KIND) {
            Load::Loaded { value, .. } => assert_eq!(value.0, edited),
            other => panic!("{other:?}"),
        }
        let newer = text.replace("\"version\":1", "\"version\":2");
        assert!(matches!(
            decode_one::<StoredThresholds>(Some(&newer), &THRESHOLDS_KIND),
            Load::TooNew { .. }
        ));
        let bad = text.replace("5.0", "2.5");
        assert!(matches!(
            decode_one::<StoredThresholds>(Some(&bad), &THRESHOLDS_KIND),
            Load::Corrupt { .. }
        ));
        // Settings saved before a threshold existed load with its default.
        let old = r#"{"app":"microscope","kind":"risk-thresholds","version":1,"data":{"min_sponsored_posts":4.0}}"#;
        match decode_one::<StoredThresholds>(Some(old), &THRESHOLDS_KIND) {
            Load::Loaded { value, .. } => {
                assert_eq!(value.0.min_sponsored_posts, 4.0);
                assert_eq!(value.0.negative_comment_share, 0.3);
            }
            other => panic!("{other:?}"),
        }
    }
}
