//! Thinking-trap practice: a short thought, pick the trap(s), get the answer and why; scores kept by day.

use crate::domain::traps::{grade_practice, PracticeGrade, PRACTICE_ITEMS, TRAPS};
use crate::state::{now_iso, AppState};
use crate::ui::dom::local_day;
use crate::ui::pages::journal::trap_name;
use leptos::prelude::*;

/// One practice card at a time, and the score history.
#[component]
pub fn TrapPractice() -> impl IntoView {
    let state = AppState::get();
    let item = RwSignal::new(state.trap_practice.with_untracked(|h| h.next_item(PRACTICE_ITEMS.len())));
    let picked = RwSignal::new(Vec::<String>::new());
    let grade = RwSignal::new(None::<PracticeGrade>);
    let check = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let index = item.get_untracked();
        let Some(practice) = PRACTICE_ITEMS.get(index) else { return };
        let result = grade_practice(practice, &picked.get_untracked());
        let right = result.is_right;
        grade.set(Some(result));
        state.change(state.trap_practice, |h| h.record(index, right, &now_iso()));
        crate::ui::dom::focus_target("practice-feedback");
    };
    let next = move |_| {
        let following = state.trap_practice.with_untracked(|h| h.next_item(PRACTICE_ITEMS.len()));
        // Never show the same card twice in a row when there is another.
        let current = item.get_untracked();
        item.set(if following == current { (current + 1) % PRACTICE_ITEMS.len().max(1) } else { following });
        picked.set(Vec::new());
        grade.set(None);
        crate::ui::dom::focus_target("practice-thought");
    };
    let toggle = move |slug: &'static str| {
        picked.update(|p| {
            if let Some(i) = p.iter().position(|s| s == slug) {
                p.remove(i);
            } else {
                p.push(slug.to_owned());
            }
        })
    };
    view! {
        <form class="card practice-card" on:submit=check>
            <p class="card__eyebrow">{move || format!("Thought {} of {}", item.get() + 1, PRACTICE_ITEMS.len())}</p>
            <p id="practice-thought" class="practice-card__thought" tabindex="-1">
                {move || PRACTICE_ITEMS.get(item.get()).map(|p| format!("“{}”", p.thought))}
            </p>
            <fieldset class="chips-field" disabled=move || grade.with(Option::is_some)>
                <legend>"Which thinking traps do you see? Pick one or more."</legend>
                <ul class="chips">
                    {TRAPS
                        .iter()
                        .map(|trap| {
                            let slug = trap.slug;
                            view! {
                                <li>
                                    <button
                                        type="button"
                                        class="chip chip--toggle"
                                        aria-pressed=move || picked.with(|p| p.iter().any(|s| s == slug)).to_string()
                                        on:click=move |_| toggle(slug)
                                    >
                                        {trap.name}
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </fieldset>
            <Show when=move || grade.with(Option::is_none)>
                <button type="submit" class="button button--primary" disabled=move || picked.with(Vec::is_empty)>"Check"</button>
            </Show>
        </form>
        <div id="practice-feedback" tabindex="-1" aria-live="polite">
            {move || {
                grade.get().map(|g| {
                    let explanation = PRACTICE_ITEMS.get(item.get_untracked()).map(|p| p.explanation).unwrap_or_default();
                    let names = |list: Vec<String>| list.iter().map(|s| trap_name(s)).collect::<Vec<_>>().join(", ");
                    view! {
                        <div class="card feedback" class:feedback--right=g.is_right>
                            <h2>{if g.is_right { "Well spotted." } else { "Not quite — here is the answer." }}</h2>
                            {(!g.correct.is_empty()).then(|| view! { <p>{format!("You found: {}.", names(g.correct.iter().map(|s| s.to_string()).collect()))}</p> })}
                            {(!g.missed.is_empty()).then(|| view! { <p>{format!("Also in this thought: {}.", names(g.missed.iter().map(|s| s.to_string()).collect()))}</p> })}
                            {(!g.wrong.is_empty()).then(|| view! { <p>{format!("Not really here: {}.", names(g.wrong.clone()))}</p> })}
                            <p>{explanation}</p>
                            <button type="button" class="button button--primary" on:click=next>"Next thought"</button>
                        </div>
                    }
                })
            }}
        </div>
        <section aria-labelledby="practice-history">
            <h2 id="practice-history">"Your practice so far"</h2>
            {move || {
                let days = state.trap_practice.with(|h| h.by_day());
                if days.is_empty() {
                    view! { <p class="empty-state">"No answers yet."</p> }.into_any()
                } else {
                    view! {
                        <table class="feelings-table">
                            <thead><tr><th scope="col">"Day"</th><th scope="col">"Answered"</th><th scope="col">"Right"</th></tr></thead>
                            <tbody>
                                {days.into_iter().rev().map(|d| view! { <tr><th scope="row">{local_day(&d.day)}</th><td>{d.answered}</td><td>{d.right}</td></tr> }).collect_view()}
                            </tbody>
                        </table>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}
