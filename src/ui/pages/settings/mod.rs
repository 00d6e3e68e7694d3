//! `/settings`: theme, storage status, set-aside data, backup and restore, installing the app, deleting everything.

mod archive;
mod backup;
mod erase;
mod lock;
mod readable;

pub use backup::{download_backup, download_backup_file};
pub use readable::gather;

use crate::domain::storage_space::{SpaceUse, SpaceWarning};
use crate::domain::ThemeChoice;
use crate::state::{browser_facts, set_title, AppState};
use crate::ui::components::fields::{Choice, ChoiceGroup, FieldError};
use crate::ui::components::helplines::CountryPicker;
use crate::ui::components::home_screen::{HomeScreenSteps, SevenDayWarning};
use crate::ui::dom::{download_text, pwa_call, pwa_flag};
use leptos::prelude::*;

/// The Settings page.
#[component]
pub fn SettingsPage() -> impl IntoView {
    set_title("Settings");
    AppState::get().refresh_storage_status();
    backup::LockShown::provide();
    view! {
        <h1>"Settings"</h1>
        <ThemeSetting/>
        <CountrySetting/>
        <SevenDayWarning/>
        <StorageSection/>
        <backup::BackupSection/>
        <archive::ArchiveSection/>
        <readable::ReadableSection/>
        <lock::LockSection/>
        <InstallSection/>
        <erase::EraseSection/>
    }
}

/// The Download button of a stored value that could not be read: saves its stored text as `file_name`; a
/// failure is said under the list (`download_error`).
pub(super) fn download_button(
    file_name: String,
    raw: String,
    download_error: RwSignal<Option<String>>,
) -> impl IntoView {
    view! {
        <button
            type="button"
            class="button button--secondary"
            on:click=move |_| download_error.set(download_text(&file_name, "text/plain", &raw).err())
        >
            "Download"
        </button>
    }
}

/// One section of Settings under its own heading (`h2`), with the id that links to it, if any.
#[component]
pub(super) fn SettingsSection(
    /// The id a link can point at (`/settings#backup`).
    #[prop(optional)]
    id: Option<&'static str>,
    /// The heading's id, which names the section.
    heading_id: &'static str,
    /// The heading.
    heading: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <section class="settings-section" id=id aria-labelledby=heading_id>
            <h2 id=heading_id>{heading}</h2>
            {children()}
        </section>
    }
}

#[component]
fn ThemeSetting() -> impl IntoView {
    let state = AppState::get();
    let current = move || state.settings.with(|s| s.theme);
    view! {
        <SettingsSection heading_id="theme-heading" heading="Appearance">
            <ChoiceGroup legend="Theme">
                {ThemeChoice::ALL
                    .into_iter()
                    .map(|choice| {
                        view! {
                            <Choice
                                kind="radio"
                                name="theme"
                                value=choice.as_str()
                                checked=move || current() == choice
                                on_change=move |_| {
                                    state.change(state.settings, |s| s.theme = choice)
                                }
                                label=choice.label()
                            />
                        }
                    })
                    .collect_view()}
            </ChoiceGroup>
        </SettingsSection>
    }
}

/// The country whose help lines come first (the same choice Help offers).
#[component]
fn CountrySetting() -> impl IntoView {
    view! {
        <SettingsSection heading_id="country-heading" heading="Help lines">
            <p>"Pick your country so its crisis and domestic-abuse lines come first on Help and wherever lines are shown."</p>
            <CountryPicker id="settings-country" label="Your country"/>
        </SettingsSection>
    }
}

#[component]
fn StorageSection() -> impl IntoView {
    let state = AppState::get();
    let status = state.storage;
    let space = move || SpaceUse::planned(status.with(|s| s.used_bytes) / 2);
    let used = move || space().used_words();
    let persistence = move || {
        match status.with(|s| (s.unavailable, s.persistent)) {
        (true, _) => "This browser is not letting Trust Steps save anything, so entries last only until the tab closes.",
        (false, Some(true)) => "Storage is persistent: the browser has agreed not to clear it when space runs low.",
        (false, Some(false)) => "Storage is not persistent: the browser may clear it if the device runs short of space. Installing the app makes this less likely.",
        (false, None) => "Checking whether storage is persistent…",
    }
    };
    let download_error = RwSignal::new(None::<String>);
    // Values the lock's key does not open and that are neither set aside nor left in place: listed here too.
    let not_opened = Memo::new(move |_| {
        let blocked: Vec<String> = status.with(|s| s.blocked.iter().map(|(k, _)| k.clone()).collect());
        let mut items = state.stored_entries().map(|e| e.unopened).unwrap_or_default();
        items.retain(|k, _| !blocked.contains(k));
        items
    });
    view! {
        <SettingsSection id="stored-data" heading_id="storage-heading" heading="Your stored data">
            <p>"Everything is kept in this browser on this device. Nothing is sent anywhere."</p>
            <p data-testid="storage-persistence">{persistence}</p>
            <p data-testid="storage-usage">{used}</p>
            {move || space().warning().map(|w| view! { <SpaceWarningCard warning=w in_settings=true/> })}
            <Show when=move || status.with(|s| !s.quarantined.is_empty() || !s.blocked.is_empty()) || not_opened.with(|n| !n.is_empty())>
                <h3>"Data that could not be read"</h3>
                <p>"These were found in storage but could not be read, so they were kept to one side instead of being overwritten. Download them to keep a copy, or discard them."</p>
                <ul class="quarantine-list">
                    {move || {
                        status
                            .with(|s| s.quarantined.clone())
                            .into_iter()
                            .map(|(key, item)| {
                                let file_name = format!("trust-steps-unreadable-{}.txt", item.quarantined_at.replace([':', '.'], "-"));
                                let raw = item.raw.clone();
                                let discard_key = key.clone();
                                view! {
                                    <li class="card">
                                        <p>
                                            <strong>{item.original_key.clone()}</strong>
                                            {format!(" — set aside {} because {}.", item.quarantined_at, item.reason)}
                                        </p>
                                        {download_button(file_name, raw, download_error)}
                                        " "
                                        <button
                                            type="button"
                                            class="button button--quiet"
                                            on:click=move |_| state.discard_quarantined(&discard_key)
                                        >
                                            "Discard"
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                    {move || {
                        status
                            .with(|s| s.blocked.clone())
                            .into_iter()
                            .map(|(key, raw)| {
                                view! {
                                    <li class="card">
                                        <p>
                                            <strong>{key.clone()}</strong>
                                            " could not be read, and there was no room to set it aside, so it was left untouched. Download it, then free some space."
                                        </p>
                                        {download_button("trust-steps-unreadable.txt".to_owned(), raw, download_error)}
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                    <backup::NotOpenedItems items=not_opened download_error/>
                </ul>
                <FieldError message=move || download_error.get().map(|e| format!("The download did not start: {e}"))/>
            </Show>
        </SettingsSection>
    }
}

/// Installing the app: the browser's own prompt where it offers one; on an iPhone or iPad (no prompt there) the
/// Home Screen steps instead; nothing to do when Trust Steps already runs as an installed app.
#[component]
fn InstallSection() -> impl IntoView {
    let state = AppState::get();
    let facts = browser_facts();
    let can_install = RwSignal::new(pwa_flag("canInstall"));
    let handle =
        window_event_listener(leptos::ev::Custom::<leptos::ev::Event>::new("ts:install-available"), move |_| {
            can_install.set(pwa_flag("canInstall"))
        });
    on_cleanup(move || handle.remove());
    let has_entries = Memo::new(move |_| !state.entry_times().is_empty());
    let how = if facts.standalone {
        view! { <p data-testid="installed">"You are using Trust Steps as an installed app on this device."</p> }
            .into_any()
    } else if facts.needs_home_screen_steps() {
        view! {
            <p>"Safari has no install button: you add Trust Steps to your Home Screen yourself, in a few taps."</p>
            {move || view! { <HomeScreenSteps with_backup=has_entries.get()/> }}
        }
        .into_any()
    } else {
        view! {
            <Show
                when=move || can_install.get()
                fallback=|| view! { <p class="hint">"If your browser offers it, an install button appears here. You can also use the browser's menu (for example “Add to Home Screen”)."</p> }
            >
                <button type="button" class="button button--primary" on:click=|_| pwa_call("install")>
                    "Install Trust Steps"
                </button>
            </Show>
        }
        .into_any()
    };
    view! {
        <SettingsSection id="install" heading_id="install-heading" heading="Install">
            <p>"Installed, Trust Steps opens like any other app, works offline, and its data is less likely to be cleared by the browser."</p>
            {how}
        </SettingsSection>
    }
}

/// The calm "space is running low" card, on Today and in Settings next to the usage figure: how much is left,
/// and the ways out (a backup, then an archive of older entries). `in_settings` links to the archive section
/// on the same page; on Today it opens it in Settings.
#[component]
pub fn SpaceWarningCard(
    /// The words, from `SpaceUse::warning`.
    warning: SpaceWarning,
    /// True in Settings (the archive section is on the same page).
    #[prop(optional)]
    in_settings: bool,
) -> impl IntoView {
    let state = AppState::get();
    let message = RwSignal::new(None::<String>);
    let archive_link = if in_settings { "#archive" } else { "/settings#archive" };
    view! {
        <section class="card card--reminder space-warning" aria-labelledby="space-warning-heading" data-testid="space-warning">
            {if in_settings {
                // Inside "Your stored data".
                view! { <h3 id="space-warning-heading">{warning.heading}</h3> }.into_any()
            } else {
                view! { <h2 id="space-warning-heading">{warning.heading}</h2> }.into_any()
            }}
            <p>{warning.situation}</p>
            <p>{warning.ways_out}</p>
            <div class="button-row">
                <button type="button" class="button button--secondary" on:click=move |_| message.set(download_backup(state).err())>
                    "Download a backup"
                </button>
                <a class="button button--secondary" href=archive_link>"Archive older entries"</a>
            </div>
            <FieldError message=move || message.get()/>
        </section>
    }
}
