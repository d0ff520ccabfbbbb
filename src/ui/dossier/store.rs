//! How every part of the dossier reads its creator and saves a change: one place that stamps the
//! change, derives the averages from the posts and checks the record before it reaches the store.

use leptos::prelude::*;

use crate::domain::creator::dossier::age_text;
use crate::domain::creator::dossier::SnapshotSource;
use crate::domain::creator::edit::{self, apply_changes};
use crate::domain::creator::record::Creator;
use crate::domain::engine::averages::derive_from_posts;
use crate::domain::text::date::Date;
use crate::domain::text::format::{group_thousands, trimmed};
use crate::ui::app::clock::{now_ms, today};
use crate::ui::state::ShortlistStore;
use crate::ui::widgets::section::{framed, Depth, StatusLine};

/// The dossier's creator and the way to change it; cheap to copy into every part.
#[derive(Clone, Copy)]
pub(super) struct Dossier {
    /// The creator with its averages from its posts; `None` once it is no longer on the shortlist.
    pub creator: Memo<Option<Creator>>,
    /// Today, read once when the page opens: what new entries are dated and checked against.
    pub today: Date,
    store: ShortlistStore,
}

impl Dossier {
    pub fn new(store: ShortlistStore, id: String) -> Dossier {
        // As the dossier shows it: when posts have numbers, the averages are theirs even if the
        // stored record (an older save, an import) still holds others; the next save stores them.
        let creator = Memo::new(move |_| {
            store.list.with(|l| {
                l.get(&id).cloned().map(|mut c| {
                    derive_from_posts(&mut c);
                    c
                })
            })
        });
        Dossier {
            creator,
            today: today(),
            store,
        }
    }

    /// Reads the creator (tracked: the caller re-runs when it changes).
    pub fn with<T>(&self, f: impl FnOnce(&Creator) -> T) -> Option<T> {
        self.creator.with(|c| c.as_ref().map(f))
    }

    /// Applies `edit` to the stored creator and saves it. An `Err` from `edit` (the message that
    /// names the field and the problem) saves nothing: the caller keeps the form as typed.
    pub fn save(
        &self,
        edit: impl FnOnce(&mut Creator) -> Result<(), String>,
    ) -> Result<(), String> {
        let Some(mut c) = self.creator.get_untracked() else {
            return Err("This creator is no longer on the shortlist; nothing was saved.".into());
        };
        edit(&mut c)?;
        // Posts with numbers are the evidence: the averages follow them (and say so).
        derive_from_posts(&mut c);
        c.updated_at = now_ms().max(c.updated_at);
        let c = c.checked().map_err(|e| e.to_string())?;
        self.store.put(c);
        Ok(())
    }
}

impl Dossier {
    /// A form's save: `edit` makes the form's record from `opened` (what the form was filled
    /// with), and only the `parts` it changed are written onto the creator as stored now, so a
    /// field another tab saved meanwhile that the user did not touch keeps that tab's value
    /// (regression, QA probe S4 and S9: the whole group was written back from the form). Then
    /// says how it went, as [`Dossier::save_and_say`]. `opened` is `None` when the form was
    /// never filled (the creator was not there): `edit` then applies to what is stored.
    pub fn save_form_and_say(
        &self,
        opened: Option<&Creator>,
        parts: &[edit::Part],
        edit: impl FnOnce(&mut Creator) -> Result<(), String>,
        done: &str,
        note: RwSignal<Option<String>>,
        error: RwSignal<Option<String>>,
    ) -> bool {
        let Some(opened) = opened else {
            return self.save_and_say(edit, done, note, error);
        };
        self.save_and_say(
            |c| {
                let mut edited = opened.clone();
                edit(&mut edited)?;
                apply_changes(c, opened, &edited, parts);
                Ok(())
            },
            done,
            note,
            error,
        )
    }

    /// [`Dossier::save`], then says how it went: `done` in `note`, or the problem in `error`
    /// (which may be `note` too). Returns whether it was saved.
    pub fn save_and_say(
        &self,
        edit: impl FnOnce(&mut Creator) -> Result<(), String>,
        done: &str,
        note: RwSignal<Option<String>>,
        error: RwSignal<Option<String>>,
    ) -> bool {
        error.set(None);
        match self.save(edit) {
            Ok(()) => {
                note.set(Some(done.to_string()));
                true
            }
            Err(e) => {
                error.set(Some(e));
                false
            }
        }
    }

    /// Records `count` followers on `day` in the history (and as the creator's count when it is
    /// the newest), then says how it went, as [`Dossier::save_and_say`].
    pub fn save_followers(
        &self,
        count: u64,
        day: Date,
        source: SnapshotSource,
        done: &str,
        note: RwSignal<Option<String>>,
        error: RwSignal<Option<String>>,
    ) -> bool {
        let edit = |c: &mut Creator| {
            c.note_followers(count, day, source);
            Ok(())
        };
        self.save_and_say(edit, done, note, error)
    }
}

/// A number as the dossier shows it (and its forms read back): "12,500", "1,347.5", "n/a" when
/// not known (never zero).
pub(super) fn number_text(v: Option<f64>) -> String {
    match v.filter(|v| v.is_finite() && *v >= 0.0) {
        None => "n/a".to_string(),
        Some(v) if v.fract() == 0.0 && v < 1e15 => group_thousands(v as u64),
        // "1,347.5": the whole part grouped like the rest, the decimals as they are.
        Some(v) if v < 1e15 => {
            let text = trimmed(v, 2);
            match text.split_once('.') {
                Some((_, decimals)) => format!("{}.{decimals}", group_thousands(v.trunc() as u64)),
                None => text,
            }
        }
        Some(v) => trimmed(v, 2),
    }
}

/// "2026-03-14 (3 days old)", or "undated".
pub(super) fn dated(date: Option<Date>, today: Date) -> String {
    match date {
        Some(d) => format!("{d} ({})", age_text(d, today)),
        None => "undated".to_string(),
    }
}

/// One line of a part's `<dl class="dossier-facts">`: a term and what the dossier holds for it.
pub(super) fn fact(term: impl IntoView + 'static, value: impl IntoView + 'static) -> impl IntoView {
    view! {
        <div>
            <dt>{term}</dt>
            <dd>{value}</dd>
        </div>
    }
}

/// How many posts the creator's averages come from; `None` when no post has numbers (the
/// averages were typed in).
pub(super) fn averaged_posts(c: &Creator) -> Option<usize> {
    derive_from_posts(&mut c.clone())
}

/// One part of the dossier page: a titled section under the page's heading, with its intro line
/// when it has one.
#[component]
pub(super) fn Part(
    /// The heading's id, which names the part.
    id: &'static str,
    title: &'static str,
    #[prop(optional, into)] intro: Option<TextProp>,
    children: Children,
) -> impl IntoView {
    let class = "subpanel dossier-part".to_string();
    framed(id, class, Depth::Tool, title, intro, None, children)
}

/// A part's form (`dossier-form`, checked by the app rather than the browser): the fields, in a
/// fieldset when there is a `legend`, then the submit button, the problem that stopped the save
/// (role alert, when the form shows one here rather than under a field) and what happened (role
/// status). Submitting clears what happened last, then calls `on_submit`.
#[component]
pub(super) fn EditForm(
    #[prop(into)] on_submit: Callback<()>,
    /// The submit button's label.
    submit: &'static str,
    #[prop(optional)] legend: Option<&'static str>,
    #[prop(optional)] error: Option<RwSignal<Option<String>>>,
    note: RwSignal<Option<String>>,
    children: Children,
) -> impl IntoView {
    let end = view! {
        <button type="submit">{submit}</button>
        {error
            .map(|e| {
                view! {
                    <p class="error" role="alert">
                        {move || e.get()}
                    </p>
                }
            })}
        <StatusLine class="form-note" text=note />
    };
    let inside = match legend {
        Some(legend) => view! {
            <fieldset>
                <legend>{legend}</legend>
                {children()}
                {end}
            </fieldset>
        }
        .into_any(),
        None => view! {
            {children()}
            {end}
        }
        .into_any(),
    };
    view! {
        <form
            class="dossier-form"
            on:submit=move |ev| {
                ev.prevent_default();
                note.set(None);
                on_submit.run(());
            }
            novalidate
        >
            {inside}
        </form>
    }
}

/// A dated series of the dossier (`creator::series`, in date order) as a chart's points.
pub(super) fn chart_points(
    series: &[crate::domain::creator::series::Point],
) -> Vec<crate::charts::DatedValue> {
    series
        .iter()
        .map(|p| crate::charts::DatedValue {
            day: p.date.day_number(),
            label: p.date.to_string(),
            value: Some(p.value),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_like_the_rest_of_the_app() {
        let cases = [
            (None, "n/a"),
            (Some(f64::NAN), "n/a"),
            (Some(12_500.0), "12,500"),
            (Some(1_347.5), "1,347.5"),
            (Some(0.25), "0.25"),
            (Some(2.0 / 3.0), "0.67"),
        ];
        for (v, want) in cases {
            assert_eq!(number_text(v), want, "{v:?}");
        }
        // The forms fill with this text, so it must read back as the same number.
        for v in [12_500.0, 1_347.5, 0.25] {
            let text = number_text(Some(v));
            assert_eq!(
                crate::domain::text::number::parse_optional_amount(&text),
                Ok(Some(v)),
                "{text}"
            );
        }
    }
}
