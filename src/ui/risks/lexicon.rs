//! Loads the VADER word list from the same origin on first use and keeps it in memory for the session.
//!
//! The list is a static file next to the app (`lexicon/vader_lexicon.txt`, a relative URL so a
//! sub-path deploy works) rather than part of the wasm, so visitors who never paste comments never
//! download it. The service worker caches it after the first fetch, for offline use.

use std::cell::RefCell;
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::domain::risk::sentiment::{Lexicon, LEXICON_PATH};

/// Where the word list stands.
#[derive(Debug, Clone, PartialEq)]
pub enum LexiconStatus {
    /// Not asked for yet (nothing pasted).
    Idle,
    Loading,
    Ready(Arc<Lexicon>),
    /// Could not be loaded: the message says why and what to do.
    Failed(String),
}

thread_local! {
    /// Parsed once per page: later analyses and remounted panels reuse it.
    static CACHE: RefCell<Option<Arc<Lexicon>>> = const { RefCell::new(None) };
}

/// The word list if this page already loaded it.
pub fn cached() -> Option<Arc<Lexicon>> {
    CACHE.with(|c| c.borrow().clone())
}

/// The status to start a panel with.
pub fn initial_status() -> LexiconStatus {
    cached().map_or(LexiconStatus::Idle, LexiconStatus::Ready)
}

/// Starts loading unless loaded or already loading; the result lands in `status`.
pub fn ensure_loaded(status: RwSignal<LexiconStatus>) {
    if let Some(lexicon) = cached() {
        status.set(LexiconStatus::Ready(lexicon));
        return;
    }
    if status.get_untracked() == LexiconStatus::Loading {
        return;
    }
    status.set(LexiconStatus::Loading);
    leptos::task::spawn_local(async move {
        let next = match fetch_lexicon().await {
            Ok(lexicon) => {
                let lexicon = Arc::new(lexicon);
                CACHE.with(|c| *c.borrow_mut() = Some(lexicon.clone()));
                LexiconStatus::Ready(lexicon)
            }
            Err(message) => LexiconStatus::Failed(message),
        };
        // The panel may have been closed meanwhile; the cache still keeps a loaded list.
        let _ = status.try_set(next);
    });
}

fn offline() -> bool {
    web_sys::window().is_some_and(|w| !w.navigator().on_line())
}

fn js_text(e: &wasm_bindgen::JsValue) -> String {
    e.as_string()
        .or_else(|| {
            e.dyn_ref::<web_sys::js_sys::Error>()
                .map(|err| String::from(err.message()))
        })
        .unwrap_or_else(|| "unknown error".to_string())
}

async fn fetch_lexicon() -> Result<Lexicon, String> {
    let window = web_sys::window().ok_or("The sentiment word list needs a browser window.")?;
    let response = match JsFuture::from(window.fetch_with_str(LEXICON_PATH)).await {
        Ok(r) => r,
        Err(_) if offline() => {
            return Err(
                "You are offline, and the sentiment word list has not been downloaded yet. Connect once and paste the comments again: after that it is kept for offline use."
                    .to_string(),
            );
        }
        Err(e) => {
            return Err(format!(
                "The sentiment word list could not be downloaded ({}). Check your connection and try again.",
                js_text(&e)
            ))
        }
    };
    let response: web_sys::Response = response.dyn_into().map_err(|_| {
        "The sentiment word list could not be downloaded (no response).".to_string()
    })?;
    if !response.ok() {
        return Err(format!(
            "The sentiment word list could not be loaded: the server answered {} for {LEXICON_PATH}. Try again later.",
            response.status()
        ));
    }
    let body = response.text().map_err(|e| {
        format!(
            "The sentiment word list could not be read ({}).",
            js_text(&e)
        )
    })?;
    let text = JsFuture::from(body)
        .await
        .map_err(|e| {
            format!(
                "The sentiment word list stopped downloading ({}). Try again.",
                js_text(&e)
            )
        })?
        .as_string()
        .unwrap_or_default();
    Lexicon::parse(&text).map_err(|e| e.to_string())
}
