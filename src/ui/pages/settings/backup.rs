//! Settings › Backup and restore: download a backup; import one by file picker or drag and drop, with a
//! preview, then merge or replace. The rules live in `domain::backup`; this file reads files and renders.

use crate::domain::backup::{
    self, collection_label, export, open_backup, plan, read_file as read_backup_file, seal_backup, Backup,
    CollectionPreview, EncryptedFile, ImportMode, ReadFile, MAX_BYTES,
};
use crate::domain::words::count_of;
use crate::state::lock::{derive_key, random_bytes};
use crate::state::{now_iso, AppState};
use crate::storage::crypto::{Sealer, PBKDF2_ITERATIONS};
use crate::storage::locked::passphrase_problem;
use crate::ui::platform::{download_text, file_date, local_day, read_file};
use leptos::prelude::*;
use leptos::task::spawn_local;

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

/// Saves the text of a backup file (a whole backup, or an archive) as a download named
/// `trust-steps-{stem}-{date}.json`. The one place every backup file leaves the app.
pub fn download_backup_file(text: &str, stem: &str) -> Result<(), String> {
    download_text(&format!("trust-steps-{stem}-{}.json", file_date()), "application/json", text)
        .map_err(|e| format!("The download did not start: {e}"))
}

/// Downloads a backup of everything stored now and records when. Returns an error message if it failed.
pub fn download_backup(state: AppState) -> Result<(), String> {
    let entries = state.stored_entries()?;
    let exported = export(entries.readable, &now_iso());
    download_backup_file(&exported.text, "backup")?;
    state.change(state.backup_status, |s| s.last_backup_at = Some(now_iso()));
    if exported.skipped.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "The backup was downloaded, but {} could not go in it; they are listed under “Data that could not be read”.",
            count_of(exported.skipped.len(), "unreadable entry", "unreadable entries")
        ))
    }
}

/// Downloads a backup encrypted with `passphrase` (PBKDF2-SHA256 with a fresh salt, AES-256-GCM).
async fn download_encrypted_backup(state: AppState, passphrase: String) -> Result<(), String> {
    let entries = state.stored_entries()?;
    let now = now_iso();
    let plain = export(entries.readable, &now).text;
    let salt = random_bytes::<16>();
    let key = derive_key(&passphrase, &salt, PBKDF2_ITERATIONS).await?;
    let file = seal_backup(&plain, &Sealer::new(&key), &salt, random_bytes::<12>(), &now);
    download_text(&format!("trust-steps-backup-{}-encrypted.json", file_date()), "application/json", &file)
        .map_err(|e| format!("The download did not start: {e}"))?;
    state.change(state.backup_status, |s| s.last_backup_at = Some(now_iso()));
    Ok(())
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
    let export_message = RwSignal::new(None::<String>);
    let encrypt = RwSignal::new(false);
    let (backup_passphrase, backup_again) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let exporting = RwSignal::new(false);
    let download = move |_| {
        if !encrypt.get_untracked() {
            export_message.set(download_backup(state).err());
            return;
        }
        let passphrase = backup_passphrase.get_untracked();
        if let Some(problem) = passphrase_problem(&passphrase, &backup_again.get_untracked()) {
            export_message.set(Some(problem.to_owned()));
            return;
        }
        exporting.set(true);
        export_message.set(None);
        spawn_local(async move {
            let result = download_encrypted_backup(state, passphrase).await;
            exporting.set(false);
            export_message.set(result.err());
        });
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
        <section class="settings-section" id="backup" aria-labelledby="backup-heading">
            <h2 id="backup-heading">"Backup and restore"</h2>
            <p>
                "A backup is one file with everything you have written here. It is how you move to another device, and how you get your entries back if this browser's data is ever cleared. The file is not encrypted: keep it somewhere private."
            </p>
            <p data-testid="last-backup">{last_backup}</p>
            <label class="choice">
                <input type="checkbox" prop:checked=move || encrypt.get() on:change=move |ev| encrypt.set(event_target_checked(&ev))/>
                <span>"Encrypt the backup with a passphrase"</span>
            </label>
            <Show when=move || encrypt.get()>
                <div class="field">
                    <label for="backup-passphrase">"Backup passphrase"</label>
                    <input id="backup-passphrase" type="password" autocomplete="new-password" prop:value=move || backup_passphrase.get() on:input=move |ev| backup_passphrase.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="backup-passphrase-again">"Backup passphrase again"</label>
                    <input id="backup-passphrase-again" type="password" autocomplete="new-password" prop:value=move || backup_again.get() on:input=move |ev| backup_again.set(event_target_value(&ev))/>
                </div>
                <p class="hint">"Without this passphrase the file cannot be opened, by anyone."</p>
            </Show>
            <button type="button" class="button button--primary" disabled=move || exporting.get() on:click=download>
                {move || if exporting.get() { "Encrypting…" } else { "Download a backup" }}
            </button>
            {move || export_message.get().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}

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
        </section>
    }
}

/// Asks for an encrypted backup's passphrase, then opens it.
#[component]
fn BackupPassphrase(file: EncryptedFile, error: Option<String>, stage: RwSignal<ImportStage>) -> impl IntoView {
    let passphrase = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let file = StoredValue::new(file);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        busy.set(true);
        let (file, typed) = (file.get_value(), passphrase.get_untracked());
        spawn_local(async move { stage.set(open_encrypted(file, typed).await) });
    };
    view! {
        <form class="card" on:submit=submit>
            <p>"This backup is encrypted. Type the passphrase it was saved with."</p>
            <div class="field">
                <label for="import-passphrase">"Passphrase of this backup"</label>
                <input id="import-passphrase" type="password" autocomplete="off" prop:value=move || passphrase.get() on:input=move |ev| passphrase.set(event_target_value(&ev))/>
            </div>
            <button type="submit" class="button button--primary" disabled=move || busy.get()>
                {move || if busy.get() { "Opening…" } else { "Open the backup" }}
            </button>
            {error.map(|m| view! { <p class="banner banner--error" role="alert" data-testid="import-error">{m}</p> })}
        </form>
    }
}

/// What a checked backup would change, with Merge, Replace and Cancel.
#[component]
fn ImportPreview(backup: Backup, stage: RwSignal<ImportStage>) -> impl IntoView {
    let state = AppState::get();
    let current = state.stored_entries().unwrap_or_default();
    let merge_plan = plan(&backup, &current.readable, ImportMode::Merge);
    let total = merge_plan.total();
    let exported_on = local_day(&backup.exported_at);
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
    let apply = move |mode: ImportMode| {
        if mode == ImportMode::Replace {
            // The current data goes to a file first, so a replace can always be undone by importing it.
            if let Err(message) = download_backup(state) {
                if message.starts_with("The download did not start") {
                    stage.set(ImportStage::Failed(format!("{message}. Nothing was replaced.")));
                    return;
                }
            }
        }
        let outcome = state.stored_entries().and_then(|current| {
            let planned = backup.with_value(|b| plan(b, &current.readable, mode));
            state.apply_import(&planned.writes, mode).map(|_| planned)
        });
        stage.set(match outcome {
            Ok(planned) => ImportStage::Done(done_message(mode, planned.total())),
            Err(message) => ImportStage::Failed(message),
        });
    };
    view! {
        <div class="card import-preview" data-testid="import-preview">
            <h3>"What this backup would change"</h3>
            <p>{format!("The backup was made on {exported_on}.")}</p>
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
            <div class="button-row">
                <button type="button" class="button button--primary" on:click=move |_| apply(ImportMode::Merge)>
                    "Merge into my data"
                </button>
                <button type="button" class="button button--secondary" on:click=move |_| apply(ImportMode::Replace)>
                    "Replace my data"
                </button>
                <button type="button" class="button button--quiet" on:click=move |_| stage.set(ImportStage::Idle)>
                    "Cancel"
                </button>
            </div>
            <p class="hint">
                "Merge adds what is new and takes the backup's version of anything edited more recently there; nothing is removed. Replace makes this device hold exactly what the backup holds ("
                {count_of(total.only_here, "entry", "entries")}
                " only on this device would go); it first downloads a backup of what is here now."
            </p>
        </div>
    }
}

fn done_message(mode: ImportMode, total: CollectionPreview) -> String {
    match mode {
        ImportMode::Merge => format!(
            "Merged: {} added, {} updated, {} already the same, {} kept as they were on this device.",
            total.new,
            total.updated,
            total.identical,
            total.conflicting + total.only_here
        ),
        ImportMode::Replace => format!(
            "Replaced: this device now holds what the backup holds ({} added, {} changed, {} removed). Your previous data was downloaded first.",
            total.new, total.updated, total.only_here
        ),
    }
}
