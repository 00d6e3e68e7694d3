//! The safety plan's extras on top of the shared worksheet editor: the country its lines start with (and the
//! picker to choose it), the link to the domestic-abuse lines, a Print button and the one-page printout
//! (numbered steps, the user's words as typed, room to write by hand where a step is still empty).

use super::Change;
use crate::domain::helplines::{country_by_code, emergency_for, DIRECTORY};
use crate::domain::safety_plan::{is_prefill, plan_steps, refill_for_country, LINES_FIELD};
use crate::domain::worksheets::WorksheetEntry;
use crate::state::AppState;
use crate::ui::components::helplines::CountryPicker;
use leptos::prelude::*;

/// The id of the plan's domestic-abuse lines, for the link under "Making my surroundings safer".
pub(super) const ABUSE_LINES_ID: &str = "plan-abuse-lines";

/// Where the plan's list of lines came from, said truthfully for the chosen country (or none), and the country
/// picker. Choosing a country replaces the list while it is still untouched; the user's own words are kept.
#[component]
pub(super) fn PlanCountry(entry: RwSignal<WorksheetEntry>, edit: Callback<Change>) -> impl IntoView {
    let state = AppState::get();
    let country = Memo::new(move |_| state.preferences.with(|p| p.country().map(str::to_owned)));
    Effect::new(move |previous: Option<Option<String>>| {
        let chosen = country.get();
        if previous.is_some_and(|p| p != chosen) {
            let stored =
                entry.with_untracked(|e| state.worksheets.with_untracked(|all| all.iter().any(|w| w.id == e.id)));
            if stored {
                // A stored plan changes through the editor's one save path.
                let code = chosen.clone();
                if entry.with_untracked(|e| refill_for_country(&mut e.clone(), code.as_deref())) {
                    edit.run(Box::new(move |e| {
                        refill_for_country(e, code.as_deref());
                    }));
                }
            } else {
                // Not stored yet: the new lines are shown, and nothing is stored until the user writes something.
                entry.update(|e| {
                    refill_for_country(e, chosen.as_deref());
                });
            }
        }
        chosen
    });
    let note = move || {
        if !entry.with(|e| e.answer(LINES_FIELD).is_some_and(is_prefill)) {
            return None;
        }
        let chosen = country.get();
        Some(match chosen.as_deref().map(country_by_code) {
            None => "No country is chosen, so this list starts with what works anywhere. Choose yours below and it starts with your country's lines instead.".to_owned(),
            Some(None) => format!("This list starts with what works anywhere. For lines in your country, type {DIRECTORY} into your browser."),
            Some(Some(c)) => format!("This list started with the lines we know for {}.", c.name),
        })
    };
    view! {
        {move || note().map(|text| view! { <p class="safety-plan__origin">{text}</p> })}
        <CountryPicker id="plan-country"/>
    }
}

/// "If a person is the danger…" with a link to the plan's domestic-abuse lines.
#[component]
pub(super) fn AbuseLinesLink() -> impl IntoView {
    view! {
        <p>
            "If a person is the danger, a domestic-abuse line can help you plan. "
            <a href=format!("#{ABUSE_LINES_ID}")>"See the domestic-abuse lines"</a>
        </p>
    }
}

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
            .preferences
            .with(|p| emergency_for(p.country()).and_then(|l| l.call))
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
