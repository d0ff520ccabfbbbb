//! Contact: email, other profile links (http and https only, shown as links), location and
//! language, each editable; a bad email or link names its field and keeps what was typed.

use leptos::prelude::*;

use crate::domain::creator::dossier::check_email;
use crate::domain::creator::edit::CONTACT;
use crate::domain::creator::record::{validate_profile_url, Creator};
use crate::ui::dossier::store::{fact, Dossier, EditForm, Part};
use crate::ui::widgets::fields::TextField;

/// The href for a stored link: only http and https (stored data may have been edited by hand).
pub(super) fn web_link(url: &str) -> Option<String> {
    validate_profile_url(url).ok().flatten()
}

/// The form's texts for a creator: email, other links, location, language.
fn texts(c: &Creator) -> [String; 4] {
    [
        c.email.clone().unwrap_or_default(),
        c.links.join("\n"),
        c.location.clone(),
        c.language.clone(),
    ]
}

#[component]
pub(super) fn ContactPart(dossier: Dossier) -> impl IntoView {
    let email = RwSignal::new(String::new());
    let links = RwSignal::new(String::new());
    let location = RwSignal::new(String::new());
    let language = RwSignal::new(String::new());
    let fields = [email, links, location, language];
    // The creator the form was filled with: a save writes only what differs from it (another
    // tab's change to a field not touched here stays).
    let opened = StoredValue::new(None::<Creator>);
    let fill = move || {
        let c = dossier.creator.get_untracked();
        if let Some(c) = &c {
            for (field, text) in fields.iter().zip(texts(c)) {
                field.set(text);
            }
        }
        opened.set_value(c);
    };
    fill();
    // Another tab's save (or another part's) shows in the fields not touched here; a field the
    // user is typing in keeps what was typed.
    Effect::new(move |_| {
        let Some(now) = dossier.creator.get() else {
            return;
        };
        if let Some(was) = opened.get_value() {
            let (was, now) = (texts(&was), texts(&now));
            for ((field, was), now) in fields.iter().zip(was).zip(now) {
                if field.with_untracked(|t| *t == was) {
                    field.set(now);
                }
            }
        }
        opened.set_value(Some(now));
    });
    let email_error = RwSignal::new(None::<String>);
    let links_error = RwSignal::new(None::<String>);
    let note = RwSignal::new(None::<String>);
    let save = move |()| {
        let checked_email = check_email(&email.get_untracked()).map_err(|e| e.to_string());
        let mut checked_links = Vec::new();
        let mut link_problem = None;
        for (i, line) in links.get_untracked().lines().enumerate() {
            match validate_profile_url(line) {
                Ok(Some(l)) => checked_links.push(l),
                Ok(None) => {}
                Err(e) => {
                    link_problem = Some(format!("Other links, line {}: {e}", i + 1));
                    break;
                }
            }
        }
        email_error.set(checked_email.as_ref().err().cloned());
        links_error.set(link_problem.clone());
        let (Ok(new_email), None) = (checked_email, link_problem) else {
            return;
        };
        let edit = |c: &mut Creator| {
            c.email = new_email;
            c.links = checked_links;
            c.location = location.get_untracked().trim().to_string();
            c.language = language.get_untracked().trim().to_string();
            Ok(())
        };
        let opened = opened.get_value();
        if dossier.save_form_and_say(opened.as_ref(), CONTACT, edit, "Contact saved.", note, note) {
            fill();
        }
    };
    let shown = move || {
        dossier.with(|c| {
            let email = c.email.clone().unwrap_or_else(|| "not entered".into());
            let place = |s: &str| {
                if s.is_empty() {
                    "not entered".to_string()
                } else {
                    s.to_string()
                }
            };
            let links = c
                .links
                .iter()
                .map(|l| {
                    let text = l.clone();
                    match web_link(l) {
                        Some(href) => view! {
                            <li>
                                <a href=href target="_blank" rel="noopener noreferrer">
                                    {text}
                                </a>
                            </li>
                        }
                        .into_any(),
                        None => view! { <li>{text}</li> }.into_any(),
                    }
                })
                .collect_view();
            view! {
                <dl class="dossier-facts">
                    {fact("Email", email)} {fact("Location", place(&c.location))}
                    {fact("Language", place(&c.language))}
                </dl>
                <ul class="dossier-links" aria-label="Other links">
                    {links}
                </ul>
            }
        })
    };
    view! {
        <Part id="dossier-contact-title" title="Contact">
            {shown}
            <EditForm on_submit=save submit="Save contact" legend="Edit the contact" note=note>
                <div class="fields">
                    <TextField
                        id="dossier-email"
                        label="Email"
                        value=email
                        kind="email"
                        no_spellcheck=true
                        error=Signal::derive(move || email_error.get())
                    />
                    <TextField id="dossier-location" label="Location" value=location />
                    <TextField id="dossier-language" label="Language" value=language />
                </div>
                <TextField
                    id="dossier-links"
                    label="Other links (one per line)"
                    value=links
                    rows=3
                    help="Other profiles and pages; only http:// and https:// links are kept."
                    error=Signal::derive(move || links_error.get())
                />
            </EditForm>
        </Part>
    }
}
