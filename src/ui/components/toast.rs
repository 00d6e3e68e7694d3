//! The toast: a short message at the bottom of the screen, with Undo after a delete or a quick log. It goes away
//! by itself after a few seconds so it does not cover the page for long, but never while the pointer or the
//! keyboard focus is inside it.

use crate::state::AppState;
use crate::ui::dom::focus_target;
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// How long a plain message stays.
const PLAIN: Duration = Duration::from_secs(6);

/// How long a message with Undo stays: long enough to read it, decide and reach the button.
const WITH_UNDO: Duration = Duration::from_secs(10);

/// Shows the current toast, if any. Undo, Dismiss and Escape remove the toast with the focused button in it, so
/// all three then move focus to the page's heading rather than dropping it onto `<body>`. The toast dismisses
/// itself after [`PLAIN`] (or [`WITH_UNDO`]); while the pointer is over it or focus is inside it, it waits, and
/// goes once both have left.
#[component]
pub fn ToastRegion() -> impl IntoView {
    let state = AppState::get();
    // The pointer or keyboard focus is inside the toast: its time may run out, but it stays until they leave.
    let hovered = RwSignal::new(false);
    let focused = RwSignal::new(false);
    let time_up = RwSignal::new(false);
    let timer = StoredValue::new(None::<TimeoutHandle>);
    // Every new toast (even with the same words) starts its own clock and cancels the previous one's.
    Effect::new(move |_| {
        let undo = state.toast.with(|t| t.as_ref().map(|t| t.undo.is_some()));
        if let Some(handle) = timer.get_value() {
            handle.clear();
        }
        time_up.set(false);
        hovered.set(false);
        focused.set(false);
        let Some(undo) = undo else {
            timer.set_value(None);
            return;
        };
        let handle = set_timeout_with_handle(
            move || {
                if hovered.get_untracked() || focused.get_untracked() {
                    time_up.set(true);
                } else {
                    state.toast.set(None);
                }
            },
            if undo { WITH_UNDO } else { PLAIN },
        );
        timer.set_value(handle.ok());
    });
    // Called when the pointer or focus leaves: a toast whose time ran out meanwhile goes now.
    let left = move || {
        if time_up.get_untracked() && !hovered.get_untracked() && !focused.get_untracked() {
            state.toast.set(None);
        }
    };
    let dismiss = move || {
        state.toast.set(None);
        focus_target("");
    };
    view! {
        <div class="toast-region" role="status" aria-live="polite">
            {move || {
                state
                    .toast
                    .get()
                    .map(|toast| {
                        view! {
                            <div
                                class="toast"
                                // Only a mouse that moves over it holds it: after a tap, Chromium reports a
                                // "mouse" entering whatever appears under the finger, which never leaves.
                                on:pointermove=move |ev| {
                                    if ev.pointer_type() == "mouse" {
                                        hovered.set(true);
                                    }
                                }
                                on:pointerleave=move |_| {
                                    hovered.set(false);
                                    left();
                                }
                                on:focusin=move |_| focused.set(true)
                                on:focusout=move |ev| {
                                    // Focus moving between the toast's own buttons is not leaving it. (The event
                                    // is delegated, so its current target is the document: ask where focus goes.)
                                    let inside = ev
                                        .related_target()
                                        .and_then(|next| next.dyn_into::<web_sys::Element>().ok())
                                        .and_then(|next| next.closest(".toast").ok().flatten())
                                        .is_some();
                                    if !inside {
                                        focused.set(false);
                                        left();
                                    }
                                }
                                on:keydown=move |ev| {
                                    if ev.key() == "Escape" {
                                        dismiss();
                                    }
                                }
                            >
                                <span>{toast.message}</span>
                                {toast
                                    .undo
                                    .map(|undo| {
                                        view! {
                                            <button type="button" class="button button--secondary" on:click=move |_| {
                                                undo();
                                                focus_target("");
                                            }>
                                                "Undo"
                                            </button>
                                        }
                                    })}
                                <button
                                    type="button"
                                    class="button button--quiet"
                                    aria-label="Dismiss message"
                                    on:click=move |_| dismiss()
                                >
                                    "Dismiss"
                                </button>
                            </div>
                        }
                    })
            }}
        </div>
    }
}
