//! Reactive glue: signals around domain values, the one save path, and the storage status the UI reports.

mod browser;
mod entries;
pub mod lock;

pub use browser::{browser_facts, clock, new_id, now_iso, set_title, today};

use crate::domain::backup::ImportMode;
use crate::domain::collection_table::{collection_table, Collection, KeyTarget, Snapshot, UserData};
use crate::domain::ladder::LadderStep;
use crate::domain::people::{Observation, Person};
use crate::domain::{newer_of, Merge};
use crate::storage::{keys, KvStore, LoadProblem, QuarantineItem, Record, SaveError, StoreError, Stored, Vault};
use leptos::prelude::*;
use std::cell::RefCell;
use std::sync::Arc;

type AppVault = Vault<Box<dyn KvStore>>;

thread_local! {
    /// The single vault every save goes through (the browser runs us on one thread).
    static VAULT: RefCell<Option<AppVault>> = const { RefCell::new(None) };
    /// The state once provided, for the lock's checks that run outside any component.
    static STATE: std::cell::Cell<Option<AppState>> = const { std::cell::Cell::new(None) };
}

/// The tab's session-storage key for changes kept (sealed with the data key) across a lock; see
/// [`keep_unsaved_for_lock`].
const KEPT_UNSAVED: &str = "ts-unsaved";

/// What became of changes not yet saved when this tab is about to lock (and reload).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BeforeLocking {
    /// Nothing was waiting, or it was written now.
    Saved,
    /// Still not writable: kept sealed with the data key in this tab's session storage, put back after unlocking.
    Kept,
    /// This many changes can be neither saved nor kept (the tab does not hold the current lock's key, or
    /// session storage refused): locking now loses them.
    CannotKeep(usize),
}

/// Before a lock: writes what is waiting; what storage still refuses is sealed with the current lock's data key
/// and kept in `sessionStorage` (same tab only, its own quota, gone when the tab closes). Plain text never goes
/// there: without the current key nothing is kept.
pub(crate) fn keep_unsaved_for_lock() -> BeforeLocking {
    let queue =
        with_vault(|vault| if vault.flush().is_ok() { Vec::new() } else { vault.unsaved() }).unwrap_or_default();
    if queue.is_empty() {
        return BeforeLocking::Saved;
    }
    let session = web_sys::window().and_then(|w| w.session_storage().ok().flatten());
    let kept = lock::store()
        .0
        .seal_unsaved(&queue)
        .zip(session)
        .is_some_and(|(text, session)| session.set_item(KEPT_UNSAVED, &text).is_ok());
    if kept {
        BeforeLocking::Kept
    } else {
        BeforeLocking::CannotKeep(queue.len())
    }
}

/// True while the app is open (unlocked) with changes storage has not taken yet.
pub(crate) fn has_unsaved() -> bool {
    with_vault(|vault| vault.has_unsaved()).unwrap_or(false)
}

/// True once the app's state is loaded (the app is open, not the lock screen or the Hide cover).
pub(crate) fn is_open() -> bool {
    STATE.with(|s| s.get()).is_some()
}

/// Shows the "Not saved yet" banner's unlock form: the lock is on and this tab does not hold its key.
pub(crate) fn ask_to_unlock() {
    if let Some(state) = STATE.with(|s| s.get()) {
        state.storage.update(|s| s.needs_unlock = true);
    }
}

/// Asks (in a banner) whether to lock although `count` changes would be lost; see [`lock::lock_now`].
pub(crate) fn ask_before_locking(count: usize) {
    if let Some(state) = STATE.with(|s| s.get()) {
        state.storage.update(|s| s.confirm_lock = Some(count));
    }
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
    /// The lock is on and this tab does not hold its key (turned on, or changed, in another tab): saves are
    /// refused until the user unlocks here. The banner asks for the passphrase.
    pub needs_unlock: bool,
    /// Some change is still queued after a failed save: the banner offers to try again.
    pub can_retry: bool,
    /// *Lock now* was pressed with this many changes that can be neither saved nor kept: the banner asks first.
    pub confirm_lock: Option<usize>,
}

macro_rules! derive_app_state {
    (
        choices: [$($(#[$cd:meta])* $cf:ident / $cv:ident : $ct:ty = $cl:literal),* $(,)?]
        whole: [$($(#[$wd:meta])* $wf:ident / $wv:ident : $wt:ty = $wl:literal),* $(,)?]
        records: [$($(#[$rd:meta])* $rf:ident / $rv:ident : $rt:ty = $rl:literal),* $(,)?]
        device: [$($(#[$dd:meta])* $df:ident / $dv:ident : $dt:ty),* $(,)?]
    ) => {
        /// Everything the pages read and change; provided as context by [`AppState::provide`]. One signal per
        /// collection of [`collection_table!`](crate::domain::collection_table), plus the storage status and the toast.
        #[derive(Clone, Copy)]
        pub struct AppState {
            $($(#[$cd])* pub $cf: RwSignal<$ct>,)*
            $($(#[$wd])* pub $wf: RwSignal<$wt>,)*
            $($(#[$rd])* pub $rf: RwSignal<Vec<$rt>>,)*
            $($(#[$dd])* pub $df: RwSignal<$dt>,)*
            /// Storage health, for banners and Settings.
            pub storage: RwSignal<StorageStatus>,
            /// The message shown at the bottom of the screen (with Undo after a delete).
            pub toast: RwSignal<Option<Toast>>,
        }

        impl AppState {
            /// A signal around each loaded collection.
            fn from_snapshot(loaded: Snapshot, storage: StorageStatus) -> AppState {
                AppState {
                    $($cf: RwSignal::new(loaded.$cf),)*
                    $($wf: RwSignal::new(loaded.$wf),)*
                    $($rf: RwSignal::new(loaded.$rf),)*
                    $($df: RwSignal::new(loaded.$df),)*
                    storage: RwSignal::new(storage),
                    toast: RwSignal::new(None),
                }
            }

            /// Re-reads every collection from storage, which is the truth (after an import, or deleting
            /// everything).
            pub fn reload_all_from_storage(&self) {
                $(self.reset(self.$cf);)*
                self.split_settings();
                $(self.reset(self.$wf);)*
                $(self.reset(self.$df);)*
                $(self.reload_collection(self.$rf);)*
            }

            /// Takes another tab's write to `target` (from the `storage` event): a whole collection is merged
            /// with ours, or with `take_storage` set to what storage holds; a record is re-read.
            pub(crate) fn take_other_tab_write(&self, target: KeyTarget<'_>, take_storage: bool) {
                match target {
                    $(KeyTarget::Whole(Collection::$cv) => self.reload_or_reset(self.$cf, take_storage),)*
                    $(KeyTarget::Whole(Collection::$wv) => self.reload_or_reset(self.$wf, take_storage),)*
                    $(KeyTarget::Whole(Collection::$dv) => self.reload_or_reset(self.$df, take_storage),)*
                    $(KeyTarget::Record(Collection::$rv, id) => self.reload_record(self.$rf, id),)*
                    // `collection_table::find` never pairs a whole collection with a record id or the other way round.
                    KeyTarget::Whole(_) | KeyTarget::Record(..) => {}
                }
            }

            /// Saves every whole collection whose change was waiting (after unlocking) through the merge with
            /// what storage holds now, instead of writing over it.
            fn resave_waiting(&self) {
                let waiting = |key: &str| with_vault(|vault| vault.forget_unsaved(key)).unwrap_or(false);
                $(if waiting(<$ct as Stored>::KEY) { self.write_merged(self.$cf, self.$cf.get_untracked()); })*
                $(if waiting(<$wt as Stored>::KEY) { self.write_merged(self.$wf, self.$wf.get_untracked()); })*
                $(if waiting(<$dt as Stored>::KEY) { self.write_merged(self.$df, self.$df.get_untracked()); })*
            }

            /// Runs `f` over everything recorded, read reactively (a memo or view using it reruns when any of it
            /// changes).
            pub fn with_user_data<R>(&self, f: impl FnOnce(&UserData) -> R) -> R {
                $(let $wf = self.$wf.read();)*
                $(let $rf = self.$rf.read();)*
                f(&UserData { $($wf: &$wf,)* $($rf: &$rf,)* })
            }

            /// Runs `f` over everything recorded as it is now, without tracking (for an event handler).
            pub fn with_user_data_untracked<R>(&self, f: impl FnOnce(&UserData) -> R) -> R {
                $(let $wf = self.$wf.read_untracked();)*
                $(let $rf = self.$rf.read_untracked();)*
                f(&UserData { $($wf: &$wf,)* $($rf: &$rf,)* })
            }
        }
    };
}

collection_table!(derive_app_state);

/// A short message, optionally with an Undo action.
#[derive(Clone)]
pub struct Toast {
    /// What happened.
    pub message: String,
    /// Puts things back as they were. A plain shared closure, not a `Callback`: it must outlive the
    /// component that created it (the deleted item's card is gone by the time Undo is pressed).
    pub undo: Option<Arc<dyn Fn() + Send + Sync>>,
}

/// Removes and returns the records for which `remove` is true.
fn take_where<R: Send + Sync + 'static>(signal: RwSignal<Vec<R>>, remove: impl Fn(&R) -> bool) -> Vec<R> {
    let mut taken = Vec::new();
    signal.update(|records| {
        let (gone, kept): (Vec<R>, Vec<R>) = std::mem::take(records).into_iter().partition(|r| remove(r));
        *records = kept;
        taken = gone;
    });
    taken
}

fn with_vault<R>(f: impl FnOnce(&mut AppVault) -> R) -> Option<R> {
    VAULT.with(|cell| cell.borrow_mut().as_mut().map(f))
}

impl AppState {
    /// Opens storage (falling back to memory), loads every collection and provides the state as context.
    pub fn provide() -> AppState {
        // The shared store seals and opens values while the passphrase lock is on and unlocked.
        let (shared, unavailable) = lock::store();
        let store: Box<dyn KvStore> = Box::new(shared);
        let mut vault = Vault::new(store, Box::new(now_iso));
        // Changes kept across a lock: back into the queue and written (or shown as not saved yet) before loading,
        // so every page shows them either way.
        let restored = restore_kept_unsaved(&mut vault);
        let mut problems = Vec::new();
        let mut loaded = Snapshot::load(&mut vault, &mut problems);
        // Older settings held the country and the set-aside suggestions too: moved into the sealed preferences.
        let moved = crate::domain::settings::split_loaded(&mut vault, &mut loaded.settings, &mut loaded.preferences);
        let state = AppState::from_snapshot(loaded, StorageStatus { unavailable, ..Default::default() });
        if let Some(LoadProblem::ReadFailed(e)) = problems.iter().find(|p| matches!(p, LoadProblem::ReadFailed(_))) {
            let message = format!("Saved data could not be read: {e}.");
            state.storage.update(|s| s.save_error = Some(message));
        }
        if let Some(message) = restored {
            state.storage.update(|s| {
                s.save_error = Some(message);
                s.can_retry = true;
            });
        }
        VAULT.with(|cell| *cell.borrow_mut() = Some(vault));
        state.report(moved);
        STATE.with(|s| s.set(Some(state)));
        state.refresh_storage_status();
        provide_context(state);
        browser::listen_to_other_tabs(state);
        browser::watch_the_date();
        browser::ask_for_persistent_storage(state.storage);
        state
    }

    /// The state provided by [`AppState::provide`].
    pub fn get() -> AppState {
        expect_context::<AppState>()
    }

    /// The one save path of a whole-key collection: changes it in memory, marks it changed now
    /// ([`Stored::touch`]), merges it with what storage holds now (another tab may have written since) and writes
    /// it. A failed write keeps the value on screen and reports the error.
    pub fn change<T: Stored + Merge + PartialEq + Send + Sync + 'static>(
        &self,
        signal: RwSignal<T>,
        edit: impl FnOnce(&mut T),
    ) {
        let mut value = signal.get_untracked();
        edit(&mut value);
        value.touch(&now_iso());
        self.write_merged(signal, value);
    }

    /// Merges `value` with what storage holds now and writes the result, without marking it changed (a union
    /// written back, or a change that was waiting).
    fn write_merged<T: Stored + Merge + PartialEq + Send + Sync + 'static>(&self, signal: RwSignal<T>, value: T) {
        let mut set_aside = false;
        let result = with_vault(|vault| {
            let stored = vault.load::<T>();
            set_aside = stored.problem.is_some();
            let merged = stored.value.merge(value.clone());
            vault.save(&merged).map(|_| merged)
        });
        if set_aside {
            self.refresh_storage_status();
        }
        let outcome = match result {
            Some(Ok(merged)) => {
                signal.set(merged);
                Some(Ok(()))
            }
            Some(Err(error)) => {
                signal.set(value);
                Some(Err(error))
            }
            None => {
                signal.set(value);
                None
            }
        };
        self.report(outcome);
    }

    /// Re-reads a collection after another tab changed it, merging so neither tab's entries are lost.
    pub fn reload<T: Stored + Merge + PartialEq + Send + Sync + 'static>(&self, signal: RwSignal<T>) {
        let Some(loaded) = with_vault(|vault| vault.load::<T>()) else {
            return;
        };
        if matches!(loaded.problem, Some(LoadProblem::ReadFailed(_))) {
            // Not readable here (locked in another tab): never taken as empty, never written over.
            return;
        }
        let ours = signal.get_untracked();
        let merged = loaded.value.clone().merge(ours);
        if merged != loaded.value {
            // We hold something the other tab's write did not include: write the union back.
            self.write_merged(signal, merged);
        } else {
            signal.set(merged);
            self.refresh_storage_status();
        }
    }

    /// The one save path of a record: marks it changed now ([`Record::touch`]) and saves it (inserting or
    /// replacing it by id). Returns whether it reached storage; when it did not, the record is still kept in
    /// memory and on screen and the error is shown.
    pub fn save_record<R: Record + Send + Sync + 'static>(&self, signal: RwSignal<Vec<R>>, mut record: R) -> bool {
        record.touch(&now_iso());
        self.restore_record(signal, record)
    }

    /// Finds the record with this id, changes it with `edit` and saves it through [`AppState::save_record`].
    /// Returns false, saving nothing, when it is gone (deleted here or in another tab) or the save failed.
    pub fn update_record<R: Record + Send + Sync + 'static>(
        &self,
        signal: RwSignal<Vec<R>>,
        id: &str,
        edit: impl FnOnce(&mut R),
    ) -> bool {
        let Some(mut record) = signal.with_untracked(|all| all.iter().find(|r| r.id() == id).cloned()) else {
            return false;
        };
        edit(&mut record);
        self.save_record(signal, record)
    }

    /// Saves a record exactly as it is, its time included: for Undo, which puts back what was deleted as it was.
    pub fn restore_record<R: Record + Send + Sync + 'static>(&self, signal: RwSignal<Vec<R>>, record: R) -> bool {
        let result = with_vault(|vault| vault.save_record(&record));
        signal.update(|records| match records.iter_mut().find(|r| r.id() == record.id()) {
            Some(existing) => *existing = record,
            None => records.push(record),
        });
        self.report(result)
    }

    /// Deletes one record and offers Undo, which saves it back exactly as it was.
    pub fn delete_record<R: Record + Send + Sync + 'static>(&self, signal: RwSignal<Vec<R>>, id: &str, what: &str) {
        let mut removed = None;
        signal.update(|records| {
            if let Some(i) = records.iter().position(|r| r.id() == id) {
                removed = Some(records.remove(i));
            }
        });
        let result = with_vault(|vault| vault.delete_record::<R>(id));
        self.report(result);
        if let Some(record) = removed {
            let state = *self;
            self.toast.set(Some(Toast {
                message: format!("{what} deleted."),
                undo: Some(Arc::new(move || {
                    state.restore_record(signal, record.clone());
                    state.toast.set(None);
                })),
            }));
        }
    }

    /// Re-reads a whole collection (after another tab cleared storage): storage is the truth.
    pub fn reload_collection<R: Record + Send + Sync + 'static>(&self, signal: RwSignal<Vec<R>>) {
        if let Some((records, problems)) = with_vault(|vault| vault.load_records::<R>()) {
            // What could not be read (locked in another tab) is not taken as deleted.
            if !problems.iter().any(|p| matches!(p, LoadProblem::ReadFailed(_))) {
                signal.set(records);
            }
        }
        self.refresh_storage_status();
    }

    /// Deletes a person and, if `with_log`, their observations and ladder; one Undo puts all of it back.
    pub fn delete_person(&self, id: &str, with_log: bool) {
        let people = take_where(self.people, |p| p.id == id);
        let observations = if with_log { take_where(self.observations, |o| o.person_id == id) } else { Vec::new() };
        let ladder = if with_log { take_where(self.ladder, |s| s.person_id == id) } else { Vec::new() };
        let result = with_vault(|vault| {
            people.iter().try_for_each(|p| vault.delete_record::<Person>(&p.id))?;
            observations.iter().try_for_each(|o| vault.delete_record::<Observation>(&o.id))?;
            ladder.iter().try_for_each(|s| vault.delete_record::<LadderStep>(&s.id))
        });
        self.report(result);
        let state = *self;
        let what = if with_log { "Person and their log deleted." } else { "Person deleted; their log is kept." };
        self.toast.set(Some(Toast {
            message: what.to_owned(),
            undo: Some(Arc::new(move || {
                people.iter().for_each(|p| {
                    state.restore_record(state.people, p.clone());
                });
                observations.iter().for_each(|o| {
                    state.restore_record(state.observations, o.clone());
                });
                ladder.iter().for_each(|s| {
                    state.restore_record(state.ladder, s.clone());
                });
                state.toast.set(None);
            })),
        }));
    }

    /// Re-reads one record after another tab changed or deleted it; the newer edit wins.
    pub fn reload_record<R: Record + Send + Sync + 'static>(&self, signal: RwSignal<Vec<R>>, id: &str) {
        let Some(loaded) = with_vault(|vault| vault.load_record::<R>(id)) else { return };
        match loaded {
            Ok(Some(theirs)) => signal.update(|records| match records.iter_mut().find(|r| r.id() == id) {
                Some(ours) => *ours = newer_of(ours.clone(), theirs),
                None => records.push(theirs),
            }),
            Ok(None) => signal.update(|records| records.retain(|r| r.id() != id)),
            Err(_) => {}
        }
        self.refresh_storage_status();
    }

    /// Shows a save result: clears the error on success, shows it on failure. Returns whether it saved.
    /// Runs on every keystroke of an autosaved form, so the success path touches nothing else.
    fn report(&self, result: Option<Result<(), SaveError>>) -> bool {
        match result {
            Some(Ok(())) => {
                if self.storage.with_untracked(|s| s.save_error.is_some() || s.needs_unlock) {
                    self.storage.update(|s| {
                        s.save_error = None;
                        s.needs_unlock = false;
                        s.can_retry = false;
                    });
                }
                true
            }
            Some(Err(error)) => {
                let locked = matches!(error, SaveError::Store(StoreError::Locked));
                self.storage.update(|s| {
                    s.save_error = Some(error.to_string());
                    s.needs_unlock = locked;
                    s.can_retry = true;
                });
                self.refresh_storage_status();
                false
            }
            None => false,
        }
    }

    /// After unlocking in this tab (the banner's form): writes every change that was waiting, merging whole-key
    /// collections with what storage holds now (another tab may have changed them while this one could not
    /// read), then re-reads everything. A write storage still refuses stays queued and shown as not saved yet.
    pub fn retry_unsaved(&self) {
        self.resave_waiting();
        let flushed = with_vault(|vault| vault.flush().map_err(SaveError::Store));
        self.report(flushed);
        self.reload_all_from_storage();
        self.refresh_storage_status();
    }

    /// Re-reads quarantine, blocked keys and usage into [`StorageStatus`]. It reads every stored key, so it runs
    /// at start, after another tab's change, and when Settings opens, never on an ordinary save.
    pub fn refresh_storage_status(&self) {
        let snapshot = with_vault(|vault| {
            let blocked = vault.blocked().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
            (vault.quarantined(), blocked, vault.used_units().unwrap_or(0) * 2)
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
            self.storage.update(|s| s.save_error = Some(format!("Could not remove it: {e}.")));
        }
        self.refresh_storage_status();
    }

    /// Another tab wrote a whole-key collection: merged with ours ([`AppState::reload`]), or with `take_storage`
    /// set to what storage holds ([`AppState::reset`]).
    fn reload_or_reset<T: Stored + Merge + PartialEq + Send + Sync + 'static>(
        &self,
        signal: RwSignal<T>,
        take_storage: bool,
    ) {
        if take_storage {
            self.reset(signal);
        } else {
            self.reload(signal);
        }
    }

    /// Sets a whole-key collection to what storage holds, without merging ours back in (another tab or an
    /// import removed or replaced it on purpose).
    pub fn reset<T: Stored + Send + Sync + 'static>(&self, signal: RwSignal<T>) {
        if let Some(loaded) = with_vault(|vault| vault.load::<T>()) {
            if !matches!(loaded.problem, Some(LoadProblem::ReadFailed(_))) {
                signal.set(loaded.value);
            }
        }
    }

    /// Moves what the plain settings hold beyond the theme into the sealed preferences (written by an older
    /// version in another tab, or by an import): preferences first, then the slimmer settings.
    pub fn split_settings(&self) {
        if self.settings.with_untracked(|s| s.extra.is_empty()) {
            return;
        }
        let mut problems = Vec::new();
        let Some((settings, preferences, moved)) =
            with_vault(|vault| crate::domain::settings::load_split(vault, &mut problems))
        else {
            return;
        };
        self.settings.set(settings);
        self.preferences.set(preferences);
        self.report(moved);
    }

    /// Every app key and its stored text, for a backup or an import preview; values that do not open apart.
    pub fn stored_entries(&self) -> Result<crate::storage::StoredEntries, String> {
        with_vault(|vault| vault.entries().map_err(|e| format!("Stored data could not be read: {e}.")))
            .unwrap_or_else(|| Err("Storage is not open.".into()))
    }

    /// Each app key's size as stored (key and value, UTF-16 units), for what an archive would free.
    pub fn stored_units(&self) -> std::collections::BTreeMap<String, usize> {
        with_vault(|vault| vault.units_by_key().unwrap_or_default()).unwrap_or_default()
    }

    /// Writes an import all-or-nothing, then shows what storage now holds. A replace is framed by
    /// [`keys::REPLACED`] markers, so other tabs take storage as it is instead of merging their copy back in.
    pub fn apply_import(&self, changes: &[(String, Option<String>)], mode: ImportMode) -> Result<(), String> {
        let changes: Vec<(String, Option<String>)> = if mode == ImportMode::Replace {
            let now = now_iso();
            let marker = |state: &str| (keys::REPLACED.to_owned(), Some(format!("{state} {now}")));
            std::iter::once(marker(keys::REPLACE_STARTED))
                .chain(changes.iter().cloned())
                .chain([marker("done")])
                .collect()
        } else {
            changes.to_vec()
        };
        let result = with_vault(|vault| vault.apply_all_or_nothing(&changes).map_err(|e| e.to_string()))
            .unwrap_or_else(|| Err("Storage is not open.".into()));
        self.reload_all_from_storage();
        result
    }

    /// Removes every app key, then shows the now-empty app. Returns the app keys the browser kept anyway.
    pub fn erase_everything(&self) -> Result<Vec<String>, String> {
        let result = with_vault(|vault| vault.erase_everything().map_err(|e| format!("The browser refused: {e}.")))
            .unwrap_or_else(|| Err("Storage is not open.".into()));
        // The lock went with everything else: stop sealing.
        lock::store().0.set_key(None);
        self.reload_all_from_storage();
        self.storage.update(|s| s.save_error = None);
        self.refresh_storage_status();
        result
    }

    /// True when any one-key-per-record collection has an entry (reads key names only).
    pub fn has_entries(&self) -> bool {
        with_vault(|vault| {
            vault.store().keys().unwrap_or_default().iter().any(|k| keys::is_record_key(k) && keys::is_backed_up(k))
        })
        .unwrap_or(false)
    }
}

/// Puts changes kept across a lock (see [`keep_unsaved_for_lock`]) back into the queue and tries to write them.
/// Returns what to tell the user when they are still not saved, or could not be brought back.
fn restore_kept_unsaved(vault: &mut AppVault) -> Option<String> {
    let session = web_sys::window().and_then(|w| w.session_storage().ok().flatten())?;
    let text = session.get_item(KEPT_UNSAVED).ok().flatten()?;
    // Taken once: from now on the queue is in memory (and kept again if this tab locks before it is written).
    let _ = session.remove_item(KEPT_UNSAVED);
    let Some(changes) = lock::store().0.open_unsaved(&text) else {
        return Some(
            "Changes made just before Trust Steps was locked could not be brought back: the lock was changed since, so they no longer open."
                .into(),
        );
    };
    vault.requeue(changes);
    match vault.flush() {
        Ok(()) => None,
        Err(error) => Some(format!(
            "Changes made just before Trust Steps was locked are still not saved: {error}. They are kept on screen and saved on the next try."
        )),
    }
}
