//! Settings › Backup and restore: download a backup; import one by file picker or drag and drop, with a
//! preview, then merge, or replace after a safety copy. The rules live in `domain::backup`; this file reads
//! files and renders. Every backup file leaves the app through [`download_backup_file`] (encrypted while the
//! lock is on) or, asked for in so many words, through the plain copy.

use super::{download_button, SettingsSection};
use crate::domain::backup::{
    self, collection_label, export_stored, open_backup, plan_import, protect, read_file as read_backup_file,
    seal_backup_with_passphrase, Backup, CollectionPreview, EncryptedFile, Export, FileProtection, ImportMode,
    ImportPlan, ReadFile, MAX_BYTES,
};
use crate::domain::words::count_of;
use crate::state::lock::{self, derive_key, random_bytes};
use crate::state::{now_iso, AppState};
use crate::storage::crypto::{Sealer, PBKDF2_ITERATIONS};
use crate::storage::locked::passphrase_problem;
use crate::storage::StoreError;
use crate::ui::components::fields::{ChoiceGroup, FieldError, PasswordInput};
use crate::ui::dom::{download_text, file_date, local_day, read_file};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::BTreeMap;

/// Where an import is.
#[derive(Clone)]
enum ImportStage {
    /// Nothing chosen yet.
    Idle,
    /// Reading and checking the file.
    Checking,
    /// The file cannot be imported; nothing was changed.
    Failed(String),
    /// An encrypted backup waiting for its passphrase (with the last attempt's error).
    NeedsPassphrase(EncryptedFile, Option<String>),
    /// Checked: the backup and what it would change, waiting for merge, replace or cancel.
    Preview(Backup),
    /// Imported; what happened.
    Done(String),
}

/// Where a Replace is. A browser cannot tell whether a download was saved, so the safety copy and the Replace
/// are two steps the user takes, and Cancel at either replaces nothing.
#[derive(Clone)]
enum ReplaceStep {
    /// Not asked for.
    NotAsked,
    /// Asked for: the safety copy comes first (with why the last attempt to make it failed).
    NeedsCopy(Option<String>),
    /// The safety copy was downloaded (what opens it); Replace is offered.
    CopyMade(String),
}

/// How the user wants a backup file protected.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Protect {
    /// As the lock is: encrypted with the lock's passphrase while it is on, plain while it is off.
    AsTheLock,
    /// With a passphrase typed for this file.
    Own,
    /// Plain text while the lock is on, after saying what that means and a tick to confirm.
    Plain,
}

/// Whether Settings shows the passphrase lock as on: provided by the Settings page, so the lock section (which
/// turns it on and off) and the backup section (which offers the lock's passphrase for the file) agree.
#[derive(Clone, Copy)]
pub struct LockShown(pub RwSignal<bool>);

impl LockShown {
    /// A signal starting from what storage says now.
    pub fn provide() {
        provide_context(LockShown(RwSignal::new(lock_is_stored())));
    }

    /// The signal Settings provides, or a fresh one from storage when none is.
    pub fn signal() -> RwSignal<bool> {
        use_context::<LockShown>().map_or_else(|| RwSignal::new(lock_is_stored()), |shown| shown.0)
    }
}

/// True while a lock record is stored (an unreadable one counts: fail closed).
fn lock_is_stored() -> bool {
    !matches!(lock::lock_record(), Ok(None))
}

/// Saves the text of a backup file (a whole backup, or an archive) as a download named
/// `trust-steps-{stem}-{date}.json`. The one place every backup file leaves the app: while the lock is on it is
/// encrypted with the lock's data key (it opens with the lock's passphrase, no typing needed), and while this
/// tab cannot do that (locked here) nothing is downloaded — never a plain file in its place.
pub fn download_backup_file(text: &str, stem: &str) -> Result<(), String> {
    save_backup_file(text, stem).map(|_| ())
}

/// [`download_backup_file`], saying how the file is protected.
fn save_backup_file(text: &str, stem: &str) -> Result<FileProtection, String> {
    let (store, _) = lock::store();
    let current = store.current_lock().map_err(|e| match e {
        StoreError::Locked => "Trust Steps is locked in this tab, so no file was made (it could not be encrypted). Unlock it, then try again.".to_owned(),
        other => format!("The lock settings could not be read ({other}), so no file was made."),
    })?;
    let (file, protection) =
        protect(text, current.as_ref().map(|(record, key)| (record, key)), random_bytes::<12>(), &now_iso());
    save_file(&file, stem, protection)?;
    Ok(protection)
}

/// Downloads `text` as `trust-steps-{stem}-{date}[-encrypted].json`.
fn save_file(text: &str, stem: &str, protection: FileProtection) -> Result<(), String> {
    let name = format!("trust-steps-{stem}-{}{}.json", file_date(), protection.file_suffix());
    download_text(&name, "application/json", text).map_err(|e| format!("The download did not start: {e}"))
}

/// Records the download and says what opens the file; an `Err` (the file was saved all the same) when some
/// entries could not go in it.
fn after_download(state: AppState, protection: FileProtection, exported: &Export) -> Result<String, String> {
    state.change(state.backup_status, |s| s.last_backup_at = Some(now_iso()));
    match exported.left_out() {
        None => Ok(protection.opens_with().to_owned()),
        Some(left_out) => Err(format!("The backup was downloaded. {} But {left_out}", protection.opens_with())),
    }
}

/// Downloads a backup of everything stored now and records when: encrypted with the lock's passphrase while the
/// lock is on (see [`download_backup_file`]). Says what opens the file, or what went wrong.
pub fn download_backup(state: AppState) -> Result<String, String> {
    download_backup_named(state, "backup")
}

fn download_backup_named(state: AppState, stem: &str) -> Result<String, String> {
    let exported = export_stored(&state.stored_entries()?, &now_iso());
    let protection = save_backup_file(&exported.text, stem)?;
    after_download(state, protection, &exported)
}

/// Downloads a plain backup even while the lock is on: only after the user read what that means and confirmed.
fn download_plain_backup(state: AppState) -> Result<String, String> {
    let exported = export_stored(&state.stored_entries()?, &now_iso());
    save_file(&exported.text, "backup", FileProtection::Plain)?;
    after_download(state, FileProtection::Plain, &exported)
}

/// Downloads a backup encrypted with a passphrase chosen for it (PBKDF2-SHA256 with a fresh salt wraps a fresh
/// file key; AES-256-GCM).
async fn download_encrypted_backup(state: AppState, passphrase: String) -> Result<String, String> {
    let now = now_iso();
    let exported = export_stored(&state.stored_entries()?, &now);
    let salt = random_bytes::<16>();
    let key = derive_key(&passphrase, &salt, PBKDF2_ITERATIONS).await.map_err(|e| e.to_string())?;
    let file = seal_backup_with_passphrase(
        &exported.text,
        &Sealer::new(&key),
        (&salt, PBKDF2_ITERATIONS),
        &random_bytes::<32>(),
        (random_bytes::<12>(), random_bytes::<12>()),
        &now,
    );
    save_file(&file, "backup", FileProtection::OwnPassphrase)?;
    after_download(state, FileProtection::OwnPassphrase, &exported)
}

/// Opens an encrypted backup with the passphrase typed for it.
async fn open_encrypted(file: EncryptedFile, passphrase: String) -> ImportStage {
    let salt = match file.salt_bytes() {
        Ok(salt) => salt,
        Err(error) => return ImportStage::Failed(error.to_string()),
    };
    match derive_key(&passphrase, &salt, file.iterations).await {
        Err(e) => {
            ImportStage::NeedsPassphrase(file, Some(format!("The key could not be made ({e}). Nothing was changed.")))
        }
        Ok(key) => match open_backup(&file, &Sealer::new(&key)) {
            Ok(backup) => ImportStage::Preview(backup),
            Err(backup::ImportError::WrongPassphrase) => {
                ImportStage::NeedsPassphrase(file, Some(backup::ImportError::WrongPassphrase.to_string()))
            }
            Err(error) => ImportStage::Failed(error.to_string()),
        },
    }
}

/// The backup and restore section.
#[component]
pub fn BackupSection() -> impl IntoView {
    let state = AppState::get();
    let lock_on = LockShown::signal();
    let export_message = RwSignal::new(None::<Result<String, String>>);
    let protect_with = RwSignal::new(Protect::AsTheLock);
    let plain_understood = RwSignal::new(false);
    let (backup_passphrase, backup_again) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let exporting = RwSignal::new(false);
    let download = move |_| {
        // What the lock is now, not what the page last showed: a lock turned on since is never skipped.
        let locked_now = lock_is_stored();
        lock_on.set(locked_now);
        match protect_with.get_untracked() {
            Protect::AsTheLock => export_message.set(Some(download_backup(state))),
            Protect::Plain if locked_now && !plain_understood.get_untracked() => export_message.set(Some(Err(
                "Nothing was downloaded. A plain copy can be read by anyone who has the file: tick the box to say you understand, or choose a passphrase."
                    .into(),
            ))),
            Protect::Plain => export_message.set(Some(download_plain_backup(state))),
            Protect::Own => {
                let passphrase = backup_passphrase.get_untracked();
                if let Some(problem) = passphrase_problem(&passphrase, &backup_again.get_untracked()) {
                    export_message.set(Some(Err(problem.to_owned())));
                    return;
                }
                exporting.set(true);
                export_message.set(None);
                spawn_local(async move {
                    let result = download_encrypted_backup(state, passphrase).await;
                    exporting.set(false);
                    export_message.set(Some(result));
                });
            }
        }
    };
    let choice = move |value: Protect, label: &'static str| {
        view! {
            <label class="choice">
                <input
                    type="radio"
                    name="backup-protection"
                    prop:checked=move || protect_with.get() == value
                    on:change=move |_| {
                        protect_with.set(value);
                        export_message.set(None);
                    }
                />
                <span>{label}</span>
            </label>
        }
    };
    let stage = RwSignal::new(ImportStage::Idle);
    let last_backup = move || {
        state.backup_status.with(|s| match &s.last_backup_at {
            Some(at) => format!("Last backup from this device: {}.", local_day(at)),
            None => "No backup has been downloaded from this device yet.".to_owned(),
        })
    };
    let choose = move |file: web_sys::File| {
        if file.size() > MAX_BYTES as f64 {
            let error = backup::ImportError::TooLarge { bytes: file.size() as usize };
            stage.set(ImportStage::Failed(error.to_string()));
            return;
        }
        stage.set(ImportStage::Checking);
        spawn_local(async move {
            let next = match read_file(&file).await {
                Err(e) => ImportStage::Failed(format!("The file could not be read ({e}). Nothing was changed.")),
                Ok(bytes) => match read_backup_file(&bytes) {
                    Ok(ReadFile::Plain(backup)) => ImportStage::Preview(backup),
                    Ok(ReadFile::Encrypted(file)) => ImportStage::NeedsPassphrase(file, None),
                    Err(error) => ImportStage::Failed(error.to_string()),
                },
            };
            stage.set(next);
        });
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|files| files.get(0)) {
            choose(file);
        }
        // Choosing the same file again must fire `change` again.
        input.set_value("");
    };
    let dragging = RwSignal::new(false);
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(file) = ev.data_transfer().and_then(|d| d.files()).and_then(|files| files.get(0)) {
            choose(file);
        }
    };
    view! {
        <SettingsSection id="backup" heading_id="backup-heading" heading="Backup and restore">
            <p>
                "A backup is one file with everything you have written here. It is how you move to another device, and how you get your entries back if this browser's data is ever cleared."
            </p>
            <p data-testid="backup-protection">
                {move || if lock_on.get() {
                    "While the lock is on, the backup is encrypted too: it opens with the passphrase your lock has now, and there is nothing to type to make it."
                } else {
                    "The file is not encrypted unless you choose a passphrase for it: keep it somewhere private."
                }}
            </p>
            <p data-testid="last-backup">{last_backup}</p>
            <Show
                when=move || lock_on.get()
                fallback=move || view! {
                    <label class="choice">
                        <input
                            type="checkbox"
                            prop:checked=move || protect_with.get() == Protect::Own
                            on:change=move |ev| protect_with.set(if event_target_checked(&ev) { Protect::Own } else { Protect::AsTheLock })
                        />
                        <span>"Encrypt the backup with a passphrase"</span>
                    </label>
                }
            >
                <ChoiceGroup legend="Protect the file with">
                    {choice(Protect::AsTheLock, "The passphrase your lock has now")}
                    {choice(Protect::Own, "A different passphrase, just for this file")}
                    {choice(Protect::Plain, "No passphrase: a plain copy")}
                </ChoiceGroup>
                <Show when=move || protect_with.get() == Protect::AsTheLock>
                    <p class="hint">"Nothing to type. If you change the lock's passphrase later, this file still opens with the one it has today."</p>
                </Show>
            </Show>
            <Show when=move || protect_with.get() == Protect::Own>
                <PasswordInput id="backup-passphrase" label="Backup passphrase" value=backup_passphrase autocomplete="new-password"/>
                <PasswordInput id="backup-passphrase-again" label="Backup passphrase again" value=backup_again autocomplete="new-password"/>
                <p class="hint">"Without this passphrase the file cannot be opened, by anyone."</p>
            </Show>
            <Show when=move || lock_on.get() && protect_with.get() == Protect::Plain>
                <div class="banner banner--warning" data-testid="plain-copy-warning">
                    <p>
                        "A plain copy is not encrypted. Anyone who gets the file — from your Downloads, a shared computer, a cloud folder or an email — can read every entry in it, without any passphrase. The lock does not protect it."
                    </p>
                    <label class="choice">
                        <input type="checkbox" prop:checked=move || plain_understood.get() on:change=move |ev| plain_understood.set(event_target_checked(&ev))/>
                        <span>"I understand that anyone with this file can read every entry."</span>
                    </label>
                </div>
            </Show>
            <button type="button" class="button button--primary" disabled=move || exporting.get() on:click=download>
                {move || if exporting.get() { "Encrypting…" } else { "Download a backup" }}
            </button>
            {move || export_message.get().map(|m| match m {
                Ok(text) => view! { <p class="banner banner--info" role="status" data-testid="backup-message">{text}</p> }.into_any(),
                Err(text) => view! { <FieldError message=move || Some(text.clone()) test_id="backup-message"/> }.into_any(),
            })}

            <h3>"Restore from a backup"</h3>
            <div
                class="drop-zone"
                class:drop-zone--over=move || dragging.get()
                on:dragover=move |ev: leptos::ev::DragEvent| {
                    ev.prevent_default();
                    dragging.set(true);
                }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop
            >
                <label for="import-file" class="drop-zone__label">"Choose a backup file"</label>
                <input id="import-file" type="file" accept=".json,application/json" on:change=on_pick/>
                <p class="hint">"…or drop it here. Nothing changes until you choose what to do with it."</p>
            </div>
            <div aria-live="polite">
                {move || match stage.get() {
                    ImportStage::Idle => ().into_any(),
                    ImportStage::Checking => view! { <p>"Checking the file…"</p> }.into_any(),
                    ImportStage::Failed(message) => {
                        view! { <p class="banner banner--error" role="alert" data-testid="import-error">{message}</p> }.into_any()
                    }
                    ImportStage::Done(message) => {
                        view! { <p class="banner banner--info" role="status" data-testid="import-done">{message}</p> }.into_any()
                    }
                    ImportStage::Preview(backup) => view! { <ImportPreview backup stage/> }.into_any(),
                    ImportStage::NeedsPassphrase(file, error) => view! { <BackupPassphrase file error stage/> }.into_any(),
                }}
            </div>
        </SettingsSection>
    }
}

/// Asks for an encrypted backup's passphrase, then opens it.
#[component]
fn BackupPassphrase(file: EncryptedFile, error: Option<String>, stage: RwSignal<ImportStage>) -> impl IntoView {
    let passphrase = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let question = if file.opens_with_lock() {
        format!(
            "This backup was made while the passphrase lock was on. Type the passphrase the lock had on {} (when the backup was made).",
            local_day(&file.exported_at)
        )
    } else {
        "This backup is encrypted. Type the passphrase it was saved with.".to_owned()
    };
    let file = StoredValue::new(file);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        busy.set(true);
        let (file, typed) = (file.get_value(), passphrase.get_untracked());
        spawn_local(async move { stage.set(open_encrypted(file, typed).await) });
    };
    view! {
        <form class="card" on:submit=submit>
            <p data-testid="import-question">{question}</p>
            <PasswordInput id="import-passphrase" label="Passphrase of this backup" value=passphrase autocomplete="off"/>
            <button type="submit" class="button button--primary" disabled=move || busy.get()>
                {move || if busy.get() { "Opening…" } else { "Open the backup" }}
            </button>
            {error.map(|m| view! { <p class="banner banner--error" role="alert" data-testid="import-error">{m}</p> })}
        </form>
    }
}

/// Downloads the safety copy before a Replace (encrypted while the lock is on) and says what opens it.
fn safety_copy(state: AppState) -> Result<String, String> {
    match download_backup_named(state, "backup-before-replace") {
        Ok(opens) => Ok(opens),
        // Saved, but some entries could not go in it: they stay on this device (a Replace never removes them).
        Err(message) if message.starts_with("The backup was downloaded") => Ok(message),
        Err(message) => Err(message),
    }
}

/// What a checked backup would change, with Merge, Replace (after a safety copy) and Cancel. While storage
/// cannot be read (this tab is locked) it says so and offers neither: an empty device must never be assumed.
#[component]
fn ImportPreview(backup: Backup, stage: RwSignal<ImportStage>) -> impl IntoView {
    let state = AppState::get();
    let current = match state.stored_entries() {
        Ok(current) => current,
        Err(problem) => {
            return view! {
                <div class="card import-preview" data-testid="import-preview">
                    <p class="banner banner--error" role="alert" data-testid="import-error">
                        {format!("{problem} So this backup cannot be compared with your data, and nothing can be merged or replaced now. Unlock Trust Steps (or reload this tab), then choose the file again. Nothing was changed.")}
                    </p>
                    <button type="button" class="button button--quiet" on:click=move |_| stage.set(ImportStage::Idle)>
                        "Cancel"
                    </button>
                </div>
            }
            .into_any();
        }
    };
    let merge_plan = plan_import(&backup, &current, ImportMode::Merge);
    let total = merge_plan.total();
    let kept = kept_note(&merge_plan);
    let exported_on = local_day(&backup.exported_at);
    // An archive holds only older entries: replacing with it would remove everything else.
    let archive_before = backup.archive.as_ref().map(|mark| local_day(&mark.before));
    let is_archive = archive_before.is_some();
    let rows = merge_plan
        .collections
        .iter()
        .map(|(name, c)| {
            let CollectionPreview { new, updated, identical, conflicting, only_here } = *c;
            view! {
                <tr>
                    <th scope="row">{collection_label(name)}</th>
                    <td>{new}</td>
                    <td>{updated}</td>
                    <td>{identical}</td>
                    <td>{conflicting}</td>
                    <td>{only_here}</td>
                </tr>
            }
        })
        .collect_view();
    let backup = StoredValue::new(backup);
    let replace = RwSignal::new(ReplaceStep::NotAsked);
    let apply = move |mode: ImportMode| {
        let outcome = state.stored_entries().and_then(|current| {
            let planned = backup.with_value(|b| plan_import(b, &current, mode));
            state.apply_import(&planned.writes, mode).map(|_| planned)
        });
        stage.set(match outcome {
            Ok(planned) => ImportStage::Done(done_message(mode, &planned)),
            Err(message) => ImportStage::Failed(format!("{message} Nothing was changed.")),
        });
    };
    let make_copy = move |_| {
        replace.set(match safety_copy(state) {
            Ok(opens) => ReplaceStep::CopyMade(opens),
            Err(problem) => ReplaceStep::NeedsCopy(Some(format!(
                "The safety copy could not be made: {problem} Nothing was replaced."
            ))),
        })
    };
    // Cancel, at every step: back to choosing a file, nothing changed.
    let cancel = move || {
        view! {
            <button type="button" class="button button--quiet" on:click=move |_| stage.set(ImportStage::Idle)>
                "Cancel"
            </button>
        }
    };
    let only_here = count_of(total.only_here, "entry", "entries");
    let steps = move || {
        match replace.get() {
        ReplaceStep::NotAsked => view! {
            <div class="button-row">
                <button type="button" class="button button--primary" on:click=move |_| apply(ImportMode::Merge)>
                    "Merge into my data"
                </button>
                <Show when=move || !is_archive>
                    <button type="button" class="button button--secondary" on:click=move |_| replace.set(ReplaceStep::NeedsCopy(None))>
                        "Replace my data"
                    </button>
                </Show>
                {cancel()}
            </div>
            <p class="hint" hidden=is_archive>
                "Merge adds what is new and takes the backup's version of anything edited more recently there; nothing is removed. Replace makes this device hold exactly what the backup holds ("
                {only_here.clone()}
                " only on this device would go); you download a safety copy of what is here first."
            </p>
        }
        .into_any(),
        ReplaceStep::NeedsCopy(problem) => view! {
            <div class="replace-steps" data-testid="replace-steps">
                <h4>"Replace, step 1 of 2: a safety copy"</h4>
                <p>
                    {format!("Replace removes the {only_here} only on this device and takes the backup's version of everything else. First download a copy of what is here now: importing that file brings it all back.")}
                </p>
                <div class="button-row">
                    <button type="button" class="button button--primary" on:click=make_copy>
                        "Download a safety copy"
                    </button>
                    {cancel()}
                </div>
                <FieldError message=move || problem.clone() test_id="replace-error"/>
            </div>
        }
        .into_any(),
        ReplaceStep::CopyMade(opens) => view! {
            <div class="replace-steps" data-testid="replace-steps">
                <h4>"Replace, step 2 of 2"</h4>
                <p role="status" data-testid="safety-copy-made">{format!("The safety copy was downloaded. {opens}")}</p>
                <p>
                    "Press “Replace my data” only once the file is saved: look for it in your Downloads (or where your browser keeps files). If the browser asked where to save it and you cancelled, download it again first."
                </p>
                <div class="button-row">
                    <button type="button" class="button button--primary" on:click=move |_| apply(ImportMode::Replace)>
                        "Replace my data"
                    </button>
                    <button type="button" class="button button--secondary" on:click=make_copy>
                        "Download the safety copy again"
                    </button>
                    {cancel()}
                </div>
            </div>
        }
        .into_any(),
    }
    };
    view! {
        <div class="card import-preview" data-testid="import-preview">
            <h3>"What this backup would change"</h3>
            <p>{format!("The backup was made on {exported_on}.")}</p>
            {archive_before.map(|before| view! {
                <p data-testid="import-archive">
                    {format!("This file is an archive: the entries last changed before {before} that were moved off this device. Merge puts them back and keeps everything else; Replace is not offered, because it would remove everything the archive does not hold.")}
                </p>
            })}
            <div class="table-scroll">
                <table class="history-table">
                    <caption>"Entries by kind, if merged"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Kind"</th>
                            <th scope="col">"New"</th>
                            <th scope="col">"Newer in the backup"</th>
                            <th scope="col">"Same"</th>
                            <th scope="col">"Newer here (kept)"</th>
                            <th scope="col">"Only on this device"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <p data-testid="import-summary">
                {format!(
                    "{} new, {} newer in the backup, {} the same, {} newer on this device, {} only on this device.",
                    total.new, total.updated, total.identical, total.conflicting, total.only_here
                )}
            </p>
            {kept.map(|note| view! { <p data-testid="import-kept">{note}</p> })}
            {steps}
        </div>
    }
    .into_any()
}

/// Says which entries no import touches (unreadable here, or not opened by the lock's key), if any.
fn kept_note(plan: &ImportPlan) -> Option<String> {
    (!plan.kept_unreadable.is_empty()).then(|| {
        format!(
            "{} on this device could not be read, so whatever you choose, they stay exactly as they are (see “Data that could not be read” above).",
            count_of(plan.kept_unreadable.len(), "entry", "entries")
        )
    })
}

/// Lists values that do not open with the lock's key, which no backup can carry, each with its stored text
/// (encrypted, as it is) for download. Those already set aside or left in place are listed by the section itself.
#[component]
pub fn NotOpenedItems(
    /// Stored key and text of each value that does not open.
    items: Memo<BTreeMap<String, String>>,
    /// Where a failed download says so.
    download_error: RwSignal<Option<String>>,
) -> impl IntoView {
    move || {
        items
            .get()
            .into_iter()
            .map(|(key, raw)| {
                let name = key.strip_prefix("trust-steps/").unwrap_or(&key).replace(['/', ':', '.'], "-");
                let file_name = format!("trust-steps-not-opened-{name}.txt");
                view! {
                    <li class="card" data-testid="not-opened">
                        <p>
                            <strong>{key.clone()}</strong>
                            " could not be decrypted with your lock's key (it was altered, or sealed with a key that no longer exists). It is kept as it is, and backups leave it out. Its stored text is still encrypted; download it to keep a copy."
                        </p>
                        {download_button(file_name, raw, download_error)}
                    </li>
                }
            })
            .collect_view()
    }
}

fn done_message(mode: ImportMode, planned: &ImportPlan) -> String {
    let total = planned.total();
    let kept = kept_note(planned).map(|note| format!(" {note}")).unwrap_or_default();
    let said = match mode {
        ImportMode::Merge => format!(
            "Merged: {} added, {} updated, {} already the same, {} kept as they were on this device.",
            total.new,
            total.updated,
            total.identical,
            total.conflicting + total.only_here
        ),
        ImportMode::Replace => format!(
            "Replaced: this device now holds what the backup holds ({} added, {} changed, {} removed). The safety copy you downloaded holds what was here before; import it to bring that back.",
            total.new, total.updated, total.only_here
        ),
    };
    format!("{said}{kept}")
}
