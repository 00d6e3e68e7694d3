//! The passphrase lock in the browser: the one shared store (sealing while unlocked), the key derived from the
//! passphrase with Web Crypto (PBKDF2-SHA256, native speed), turning the lock on and off, changing the
//! passphrase, locking on idle or Hide, and keeping other tabs in step.

use crate::storage::browser::BrowserStore;
use crate::storage::crypto::{CryptoError, Sealer, PBKDF2_ITERATIONS};
use crate::storage::locked::{LockRecord, LockedStore};
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
pub fn lock_record() -> Result<Option<LockRecord>, String> {
    let (store, _) = store();
    LockRecord::read(store.inner().as_ref()).map_err(|e| e.to_string())
}

/// True when the lock is on and this tab does not hold the key.
pub fn is_locked() -> bool {
    let (store, _) = store();
    !store.has_key() && !matches!(lock_record(), Ok(None))
}

fn describe(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

/// Derives a 256-bit key from a passphrase with PBKDF2-SHA256 in Web Crypto.
pub async fn derive_key(passphrase: &str, salt: &[u8], iterations: u32) -> Result<[u8; 32], String> {
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

/// The message for a passphrase that does not open the lock.
pub const WRONG_PASSPHRASE: &str = "That passphrase is not right. Nothing was changed; try again.";

/// Opens the lock with `passphrase`: derives its key, unwraps the data key and starts using it. Then finishes
/// sealing anything left plain (a turn-on a crash interrupted, or a tab that wrote before it knew).
pub async fn unlock(passphrase: &str) -> Result<(), String> {
    let record = lock_record()?.ok_or("The lock is not on.")?;
    let data_key = open_record(&record, passphrase).await?;
    let (store, _) = store();
    store.set_key(Some((&data_key, &record)));
    let changes = store.conversion(None).map_err(|e| e.to_string())?;
    // Best effort: if it fails, the data is still readable and this runs again at the next unlock.
    let _ = apply_all_or_nothing(store.inner().as_ref(), &changes);
    Ok(())
}

async fn open_record(record: &LockRecord, passphrase: &str) -> Result<[u8; 32], String> {
    let salt = record.salt_bytes()?;
    let key = derive_key(passphrase, &salt, record.iterations).await?;
    match record.open(&Sealer::new(&key)) {
        Ok(data_key) => Ok(data_key),
        Err(CryptoError::NotOpened) => Err(WRONG_PASSPHRASE.into()),
        Err(CryptoError::Malformed) => Err("The lock settings are damaged.".into()),
    }
}

/// Turns the lock on: a new random data key wrapped under the passphrase's key, then every stored value
/// sealed, all-or-nothing. The lock record is written first, so a crash midway leaves a lock that opens with
/// this passphrase and finishes sealing at the next unlock.
pub async fn turn_on(passphrase: &str, idle_minutes: u32) -> Result<(), String> {
    let salt = random_bytes::<16>();
    let key = derive_key(passphrase, &salt, PBKDF2_ITERATIONS).await?;
    let data_key = random_bytes::<32>();
    let key_id = new_key_id();
    let record = LockRecord::new(&salt, &Sealer::new(&key), &data_key, random_bytes::<12>(), idle_minutes, &key_id);
    let (store, _) = store();
    let inner = store.inner();
    inner.set(keys::LOCK, &record.to_stored()).map_err(|e| e.to_string())?;
    store.set_key(Some((&data_key, &record)));
    let sealed = store.conversion(None).map_err(|e| e.to_string());
    if let Err(e) = sealed.and_then(|changes| apply_all_or_nothing(inner.as_ref(), &changes).map_err(|e| e.to_string()))
    {
        store.set_key(None);
        let _ = inner.remove(keys::LOCK);
        return Err(format!("The lock was not turned on: {e}"));
    }
    Ok(())
}

/// Turns the lock off after checking the passphrase: every value opened and written plain, all-or-nothing,
/// and only then the lock record removed.
pub async fn turn_off(passphrase: &str) -> Result<(), String> {
    let record = lock_record()?.ok_or("The lock is not on.")?;
    let data_key = open_record(&record, passphrase).await?;
    let (store, _) = store();
    store.set_key(None);
    let opened = store.conversion(Some(&Sealer::new(&data_key))).map_err(|e| e.to_string());
    let inner = store.inner();
    match opened.and_then(|changes| apply_all_or_nothing(inner.as_ref(), &changes).map_err(|e| e.to_string())) {
        Ok(()) => inner.remove(keys::LOCK).map_err(|e| e.to_string()),
        Err(e) => {
            store.set_key(Some((&data_key, &record)));
            Err(format!("The lock is still on: {e}"))
        }
    }
}

/// Changes the passphrase: the same data key wrapped under the new passphrase's key, in one write.
pub async fn change_passphrase(current: &str, new: &str) -> Result<(), String> {
    let record = lock_record()?.ok_or("The lock is not on.")?;
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
    store.inner().set(keys::LOCK, &next.to_stored()).map_err(|e| e.to_string())?;
    store.set_key(Some((&data_key, &next)));
    Ok(())
}

/// A fresh random name for a new data key.
fn new_key_id() -> String {
    crate::storage::crypto::to_base64(&random_bytes::<12>())
}

/// Sets the idle time before locking again.
pub fn set_idle_minutes(minutes: u32) -> Result<(), String> {
    let record = lock_record()?.ok_or("The lock is not on.")?;
    let (store, _) = store();
    store
        .inner()
        .set(keys::LOCK, &LockRecord { idle_minutes: minutes, ..record }.to_stored())
        .map_err(|e| e.to_string())
}

/// Tells other tabs (through the `storage` event) that this tab locked or unlocked.
fn announce(what: &str) {
    let (store, _) = store();
    let _ = store.inner().set(keys::LOCK_SIGNAL, &format!("{what} {}", js_sys::Date::now()));
}

/// Locks now if the lock is on: forgets the key and reloads, so nothing decrypted stays in memory.
pub fn lock_now() {
    if matches!(lock_record(), Ok(None)) {
        return;
    }
    let (store, _) = store();
    store.set_key(None);
    announce("locked");
    reload();
}

/// Reloads the page (to the lock screen when locked).
pub fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// Keeps this tab in step with the others: when another tab locks, turns the lock on or off, this tab reloads
/// (to the lock screen, or unlocked). A changed passphrase keeps the same data key, so it changes nothing here.
pub fn follow_other_tabs() {
    let handle = leptos::prelude::window_event_listener(leptos::ev::storage, move |event| {
        let (store, _) = store();
        let lock_on = !matches!(lock_record(), Ok(None));
        let stale = match event.key().as_deref() {
            Some(keys::LOCK_SIGNAL) => store.has_key() && event.new_value().is_some_and(|v| v.starts_with("locked")),
            // Turned on elsewhere while this tab runs unlocked without a key, or off while it holds one.
            // Or turned off (or its passphrase changed) while this tab waits at the lock screen.
            Some(keys::LOCK) => lock_on != store.has_key() || AT_LOCK_SCREEN.with(|s| s.get()),
            // Storage cleared elsewhere (delete everything).
            None => store.has_key() && !lock_on,
            _ => false,
        };
        if stale {
            store.set_key(None);
            reload();
        }
    });
    std::mem::forget(handle);
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
                lock_now();
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
