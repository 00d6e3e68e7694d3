//! The lock screen shown at start (and after idle or Hide) while the passphrase lock is on.

use crate::state::lock;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Asks for the passphrase; calls `on_unlock` once the data key is open.
#[component]
pub fn LockScreen<F: Fn() + Copy + 'static>(
    /// Called once the lock is open.
    on_unlock: F,
) -> impl IntoView {
    crate::state::set_title("Locked");
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
            match lock::unlock(&typed).await {
                Ok(()) => {
                    passphrase.set(String::new());
                    on_unlock();
                    lock::mark_unlocked();
                }
                Err(message) => {
                    error.set(Some(message));
                    busy.set(false);
                }
            }
        });
    };
    view! {
        <main id="main" class="page lock-screen" tabindex="-1">
            <h1>"Trust Steps is locked"</h1>
            <form class="lock-screen__form" on:submit=submit>
                <div class="field">
                    <label for="unlock-passphrase">"Passphrase"</label>
                    <input
                        id="unlock-passphrase"
                        type="password"
                        autocomplete="current-password"
                        autofocus=true
                        prop:value=move || passphrase.get()
                        on:input=move |ev| passphrase.set(event_target_value(&ev))
                    />
                </div>
                <button type="submit" class="button button--primary" disabled=move || busy.get()>
                    {move || if busy.get() { "Unlocking…" } else { "Unlock" }}
                </button>
            </form>
            {move || error.get().map(|m| view! { <p class="field-error" role="alert" data-testid="unlock-error">{m}</p> })}
            <p class="hint">
                "Your entries are encrypted on this device. Without the passphrase they cannot be opened by anyone, including you; if it is lost, clearing this site's data in the browser's settings starts Trust Steps afresh."
            </p>
        </main>
    }
}
