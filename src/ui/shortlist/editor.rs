//! The add/edit dialog for one creator: every field labelled, numbers in the pasted formats, each
//! error shown under its field.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::campaign::risk_profile::creator_risk;
use crate::domain::creator::dossier::SnapshotSource;
use crate::domain::creator::edit::{apply_changes, EDITOR};
use crate::domain::creator::metrics::PostMetrics;
use crate::domain::creator::record::{
    currency_as_typed, parse_tags, validate_profile_url, Creator, Status,
};
use crate::domain::engine::averages::derive_from_posts;
use crate::domain::engine::engagement::{Field, Formula};
use crate::domain::io::csv_export::format_amount;
use crate::domain::io::share::{creator_summary, Shared};
use crate::domain::risk::thresholds::Thresholds;
use crate::domain::text::format::{capitalise, group_thousands, plural, trimmed};
use crate::domain::text::number::{parse_optional_amount, parse_optional_count};
use crate::domain::Platform;
use crate::ui::app::clock::{now_ms, today};
use crate::ui::dossier::dossier_href;
use crate::ui::risks::for_creator::{thresholds_signal, CreatorWarnings};
use crate::ui::shortlist::imported::ImportedDetails;
use crate::ui::state::ShortlistStore;
use crate::ui::widgets::fields::{ChoiceSelect, FieldGroup, OptionalChoiceSelect, TextField};
use crate::ui::widgets::number_field::{average_label, AverageFields, NumberField, AVERAGE_COUNT};
use crate::ui::workspace::share::CopyLinkButton;

/// The form's texts, one signal per field.
#[derive(Clone, Copy)]
struct EditorForm {
    name: RwSignal<String>,
    url: RwSignal<String>,
    platform: RwSignal<String>,
    status: RwSignal<String>,
    followers: RwSignal<String>,
    /// Averages per post, in `Field::ALL` order.
    metrics: [RwSignal<String>; AVERAGE_COUNT],
    per_week: RwSignal<String>,
    price: RwSignal<String>,
    currency: RwSignal<String>,
    sponsored: RwSignal<String>,
    tags: RwSignal<String>,
    notes: RwSignal<String>,
}

/// A stored amount as the form shows it: "1,200,000" for whole numbers (read back by the same
/// parser), exact decimals otherwise ("0.1250" rather than "0.125", which reads as 125).
fn amount_text(v: Option<f64>) -> String {
    match v {
        Some(v) if v.fract() == 0.0 && (0.0..1e15).contains(&v) => group_thousands(v as u64),
        Some(v) => format_amount(v),
        None => String::new(),
    }
}

/// The creator's averages as its dossier's posts give them, with how many posts have numbers;
/// `None` when none has (then the averages are typed here).
fn derived_averages(c: &Creator) -> Option<(usize, PostMetrics)> {
    let mut c = c.clone();
    derive_from_posts(&mut c).map(|n| (n, c.metrics))
}

/// A derived average as the dialog shows it: "21,000", "96.5", "n/a".
fn average_text(v: Option<f64>) -> String {
    match v {
        Some(v) if v.abs() >= 1000.0 && v.is_finite() && v >= 0.0 => {
            group_thousands(v.round() as u64)
        }
        Some(v) => trimmed(v, 1),
        None => "n/a".to_string(),
    }
}

impl EditorForm {
    fn new() -> EditorForm {
        let s = || RwSignal::new(String::new());
        EditorForm {
            name: s(),
            url: s(),
            platform: s(),
            status: s(),
            followers: s(),
            metrics: std::array::from_fn(|_| s()),
            per_week: s(),
            price: s(),
            currency: s(),
            sponsored: s(),
            tags: s(),
            notes: s(),
        }
    }

    fn fill(&self, c: &Creator) {
        let m = &c.metrics;
        self.name.set(c.name.clone());
        self.url.set(c.profile_url.clone().unwrap_or_default());
        self.platform
            .set(c.platform.map(|p| p.id().to_string()).unwrap_or_default());
        self.status.set(c.status.id().to_string());
        self.followers
            .set(c.followers.map(group_thousands).unwrap_or_default());
        // As stored, in `Field::ALL` order (`Field::get` would hide a stored negative).
        let stored = Field::ALL.map(|f| f.stored(m));
        for (text, v) in self.metrics.iter().zip(stored) {
            text.set(amount_text(v));
        }
        self.per_week.set(amount_text(c.posts_per_week));
        self.price.set(amount_text(c.price));
        self.currency.set(c.currency.clone().unwrap_or_default());
        self.sponsored
            .set(c.sponsored_posts.map(|n| n.to_string()).unwrap_or_default());
        self.tags.set(c.tags.join(", "));
        self.notes.set(c.notes.clone());
    }

    fn sponsored_value(&self) -> Result<Option<u32>, String> {
        let n = parse_optional_count(&self.sponsored.get()).map_err(|e| e.to_string())?;
        match n {
            None => Ok(None),
            Some(n) => u32::try_from(n).map(Some).map_err(|_| {
                format!("{n} sponsored posts is more than any creator has published.")
            }),
        }
    }

    /// The edited creator, or the labels of the fields that are wrong.
    fn build(&self, original: &Creator) -> Result<Creator, Vec<&'static str>> {
        let mut bad = Vec::new();
        let name = self.name.get();
        if name.trim().is_empty() {
            bad.push("Name or handle");
        }
        let url = validate_profile_url(&self.url.get()).map_err(|_| bad.push("Profile link"));
        let followers =
            parse_optional_count(&self.followers.get()).map_err(|_| bad.push("Followers"));
        let mut amount = |text: RwSignal<String>, label: &'static str| {
            parse_optional_amount(&text.get()).map_err(|_| bad.push(label))
        };
        // Every field is read (and named when wrong) before any error returns. With posts, the
        // averages are not fields here: they come from the posts (regression, issue 15: typed
        // averages were accepted, then silently replaced by the next dossier save).
        let from_posts = derived_averages(original).is_some();
        let metrics: Vec<_> = Field::ALL
            .into_iter()
            .zip(self.metrics)
            .filter(|_| !from_posts)
            .map(|(f, text)| amount(text, average_label(f)))
            .collect();
        let metrics: Result<Vec<_>, _> = metrics.into_iter().collect();
        let per_week = amount(self.per_week, "Posts per week");
        let price = amount(self.price, "Price per post");
        let currency = currency_as_typed(&self.currency.get(), original.currency.as_deref())
            .map_err(|_| bad.push("Currency"));
        let sponsored = self
            .sponsored_value()
            .map_err(|_| bad.push("Past sponsored posts"));
        let (
            Ok(url),
            Ok(followers),
            Ok(metrics),
            Ok(per_week),
            Ok(price),
            Ok(currency),
            Ok(sponsored),
        ) = (
            url, followers, metrics, per_week, price, currency, sponsored,
        )
        else {
            return Err(bad);
        };
        if !bad.is_empty() {
            return Err(bad);
        }
        let mut c = original.clone();
        c.name = name.trim().to_string();
        c.profile_url = url;
        c.platform = Platform::parse(&self.platform.get());
        c.status = Status::parse(&self.status.get()).unwrap_or(c.status);
        c.followers = followers;
        if derive_from_posts(&mut c).is_none() {
            for (f, v) in Field::ALL.into_iter().zip(metrics) {
                f.set(&mut c.metrics, v);
            }
        }
        c.posts_per_week = per_week;
        c.price = price;
        c.currency = currency;
        c.sponsored_posts = sponsored;
        c.tags = parse_tags(&self.tags.get());
        c.notes = self.notes.get().trim().to_string();
        c.updated_at = now_ms().max(c.updated_at);
        c.checked().map_err(|_| vec!["Name or handle"])
    }
}

/// The dialog's save on the creator as it is stored now (regression, QA probe S2 and S7: the
/// record built from the copy the dialog opened with replaced the stored one, so a status or a
/// dossier post another tab saved meanwhile was reverted). Only the fields the user changed in
/// the dialog (`edited` differs from `original`, what it opened with) are written; the others
/// keep what is stored. A creator not stored (a new one, or one removed in another tab while the
/// dialog was open) is saved as edited, as before: what was typed is not lost.
fn on_stored(
    state: ShortlistStore,
    original: &Creator,
    edited: Creator,
) -> Result<Creator, String> {
    // What the form showed: with posts, the averages are theirs (`build` derives them too), so
    // an average is a change only when the user typed it.
    let mut opened = original.clone();
    derive_from_posts(&mut opened);
    // A changed count is dated in the creator's follower history.
    let new_count = edited
        .followers
        .filter(|_| edited.followers != opened.followers);
    let current = state.list.with_untracked(|l| l.get(&original.id).cloned());
    let mut c = match current {
        Some(mut c) => {
            apply_changes(&mut c, &opened, &edited, EDITOR);
            derive_from_posts(&mut c);
            c.updated_at = now_ms().max(c.updated_at);
            c.checked().map_err(|e| e.to_string())?
        }
        None => edited,
    };
    if let Some(n) = new_count {
        c.note_followers(n, today(), SnapshotSource::Edit);
    }
    Ok(c)
}

/// The dialog. `editing` opens it with a creator (a new one to add, or one to edit) and is set back
/// to `None` when it closes; `on_saved` gets the saved creator's name.
#[component]
pub fn CreatorEditor(
    editing: RwSignal<Option<Creator>>,
    #[prop(into)] on_saved: Callback<String>,
    /// The shortlist's engagement formula, for the risk list (default: the source article's).
    #[prop(optional, into)]
    formula: Option<Signal<Formula>>,
    /// The risk thresholds (default: the app's, or loaded once).
    #[prop(optional, into)]
    thresholds: Option<Signal<Thresholds>>,
    /// Set to open the dialog on the creator's risks (the shortlist's risk badge); reset on open.
    #[prop(optional)]
    show_risks: Option<RwSignal<bool>>,
) -> impl IntoView {
    let state = expect_context::<ShortlistStore>();
    let thresholds = thresholds.unwrap_or_else(thresholds_signal);
    let form = EditorForm::new();
    let dialog_ref = NodeRef::<leptos::html::Dialog>::new();
    let risks_ref = NodeRef::<leptos::html::Details>::new();
    let tried = RwSignal::new(false);
    let summary = RwSignal::new(None::<String>);
    let is_new = Memo::new(move |_| {
        editing.with(|e| {
            e.as_ref()
                .is_some_and(|c| state.list.with_untracked(|l| l.get(&c.id).is_none()))
        })
    });
    // The saved version of the creator being edited, as a link carries it.
    let shared = Signal::derive(move || {
        let id = editing.with(|e| e.as_ref().map(|c| c.id.clone()))?;
        state.list.with(|l| {
            l.get(&id).map(|c| Shared::Creator {
                creator: Box::new(creator_summary(c)),
            })
        })
    });
    let shared_name = Signal::derive(move || {
        editing.with(|e| e.as_ref().map(|c| c.name.clone()).unwrap_or_default())
    });
    let title = move || {
        if is_new.get() {
            "Add a creator".to_string()
        } else {
            format!(
                "Edit “{}”",
                editing.with(|e| e.as_ref().map(|c| c.name.clone()).unwrap_or_default())
            )
        }
    };

    Effect::new(move |_| {
        let open = editing.with(|e| e.is_some());
        let Some(dialog) = dialog_ref.get() else {
            return;
        };
        if open && !dialog.open() {
            if let Some(c) = editing.get_untracked() {
                form.fill(&c);
            }
            tried.set(false);
            summary.set(None);
            let _ = dialog.show_modal();
            let on_risks = show_risks.is_some_and(|s| s.get_untracked());
            if let Some(s) = show_risks {
                s.set(false);
            }
            if let Some(details) = risks_ref.get_untracked() {
                if on_risks {
                    let _ = details.set_attribute("open", "");
                    let summary = details
                        .query_selector("summary")
                        .ok()
                        .flatten()
                        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
                    if let Some(summary) = summary {
                        let _ = summary.focus();
                    }
                } else {
                    let _ = details.remove_attribute("open");
                }
            }
        } else if !open && dialog.open() {
            dialog.close();
        }
    });

    let text_error = |sig: RwSignal<String>, parse: fn(&str) -> Option<String>| {
        Signal::derive(move || parse(&sig.get()))
    };
    let count_error = move |sig: RwSignal<String>| {
        text_error(sig, |t| {
            parse_optional_count(t).err().map(|e| e.to_string())
        })
    };
    let amount_error = move |sig: RwSignal<String>| {
        text_error(sig, |t| {
            parse_optional_amount(t).err().map(|e| e.to_string())
        })
    };
    let name_error = Signal::derive(move || {
        (tried.get() && form.name.with(|n| n.trim().is_empty()))
            .then(|| "Enter a name or handle; every creator needs one.".to_string())
    });
    let url_error = text_error(form.url, |t| {
        validate_profile_url(t).err().map(|e| {
            let msg = e.to_string();
            let mut chars = msg.chars();
            chars
                .next()
                .map(|f| f.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        })
    });
    // Only ISO 4217 codes are accepted as typed; the code the creator was opened with passes as
    // it is (an imported odd code must not block other edits).
    let currency_error = Signal::derive(move || {
        let stored = editing.with(|e| e.as_ref().and_then(|c| c.currency.clone()));
        form.currency
            .with(|t| currency_as_typed(t, stored.as_deref()))
            .err()
            .map(|e| capitalise(&e.to_string()))
    });
    let sponsored_error = Signal::derive(move || form.sponsored_value().err());
    // The creator as the form now reads (as stored while a field does not parse), so the list
    // follows the edits.
    let risk = Memo::new(move |_| {
        let formula = formula.map(|f| f.get()).unwrap_or_default();
        editing.with(|e| {
            e.as_ref()
                .map(|original| {
                    let edited = form.build(original).ok();
                    let c = edited.as_ref().unwrap_or(original);
                    thresholds.with(|t| creator_risk(c, formula, None, t, today()))
                })
                .unwrap_or_default()
        })
    });
    let risk_count = move || risk.with(|r| r.summary().label());

    let close = move || editing.set(None);
    // Saves the form; with `open_dossier`, then goes to the creator's dossier page.
    let save = move |open_dossier: bool| {
        tried.set(true);
        let Some(original) = editing.get_untracked() else {
            return;
        };
        match form.build(&original) {
            Ok(edited) => {
                let c = match on_stored(state, &original, edited) {
                    Ok(c) => c,
                    Err(message) => {
                        summary.set(Some(message));
                        return;
                    }
                };
                let name = c.name.clone();
                let href = dossier_href(&c.id);
                state.put(c);
                close();
                on_saved.run(name);
                if open_dossier {
                    if let Some(w) = web_sys::window() {
                        let _ = w.location().set_hash(&href);
                    }
                }
            }
            Err(fields) => {
                summary.set(Some(format!(
                    "Check {}: {}.",
                    if fields.len() == 1 {
                        "this field"
                    } else {
                        "these fields"
                    },
                    fields.join(", ")
                )));
                // Take the user to the first field to fix.
                request_animation_frame(move || {
                    let first = dialog_ref
                        .try_get_untracked()
                        .flatten()
                        .and_then(|d| d.query_selector("[aria-invalid='true']").ok().flatten())
                        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
                    if let Some(el) = first {
                        let _ = el.focus();
                    }
                });
            }
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save(false);
    };

    // The form holds ids as text; the selects read and write them as choices.
    let platform = Signal::derive(move || form.platform.with(|p| Platform::parse(p)));
    let pick_platform = move |p: Option<Platform>| {
        form.platform
            .set(p.map(Platform::id).unwrap_or_default().to_string());
    };
    let status = Signal::derive(move || form.status.with(|s| Status::parse(s)).unwrap_or_default());

    view! {
        <dialog
            class="modal creator-editor"
            node_ref=dialog_ref
            aria-labelledby="creator-editor-title"
            on:close=move |_| {
                if editing.with_untracked(|e| e.is_some()) {
                    close();
                }
            }
        >
            <form on:submit=submit novalidate>
                <h2 id="creator-editor-title">{title}</h2>
                <p class="help">
                    "Numbers as you see them: 45,000, 45 000, 12.5K or 1.2M. Leave a field empty when you don't know it; it shows as n/a, never as zero."
                </p>
                <fieldset>
                    <legend>"Creator"</legend>
                    <div class="fields">
                        <TextField
                            id="edit-name"
                            label="Name or handle"
                            value=form.name
                            required=true
                            error=name_error
                        />
                        <TextField
                            id="edit-url"
                            label="Profile link"
                            value=form.url
                            kind="url"
                            no_spellcheck=true
                            placeholder="https://www.tiktok.com/@name"
                            help="Only http:// and https:// links are kept."
                            error=url_error
                        />
                        <OptionalChoiceSelect
                            id="edit-platform"
                            label="Platform"
                            choices=&Platform::ALL
                            none="Not set"
                            value=platform
                            on_pick=pick_platform
                        />
                        <ChoiceSelect
                            id="edit-status"
                            label="Status"
                            choices=&Status::ALL
                            value=status
                            on_pick=move |s: Status| form.status.set(s.id().to_string())
                        />
                        <NumberField
                            id="edit-followers"
                            label="Followers"
                            help="Followers or subscribers, e.g. 45K.".to_string()
                            value=form.followers
                            error=count_error(form.followers)
                        />
                        <TextField
                            id="edit-tags"
                            label="Tags"
                            value=form.tags
                            help="Audience interests, separated by commas: fitness, vegan."
                        />
                    </div>
                    <TextField id="edit-notes" label="Notes" value=form.notes rows=3 />
                </fieldset>
                <fieldset class="editor-averages">
                    <legend>"Averages per post"</legend>
                    {move || match editing.with(|e| e.as_ref().and_then(derived_averages)) {
                        None => {
                            view! {
                                <div class="fields">
                                    <AverageFields prefix="edit" values=form.metrics />
                                </div>
                            }
                                .into_any()
                        }
                        Some((posts, m)) => {
                            view! {
                                <p class="help" id="edit-averages-note">
                                    {format!(
                                        "Averaged from the {} in this creator's dossier, so they are not typed here: they change when the posts do. To change them, edit the posts.",
                                        plural(posts, "post with numbers", "posts with numbers"),
                                    )}
                                </p>
                                <dl class="derived-averages" aria-describedby="edit-averages-note">
                                    {Field::ALL
                                        .into_iter()
                                        .filter(|f| f.stored(&m).is_some())
                                        .map(|f| {
                                            view! {
                                                <div>
                                                    <dt>{average_label(f)}</dt>
                                                    <dd>{average_text(f.stored(&m))}</dd>
                                                </div>
                                            }
                                        })
                                        .collect_view()}
                                </dl>
                                // Saves first: what was typed in the other fields is kept.
                                <button
                                    type="button"
                                    class="secondary"
                                    id="edit-posts"
                                    title="Saves your changes, then opens the creator's dossier, where the posts are"
                                    on:click=move |_| save(true)
                                >
                                    "Edit the posts in the dossier"
                                </button>
                            }
                                .into_any()
                        }
                    }}
                </fieldset>
                <FieldGroup legend="Cadence, price and experience">
                    <NumberField
                        id="edit-per-week"
                        label="Posts per week"
                        help="How often the creator posts, e.g. 1.5.".to_string()
                        value=form.per_week
                        error=amount_error(form.per_week)
                    />
                    <NumberField
                        id="edit-price"
                        label="Price per post"
                        help="What the creator charges per post.".to_string()
                        value=form.price
                        error=amount_error(form.price)
                        placeholder="e.g. $250"
                    />
                    <TextField
                        id="edit-currency"
                        label="Currency"
                        value=form.currency
                        no_spellcheck=true
                        placeholder="USD"
                        help="A three-letter ISO 4217 code such as USD, EUR or GBP; empty means US dollars."
                        error=currency_error
                    />
                    <NumberField
                        id="edit-sponsored"
                        label="Past sponsored posts"
                        help="Few or none: plan an approval step (see Risks).".to_string()
                        value=form.sponsored
                        error=sponsored_error
                    />
                </FieldGroup>
                {move || editing.get().map(|creator| view! { <ImportedDetails creator /> })}
                <details class="editor-risks" node_ref=risks_ref>
                    <summary>"Risks for this creator: " {risk_count}</summary>
                    <CreatorWarnings risk=risk />
                </details>
                {move || {
                    (!is_new.get())
                        .then(|| {
                            view! {
                                <div class="editor-share">
                                    <p class="help">
                                        "Share the saved version as a link: a read-only summary without notes, contact, price or comment texts."
                                    </p>
                                    <CopyLinkButton item=shared name=shared_name id="editor" />
                                </div>
                            }
                        })
                }}
                <p class="error" role="alert">
                    {move || summary.get()}
                </p>
                <div class="button-row">
                    <button type="submit">"Save"</button>
                    <Show when=move || !is_new.get()>
                        // Saves first: what was typed here is never lost on the way.
                        <button
                            type="button"
                            class="secondary"
                            title="Saves your changes, then opens the creator's dossier"
                            on:click=move |_| save(true)
                        >
                            "Open dossier"
                        </button>
                    </Show>
                    <button type="button" class="secondary" on:click=move |_| close()>
                        "Cancel"
                    </button>
                </div>
            </form>
        </dialog>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_amounts_read_back_unchanged() {
        let cases = [
            (Some(1_200_000.0), "1,200,000"),
            (Some(0.125), "0.1250"),
            (Some(1.5), "1.5"),
            (Some(0.0), "0"),
            (Some(45_000.25), "45000.25"),
            (None, ""),
        ];
        for (value, text) in cases {
            assert_eq!(amount_text(value), text, "{value:?}");
            assert_eq!(parse_optional_amount(text), Ok(value), "{text:?}");
        }
    }
}
