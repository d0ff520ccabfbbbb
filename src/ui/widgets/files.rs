//! Saving text as a file the browser downloads, and reading a chosen file's text or bytes. Nothing
//! leaves the device: the file is made from a Blob in the page.

use std::time::Duration;

use leptos::prelude::{event_target, set_timeout, RwSignal, Set};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::domain::text::format::date_stamp;
use crate::ui::app::clock::now_ms;

/// Offers `text` as a download named `filename` (Blob, object URL, temporary `<a download>`).
pub fn download_text(filename: &str, mime: &str, text: &str) -> Result<(), String> {
    let fail = |e: JsValue| {
        e.as_string()
            .unwrap_or_else(|| "the browser refused to create the file".to_string())
    };
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let parts = web_sys::js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(fail)?
        .dyn_into()
        .map_err(|_| "could not create a link".to_string())?;
    anchor.set_href(&url);
    anchor.set_download(filename);
    anchor.set_hidden(true);
    let body = document.body().ok_or("no page body")?;
    body.append_child(&anchor).map_err(fail)?;
    anchor.click();
    anchor.remove();
    // The download has started by now, but give slow browsers time before freeing the data.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        Duration::from_secs(60),
    );
    Ok(())
}

/// The first file chosen in an `<input type=file>`, if any.
pub fn chosen_file(input: &web_sys::HtmlInputElement) -> Option<web_sys::File> {
    input.files().and_then(|files| files.get(0))
}

/// Reads a file's bytes into wasm memory in one copy, for decoders that must see them before any
/// text is made of them (the CSV import reads Windows-1252 and UTF-16 too: `io::encoding`).
pub async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| "the file could not be read; choose it again.".to_string())?;
    Ok(web_sys::js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Reads the file chosen in the `<input type=file>` that fired `ev`, for an import: one larger
/// than `max_bytes` is not read (`too_large` gets its size); otherwise `reading` holds its name
/// while its bytes are read, then `read` gets the name and the bytes, or `error` says why they
/// could not be read, naming the file.
pub fn read_chosen_file(
    ev: &leptos::ev::Event,
    max_bytes: usize,
    reading: RwSignal<Option<String>>,
    error: RwSignal<Option<String>>,
    too_large: impl FnOnce(usize),
    read: impl FnOnce(&str, Vec<u8>) + 'static,
) {
    let input: web_sys::HtmlInputElement = event_target(ev);
    let Some(file) = chosen_file(&input) else {
        return;
    };
    if file.size() > max_bytes as f64 {
        too_large(file.size() as usize);
        return;
    }
    let name = file.name();
    reading.set(Some(name.clone()));
    leptos::task::spawn_local(async move {
        let bytes = read_bytes(&file).await;
        reading.set(None);
        match bytes {
            Ok(bytes) => read(&name, bytes),
            Err(e) => error.set(Some(format!("“{name}”: {e}"))),
        }
    });
}

/// Reads a file as UTF-8 text, as `File.text()` does (a leading BOM dropped, each invalid sequence
/// replaced by U+FFFD), but with one copy: the bytes go straight into wasm memory and are checked
/// there, instead of being decoded into a JS string that must be encoded again on the way in (a
/// 12 MB CSV).
pub async fn read_text(file: &web_sys::File) -> Result<String, String> {
    let bytes = read_bytes(file).await?;
    let mut text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    };
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(text)
}

/// What a download made of it, as a status line: its message, why the file could not be made, or
/// nothing before any download.
pub fn download_outcome(outcome: Option<Result<String, String>>) -> String {
    match outcome {
        Some(Ok(m)) => m,
        Some(Err(e)) => format!("The file could not be made: {e}"),
        None => String::new(),
    }
}

/// The file name of stored data this version could not read: `what` names the list
/// ("shortlist", "campaigns"), so each list's download says what it holds.
fn stored_file_name(what: &str, ms: f64) -> String {
    format!("microscope-stored-{what}-{}.json", date_stamp(ms))
}

/// Downloads a list's stored text exactly as it is (data this version could not read).
pub fn download_stored(what: &str, raw: &str) -> Result<String, String> {
    let name = stored_file_name(what, now_ms());
    download_text(&name, "application/json", raw)?;
    Ok(format!("Downloaded the stored data to {name}."))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Regression: unreadable campaigns were downloaded as "microscope-stored-shortlist-…".
    #[test]
    fn stored_data_is_named_after_its_list() {
        let ms = 1_778_716_800_000.0;
        assert_eq!(
            stored_file_name("shortlist", ms),
            "microscope-stored-shortlist-2026-05-14.json"
        );
        assert_eq!(
            stored_file_name("campaigns", ms),
            "microscope-stored-campaigns-2026-05-14.json"
        );
    }
}
