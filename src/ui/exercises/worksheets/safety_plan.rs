//! The safety plan's extras on top of the shared worksheet editor: a Print button and the one-page printout
//! (numbered steps, the user's words as typed, room to write by hand where a step is still empty).

use crate::domain::helplines::emergency_for;
use crate::domain::safety_plan::plan_steps;
use crate::domain::worksheets::WorksheetEntry;
use crate::state::AppState;
use leptos::prelude::*;

/// Opens the browser's print window (where "Save as PDF" is offered too).
#[component]
pub(super) fn PrintButton() -> impl IntoView {
    let print = |_| {
        if let Some(window) = web_sys::window() {
            // A browser that refuses to print leaves the page as it is; there is nothing to lose.
            let _ = window.print();
        }
    };
    view! {
        <button type="button" class="button button--secondary" on:click=print>
            "Print my plan"
        </button>
    }
}

/// The printed plan: hidden on screen, the only thing on the page when printed.
#[component]
pub(super) fn PrintSheet(entry: RwSignal<WorksheetEntry>) -> impl IntoView {
    let state = AppState::get();
    let title = move || {
        entry.with(|e| {
            let name = e.title.trim();
            if name.is_empty() {
                "My safety plan".to_owned()
            } else {
                format!("My safety plan: {name}")
            }
        })
    };
    let emergency = move || {
        let number = state
            .settings
            .with(|s| emergency_for(s.country()).and_then(|l| l.call))
            .map_or_else(|| "your local emergency number".to_owned(), str::to_owned);
        format!("If you are in danger right now, call {number}.")
    };
    view! {
        <section class="print-sheet" aria-label="Printable safety plan">
            <h2 class="print-sheet__title user-text">{title}</h2>
            {move || {
                entry
                    .with(plan_steps)
                    .into_iter()
                    .map(|step| {
                        let several = step.answers.len() > 1;
                        view! {
                            <div class="print-sheet__step">
                                <h3>{step.title}</h3>
                                {step
                                    .answers
                                    .into_iter()
                                    .map(|(label, answer)| {
                                        view! {
                                            {several.then(|| view! { <p class="print-sheet__label">{label}</p> })}
                                            {match answer {
                                                Some(text) => view! { <p class="print-sheet__answer user-text">{text}</p> }.into_any(),
                                                None => view! { <p class="print-sheet__blank"></p> }.into_any(),
                                            }}
                                        }
                                    })
                                    .collect_view()}
                            </div>
                        }
                    })
                    .collect_view()
            }}
            <p class="print-sheet__footer">{emergency}</p>
        </section>
    }
}
