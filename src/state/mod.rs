//! Reactive glue: signals around domain values, the one save path, and the storage status the UI reports.

mod platform;

pub use platform::{now_iso, set_title};

use crate::domain::{LessonProgress, Merge, Settings};
use crate::storage::browser::BrowserStore;
use crate::storage::{KvStore, LoadProblem, MemoryStore, QuarantineItem, Stored, Vault};
use leptos::prelude::*;
use std::cell::RefCell;

type AppVault = Vault<Box<dyn KvStore>>;

thread_local! {
    /// The single vault every save goes through (the browser runs us on one thread).
    static VAULT: RefCell<Option<AppVault>> = const { RefCell::new(None) };
}

/// What the app knows about its storage, shown in banners and Settings.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StorageStatus {
    /// localStorage could not be opened: the app runs from memory and nothing is saved.
    pub unavailable: bool,
    /// The last save failed with this message; cleared by the next successful save.
    pub save_error: Option<String>,
    /// Unreadable data that was set aside, by storage key.
    pub quarantined: Vec<(String, QuarantineItem)>,
    /// Unreadable data that could not even be moved aside (kept in place, saves to it refused).
    pub blocked: Vec<(String, String)>,
    /// Whether the browser granted persistent storage (`None` until it answers).
    pub persistent: Option<bool>,
    /// Bytes the app's keys take (UTF-16, as the browser counts).
    pub used_bytes: usize,
}

/// Everything the pages read and change; provided as context by [`AppState::provide`].
#[derive(Clone, Copy)]
pub struct AppState {
    /// The user's preferences.
    pub settings: RwSignal<Settings>,
    /// Course progress.
    pub progress: RwSignal<LessonProgress>,
    /// Storage health, for banners and Settings.
    pub storage: RwSignal<StorageStatus>,
}

fn with_vault<R>(f: impl FnOnce(&mut AppVault) -> R) -> Option<R> {
    VAULT.with(|cell| cell.borrow_mut().as_mut().map(f))
}

impl AppState {
    /// Opens storage (falling back to memory), loads every collection and provides the state as context.
    pub fn provide() -> AppState {
        let (store, unavailable): (Box<dyn KvStore>, bool) = match BrowserStore::open() {
            Ok(store) => (Box::new(store), false),
            Err(_) => (Box::new(MemoryStore::new()), true),
        };
        let mut vault = Vault::new(store, Box::new(now_iso));
        let settings = vault.load::<Settings>();
        let progress = vault.load::<LessonProgress>();
        let mut status = StorageStatus {
            unavailable,
            ..Default::default()
        };
        for problem in [settings.problem, progress.problem].into_iter().flatten() {
            if let LoadProblem::ReadFailed(e) = problem {
                status.save_error = Some(format!("Saved data could not be read: {e}."));
            }
        }
        VAULT.with(|cell| *cell.borrow_mut() = Some(vault));
        let state = AppState {
            settings: RwSignal::new(settings.value),
            progress: RwSignal::new(progress.value),
            storage: RwSignal::new(status),
        };
        state.refresh_storage_status();
        provide_context(state);
        platform::listen_to_other_tabs(state);
        platform::ask_for_persistent_storage(state.storage);
        state
    }

    /// The state provided by [`AppState::provide`].
    pub fn get() -> AppState {
        expect_context::<AppState>()
    }

    /// The one save path: changes a collection in memory, merges it with what storage holds now (another tab
    /// may have written since) and writes it. A failed write keeps the value on screen and reports the error.
    pub fn change<T: Stored + Merge + PartialEq + Send + Sync + 'static>(
        &self,
        signal: RwSignal<T>,
        edit: impl FnOnce(&mut T),
    ) {
        let mut value = signal.get_untracked();
        edit(&mut value);
        let result = with_vault(|vault| {
            let stored = vault.load::<T>().value;
            let merged = stored.merge(value.clone());
            vault.save(&merged).map(|_| merged)
        });
        match result {
            Some(Ok(merged)) => {
                signal.set(merged);
                self.storage.update(|s| s.save_error = None);
            }
            Some(Err(error)) => {
                signal.set(value);
                self.storage
                    .update(|s| s.save_error = Some(error.to_string()));
            }
            None => signal.set(value),
        }
        self.refresh_storage_status();
    }

    /// Re-reads a collection after another tab changed it, merging so neither tab's entries are lost.
    pub fn reload<T: Stored + Merge + PartialEq + Send + Sync + 'static>(
        &self,
        signal: RwSignal<T>,
    ) {
        let Some(loaded) = with_vault(|vault| vault.load::<T>()) else {
            return;
        };
        let ours = signal.get_untracked();
        let merged = loaded.value.clone().merge(ours);
        if merged != loaded.value {
            // We hold something the other tab's write did not include: write the union back.
            self.change(signal, |v| *v = merged);
        } else {
            signal.set(merged);
            self.refresh_storage_status();
        }
    }

    /// Re-reads quarantine, blocked keys and usage into [`StorageStatus`].
    pub fn refresh_storage_status(&self) {
        let snapshot = with_vault(|vault| {
            let blocked = vault
                .blocked()
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            (
                vault.quarantined(),
                blocked,
                vault.used_units().unwrap_or(0) * 2,
            )
        });
        if let Some((quarantined, blocked, used_bytes)) = snapshot {
            self.storage.update(|s| {
                s.quarantined = quarantined;
                s.blocked = blocked;
                s.used_bytes = used_bytes;
            });
        }
    }

    /// Deletes one set-aside item after the user chose to discard it.
    pub fn discard_quarantined(&self, key: &str) {
        let result = with_vault(|vault| vault.discard_quarantined(key));
        if let Some(Err(e)) = result {
            self.storage
                .update(|s| s.save_error = Some(format!("Could not remove it: {e}.")));
        }
        self.refresh_storage_status();
    }
}
