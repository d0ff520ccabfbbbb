//! The "Risk thresholds" editor over the thresholds store (`ui::state::thresholds`): one field a
//! threshold, checked as typed, and the store's notice about saving (unreadable saved thresholds
//! are announced by the Workspace panel's banner; this tool only points to it).

use leptos::prelude::*;

use crate::domain::risk::thresholds::{ThresholdInfo, ThresholdUnit, Thresholds, THRESHOLDS};
use crate::ui::risks::tool::RiskTool;
use crate::ui::state::thresholds::ThresholdsStore;
use crate::ui::state::value::Notice;
use crate::ui::widgets::number_field::NumberField;

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
pub fn RiskThresholds(state: ThresholdsStore) -> impl IntoView {
    let current = state.value.get_untracked();
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

    // The store read storage again (another tab saved thresholds): show what it holds now.
    Effect::watch(
        move || state.reloads.get(),
        move |_, _, _| fields.with_value(|f| sync_fields(f, &state.value.get_untracked())),
        false,
    );

    let edit = move |index: usize, text: String| {
        fields.with_value(|all| {
            let Some(field) = all.get(index).copied() else {
                return;
            };
            field.text.set(text.clone());
            let mut next = state.value.get_untracked();
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
                    if next != state.value.get_untracked() {
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
        fields.with_value(|f| sync_fields(f, &state.value.get_untracked()));
    };
    let save_mine = move |_| state.overwrite();

    let rows = fields.with_value(|all| {
        all.iter()
            .enumerate()
            .map(|(index, f)| {
                let info = f.info;
                let id = format!("threshold-{}", info.key.replace('_', "-"));
                let (text, error) = (f.text, f.error);
                view! {
                    <NumberField
                        id=id
                        label=format!("{} ({})", info.label, unit_word(info.unit))
                        value=text
                        error=error
                        class="threshold-field"
                        on_input=move |text: String| edit(index, text)
                    >
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
                    </NumberField>
                }
            })
            .collect_view()
    });

    view! {
        <RiskTool
            id="risks-thresholds-title"
            title="Thresholds"
            intro="Every warning in this section compares against these numbers. Change them to match your own rules; changes apply at once and are kept in this browser."
        >
            <div class="threshold-notice" role="status">
                {move || match state.notice.get() {
                    Notice::None => None,
                    Notice::Saved => {
                        Some(
                            view! { <p class="saved">"Thresholds saved in this browser."</p> }
                                .into_any(),
                        )
                    }
                    Notice::Problem(message) => {
                        Some(view! { <p class="problem">{message}</p> }.into_any())
                    }
                    Notice::Blocked { .. } => {
                        Some(
                            // The banner under Workspace (`StoredValueBanner`) says why and
                            // offers the stored text and the replace button; saying it here too
                            // announced it twice. This line points there and says what an edit
                            // does meanwhile.
                            view! {
                                <p class="problem">
                                    "The saved thresholds are not in use; the notice under Workspace, below, says why. Changes here apply to this page only and are not saved until you replace the stored thresholds there."
                                </p>
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
        </RiskTool>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
