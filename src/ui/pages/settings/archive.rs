//! Settings › Make room: move entries last changed before a chosen day into an archive file (a backup of just
//! those entries), then, as a second step, remove them from this device. The rules live in `domain::archive`.

use super::SettingsSection;
use crate::domain::archive::{archive_file, cutoff_problem, default_cutoff, plan, removal, ArchivePlan};
use crate::domain::backup::ImportMode;
use crate::domain::storage_space::{size_words, PLANNED_QUOTA_UNITS};
use crate::domain::words::count_of;
use crate::state::{now_iso, today, AppState};
use crate::ui::components::fields::{FieldError, TextInput};
use crate::ui::dom::local_day;
use crate::ui::pages::settings::download_backup_file;
use leptos::prelude::*;

/// Where the two steps are.
#[derive(Clone, PartialEq)]
enum Stage {
    /// Choosing the day.
    Choosing,
    /// The archive was downloaded: these entries wait for "Remove these from this device".
    Downloaded(ArchivePlan),
    /// Done, with what happened.
    Done(String),
}

/// The archive section (`#archive`), reached from the space warning.
#[component]
pub fn ArchiveSection() -> impl IntoView {
    let state = AppState::get();
    let before = RwSignal::new(default_cutoff(&today()));
    let stage = RwSignal::new(Stage::Choosing);
    let message = RwSignal::new(None::<String>);
    // Recomputed when the day changes or any collection does (another tab, an import).
    let preview = Memo::new(move |_| {
        let day = before.get();
        if cutoff_problem(&day, &today()).is_some() {
            return None;
        }
        state.journal.track();
        state.triggers.track();
        state.observations.track();
        state.assessments.track();
        state.worksheets.track();
        state.storage.track();
        let stored = state.stored_entries().ok()?;
        Some(plan(&stored.readable, &state.stored_units(), &day))
    });
    let download = move |_| {
        message.set(None);
        if let Some(problem) = cutoff_problem(&before.get_untracked(), &today()) {
            message.set(Some(problem.to_owned()));
            return;
        }
        let Some(plan) = preview.get_untracked().filter(|p| !p.is_empty()) else {
            message.set(Some("Nothing was last changed before that day, so there is nothing to archive.".into()));
            return;
        };
        match download_backup_file(&archive_file(&plan, &now_iso()), "archive") {
            Ok(()) => stage.set(Stage::Downloaded(plan)),
            Err(e) => message.set(Some(format!("{e}. Nothing was removed."))),
        }
    };
    let remove = move |archived: ArchivePlan| {
        let current = match state.stored_entries() {
            Ok(current) => current.readable,
            Err(e) => {
                message.set(Some(format!("{e} Nothing was removed.")));
                return;
            }
        };
        let gone = removal(&archived.entries, &current);
        let changes: Vec<(String, Option<String>)> = gone.remove.iter().map(|k| (k.clone(), None)).collect();
        match state.apply_import(&changes, ImportMode::Merge) {
            Ok(()) => {
                let mut done = format!(
                    "{} removed from this device. They are in the archive file you downloaded; restore it under “Backup and restore” to bring them back.",
                    count_of(gone.remove.len(), "entry was", "entries were")
                );
                if !gone.changed.is_empty() {
                    done.push_str(&format!(
                        " {} changed after the archive was made, so {} kept here.",
                        count_of(gone.changed.len(), "entry", "entries"),
                        if gone.changed.len() == 1 { "it was" } else { "they were" }
                    ));
                }
                stage.set(Stage::Done(done));
            }
            Err(e) => message.set(Some(format!("Nothing was removed: {e}."))),
        }
    };
    let preview_text = move || match preview.get() {
        None => String::new(),
        Some(p) if p.is_empty() => "Nothing was last changed before that day.".to_owned(),
        Some(p) => format!(
            "The archive would hold {}, and removing them would free {} ({}% of the space Trust Steps plans for).",
            p.summary(),
            size_words(p.units),
            p.units * 100 / PLANNED_QUOTA_UNITS
        ),
    };
    view! {
        <SettingsSection id="archive" heading_id="archive-heading" heading="Make room: archive older entries">
            <p>"Move older entries off this device into an archive file you keep. Restoring that file with Merge, under “Backup and restore”, brings them back. Thought records, the trigger log, observations about people, self-assessments and worksheets can be archived; people, their ladders, promises and beliefs always stay."</p>
            {move || match stage.get() {
                Stage::Choosing => view! {
                    <TextInput
                        id="archive-before"
                        label="Archive entries last changed before"
                        hint="A year ago is a good start: recent entries stay where you use them."
                        kind="date"
                        value=before
                        on_input=move |v| {
                            before.set(v);
                            message.set(None);
                        }
                    />
                    <p data-testid="archive-preview" aria-live="polite">{preview_text}</p>
                    <p class="hint">"First step: download the archive. Nothing leaves this device until you also choose to remove those entries."</p>
                    <button type="button" class="button button--secondary" on:click=download>
                        "Download the archive"
                    </button>
                }
                .into_any(),
                Stage::Downloaded(archived) => {
                    let count = archived.entries.len();
                    let last_day = local_day(&archived.before);
                    view! {
                        <div class="card card--reminder" data-testid="archive-downloaded">
                            <p>{format!(
                                "The archive file holds {} last changed before {last_day}: {}.",
                                count_of(count, "entry", "entries"),
                                archived.summary()
                            )}</p>
                            <p>"Keep that file somewhere safe. Once these entries are removed from this device, that file is the only copy of them."</p>
                            <div class="button-row">
                                <button type="button" class="button button--primary" on:click=move |_| remove(archived.clone())>
                                    "Remove these from this device"
                                </button>
                                <button type="button" class="button button--quiet" on:click=move |_| stage.set(Stage::Choosing)>
                                    "Keep them here"
                                </button>
                            </div>
                        </div>
                    }
                    .into_any()
                }
                Stage::Done(done) => view! {
                    <p role="status" data-testid="archive-done">{done}</p>
                    <button type="button" class="button button--quiet" on:click=move |_| stage.set(Stage::Choosing)>
                        "Archive more"
                    </button>
                }
                .into_any(),
            }}
            <FieldError message=move || message.get()/>
        </SettingsSection>
    }
}
