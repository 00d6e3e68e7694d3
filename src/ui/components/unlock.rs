//! The passphrase form that opens the lock: on the lock screen, and in the "Not saved yet" banner of a tab that
//! does not hold the lock's key.

use crate::state::lock;
use crate::ui::components::fields::{FieldError, PasswordInput};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Where the unlock form stands: each place has its own ids and words, and unlocks in its own way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnlockPlace {
    /// The lock screen: opens the lock ([`lock::unlock`]); the field takes the focus.
    LockScreen,
    /// The "Not saved yet" banner: unlocks this tab and saves what waits ([`lock::unlock_here`]). The banner is
    /// an alert itself, so the error under the form is not announced again.
    Banner,
}

/// The passphrase, an Unlock button ("Unlocking…" while it works, and not pressable again), and the error below
/// the form. An empty passphrase is asked for; otherwise it is tried. On success the field is emptied and
/// `on_unlocked` runs; a failure shows its message and lets the user try again.
#[component]
pub fn UnlockForm<D>(
    /// Which form this is.
    place: UnlockPlace,
    /// Called after a successful unlock.
    on_unlocked: D,
) -> impl IntoView
where
    D: Fn() + Copy + 'static,
{
    let passphrase = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let typed = passphrase.get_untracked();
        if typed.is_empty() {
            error.set(Some("Type your passphrase.".into()));
            return;
        }
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            let result = match place {
                UnlockPlace::LockScreen => lock::unlock(&typed).await,
                UnlockPlace::Banner => lock::unlock_here(&typed).await,
            };
            match result {
                // On success the form is usually gone with its signals (setting them then does nothing).
                Ok(()) => {
                    passphrase.set(String::new());
                    on_unlocked();
                }
                Err(message) => {
                    error.set(Some(message.to_string()));
                    busy.set(false);
                }
            }
        });
    };
    let on_screen = place == UnlockPlace::LockScreen;
    let (class, id, label, button, error_id) = if on_screen {
        ("lock-screen__form", "unlock-passphrase", "Passphrase", "Unlock", "unlock-error")
    } else {
        (
            "banner__unlock",
            "unlock-here-passphrase",
            "Passphrase to unlock and save",
            "Unlock and save",
            "unlock-here-error",
        )
    };
    view! {
        <form class=class on:submit=submit>
            <PasswordInput id label value=passphrase autocomplete="current-password" autofocus=on_screen/>
            <button type="submit" class="button button--primary" disabled=move || busy.get()>
                {move || if busy.get() { "Unlocking…" } else { button }}
            </button>
        </form>
        <FieldError message=move || error.get() test_id=error_id alert=on_screen/>
    }
}
