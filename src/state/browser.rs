//! The few browser calls the state layer needs: time, title, other tabs, persistent storage, what kind of browser
//! this is.

use super::AppState;
use crate::domain::collection_table::{self, Collection, KeyTarget};
use crate::domain::keep_safe::BrowserFacts;
use crate::storage::keys;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// The current time, UTC, ISO 8601 with milliseconds (sorts as text).
pub fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// Today's date in the user's time zone, as YYYY-MM-DD. Reactive code that asks for it (a memo, a view) runs again
/// when the date changes while the page is open (see [`watch_the_date`]); elsewhere it is a plain read.
pub fn today() -> String {
    DATE_CHANGED.with(|changed| changed.track());
    local_date()
}

fn local_date() -> String {
    let now = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", now.get_full_year(), now.get_month() + 1, now.get_date())
}

thread_local! {
    /// Notified when the local date changes while the app is open.
    static DATE_CHANGED: ArcTrigger = ArcTrigger::new();
}

/// Keeps [`today`]'s readers current when the page stays open past midnight (or comes back to the screen on a
/// later day): the date is compared every 30 seconds and whenever the page becomes visible.
pub(super) fn watch_the_date() {
    let last = std::rc::Rc::new(std::cell::RefCell::new(local_date()));
    let check = move || {
        let now = local_date();
        if *last.borrow() != now {
            *last.borrow_mut() = now;
            DATE_CHANGED.with(|changed| changed.notify());
        }
    };
    let on_show = check.clone();
    // Both live as long as the page.
    set_interval(check, std::time::Duration::from_secs(30));
    std::mem::forget(window_event_listener(leptos::ev::visibilitychange, move |_| on_show()));
}

/// Today and the local time zone's offset, for reading stored UTC times as the user's days.
pub fn clock() -> crate::domain::insights::Clock {
    let now = js_sys::Date::new_0();
    // getTimezoneOffset is UTC minus local, in minutes; the clock wants local minus UTC.
    crate::domain::insights::Clock { today: today(), offset_minutes: -(now.get_timezone_offset() as i64) }
}

/// A new random record id (from the browser's cryptographic random source).
pub fn new_id() -> String {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        // No Web Crypto: fall back to Math.random, still random and never a counter.
        for byte in bytes.iter_mut() {
            *byte = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    crate::domain::ids::id_from_bytes(bytes)
}

/// Sets `document.title` to "`page` · Trust Steps".
pub fn set_title(page: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(&format!("{page} · Trust Steps"));
    }
}

/// Picks up changes another tab wrote (the `storage` event), merging them into ours.
pub(super) fn listen_to_other_tabs(state: AppState) {
    // Set while another tab writes a Replace import (between its two keys::REPLACED markers).
    let replacing = std::cell::Cell::new(false);
    let handle = window_event_listener(leptos::ev::storage, move |event| {
        // A whole-key collection another tab removed (delete everything) or wrote during a replace is reset to
        // what storage holds, not merged: merging would bring back what the user just deleted or replaced.
        let take_storage = event.new_value().is_none() || replacing.get();
        match event.key().as_deref() {
            Some(keys::REPLACED) => {
                let started = event.new_value().is_some_and(|v| v.starts_with(keys::REPLACE_STARTED));
                replacing.set(started);
                if !started {
                    state.reload_all_from_storage();
                }
            }
            // `None` means the other tab cleared storage: storage is the truth.
            None => state.reload_all_from_storage(),
            Some(key) => match collection_table::find(key) {
                Some(target) => {
                    state.take_other_tab_write(target, take_storage);
                    if target == KeyTarget::Whole(Collection::Settings) && !take_storage {
                        // An older version in another tab may still write the country there.
                        state.split_settings();
                    }
                }
                // Not a collection (the lock, data set aside…): only the storage status may have changed.
                None => state.refresh_storage_status(),
            },
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
                Ok(promise) => JsFuture::from(promise).await.ok().and_then(|v: JsValue| v.as_bool()),
                Err(_) => None,
            },
        };
        status.update(|s| s.persistent = granted);
    });
}

/// What Trust Steps can read about this browser: its user agent, touch points, and whether it runs as an
/// installed app (`navigator.standalone`, which only iOS has, or the `display-mode: standalone` media query).
/// The decisions made from them live in `domain::keep_safe`.
pub fn browser_facts() -> BrowserFacts {
    let Some(window) = web_sys::window() else { return BrowserFacts::default() };
    let navigator = window.navigator();
    let ios_standalone = js_sys::Reflect::get(&navigator, &JsValue::from_str("standalone"))
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    let display_standalone =
        window.match_media("(display-mode: standalone)").ok().flatten().is_some_and(|query| query.matches());
    BrowserFacts {
        user_agent: navigator.user_agent().unwrap_or_default(),
        max_touch_points: u32::try_from(navigator.max_touch_points()).unwrap_or(0),
        standalone: ios_standalone || display_standalone,
    }
}
