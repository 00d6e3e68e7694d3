//! Keeping entries on an iPhone or iPad: the seven-day warning (Safari erases a site's saved data after seven
//! days without a visit; Home Screen apps are exempt) and the steps to add Trust Steps to the Home Screen, which
//! iOS offers no install prompt for. Whether to show them is decided in `domain::keep_safe`.

use crate::state::{browser_facts, AppState};
use crate::ui::components::fields::FieldError;
use crate::ui::pages::settings::download_backup;
use leptos::prelude::*;

/// Says plainly that Safari may erase the entries and how adding Trust Steps to the Home Screen prevents it —
/// only in an iPhone or iPad browser tab (not the Home Screen app) and once there is an entry to lose. With
/// `steps_here` the steps open in place (Today); without, it links to them in Settings › Install.
#[component]
pub fn SevenDayWarning(
    /// Show the Home Screen steps inside the warning rather than linking to Settings.
    #[prop(optional)]
    steps_here: bool,
) -> impl IntoView {
    let state = AppState::get();
    let facts = browser_facts();
    let shown = Memo::new(move |_| facts.shows_seven_day_warning(state.entry_times().len()));
    view! {
        <Show when=move || shown.get()>
            <section class="card keep-safe" aria-labelledby="keep-safe-heading" data-testid="seven-day-warning">
                <h2 id="keep-safe-heading">"Safari may erase your entries"</h2>
                <p>
                    "If seven days of using Safari go by without a visit to Trust Steps, Safari deletes everything this site has saved on your device, every entry included. Other iPhone and iPad browsers are built on Safari and may do the same."
                </p>
                <p>
                    "Trust Steps added to your Home Screen is not affected: opened from its icon, it keeps your entries however long you are away."
                </p>
                {if steps_here {
                    view! {
                        <details class="keep-safe__how">
                            <summary>"How to add it to your Home Screen"</summary>
                            <HomeScreenSteps with_backup=true/>
                        </details>
                    }
                        .into_any()
                } else {
                    view! {
                        <p>
                            <a href="/settings#install">"How to add Trust Steps to your Home Screen"</a>
                        </p>
                    }
                        .into_any()
                }}
            </section>
        </Show>
    }
}

/// The steps to add Trust Steps to the Home Screen from Safari. With `with_backup` (there are entries), they
/// start with a backup and end with restoring it: the Home Screen app keeps its own data, apart from Safari's.
#[component]
pub fn HomeScreenSteps(
    /// Start with a backup and end with restoring it (there are entries to bring along).
    with_backup: bool,
) -> impl IntoView {
    let state = AppState::get();
    let message = RwSignal::new(None::<String>);
    let backup_step = with_backup.then(|| {
        view! {
            <li>
                "Download a backup first. The Home Screen app keeps its own data, apart from Safari's, so this is how your entries come with you."
                <div class="button-row">
                    <button type="button" class="button button--secondary" on:click=move |_| message.set(download_backup(state).err())>
                        "Download a backup"
                    </button>
                </div>
                <FieldError message=move || message.get()/>
            </li>
        }
    });
    let restore = with_backup.then_some(
        " Then go to Settings › Backup and restore, choose the backup file, and merge it to bring your entries in.",
    );
    view! {
        <ol class="home-screen-steps" data-testid="home-screen-steps">
            {backup_step}
            <li>
                "In Safari, tap "<strong>"Share"</strong>
                ": the square with an arrow pointing up (in newer versions of Safari it is inside the "<strong>"•••"</strong>" menu)."
            </li>
            <li>"Scroll down the list, tap "<strong>"Add to Home Screen"</strong>", then "<strong>"Add"</strong>"."</li>
            <li>"Open Trust Steps from its new icon on your Home Screen."{restore}</li>
        </ol>
    }
}
