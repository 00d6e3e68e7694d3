//! The few browser calls the state layer needs: time, title, other tabs, persistent storage.

use super::AppState;
use crate::domain::{LessonProgress, Settings};
use crate::storage::Stored;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// The current time, UTC, ISO 8601 with milliseconds (sorts as text).
pub fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// Sets `document.title` to "`page` · Trust Steps".
pub fn set_title(page: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(&format!("{page} · Trust Steps"));
    }
}

/// Picks up changes another tab wrote (the `storage` event), merging them into ours.
pub(super) fn listen_to_other_tabs(state: AppState) {
    let handle = window_event_listener(leptos::ev::storage, move |event| {
        match event.key().as_deref() {
            Some(Settings::KEY) => state.reload(state.settings),
            Some(LessonProgress::KEY) => state.reload(state.progress),
            // `None` means the other tab cleared storage: reload everything.
            None => {
                state.reload(state.settings);
                state.reload(state.progress);
            }
            Some(_) => state.refresh_storage_status(),
        }
    });
    // The listener lives as long as the page.
    std::mem::forget(handle);
}

/// Asks the browser to keep our data under storage pressure, and records whether it agreed.
pub(super) fn ask_for_persistent_storage(status: RwSignal<super::StorageStatus>) {
    let Some(manager) = web_sys::window().map(|w| w.navigator().storage()) else {
        return;
    };
    spawn_local(async move {
        let granted = match manager.persist() {
            Ok(promise) => JsFuture::from(promise).await.ok().and_then(|v| v.as_bool()),
            Err(_) => None,
        };
        let granted = match granted {
            Some(true) => Some(true),
            _ => match manager.persisted() {
                Ok(promise) => JsFuture::from(promise)
                    .await
                    .ok()
                    .and_then(|v: JsValue| v.as_bool()),
                Err(_) => None,
            },
        };
        status.update(|s| s.persistent = granted);
    });
}
