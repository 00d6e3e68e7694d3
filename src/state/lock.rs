//! The passphrase lock in the browser: the one shared store (sealing while unlocked), the key derived from the
//! passphrase with Web Crypto (PBKDF2-SHA256, native speed), turning the lock on and off, changing the
//! passphrase, locking on idle or Hide, and keeping other tabs in step.

use crate::storage::browser::BrowserStore;
use crate::storage::crypto::{CryptoError, Sealer, PBKDF2_ITERATIONS};
use crate::storage::locked::{turned_on_message, LockError, LockRecord, LockedStore};
use crate::storage::{apply_all_or_nothing, keys, KvStore, MemoryStore};
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The store every read and write goes through.
pub type SharedStore = Rc<LockedStore<Box<dyn KvStore>>>;

thread_local! {
    /// True while this tab shows the lock screen.
    static AT_LOCK_SCREEN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    static STORE: std::cell::RefCell<Option<(SharedStore, bool)>> = const { std::cell::RefCell::new(None) };
}

/// `n` random bytes from the browser's cryptographic source.
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        // Never reached in a browser that runs this app (Web Crypto is everywhere wasm is); no weak fallback.
        wasm_bindgen::throw_str("Web Crypto is not available");
    }
    bytes
}

/// The shared store (localStorage, or memory when the browser gives none) and whether storage is unavailable.
pub fn store() -> (SharedStore, bool) {
    STORE.with(|cell| {
        cell.borrow_mut()
            .get_or_insert_with(|| {
                let (inner, unavailable): (Box<dyn KvStore>, bool) = match BrowserStore::open() {
                    Ok(store) => (Box::new(store), false),
                    Err(_) => (Box::new(MemoryStore::new()), true),
                };
                (Rc::new(LockedStore::new(inner, Box::new(random_bytes::<12>))), unavailable)
            })
            .clone()
    })
}

/// The stored lock, if the lock is on (an unreadable lock record counts as on: never show data unlocked).
pub fn lock_record() -> Result<Option<LockRecord>, LockError> {
    let (store, _) = store();
    Ok(LockRecord::read(store.inner().as_ref())?)
}

/// The stored lock, or [`LockError::NotOn`] when the lock is off.
fn lock_that_is_on() -> Result<LockRecord, LockError> {
    lock_record()?.ok_or(LockError::NotOn)
}

/// True when the lock is on and this tab does not hold its key.
pub fn is_locked() -> bool {
    let (store, _) = store();
    store.lock_stored() && !store.holds_current_key()
}

/// The passphrase in Unicode NFC, so the same text typed on another system (which may send "é" as "e" and a
/// combining accent) gives the same key. Every passphrase goes through it before PBKDF2 ([`derive_key`] does).
pub fn normalize_passphrase(passphrase: &str) -> String {
    String::from(js_sys::JsString::from(passphrase).normalize("NFC"))
}

fn describe(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

/// Derives a 256-bit key from a passphrase (normalised to NFC: [`normalize_passphrase`]) with PBKDF2-SHA256 in
/// Web Crypto.
pub async fn derive_key(passphrase: &str, salt: &[u8], iterations: u32) -> Result<[u8; 32], LockError> {
    derive_key_as_typed(&normalize_passphrase(passphrase), salt, iterations).await
}

/// [`derive_key`] without the normalisation: for locks made before passphrases were normalised.
async fn derive_key_as_typed(passphrase: &str, salt: &[u8], iterations: u32) -> Result<[u8; 32], LockError> {
    derive_bits(passphrase, salt, iterations).await.map_err(LockError::KeyDerivation)
}

/// PBKDF2-SHA256 in Web Crypto; an error is the browser's message.
async fn derive_bits(passphrase: &str, salt: &[u8], iterations: u32) -> Result<[u8; 32], String> {
    let subtle = web_sys::window().ok_or("no window")?.crypto().map_err(describe)?.subtle();
    let secret = js_sys::Uint8Array::from(passphrase.as_bytes());
    let usages = js_sys::Array::of1(&JsValue::from_str("deriveBits"));
    let base = JsFuture::from(subtle.import_key_with_str("raw", &secret, "PBKDF2", false, &usages).map_err(describe)?)
        .await
        .map_err(describe)?;
    let params = web_sys::Pbkdf2Params::new_with_str("PBKDF2", "SHA-256", iterations, &js_sys::Uint8Array::from(salt));
    let bits = JsFuture::from(subtle.derive_bits_with_object(&params, &base.unchecked_into(), 256).map_err(describe)?)
        .await
        .map_err(describe)?;
    let bytes = js_sys::Uint8Array::new(&bits).to_vec();
    bytes.try_into().map_err(|_| "the derived key has the wrong length".to_owned())
}

/// Opens the lock with `passphrase`: derives its key, unwraps the data key and starts using it. Then finishes
/// sealing anything left plain (a turn-on a crash interrupted, or a tab that wrote before it knew).
pub async fn unlock(passphrase: &str) -> Result<(), LockError> {
    let record = lock_that_is_on()?;
    let data_key = open_record(&record, passphrase).await?;
    let (store, _) = store();
    store.set_key(Some((&data_key, &record)));
    let changes = store.conversion(None)?;
    // Best effort: if it fails, the data is still readable and this runs again at the next unlock.
    let _ = apply_all_or_nothing(store.inner().as_ref(), &changes);
    Ok(())
}

/// The data key `passphrase` unwraps from `record`.
async fn open_record(record: &LockRecord, passphrase: &str) -> Result<[u8; 32], LockError> {
    let salt = record.salt_bytes()?;
    let key = derive_key(passphrase, &salt, record.iterations).await?;
    let mut opened = record.open(&Sealer::new(&key));
    // A lock made before passphrases were normalised, from text that was not in NFC: try it as typed.
    if opened == Err(CryptoError::NotOpened) && normalize_passphrase(passphrase) != passphrase {
        let key = derive_key_as_typed(passphrase, &salt, record.iterations).await?;
        opened = record.open(&Sealer::new(&key));
    }
    match opened {
        Ok(data_key) => Ok(data_key),
        Err(CryptoError::NotOpened) => Err(LockError::WrongPassphrase),
        Err(CryptoError::Malformed) => Err(LockError::Damaged),
    }
}

/// Turns the lock on: a new random data key wrapped under the passphrase's key, then every stored value
/// sealed, all-or-nothing ([`LockedStore::turn_on`]: the record first, so a crash midway leaves a lock that opens
/// with this passphrase and finishes sealing at the next unlock). Returns what to tell the user.
pub async fn turn_on(passphrase: &str, idle_minutes: u32) -> Result<String, LockError> {
    let salt = random_bytes::<16>();
    let key = derive_key(passphrase, &salt, PBKDF2_ITERATIONS).await?;
    let data_key = random_bytes::<32>();
    let key_id = new_key_id();
    let record = LockRecord::new(&salt, &Sealer::new(&key), &data_key, random_bytes::<12>(), idle_minutes, &key_id);
    let (store, _) = store();
    store.turn_on(&record, &data_key).map(turned_on_message).map_err(LockError::NotTurnedOn)
}

/// Turns the lock off after checking the passphrase: every value opened and written plain, all-or-nothing, and
/// only then the lock record removed ([`LockedStore::turn_off`]). On failure the lock stays on and this tab
/// keeps its key, so every entry stays readable.
pub async fn turn_off(passphrase: &str) -> Result<(), LockError> {
    let record = lock_that_is_on()?;
    let data_key = open_record(&record, passphrase).await?;
    let (store, _) = store();
    store.turn_off(&data_key).map_err(LockError::StillOn)
}

/// Changes the passphrase: the same data key wrapped under the new passphrase's key, in one write.
pub async fn change_passphrase(current: &str, new: &str) -> Result<(), LockError> {
    let record = lock_that_is_on()?;
    let data_key = open_record(&record, current).await?;
    let salt = random_bytes::<16>();
    let key = derive_key(new, &salt, PBKDF2_ITERATIONS).await?;
    // The data key stays, so it keeps its name (older records get one now).
    let key_id = if record.key_id.is_empty() { new_key_id() } else { record.key_id.clone() };
    let next = LockRecord {
        extra: record.extra.clone(),
        ..LockRecord::new(&salt, &Sealer::new(&key), &data_key, random_bytes::<12>(), record.idle_minutes, &key_id)
    };
    let (store, _) = store();
    store.inner().set(keys::LOCK, &next.to_stored())?;
    store.set_key(Some((&data_key, &next)));
    Ok(())
}

/// A fresh random name for a new data key.
fn new_key_id() -> String {
    crate::storage::crypto::to_base64(&random_bytes::<12>())
}

/// Sets the idle time before locking again.
pub fn set_idle_minutes(minutes: u32) -> Result<(), LockError> {
    let record = lock_that_is_on()?;
    let (store, _) = store();
    Ok(store.inner().set(keys::LOCK, &LockRecord { idle_minutes: minutes, ..record }.to_stored())?)
}

/// Tells other tabs (through the `storage` event) that this tab locked or unlocked.
fn announce(what: &str) {
    let (store, _) = store();
    let _ = store.inner().set(keys::LOCK_SIGNAL, &format!("{what} {}", js_sys::Date::now()));
}

/// What makes this tab lock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockReason {
    /// *Lock now* in Settings: someone is there to answer, so it asks before losing anything.
    Button,
    /// Hide: the person may be in danger, so it never asks and never waits.
    Hide,
    /// The chosen idle time passed: nobody is there to answer, so it locks like Hide.
    Idle,
    /// Another tab locked (its signal): this tab follows, like Hide.
    OtherTab,
}

/// Locks now if the lock is on (*Lock now*): see [`lock_for`].
pub fn lock_now() {
    lock_for(LockReason::Button);
}

/// Locks this tab: forgets the key and reloads, so nothing decrypted stays in memory. Saves still waiting (a
/// full storage) are written first; what storage still refuses is kept sealed with the data key in this tab's
/// session storage and put back into the queue after the next unlock (`state::keep_unsaved_for_lock`).
///
/// Changes that can be neither saved nor kept (this tab does not hold the current lock's key) would be lost:
/// *Lock now* asks first (Cancel / Lock anyway, in the banner). Hide never asks or waits: someone who presses
/// it may be in danger, and hiding at once matters more than a change this tab could not save anyway. The idle
/// lock and another tab's lock do the same, as nobody is there to answer.
pub fn lock_for(reason: LockReason) {
    let (store, _) = store();
    if !store.lock_stored() {
        return;
    }
    if let super::BeforeLocking::CannotKeep(count) = super::keep_unsaved_for_lock() {
        if reason == LockReason::Button {
            super::ask_before_locking(count);
            return;
        }
    }
    lock_anyway(reason);
}

/// Locks without looking at unsaved changes (after the user chose *Lock anyway*, or from [`lock_for`]).
pub fn lock_anyway(reason: LockReason) {
    let (store, _) = store();
    store.set_key(None);
    if reason != LockReason::OtherTab {
        announce("locked");
    }
    reload();
}

/// Unlocks in this tab without leaving the page (the "Not saved yet" banner's form, when the lock was turned
/// on or changed in another tab): then every change that was waiting is written.
pub async fn unlock_here(passphrase: &str) -> Result<(), LockError> {
    unlock(passphrase).await?;
    if let Some(state) = super::STATE.with(|s| s.get()) {
        use leptos::prelude::Update;
        state.storage.update(|s| s.needs_unlock = false);
        state.retry_unsaved();
    }
    mark_unlocked();
    Ok(())
}

/// Checks the stored lock against the key this tab holds. Runs when the page is shown again (`pageshow`, also
/// from the back/forward cache), becomes visible, gets focus, and when another tab changes the lock: it costs
/// one read of the lock record.
///
/// With a lock stored that this tab does not hold the key of: with nothing unsaved the page reloads (to the lock
/// screen); with unsaved changes it does not (they would be lost) but asks to unlock in place. With the lock
/// turned off elsewhere while this tab holds a key: the key is dropped (values are written plain). At the lock
/// screen, a lock turned off elsewhere reloads (to the app).
pub fn recheck() {
    let (store, _) = store();
    let lock_on = store.lock_stored();
    if AT_LOCK_SCREEN.with(|s| s.get()) {
        if !lock_on {
            reload();
        }
        return;
    }
    if !super::is_open() {
        // The Hide cover shown at start: nothing decrypted, nothing to save, and a reload would unhide it.
        return;
    }
    if lock_on && !store.holds_current_key() {
        if super::has_unsaved() {
            super::ask_to_unlock();
        } else {
            store.set_key(None);
            reload();
        }
    } else if !lock_on && store.has_key() {
        store.set_key(None);
    }
}

/// Reloads the page (to the lock screen when locked).
pub fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// Keeps this tab in step with the others and with the lock as stored: when another tab locks, this tab locks
/// too; when the lock is turned on, off or changed elsewhere, [`recheck`] runs (through the `storage` event, and
/// again on `pageshow`, when the page becomes visible and on focus, as a tab restored from the back/forward
/// cache or resumed on a phone may have missed the event). A changed passphrase keeps the same data key, so it
/// changes nothing here.
pub fn follow_other_tabs() {
    use leptos::prelude::{window_event_listener, window_event_listener_untyped};
    let handle = window_event_listener(leptos::ev::storage, move |event| {
        let (store, _) = store();
        match event.key().as_deref() {
            Some(keys::LOCK_SIGNAL)
                if store.has_key() && event.new_value().is_some_and(|v| v.starts_with("locked")) =>
            {
                lock_for(LockReason::OtherTab)
            }
            // Turned off (or its passphrase changed) while this tab waits at the lock screen: start afresh.
            Some(keys::LOCK) if AT_LOCK_SCREEN.with(|s| s.get()) => reload(),
            Some(keys::LOCK) => recheck(),
            // Storage cleared elsewhere (delete everything).
            None if store.has_key() && !store.lock_stored() => {
                store.set_key(None);
                reload();
            }
            _ => {}
        }
    });
    std::mem::forget(handle);
    for event in ["pageshow", "visibilitychange", "focus"] {
        let handle = window_event_listener_untyped(event, move |_| {
            let visible = web_sys::window().and_then(|w| w.document()).is_none_or(|d| !d.hidden());
            if visible {
                recheck();
            }
        });
        std::mem::forget(handle);
    }
}

/// Locks after the chosen idle time without a key press, click, touch or scroll (checked every 10 seconds).
/// The idle time is read from the lock record at each check, so turning the lock on, changing the idle time
/// or turning it off in Settings takes effect at once, without a reload.
pub fn lock_when_idle() {
    use leptos::prelude::*;
    let last = std::rc::Rc::new(std::cell::Cell::new(js_sys::Date::now()));
    for event in ["keydown", "pointerdown", "touchstart", "wheel"] {
        let last = last.clone();
        let handle = window_event_listener_untyped(event, move |_| last.set(js_sys::Date::now()));
        std::mem::forget(handle);
    }
    let _ = set_interval_with_handle(
        move || {
            let minutes = match lock_record() {
                Ok(Some(record)) => record.idle_minutes,
                _ => 0, // off, or unreadable (the lock screen at the next start deals with that)
            };
            if minutes > 0 && js_sys::Date::now() - last.get() >= f64::from(minutes) * 60_000.0 {
                lock_for(LockReason::Idle);
            }
        },
        std::time::Duration::from_secs(10),
    );
}

/// Records whether this tab shows the lock screen.
pub fn set_at_lock_screen(shown: bool) {
    AT_LOCK_SCREEN.with(|s| s.set(shown));
}

/// Marks the end of an unlock for the benchmark (`performance.mark('ts-unlocked')`).
pub fn mark_unlocked() {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark("ts-unlocked");
    }
}
