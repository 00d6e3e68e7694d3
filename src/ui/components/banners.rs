//! Banners for storage problems and app updates. Storage banners are `role="alert"`: they must be noticed.

use crate::domain::words::count_of;
use crate::state::{lock, AppState};
use crate::ui::components::unlock::{UnlockForm, UnlockPlace};
use crate::ui::dom::{pwa_call, pwa_flag};
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
            let (message, needs_unlock, can_retry) =
                status.with(|s| (s.save_error.clone(), s.needs_unlock, s.can_retry));
            if needs_unlock {
                return Some(view! { <UnlockHere/> }.into_any());
            }
            message
                .map(|message| {
                    view! {
                        <div class="banner banner--error" role="alert">
                            <strong>"Not saved yet. "</strong>
                            {message}
                            {can_retry.then(|| view! {
                                " "
                                <button type="button" class="button button--secondary banner__action" on:click=move |_| state.retry_unsaved()>
                                    "Try again"
                                </button>
                            })}
                        </div>
                    }
                    .into_any()
                })
        }}
        {move || status.with(|s| s.confirm_lock).map(|count| view! { <ConfirmLock count/> })}
        <Show when=move || status.with(|s| !s.quarantined.is_empty() || !s.blocked.is_empty())>
            <div class="banner banner--warning" role="alert">
                <strong>"Some saved data could not be read."</strong>
                " It has been kept safely to one side, not deleted. You can download it from "
                <a href="/settings#stored-data">"Settings"</a>"."
            </div>
        </Show>
    }
}

/// The "Not saved yet" banner when the lock was turned on (or changed) in another tab and this tab does not hold
/// its key: what was typed stays on screen, nothing is written plain, and the passphrase can be typed right here.
/// Unlocking writes every change that was waiting and clears the banner.
#[component]
fn UnlockHere() -> impl IntoView {
    view! {
        <div class="banner banner--error" role="alert" data-testid="unlock-here">
            <p class="banner__text">
                <strong>"Not saved yet. "</strong>
                "Trust Steps was locked in another tab, or its passphrase lock changed, so nothing more can be saved here until you unlock it. What you typed is still on this screen and nothing was saved unencrypted."
            </p>
            // On success the banner is gone; only a failure is shown here.
            <UnlockForm place=UnlockPlace::Banner on_unlocked=|| ()/>
        </div>
    }
}

/// Asks before *Lock now* loses changes this tab can neither save nor keep (it does not hold the current lock's
/// key). Cancel (focused first) keeps them on screen; Lock anyway locks.
#[component]
fn ConfirmLock(
    /// How many changes would be lost.
    count: usize,
) -> impl IntoView {
    let state = AppState::get();
    let cancel_ref = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(button) = cancel_ref.get() {
            let _ = button.focus();
        }
    });
    let cancel = move |_| state.storage.update(|s| s.confirm_lock = None);
    view! {
        <div class="banner banner--warning" role="alertdialog" aria-labelledby="confirm-lock-text" data-testid="confirm-lock">
            <p id="confirm-lock-text" class="banner__text">
                <strong>"Lock with changes not saved? "</strong>
                {format!(
                    "{} in this tab cannot be saved or kept while it is locked: the lock was turned on or changed in another tab. Locking now loses {}; unlocking here first saves {}.",
                    count_of(count, "change", "changes"),
                    if count == 1 { "it" } else { "them" },
                    if count == 1 { "it" } else { "them" },
                )}
            </p>
            <div class="banner__actions">
                <button type="button" class="button button--secondary" node_ref=cancel_ref on:click=cancel>
                    "Cancel"
                </button>
                <button type="button" class="button button--primary" on:click=|_| lock::lock_anyway(lock::LockReason::Button)>
                    "Lock anyway"
                </button>
            </div>
        </div>
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
