//! Identity and headline numbers: platform, profile link, tier, followers (with the day they were
//! counted), engagement, price, tags, notes, and the averages per post, derived from the posts
//! when there are posts with numbers ("averages of 12 posts") and typed in otherwise. The follower count is updated here
//! too: each update leaves a dated entry in the follower history (`Creator::note_followers`).

use leptos::prelude::*;

use crate::domain::campaign::record::currency_symbol;
use crate::domain::creator::dossier::SnapshotSource;
use crate::domain::creator::record::Creator;
use crate::domain::engine::engagement::{self, Field, Formula};
use crate::domain::text::date::Date;
use crate::domain::text::format::{money, percent, plural};
use crate::domain::text::number::{parse_count, parse_optional_amount};
use crate::ui::dossier::contact::web_link;
use crate::ui::dossier::store::{averaged_posts, fact, number_text, Dossier, EditForm, Part};
use crate::ui::widgets::number_field::{average_label, AverageFields, NumberField, AVERAGE_COUNT};
use crate::ui::widgets::table::scroll_region;

#[component]
pub(super) fn HeadlinePart(dossier: Dossier) -> impl IntoView {
    let facts = move || {
        dossier.with(|c| {
            let counted = c
                .follower_history
                .iter()
                .rev()
                .find(|s| Some(s.count) == c.followers)
                .map(|s| format!(" (counted {})", s.date))
                .unwrap_or_default();
            let rate = |f: Formula| {
                let r = engagement::compute(f, std::slice::from_ref(&c.metrics), c.followers).rate;
                format!(
                    "{} ({})",
                    percent(r.filter(|r| r.is_finite()), 2),
                    f.expression()
                )
            };
            let day = |ms: f64| Date::from_ms(ms).map(|d| d.to_string()).unwrap_or_default();
            // Shown here too, not only in the shortlist's Edit dialog: the dossier is where a
            // creator is read whole (and printed). Only a web link becomes a link.
            let profile = match c.profile_url.as_deref().and_then(web_link) {
                Some(href) => view! {
                    <a href=href.clone() target="_blank" rel="noopener noreferrer">
                        {href.clone()}
                    </a>
                }
                .into_any(),
                None => "none".into_any(),
            };
            let notes = if c.notes.trim().is_empty() {
                "none".to_string()
            } else {
                c.notes.clone()
            };
            view! {
                <dl class="dossier-facts">
                    {fact(
                        "Platform",
                        c.platform.map(|p| p.name().to_string()).unwrap_or_else(|| "n/a".into()),
                    )} {fact("Profile", profile)}
                    {fact(
                        "Tier",
                        c.tier().map(|t| t.name().to_string()).unwrap_or_else(|| "n/a".into()),
                    )}
                    {fact(
                        "Followers",
                        format!("{}{counted}", number_text(c.followers.map(|f| f as f64))),
                    )} {fact("Status", c.status.label().to_string())}
                    {fact("Engagement rate", rate(Formula::SourceViews))}
                    {fact("Engagement by followers", rate(Formula::Followers))}
                    {fact(
                        "Price per post",
                        money(c.price, &currency_symbol(c.currency.as_deref().unwrap_or(""))),
                    )} {fact("Posts per week", number_text(c.posts_per_week))}
                    {fact("Past sponsored posts", number_text(c.sponsored_posts.map(f64::from)))}
                    {fact(
                        "Tags",
                        if c.tags.is_empty() { "none".into() } else { c.tags.join(", ") },
                    )} {fact("Notes", view! { <span class="dossier-notes">{notes}</span> })}
                    {fact("Added", day(c.created_at))} {fact("Last change", day(c.updated_at))}
                </dl>
            }
        })
    };
    view! {
        <Part id="dossier-headline-title" title="Headline numbers">
            {facts}
            <Averages dossier=dossier />
            <FollowerUpdate dossier=dossier />
        </Part>
    }
}

/// The averages per post: from the posts when some have numbers, else the typed ones, editable.
#[component]
fn Averages(dossier: Dossier) -> impl IntoView {
    // How many posts the averages come from; `None`: they were typed in.
    let from_posts = Memo::new(move |_| dossier.with(averaged_posts).flatten());
    let table = move || {
        dossier.with(|c| {
            let source = match from_posts.get() {
                Some(n) => format!("Averages of {}", plural(n, "post", "posts")),
                None => "Averages per post, as typed in (no posts with numbers yet)".to_string(),
            };
            // Eight columns are wider than a phone: only their own box scrolls.
            let table = view! {
                <table class="dossier-averages">
                    <caption>{source}</caption>
                    <thead>
                        <tr>
                            {Field::ALL
                                .into_iter()
                                .map(|f| {
                                    view! {
                                        <th scope="col" class="num">
                                            {average_label(f)}
                                        </th>
                                    }
                                })
                                .collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        <tr>
                            {Field::ALL
                                .into_iter()
                                .map(|f| {
                                    view! { <td class="num">{number_text(f.get(&c.metrics))}</td> }
                                })
                                .collect_view()}
                        </tr>
                    </tbody>
                </table>
            };
            scroll_region("Averages per post", table)
        })
    };
    let values: [RwSignal<String>; AVERAGE_COUNT] =
        std::array::from_fn(|_| RwSignal::new(String::new()));
    let fill = move || {
        if let Some(m) = dossier
            .creator
            .with_untracked(|c| c.as_ref().map(|c| c.metrics))
        {
            for (f, text) in Field::ALL.into_iter().zip(values) {
                text.set(f.get(&m).map(|v| number_text(Some(v))).unwrap_or_default());
            }
        }
    };
    fill();
    let message = RwSignal::new(None::<String>);
    let save = move |()| {
        let mut parsed = Vec::with_capacity(6);
        let mut bad = Vec::new();
        for (f, text) in Field::ALL.into_iter().zip(values) {
            match parse_optional_amount(&text.get_untracked()) {
                Ok(v) => parsed.push(v),
                Err(e) => bad.push(format!("{}: {e}", average_label(f))),
            }
        }
        if !bad.is_empty() {
            message.set(Some(bad.join(" ")));
            return;
        }
        let edit = |c: &mut Creator| {
            for (f, v) in Field::ALL.into_iter().zip(parsed) {
                f.set(&mut c.metrics, v);
            }
            Ok(())
        };
        dossier.save_and_say(edit, "Averages saved.", message, message);
    };
    view! {
        {table}
        <Show when=move || from_posts.get().is_none()>
            <EditForm
                on_submit=save
                submit="Save averages"
                legend="Averages per post (when you have no posts to enter)"
                note=message
            >
                <div class="fields">
                    <AverageFields prefix="dossier" values=values />
                </div>
            </EditForm>
        </Show>
    }
}

/// Today's follower count: saved as the creator's count and dated in the history (source Edit).
#[component]
fn FollowerUpdate(dossier: Dossier) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let note = RwSignal::new(None::<String>);
    let save = move |()| {
        let count = match parse_count(&text.get_untracked()) {
            Ok(n) => n,
            Err(e) => {
                error.set(Some(format!("Followers today: {e}")));
                return;
            }
        };
        let today = dossier.today;
        let done = format!("Followers updated, dated {today}.");
        if dossier.save_followers(count, today, SnapshotSource::Edit, &done, note, error) {
            text.set(String::new());
        }
    };
    view! {
        <EditForm
            on_submit=save
            submit="Update followers"
            legend="Update the follower count"
            note=note
        >
            <div class="fields">
                <NumberField
                    id="dossier-followers-today"
                    label="Followers today"
                    help="The count you see on the profile now; it is added to the follower history with today's date."
                        .to_string()
                    value=text
                    error=Signal::derive(move || error.get())
                />
            </div>
        </EditForm>
    }
}
