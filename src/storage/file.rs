//! The door to a workspace file on disk, through the File System Access API (Chromium): pick a
//! file to save to or to open, read it with its last-modified time, write it whole.
//!
//! web-sys has these calls only behind its unstable-API flag, so they are declared here, each
//! resolved on the page's `window` when called: a test can install a stub picker and handle. In
//! browsers without the API (Firefox, Safari) [`supported`] is false and the UI offers download
//! and upload instead.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::js_sys::{self, Array, Object, Reflect};

#[wasm_bindgen]
extern "C" {
    /// The window, with the pickers.
    #[wasm_bindgen(extends = web_sys::Window)]
    type PickerWindow;

    #[wasm_bindgen(method, catch, js_name = showSaveFilePicker)]
    fn show_save_file_picker(this: &PickerWindow, options: &JsValue) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(method, catch, js_name = showOpenFilePicker)]
    fn show_open_file_picker(this: &PickerWindow, options: &JsValue) -> Result<JsValue, JsValue>;

    /// A `FileSystemFileHandle` (or a test's stand-in with the same methods).
    #[derive(Debug, Clone)]
    pub type FileHandle;

    #[wasm_bindgen(method, getter)]
    fn name(this: &FileHandle) -> JsValue;

    #[wasm_bindgen(method, catch, js_name = getFile)]
    fn get_file(this: &FileHandle) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(method, catch, js_name = createWritable)]
    fn create_writable(this: &FileHandle) -> Result<JsValue, JsValue>;

    /// A `FileSystemWritableFileStream`: the file is replaced when it is closed.
    type Writable;

    #[wasm_bindgen(method, catch)]
    fn write(this: &Writable, text: &str) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(method, catch)]
    fn close(this: &Writable) -> Result<JsValue, JsValue>;
}

/// Whether this browser can keep the workspace in a file (the save picker exists).
pub fn supported() -> bool {
    web_sys::window().is_some_and(|w| {
        Reflect::get(&w, &JsValue::from_str("showSaveFilePicker")).is_ok_and(|f| f.is_function())
    })
}

/// Why a file step failed, worded for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    /// The user closed the picker: not an error to show.
    Cancelled,
    Failed(String),
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FileError::Cancelled => write!(f, "no file was chosen"),
            FileError::Failed(why) => write!(f, "{why}"),
        }
    }
}

fn failed(e: JsValue) -> FileError {
    if let Some(ex) = e.dyn_ref::<web_sys::DomException>() {
        if ex.name() == "AbortError" {
            return FileError::Cancelled;
        }
        return FileError::Failed(format!("{}: {}", ex.name(), ex.message()));
    }
    if let Some(err) = e.dyn_ref::<js_sys::Error>() {
        return FileError::Failed(String::from(err.message()));
    }
    FileError::Failed(
        e.as_string()
            .unwrap_or_else(|| "the browser refused".to_string()),
    )
}

async fn settle(promise: Result<JsValue, JsValue>) -> Result<JsValue, FileError> {
    let value = promise.map_err(failed)?;
    match value.dyn_into::<js_sys::Promise>() {
        Ok(p) => JsFuture::from(p).await.map_err(failed),
        // A stub may answer at once.
        Err(v) => Ok(v),
    }
}

/// `{ types: [{ description, accept: { "application/json": [".json"] } }] }`, with a suggested name.
fn picker_options(suggested: Option<&str>) -> JsValue {
    let accept = Object::new();
    let _ = Reflect::set(
        &accept,
        &"application/json".into(),
        &Array::of1(&".json".into()),
    );
    let kind = Object::new();
    let _ = Reflect::set(&kind, &"description".into(), &"Microscope workspace".into());
    let _ = Reflect::set(&kind, &"accept".into(), &accept);
    let options = Object::new();
    let _ = Reflect::set(&options, &"types".into(), &Array::of1(&kind));
    if let Some(name) = suggested {
        let _ = Reflect::set(&options, &"suggestedName".into(), &name.into());
    }
    options.into()
}

fn picker_window() -> Result<PickerWindow, FileError> {
    web_sys::window()
        .map(|w| w.unchecked_into::<PickerWindow>())
        .ok_or_else(|| FileError::Failed("no window".into()))
}

/// Asks the user where to save the workspace file.
pub async fn pick_save(suggested: &str) -> Result<FileHandle, FileError> {
    let w = picker_window()?;
    let handle = settle(w.show_save_file_picker(&picker_options(Some(suggested)))).await?;
    Ok(handle.unchecked_into())
}

/// Asks the user for a workspace file to open.
pub async fn pick_open() -> Result<FileHandle, FileError> {
    let w = picker_window()?;
    let list = settle(w.show_open_file_picker(&picker_options(None))).await?;
    let first = Array::from(&list).get(0);
    if first.is_undefined() {
        return Err(FileError::Cancelled);
    }
    Ok(first.unchecked_into())
}

/// The file's name as the picker gave it.
pub fn name(handle: &FileHandle) -> String {
    handle
        .name()
        .as_string()
        .unwrap_or_else(|| "the workspace file".into())
}

/// What a read found on disk.
#[derive(Debug, Clone, PartialEq)]
pub struct OnDisk {
    /// `File.lastModified`, ms since 1970: tells a teammate's change from ours.
    pub last_modified: f64,
    pub text: String,
}

/// The file's last-modified time only (cheap: the text is not read).
pub async fn last_modified(handle: &FileHandle) -> Result<f64, FileError> {
    let file = settle(handle.get_file()).await?;
    Ok(modified_of(&file))
}

fn modified_of(file: &JsValue) -> f64 {
    Reflect::get(file, &"lastModified".into())
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0)
}

/// Reads the file's text and last-modified time.
pub async fn read(handle: &FileHandle) -> Result<OnDisk, FileError> {
    let file = settle(handle.get_file()).await?;
    let last_modified = modified_of(&file);
    let blob: web_sys::Blob = file
        .dyn_into()
        .map_err(|_| FileError::Failed("the browser gave no file to read".into()))?;
    let text = JsFuture::from(blob.text()).await.map_err(failed)?;
    let text = text.as_string().unwrap_or_default();
    let text = text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text);
    Ok(OnDisk {
        last_modified,
        text,
    })
}

/// Replaces the file's content with `text`; returns its new last-modified time.
pub async fn write(handle: &FileHandle, text: &str) -> Result<f64, FileError> {
    let writable: Writable = settle(handle.create_writable()).await?.unchecked_into();
    // On a failed write the stream is not closed: closing would replace the file with what was
    // written so far, so the file stays as it was.
    settle(writable.write(text)).await?;
    settle(writable.close()).await?;
    last_modified(handle).await
}
