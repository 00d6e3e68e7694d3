//! Settings › Delete everything: type-to-confirm, then remove every Trust Steps key, the offline copy and the
//! service worker, and show what is left (nothing).

use super::SettingsSection;
use crate::state::AppState;
use crate::ui::components::fields::TextInput;
use crate::ui::dom::erase_caches_and_worker;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// What the user types to confirm.
pub const CONFIRM_PHRASE: &str = "delete everything";

/// The delete-everything section.
#[component]
pub fn EraseSection() -> impl IntoView {
    let state = AppState::get();
    let typed = RwSignal::new(String::new());
    let result = RwSignal::new(None::<Result<String, String>>);
    let confirmed = move || typed.with(|t| t.trim().eq_ignore_ascii_case(CONFIRM_PHRASE));
    let erase = move |_| {
        if !confirmed() {
            return;
        }
        typed.set(String::new());
        let keys = state.erase_everything();
        spawn_local(async move {
            let caches = erase_caches_and_worker().await;
            result.set(Some(match (keys, caches) {
                (Ok(keys), Ok(caches)) if keys.is_empty() && caches == 0 => Ok(
                    "Everything is deleted. Trust Steps data left in this browser: none. Offline copies left: none."
                        .to_owned(),
                ),
                (Ok(keys), Ok(caches)) => Err(format!(
                    "Almost everything is deleted, but the browser kept {} stored items and {caches} offline copies. Clear this site's data in the browser's settings to remove them.",
                    keys.len()
                )),
                (Err(e), _) | (_, Err(e)) => Err(format!(
                    "Not everything could be deleted: {e} Clear this site's data in the browser's settings to finish."
                )),
            }));
        });
    };
    view! {
        <SettingsSection id="delete-everything" heading_id="erase-heading" heading="Delete everything">
            <p>
                "This removes everything Trust Steps keeps in this browser: every entry, your settings and course progress, anything set aside as unreadable, and the app's offline copy. It cannot be undone. If you might want any of it later, download a backup first."
            </p>
            <TextInput
                id="erase-confirm"
                label="To confirm, type “delete everything”"
                value=typed
                on_input=move |text| {
                    result.set(None);
                    typed.set(text)
                }
            />
            <button
                type="button"
                class="button button--danger"
                disabled=move || !confirmed()
                on:click=erase
            >
                "Delete everything"
            </button>
            {move || {
                result
                    .get()
                    .map(|r| match r {
                        Ok(m) => view! { <p class="banner banner--info" role="status" data-testid="erase-result">{m}</p> }.into_any(),
                        Err(m) => view! { <p class="banner banner--error" role="alert" data-testid="erase-result">{m}</p> }.into_any(),
                    })
            }}
        </SettingsSection>
    }
}
