//! The browser's own deflate (`CompressionStream` / `DecompressionStream`, "deflate-raw"), so no
//! compressor ships in the wasm, and the clipboard. Unpacking counts bytes as they come and stops
//! past a limit: a small link can't inflate to gigabytes.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::js_sys::{self, Array, Reflect, Uint8Array};

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = CompressionStream)]
    type Compressor;

    #[wasm_bindgen(constructor, catch, js_class = "CompressionStream")]
    fn new(format: &str) -> Result<Compressor, JsValue>;

    #[wasm_bindgen(js_name = DecompressionStream)]
    type Decompressor;

    #[wasm_bindgen(constructor, catch, js_class = "DecompressionStream")]
    fn new(format: &str) -> Result<Decompressor, JsValue>;

    /// A `ReadableStream` of byte chunks.
    type Stream;

    /// A Blob, with `stream()` (behind web-sys's unstable flag).
    #[wasm_bindgen(extends = web_sys::Blob)]
    type StreamBlob;

    #[wasm_bindgen(method)]
    fn stream(this: &StreamBlob) -> Stream;

    #[wasm_bindgen(method, catch, js_name = pipeThrough)]
    fn pipe_through(this: &Stream, transform: &JsValue) -> Result<Stream, JsValue>;

    #[wasm_bindgen(method, catch, js_name = getReader)]
    fn get_reader(this: &Stream) -> Result<Reader, JsValue>;

    type Reader;

    #[wasm_bindgen(method)]
    fn read(this: &Reader) -> js_sys::Promise;

    #[wasm_bindgen(method)]
    fn cancel(this: &Reader) -> js_sys::Promise;

    type ClipboardNavigator;

    #[wasm_bindgen(method, getter)]
    fn clipboard(this: &ClipboardNavigator) -> JsValue;

    type Clipboard;

    #[wasm_bindgen(method, catch, js_name = writeText)]
    fn write_text(this: &Clipboard, text: &str) -> Result<js_sys::Promise, JsValue>;
}

/// Why bytes could not be packed or unpacked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StreamError {
    /// More than the limit came out.
    TooLarge,
    /// The data is damaged (not deflate), or the browser lacks the streams.
    Failed(String),
}

fn text_of(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "the browser could not do it".into())
}

fn failed(e: JsValue) -> StreamError {
    StreamError::Failed(text_of(&e))
}

/// Runs `bytes` through `transform` and collects what comes out, stopping past `limit` bytes.
async fn pump(bytes: &[u8], transform: &JsValue, limit: usize) -> Result<Vec<u8>, StreamError> {
    let parts = Array::of1(&Uint8Array::from(bytes));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts).map_err(failed)?;
    let reader = blob
        .unchecked_ref::<StreamBlob>()
        .stream()
        .pipe_through(transform)
        .map_err(failed)?
        .get_reader()
        .map_err(failed)?;
    let mut out = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(failed)?;
        let done = Reflect::get(&chunk, &"done".into())
            .ok()
            .and_then(|d| d.as_bool())
            .unwrap_or(true);
        if done {
            return Ok(out);
        }
        let value = Reflect::get(&chunk, &"value".into()).map_err(failed)?;
        let Some(array) = value.dyn_ref::<Uint8Array>() else {
            return Err(StreamError::Failed("the browser gave no bytes".into()));
        };
        if out.len() + array.length() as usize > limit {
            // Stop the decompressor: nothing more is read.
            let _ = reader.cancel();
            return Err(StreamError::TooLarge);
        }
        out.extend(array.to_vec());
    }
}

/// Deflate-raw of `bytes`.
pub async fn compress(bytes: &[u8]) -> Result<Vec<u8>, StreamError> {
    let c = Compressor::new("deflate-raw").map_err(failed)?;
    pump(bytes, &c, usize::MAX).await
}

/// The bytes deflate-raw `bytes` unpack to, refused past `limit` bytes.
pub async fn decompress(bytes: &[u8], limit: usize) -> Result<Vec<u8>, StreamError> {
    let d = Decompressor::new("deflate-raw").map_err(failed)?;
    pump(bytes, &d, limit).await
}

/// Copies `text` to the clipboard; `Err` says why not (no permission, an insecure page).
pub async fn copy_text(text: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let clipboard = window
        .navigator()
        .unchecked_into::<ClipboardNavigator>()
        .clipboard();
    if clipboard.is_undefined() || clipboard.is_null() {
        return Err("this browser gives the page no clipboard".into());
    }
    let promise = clipboard
        .unchecked_into::<Clipboard>()
        .write_text(text)
        .map_err(|e| text_of(&e))?;
    JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|e| text_of(&e))
}
