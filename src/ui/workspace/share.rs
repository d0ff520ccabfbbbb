//! Share by link: "Copy link" packs one creator's dossier summary or a campaign brief into the
//! address's fragment (`#share=…`, never sent to a server); opening such an address shows it read
//! only, with "Add to my workspace" and "Close". The fragment is removed from the address once
//! read, so a reload does not open it again. Nothing is added without the click.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::js_sys::{Function, Reflect};

use crate::domain::campaign::document::campaign_brief;
use crate::domain::creator::record::Creator;
use crate::domain::engine::engagement::Formula;
use crate::domain::io::share::{
    add_shared, from_link_text, open_share, share_json, to_link_text, ShareError, Shared,
    FRAGMENT_KEY, MAX_SHARE_JSON,
};
use crate::domain::io::workspace::Workspace;
use crate::domain::risk::thresholds::Thresholds;
use crate::domain::text::format::{compact, group_thousands, plural};
use crate::ui::campaign::document::DocumentView;
use crate::ui::state::ids::next_id;
use crate::ui::state::workspace::Stores;
use crate::ui::widgets::dialog::Modal;
use crate::ui::workspace::streams::{compress, copy_text, decompress, StreamError};

/// This page's address without its fragment.
fn page_address() -> Option<(String, String)> {
    let location = web_sys::window()?.location();
    let origin = location.origin().ok()?;
    let path = location.pathname().ok()?;
    let search = location.search().unwrap_or_default();
    Some((origin, format!("{path}{search}")))
}

/// The link for `item`: `<this page>#share=<deflated JSON as URL-safe text>`.
pub async fn make_link(item: &Shared) -> Result<String, String> {
    let json = share_json(item).map_err(|e| e.to_string())?;
    let packed = compress(json.as_bytes())
        .await
        .map_err(|e| format!("the browser could not pack the link ({e:?})"))?;
    let text = to_link_text(&packed).map_err(|e| e.to_string())?;
    let (origin, path) = page_address().ok_or("the page has no address")?;
    Ok(format!("{origin}{path}#{FRAGMENT_KEY}{text}"))
}

/// Opens a link's text (the part after `#share=`): unpacked with a size limit, then read with the
/// same checks as an import.
pub async fn open_link(text: &str) -> Result<Shared, ShareError> {
    let bytes = from_link_text(text)?;
    let json = decompress(&bytes, MAX_SHARE_JSON)
        .await
        .map_err(|e| match e {
            StreamError::TooLarge => ShareError::TooLarge,
            StreamError::Failed(why) => {
                ShareError::NotJson(format!("its packed data is damaged: {why}"))
            }
        })?;
    let json = String::from_utf8(json).map_err(|_| ShareError::NotJson("it is not text".into()))?;
    open_share(&json)
}

/// "Copy link" for what `item` gives when clicked; `name` says what the link is for ("Ann",
/// "the brief") in the button's accessible name. When the clipboard can't be used, the link is
/// shown in a read-only field to copy by hand.
#[component]
pub fn CopyLinkButton(
    #[prop(into)] item: Signal<Option<Shared>>,
    #[prop(into)] name: Signal<String>,
    /// Distinguishes the fallback field's id when several buttons are on a page.
    id: &'static str,
) -> impl IntoView {
    let status = RwSignal::new(None::<String>);
    let fallback = RwSignal::new(None::<String>);
    let click = move |_| {
        let Some(shared) = item.get_untracked() else {
            return;
        };
        status.set(Some("Making the link…".into()));
        fallback.set(None);
        spawn_local(async move {
            let link = match make_link(&shared).await {
                Ok(l) => l,
                Err(e) => return status.set(Some(format!("No link: {e}"))),
            };
            let chars = group_thousands(link.chars().count() as u64);
            match copy_text(&link).await {
                Ok(()) => status.set(Some(format!(
                    "Link copied ({chars} characters). Whoever opens it sees a read-only copy; the data is in the link itself, not on a server."
                ))),
                Err(why) => {
                    status.set(Some(format!(
                        "The link could not be copied ({why}); copy it from the field below."
                    )));
                    fallback.set(Some(link));
                }
            }
        });
    };
    let field_id = format!("share-link-{id}");
    view! {
        <span class="copy-link">
            <button
                type="button"
                class="secondary"
                aria-label=move || format!("Copy a link to {}", name.get())
                on:click=click
            >
                "Copy link"
            </button>
            <span class="status" role="status">
                {move || status.get()}
            </span>
            {move || {
                let field_id = field_id.clone();
                fallback
                    .get()
                    .map(|link| {
                        view! {
                            <span class="field share-fallback">
                                <label for=field_id.clone()>"Link to share"</label>
                                <input
                                    id=field_id
                                    type="text"
                                    readonly
                                    prop:value=link
                                    on:focus=|ev| {
                                        let input: web_sys::HtmlInputElement = event_target(&ev);
                                        input.select();
                                    }
                                />
                            </span>
                        }
                    })
            }}
        </span>
    }
}

/// The fragment's link text, when the address holds a shared item.
pub fn shared_fragment() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    hash.strip_prefix('#')?
        .strip_prefix(FRAGMENT_KEY)
        .map(str::to_string)
}

/// Takes the fragment out of the address bar (and out of the history entry), so a reload or a
/// bookmark does not open the shared item again.
fn forget_fragment() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some((_, path)) = page_address() else {
        return;
    };
    let Ok(history) = Reflect::get(&window, &"history".into()) else {
        return;
    };
    let replace = Reflect::get(&history, &"replaceState".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok());
    if let Some(replace) = replace {
        let _ = replace.call3(&history, &JsValue::NULL, &"".into(), &path.into());
    }
}

/// The facts a creator's summary shows, label and value; empty values are left out.
pub fn creator_facts(c: &Creator) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    let mut put = |label: &'static str, value: Option<String>| {
        if let Some(v) = value.filter(|v| !v.trim().is_empty()) {
            out.push((label, v));
        }
    };
    put("Platform", c.platform.map(|p| p.name().to_string()));
    put("Followers", c.followers.map(group_thousands));
    put("Status", Some(c.status.label().to_string()));
    let m = &c.metrics;
    let averages: Vec<String> = [
        ("views", m.views),
        ("likes", m.likes),
        ("comments", m.comments),
        ("shares", m.shares),
    ]
    .iter()
    .filter_map(|(what, v)| v.map(|v| format!("{} {what}", compact(v))))
    .collect();
    put(
        "Average per post",
        (!averages.is_empty()).then(|| averages.join(", ")),
    );
    put("Posts per week", c.posts_per_week.map(|p| format!("{p}")));
    put(
        "Past sponsored posts",
        c.sponsored_posts.map(|n| n.to_string()),
    );
    put("Audience interests", Some(c.tags.join(", ")));
    put("Location", Some(c.location.clone()));
    put("Language", Some(c.language.clone()));
    let dossier: Vec<String> = [
        (c.posts.len(), "post", "posts"),
        (
            c.follower_history.len(),
            "follower count",
            "follower counts",
        ),
        (c.comment_samples.len(), "comment sample", "comment samples"),
        (c.caption_checks.len(), "caption check", "caption checks"),
    ]
    .iter()
    .filter(|(n, _, _)| *n > 0)
    .map(|(n, one, many)| plural(*n, one, many))
    .collect();
    put("Dossier", (!dossier.is_empty()).then(|| dossier.join(", ")));
    out
}

fn creator_view(c: &Creator) -> impl IntoView {
    let link = c.profile_url.clone().map(|url| {
        // Checked on the way in: http(s) only.
        let text = url.clone();
        view! {
            <p>
                <a href=url rel="noopener noreferrer" target="_blank">
                    {text}
                </a>
            </p>
        }
    });
    view! {
        <h3>{c.name.clone()}</h3>
        {link}
        <dl class="shared-facts">
            {creator_facts(c)
                .into_iter()
                .map(|(label, value)| {
                    view! {
                        <dt>{label}</dt>
                        <dd>{value}</dd>
                    }
                })
                .collect_view()}
        </dl>
    }
}

fn shared_view(shared: &Shared) -> AnyView {
    match shared {
        Shared::Creator { creator } => view! {
            <p class="help">
                "A creator's summary: notes, email, price, your own columns and the text of comment samples are not in the link. Added to a workspace that already has this creator, those stay as they are there."
            </p>
            {creator_view(creator)}
        }
        .into_any(),
        Shared::Brief { campaign, creators } => {
            let doc = campaign_brief(
                campaign,
                creators,
                Formula::default(),
                Thresholds::default().min_sponsored_posts,
            );
            view! {
                <div class="campaign-brief-doc">
                    <DocumentView doc=Signal::stored(Some(doc)) />
                </div>
            }
            .into_any()
        }
    }
}

fn title_of(shared: &Shared) -> String {
    match shared {
        Shared::Creator { creator } => format!("Shared with you: {}", creator.name),
        Shared::Brief { campaign, .. } => {
            format!("Shared with you: the brief for {}", campaign.name)
        }
    }
}

/// Opens the shared item in the address (at start, and when a link is pasted into this tab) in a
/// read-only dialog.
#[component]
pub fn SharedLink() -> impl IntoView {
    let stores = Stores::here();
    let shown = RwSignal::new(None::<Result<Shared, String>>);
    let added = RwSignal::new(None::<Vec<String>>);

    let check = move || {
        let Some(text) = shared_fragment() else {
            return;
        };
        forget_fragment();
        added.set(None);
        spawn_local(async move {
            let result = open_link(&text).await.map_err(|e| e.to_string());
            shown.set(Some(result));
        });
    };
    check();
    let handle = window_event_listener(leptos::ev::hashchange, move |_| check());
    on_cleanup(move || handle.remove());

    let open = Signal::derive(move || shown.with(|s| s.is_some()));

    let add = move |_| {
        let Some(Ok(shared)) = shown.get_untracked() else {
            return;
        };
        let before: Workspace = stores.current();
        let result = add_shared(&shared, &before.creators, &before.campaigns, &mut next_id);
        let next = Workspace {
            creators: result.creators,
            campaigns: result.campaigns,
            ..before.clone()
        };
        stores.apply(&before, next);
        added.set(Some(result.messages));
    };

    let title = move || match shown.get() {
        Some(Ok(s)) => title_of(&s),
        Some(Err(_)) => "This shared link could not be opened".to_string(),
        None => String::new(),
    };
    let body = move || {
        shown.with(|s| match s {
            Some(Ok(shared)) => Some(shared_view(shared)),
            Some(Err(e)) => Some(view! { <p class="error">{e.clone()}</p> }.into_any()),
            None => None,
        })
    };
    let can_add = move || shown.with(|s| matches!(s, Some(Ok(_)))) && added.with(Option::is_none);

    view! {
        <Modal
            class="modal shared-view"
            labelled_by="shared-title"
            open=open
            on_dismiss=move || shown.set(None)
        >
            <h2 id="shared-title">{title}</h2>
            {body}
            <div class="status" role="status">
                {move || {
                    added
                        .get()
                        .map(|lines| {
                            view! {
                                <ul>
                                    {lines
                                        .into_iter()
                                        .map(|l| view! { <li>{l}</li> })
                                        .collect_view()}
                                </ul>
                            }
                        })
                }}
            </div>
            <div class="button-row">
                {move || {
                    can_add()
                        .then(|| {
                            view! {
                                <button type="button" on:click=add>
                                    "Add to my workspace"
                                </button>
                            }
                        })
                }} <button type="button" class="secondary" on:click=move |_| shown.set(None)>
                    "Close"
                </button>
            </div>
        </Modal>
    }
}
