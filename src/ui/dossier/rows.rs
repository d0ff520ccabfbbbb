//! An editable list of name and value pairs (an audience group's names and percentages, the
//! custom fields): rows to type into, add and remove; nothing is saved until the part's Save.

use leptos::prelude::*;

use crate::ui::widgets::fields::TextField;

/// One row: its texts and a key that stays with it while rows above are removed.
#[derive(Clone, Copy)]
struct Pair {
    key: usize,
    name: RwSignal<String>,
    value: RwSignal<String>,
}

/// The rows as typed.
#[derive(Clone, Copy)]
pub(super) struct Pairs {
    rows: RwSignal<Vec<Pair>>,
    next: StoredValue<usize>,
    /// The component's owner, which owns every row's signals: rows made while an effect runs
    /// (the form following another tab's save) would otherwise be disposed on its next run, and
    /// the form would read disposed signals (a panic).
    owner: StoredValue<Option<Owner>>,
}

impl Pairs {
    pub fn new() -> Pairs {
        Pairs {
            rows: RwSignal::new(Vec::new()),
            next: StoredValue::new(0),
            owner: StoredValue::new(Owner::current()),
        }
    }

    /// Replaces the texts with `items` (what is stored). Rows already shown keep their place
    /// and key, so refilling after a save redraws nothing and focus stays where it was.
    pub fn set(&self, items: Vec<(String, String)>) {
        let mut rows = self.rows.get_untracked();
        rows.truncate(items.len());
        for (i, (name, value)) in items.into_iter().enumerate() {
            match rows.get(i) {
                Some(p) => {
                    p.name.set(name);
                    p.value.set(value);
                }
                None => rows.push(self.pair(name, value)),
            }
        }
        self.rows.set(rows);
    }

    fn pair(&self, name: String, value: String) -> Pair {
        let key = self.next.get_value();
        self.next.set_value(key + 1);
        let make = move || Pair {
            key,
            name: RwSignal::new(name),
            value: RwSignal::new(value),
        };
        match self.owner.get_value() {
            Some(owner) => owner.with(make),
            None => make(),
        }
    }

    fn add(&self) {
        let pair = self.pair(String::new(), String::new());
        self.rows.update(|r| r.push(pair));
    }

    fn remove(&self, key: usize) {
        self.rows.update(|r| r.retain(|p| p.key != key));
    }

    /// Whether the rows are exactly `items` (none added, removed or typed in since they were
    /// set from them); an added empty row counts as a change.
    pub fn shows(&self, items: &[(String, String)]) -> bool {
        self.rows.with_untracked(|r| {
            r.len() == items.len()
                && r.iter().zip(items).all(|(p, (name, value))| {
                    p.name.with_untracked(|n| n == name) && p.value.with_untracked(|v| v == value)
                })
        })
    }

    /// The texts as typed, rows with neither a name nor a value left out.
    pub fn values(&self) -> Vec<(String, String)> {
        self.rows.with_untracked(|r| {
            r.iter()
                .map(|p| (p.name.get_untracked(), p.value.get_untracked()))
                .filter(|(n, v)| !(n.trim().is_empty() && v.trim().is_empty()))
                .collect()
        })
    }
}

/// What a list's rows and buttons say. Each names the row by its place: "{n}" becomes its number
/// ("Country {n}" reads "Country 2").
#[derive(Clone, Copy)]
pub(super) struct RowLabels {
    /// The name field's label ("Country {n}").
    pub name: &'static str,
    /// The value field's label ("Country {n} share (%)").
    pub value: &'static str,
    /// The row in the remove button's name ("country {n}": "Remove country 2").
    pub row: &'static str,
    /// What the add button says ("Add a country").
    pub add: &'static str,
}

/// The rows of `pairs` under `legend`, each with a remove button, and an add button.
#[component]
pub(super) fn PairRows(
    pairs: Pairs,
    /// A prefix for the fields' ids.
    id: &'static str,
    legend: &'static str,
    labels: RowLabels,
) -> impl IntoView {
    let RowLabels {
        name: name_label,
        value: value_label,
        row: row_label,
        add: add_label,
    } = labels;
    let place = move |key: usize| {
        pairs
            .rows
            .with(|r| r.iter().position(|p| p.key == key))
            .map_or(0, |i| i + 1)
    };
    let label =
        move |pattern: &'static str, key: usize| pattern.replace("{n}", &place(key).to_string());
    view! {
        <fieldset class="pair-rows">
            <legend>{legend}</legend>
            <For each=move || pairs.rows.get() key=|p| p.key let:pair>
                {
                    let name_id = format!("{id}-name-{}", pair.key);
                    let value_id = format!("{id}-value-{}", pair.key);
                    let key = pair.key;
                    view! {
                        <div class="pair-row">
                            <TextField
                                id=name_id
                                label=Signal::derive(move || label(name_label, key))
                                value=pair.name
                            />
                            <TextField
                                id=value_id
                                label=Signal::derive(move || label(value_label, key))
                                value=pair.value
                            />
                            <button
                                type="button"
                                class="secondary small"
                                aria-label=move || { format!("Remove {}", label(row_label, key)) }
                                on:click=move |_| pairs.remove(key)
                            >
                                "Remove"
                            </button>
                        </div>
                    }
                }
            </For>
            <button type="button" class="secondary small" on:click=move |_| pairs.add()>
                {add_label}
            </button>
        </fieldset>
    }
}
