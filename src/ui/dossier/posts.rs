//! Posts one by one: a table (date, the six counts, sponsored, caption, link) the user adds to,
//! edits and deletes from, or pastes several rows into (as copied from a sheet). Posts with
//! numbers give the creator's averages (`store::Dossier::save`). A chart shows views per post
//! over time, with its values as text.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::charts::{over_time, Chart, Unit};
use crate::domain::creator::dossier::Post;
use crate::domain::creator::edit::position_of;
use crate::domain::creator::record::Creator;
use crate::domain::creator::series::views_by_date;
use crate::domain::engine::engagement::Field;
use crate::domain::io::csv_import::parse_post_rows;
use crate::domain::risk::findings::check_link_of_post;
use crate::domain::text::date::Date;
use crate::domain::text::format::plural;
use crate::domain::text::number::parse_optional_count;
use crate::ui::dossier::contact::web_link;
use crate::ui::dossier::store::chart_points;
use crate::ui::dossier::store::{averaged_posts, number_text, Dossier, Part};
use crate::ui::widgets::chart_image::ChartImage;
use crate::ui::widgets::fields::{read_date_field, CheckBox, TextField};
use crate::ui::widgets::focus::focus_after_redraw;
use crate::ui::widgets::section::StatusLine;

/// Said when the post being edited is no longer stored as it was opened.
const CHANGED_ELSEWHERE: &str =
    "This post was changed or deleted in another tab; open it again to edit it. Nothing was saved.";

/// The six counts in the table's and the paste's order (saves before dislikes, which few
/// platforms show).
const COUNTS: [Field; 6] = [
    Field::Views,
    Field::Likes,
    Field::Comments,
    Field::Shares,
    Field::Saves,
    Field::Dislikes,
];

/// The post form's texts, one signal per field; the six counts in `COUNTS` order.
#[derive(Clone, Copy)]
struct PostForm {
    date: RwSignal<String>,
    counts: [RwSignal<String>; 6],
    sponsored: RwSignal<bool>,
    caption: RwSignal<String>,
    link: RwSignal<String>,
    /// Which post is being edited: its position then (for the form's title) and the post as it
    /// was opened, which finds it at save time (another tab may have moved it); `None`: a new
    /// post.
    editing: RwSignal<Option<(usize, Post)>>,
    /// Problems by field key ("date", "views", "link"), shown under each field.
    errors: RwSignal<HashMap<&'static str, String>>,
}

impl PostForm {
    fn new() -> PostForm {
        let s = || RwSignal::new(String::new());
        PostForm {
            date: s(),
            counts: std::array::from_fn(|_| s()),
            sponsored: RwSignal::new(false),
            caption: s(),
            link: s(),
            editing: RwSignal::new(None),
            errors: RwSignal::new(HashMap::new()),
        }
    }

    fn fill(&self, post: &Post, at: Option<usize>) {
        let editing = at.map(|i| (i, post.clone()));
        self.date
            .set(post.date.map(|d| d.to_string()).unwrap_or_default());
        for (f, text) in COUNTS.into_iter().zip(self.counts) {
            text.set(
                f.get(&post.metrics)
                    .map(|v| number_text(Some(v)))
                    .unwrap_or_default(),
            );
        }
        self.sponsored.set(post.sponsored);
        self.caption.set(post.caption.clone());
        self.link.set(post.link.clone().unwrap_or_default());
        self.editing.set(editing);
        self.errors.set(HashMap::new());
    }

    fn error(&self, key: &'static str) -> Signal<Option<String>> {
        let errors = self.errors;
        Signal::derive(move || errors.with(|e| e.get(key).cloned()))
    }

    /// The post as typed, or the problems by field (each message names its field).
    fn build(&self, number: usize, today: Date) -> Result<Post, HashMap<&'static str, String>> {
        let mut errors = HashMap::new();
        let mut post = Post::default();
        match read_date_field("dossier-post-date", &self.date.get_untracked()) {
            Ok(d) => post.date = d,
            Err(e) => {
                errors.insert("date", format!("Date: {e}"));
            }
        }
        for (f, text) in COUNTS.into_iter().zip(self.counts) {
            match parse_optional_count(&text.get_untracked()) {
                Ok(v) => f.set(&mut post.metrics, v.map(|v| v as f64)),
                Err(e) => {
                    errors.insert(f.name(), format!("{}: {e}", title_case(f.name())));
                }
            }
        }
        post.sponsored = self.sponsored.get_untracked();
        post.caption = self.caption.get_untracked().trim().to_string();
        // Worded for this field ("Link: …"), not as a profile link.
        match check_link_of_post("Link", &self.link.get_untracked()) {
            Ok(l) => post.link = l,
            Err(e) => {
                errors.insert("link", e);
            }
        }
        if let Err(e) = post.check(number, today) {
            errors.entry("date").or_insert(e.to_string());
        }
        if errors.is_empty() {
            Ok(post)
        } else {
            Err(errors)
        }
    }
}

/// "views" -> "Views".
fn title_case(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|f| f.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Posts in date order, undated last (a stable sort: the order typed is kept within a day).
fn sort_posts(c: &mut Creator) {
    c.posts.sort_by_key(|p| (p.date.is_none(), p.date));
}

fn views_chart(c: &Creator) -> Chart {
    let points = chart_points(&views_by_date(&c.posts));
    over_time("Views per post over time", "views", Unit::Count, &points)
}

#[component]
pub(super) fn PostsPart(dossier: Dossier) -> impl IntoView {
    let form = PostForm::new();
    let note = RwSignal::new(None::<String>);
    // The last post deleted, with its place, so a slip of the hand can be undone.
    let deleted = RwSignal::new(None::<(usize, Post)>);
    let count = Memo::new(move |_| dossier.with(|c| c.posts.len()).unwrap_or(0));

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let at = form.editing.get_untracked();
        let number = at
            .as_ref()
            .map_or(count.get_untracked() + 1, |(i, _)| i + 1);
        match form.build(number, dossier.today) {
            Err(errors) => {
                form.errors.set(errors);
                note.set(Some(
                    "Nothing was saved: fix the fields marked below.".into(),
                ));
            }
            Ok(post) => {
                let result = dossier.save(|c| {
                    match &at {
                        // The post opened, found by its value where it is now (regression, QA
                        // probe S8: by its old position, another tab's new older post was
                        // written over). Gone or changed: nothing is written over, the form
                        // keeps what was typed.
                        Some((i, was)) => match position_of(&c.posts, *i, was) {
                            Some(slot) => c.posts[slot] = post,
                            None => return Err(CHANGED_ELSEWHERE.to_string()),
                        },
                        None => c.posts.push(post),
                    }
                    sort_posts(c);
                    Ok(())
                });
                match result {
                    Ok(()) => {
                        form.fill(&Post::default(), None);
                        note.set(Some(match at {
                            Some((i, _)) => format!("Post {} saved.", i + 1),
                            None => "Post added.".to_string(),
                        }));
                    }
                    Err(e) => note.set(Some(e)),
                }
            }
        }
    };

    let remove = move |i: usize| {
        let mut gone = None;
        let result = dossier.save(|c| {
            if i < c.posts.len() {
                gone = Some(c.posts.remove(i));
            }
            Ok(())
        });
        match (result, gone) {
            (Ok(()), Some(p)) => {
                deleted.set(Some((i, p)));
                // The row and its buttons are gone: the focus goes to the undo that replaced them
                // (regression: it fell back to the page, and a keyboard user had to start over).
                focus_after_redraw("dossier-posts-undo");
                if form
                    .editing
                    .with_untracked(|e| e.as_ref().map(|(at, _)| *at))
                    == Some(i)
                {
                    form.fill(&Post::default(), None);
                }
                note.set(Some(format!("Post {} deleted.", i + 1)));
            }
            (Err(e), _) => note.set(Some(e)),
            _ => {}
        }
    };
    let undo = move |_| {
        if let Some((i, p)) = deleted.get_untracked() {
            let mut at = i;
            let result = dossier.save(|c| {
                at = i.min(c.posts.len());
                c.posts.insert(at, p);
                Ok(())
            });
            if result.is_ok() {
                deleted.set(None);
                note.set(Some("Post restored.".into()));
                // The undo button goes: the focus goes to the restored post's row.
                focus_after_redraw(format!("dossier-post-{}-edit", at + 1));
            }
        }
    };

    let table = move || {
        dossier.with(|c| {
            let rows = c
                .posts
                .iter()
                .enumerate()
                .map(|(i, p)| post_row(i, p, form, remove))
                .collect_view();
            let caption = format!("Posts ({})", c.posts.len());
            view! {
                <div class="table-scroll">
                    <table class="dossier-posts">
                        <caption>{caption}</caption>
                        <thead>
                            <tr>
                                <th scope="col">"#"</th>
                                <th scope="col">"Date"</th>
                                {COUNTS
                                    .into_iter()
                                    .map(|f| {
                                        view! {
                                            <th scope="col" class="num">
                                                {title_case(f.name())}
                                            </th>
                                        }
                                    })
                                    .collect_view()}
                                <th scope="col">"Sponsored"</th>
                                <th scope="col">"Caption"</th>
                                <th scope="col">"Link"</th>
                                <th scope="col" class="dossier-actions">
                                    "Actions"
                                </th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
        })
    };
    let chart = Signal::derive(move || {
        dossier
            .with(views_chart)
            .unwrap_or_else(|| views_chart(&Creator::default()))
    });
    let has_dated = move || {
        dossier
            .with(|c| c.posts.iter().any(|p| p.date.is_some()))
            .unwrap_or(false)
    };
    let averages_note = move || {
        if let Some(n) = dossier.with(averaged_posts).flatten() {
            format!(
                "The creator's averages per post are the averages of {}.",
                plural(n, "post", "posts")
            )
        } else {
            "No posts with numbers yet: the averages are the ones typed in under Headline numbers."
                .to_string()
        }
    };
    // The post's number where it is now (another tab may have added one before it).
    let form_title = move || match form.editing.with(|e| {
        e.as_ref().map(|(i, was)| {
            dossier
                .with(|c| position_of(&c.posts, *i, was))
                .flatten()
                .unwrap_or(*i)
        })
    }) {
        Some(i) => format!("Edit post {}", i + 1),
        None => "Add a post".to_string(),
    };

    view! {
        <Part id="dossier-posts-title" title="Posts" intro=Signal::derive(averages_note)>
            {table}
            <Show when=has_dated>
                <ChartImage
                    chart=chart
                    caption="Views of each dated post; the text alternative lists every value."
                />
                <p class="chart-alt">{move || chart.with(|c| c.alt.clone())}</p>
            </Show>
            <p class="form-note" role="status">
                {move || note.get()}
                {move || {
                    deleted
                        .get()
                        .map(|_| {
                            view! {
                                " "
                                <button
                                    type="button"
                                    id="dossier-posts-undo"
                                    class="secondary small"
                                    on:click=undo
                                >
                                    "Undo delete"
                                </button>
                            }
                        })
                }}
            </p>
            <form class="dossier-form" on:submit=submit novalidate>
                <fieldset>
                    <legend>{form_title}</legend>
                    <div class="fields">
                        <TextField
                            id="dossier-post-date"
                            label="Date"
                            value=form.date
                            kind="date"
                            error=form.error("date")
                        />
                        {COUNTS
                            .into_iter()
                            .zip(form.counts)
                            .map(|(f, value)| {
                                view! {
                                    <TextField
                                        id=field_id(f)
                                        label=title_case(f.name())
                                        value=value
                                        inputmode="decimal"
                                        no_spellcheck=true
                                        error=form.error(f.name())
                                    />
                                }
                            })
                            .collect_view()}
                        <TextField
                            id="dossier-post-link"
                            label="Link"
                            value=form.link
                            kind="url"
                            no_spellcheck=true
                            error=form.error("link")
                        />
                    </div>
                    <TextField
                        id="dossier-post-caption"
                        label="Caption"
                        value=form.caption
                        rows=2
                    />
                    <CheckBox
                        id="dossier-post-sponsored"
                        label="Sponsored (paid or gifted)"
                        checked=form.sponsored
                        on_toggle=move |on| form.sponsored.set(on)
                    />
                    <div class="button-row">
                        <button type="submit">
                            {move || {
                                if form.editing.with(Option::is_some) {
                                    "Save post"
                                } else {
                                    "Add post"
                                }
                            }}
                        </button>
                        <Show when=move || form.editing.with(Option::is_some)>
                            <button
                                type="button"
                                class="secondary"
                                on:click=move |_| {
                                    let at = form
                                        .editing
                                        .with_untracked(|e| e.as_ref().map(|(i, _)| *i));
                                    form.fill(&Post::default(), None);
                                    if let Some(i) = at {
                                        focus_after_redraw(format!("dossier-post-{}-edit", i + 1));
                                    }
                                }
                            >
                                "Cancel"
                            </button>
                        </Show>
                    </div>
                </fieldset>
            </form>
            <PasteRows dossier=dossier />
        </Part>
    }
}

/// The form field ids of the six counts: "dossier-post-views"…; `TextField` takes a static id.
fn field_id(f: Field) -> &'static str {
    match f {
        Field::Views => "dossier-post-views",
        Field::Likes => "dossier-post-likes",
        Field::Comments => "dossier-post-comments",
        Field::Shares => "dossier-post-shares",
        Field::Dislikes => "dossier-post-dislikes",
        Field::Saves => "dossier-post-saves",
        Field::Impressions => "dossier-post-impressions",
        Field::Reach => "dossier-post-reach",
    }
}

fn post_row(
    i: usize,
    p: &Post,
    form: PostForm,
    remove: impl Fn(usize) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let number = i + 1;
    let post = p.clone();
    let link = p.link.as_deref().and_then(web_link).map(|href| {
        view! {
            <a href=href target="_blank" rel="noopener noreferrer">
                "open"
                <span class="visually-hidden">{format!(" post {number} (new tab)")}</span>
            </a>
        }
    });
    view! {
        <tr>
            <td class="num">{number}</td>
            <td class="dossier-date">
                {p.date.map(|d| d.to_string()).unwrap_or_else(|| "undated".into())}
            </td>
            {COUNTS
                .into_iter()
                .map(|f| view! { <td class="num">{number_text(f.get(&p.metrics))}</td> })
                .collect_view()}
            <td>{if p.sponsored { "yes" } else { "no" }}</td>
            <td class="dossier-caption">{p.caption.clone()}</td>
            <td>{link}</td>
            <td class="dossier-actions">
                <button
                    type="button"
                    class="secondary small"
                    id=format!("dossier-post-{number}-edit")
                    aria-label=format!("Edit post {number}")
                    on:click=move |_| {
                        form.fill(&post, Some(i));
                        focus_after_redraw("dossier-post-date");
                    }
                >
                    "Edit"
                </button>
                <button
                    type="button"
                    class="secondary small"
                    aria-label=format!("Delete post {number}")
                    on:click=move |_| remove(i)
                >
                    "Delete"
                </button>
            </td>
        </tr>
    }
}

/// Several posts pasted at once. Added only when every line reads: a fixed paste is then never
/// added twice, and the text stays as typed until it is.
#[component]
fn PasteRows(dossier: Dossier) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<String>::new());
    let note = RwSignal::new(None::<String>);
    let add = move |_| {
        let pasted = parse_post_rows(&text.get_untracked(), dossier.today);
        if !pasted.errors.is_empty() {
            note.set(Some(
                "Nothing was added: fix these lines and try again.".into(),
            ));
            errors.set(pasted.errors);
            return;
        }
        errors.set(Vec::new());
        if pasted.posts.is_empty() {
            note.set(Some("There are no rows to add.".into()));
            return;
        }
        let n = pasted.posts.len();
        let result = dossier.save(|c| {
            c.posts.extend(pasted.posts);
            sort_posts(c);
            Ok(())
        });
        match result {
            Ok(()) => {
                text.set(String::new());
                note.set(Some(format!("Added {}.", plural(n, "post", "posts"))));
            }
            Err(e) => note.set(Some(e)),
        }
    };
    view! {
        <div class="dossier-form dossier-paste">
            <TextField
                id="dossier-paste-posts"
                label="Paste posts (one per line)"
                value=text
                rows=4
                help="Copied from a sheet (tabs) or comma-separated, in this order: date, views, likes, comments, shares, saves, dislikes, sponsored (yes/no), caption, link. A first line with column names may pick another order."
            />
            <button type="button" on:click=add>
                "Add pasted posts"
            </button>
            <StatusLine class="form-note" text=note />
            <ul class="error-list" role="alert">
                {move || errors.get().into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}
            </ul>
        </div>
    }
}
