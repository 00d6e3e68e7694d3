//! The localStorage implementation in a real browser (headless Chromium): round trips, the quota error,
//! and storage that is switched off.

#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use trust_steps::domain::{LessonProgress, Settings, ThemeChoice};
use trust_steps::storage::browser::BrowserStore;
use trust_steps::storage::{KvStore, SaveError, StoreError, Vault};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn clear() {
    web_sys::window().unwrap().local_storage().unwrap().unwrap().clear().unwrap();
}

fn run_js(body: &str) {
    js_sys::Function::new_no_args(body).call0(&JsValue::NULL).unwrap();
}

#[wasm_bindgen_test]
fn round_trip_through_local_storage() {
    clear();
    let store = BrowserStore::open().expect("localStorage opens");
    store.set("trust-steps/a", "één ✓ 🙂").unwrap();
    assert_eq!(store.get("trust-steps/a").unwrap().as_deref(), Some("één ✓ 🙂"));
    assert!(store.keys().unwrap().contains(&"trust-steps/a".to_owned()));
    store.remove("trust-steps/a").unwrap();
    assert_eq!(store.get("trust-steps/a").unwrap(), None);
    assert!(!store.keys().unwrap().iter().any(|k| k == "trust-steps/.probe"), "the probe key is cleaned up");
}

#[wasm_bindgen_test]
fn a_full_quota_is_reported_as_quota_exceeded_and_the_value_is_kept() {
    clear();
    let store = BrowserStore::open().unwrap();
    let chunk = "x".repeat(512 * 1024);
    let mut filled = 0;
    let error = loop {
        match store.set(&format!("filler/{filled}"), &chunk) {
            Ok(()) => filled += 1,
            Err(e) => break e,
        }
        assert!(filled < 200, "the browser never refused a write");
    };
    assert_eq!(error, StoreError::QuotaExceeded);

    // Through the vault: the save fails visibly, stays queued, and lands once space is freed.
    let mut vault = Vault::new(store, Box::new(|| "2026-11-27T10:00:00.000Z".into()));
    let mut progress = LessonProgress::default();
    progress.set_done("what-trust-is", true, "2026-11-27T10:00:00.000Z");
    progress.opened(&"x".repeat(600 * 1024), "2026-11-27T10:00:00.000Z");
    assert_eq!(vault.save(&progress), Err(SaveError::Store(StoreError::QuotaExceeded)));
    assert!(vault.has_unsaved());
    for i in 0..filled {
        vault.store().remove(&format!("filler/{i}")).unwrap();
    }
    vault.flush().unwrap();
    assert!(vault.load::<LessonProgress>().value.is_done("what-trust-is"));
    clear();
}

#[wasm_bindgen_test]
fn garbage_in_local_storage_is_quarantined_not_overwritten() {
    clear();
    let store = BrowserStore::open().unwrap();
    store.set("trust-steps/settings", "<<garbage>>").unwrap();
    let mut vault = Vault::new(store, Box::new(|| "2026-11-27T10:00:00.000Z".into()));
    let loaded = vault.load::<Settings>();
    assert!(loaded.problem.is_some());
    vault.save(&Settings { theme: ThemeChoice::Dark, ..Default::default() }).unwrap();
    let quarantined = vault.quarantined();
    assert_eq!(quarantined.len(), 1);
    assert_eq!(quarantined[0].1.raw, "<<garbage>>");
    clear();
}

#[wasm_bindgen_test]
fn storage_that_throws_on_access_is_reported_unavailable() {
    run_js(
        "window.__savedStorage = Object.getOwnPropertyDescriptor(window, 'localStorage'); \
         Object.defineProperty(window, 'localStorage', { configurable: true, get() { throw new DOMException('blocked', 'SecurityError'); } });",
    );
    let result = BrowserStore::open();
    run_js(
        "if (window.__savedStorage) { Object.defineProperty(window, 'localStorage', window.__savedStorage); } \
         else { delete window.localStorage; }",
    );
    assert_eq!(result.err(), Some(StoreError::Unavailable));
    assert!(BrowserStore::open().is_ok(), "storage is back once the block is lifted");
}
