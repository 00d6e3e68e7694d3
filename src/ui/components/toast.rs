//! The toast: a short message at the bottom of the screen, with Undo after a delete.

use crate::state::AppState;
use crate::ui::platform::focus_target;
use leptos::prelude::*;

/// Shows the current toast, if any. Undo and Dismiss remove the toast with the focused button in it, so both
/// then move focus to the page's heading rather than dropping it onto `<body>`.
#[component]
pub fn ToastRegion() -> impl IntoView {
    let state = AppState::get();
    view! {
        <div class="toast-region" role="status" aria-live="polite">
            {move || {
                state
                    .toast
                    .get()
                    .map(|toast| {
                        view! {
                            <div class="toast">
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
                                    on:click=move |_| {
                                        state.toast.set(None);
                                        focus_target("");
                                    }
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
