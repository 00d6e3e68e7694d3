//! Banners for storage problems and app updates. Storage banners are `role="alert"`: they must be noticed.

use crate::state::AppState;
use crate::ui::platform::{pwa_call, pwa_flag};
use leptos::prelude::*;

/// Tells the user when entries are not being saved, a save failed, or unreadable data was set aside.
#[component]
pub fn StorageBanners() -> impl IntoView {
    let state = AppState::get();
    let status = state.storage;
    view! {
        <Show when=move || status.with(|s| s.unavailable)>
            <div class="banner banner--warning" role="alert">
                <strong>"Your entries are not being saved."</strong>
                " This browser is not letting Trust Steps use its storage (it may be switched off or in a private mode). You can keep using the app, but what you write will be gone when you close this tab."
            </div>
        </Show>
        {move || {
            status
                .with(|s| s.save_error.clone())
                .map(|message| {
                    view! {
                        <div class="banner banner--error" role="alert">
                            <strong>"Not saved yet. "</strong>
                            {message}
                        </div>
                    }
                })
        }}
        <Show when=move || status.with(|s| !s.quarantined.is_empty() || !s.blocked.is_empty())>
            <div class="banner banner--warning" role="alert">
                <strong>"Some saved data could not be read."</strong>
                " It has been kept safely to one side, not deleted. You can download it from "
                <a href="/settings#stored-data">"Settings"</a>"."
            </div>
        </Show>
    }
}

/// Offers the waiting new version of the app ("Update ready — reload").
#[component]
pub fn PwaBanner() -> impl IntoView {
    let update_ready = RwSignal::new(pwa_flag("updateReady"));
    let handle = window_event_listener(leptos::ev::Custom::<leptos::ev::Event>::new("ts:update-ready"), move |_| {
        update_ready.set(true)
    });
    on_cleanup(move || handle.remove());
    view! {
        <Show when=move || update_ready.get()>
            <div class="banner banner--info" role="status">
                "A new version of Trust Steps is ready. "
                <button type="button" class="button button--secondary" on:click=|_| pwa_call("applyUpdate")>
                    "Update ready — reload"
                </button>
            </div>
        </Show>
    }
}
