//! Promises to myself: make a small promise (or pick a starter one), check in kept or missed, and see the
//! kept-rate and streaks. A missed promise gets a self-compassion prompt, never a scolding.

use crate::domain::calendar::Day;
use crate::domain::promises::{
    due_in_order, kept_line, prompt_for_missed, Promise, Recurrence, MISSED_LINE, STARTER_PROMISES,
};
use crate::domain::stable_sort::sort_stable_by;
use crate::state::{new_id, now_iso, today, AppState, Toast};
use crate::ui::components::fields::{add_from_text, FieldError, RadioGroup, TextInput};
use crate::ui::dom::local_day;
use leptos::prelude::*;
use std::sync::Arc;

/// How many check-ins a promise card lists.
const RECENT_CHECKINS: usize = 5;

/// The tool: what is due today first, then the form with starter promises, and every promise with its record.
#[component]
pub fn PromisesTool() -> impl IntoView {
    let state = AppState::get();
    let text = RwSignal::new(String::new());
    let recurrence = RwSignal::new(Recurrence::Daily);
    let error = RwSignal::new(None::<&'static str>);
    // The form keeps the text if the save fails, so nothing typed is lost.
    let add = add_from_text(text, error, "Write the promise first, in your own words.", move |words| {
        let promise = Promise::new(new_id(), &words, recurrence.get_untracked(), &today(), &now_iso());
        state.save_record(state.promises, promise)
    });
    let pick_starter = move |words: &'static str, how_often: Recurrence| {
        text.set(words.to_owned());
        recurrence.set(how_often);
        crate::ui::dom::focus_target("promise-text");
    };
    let sorted = move |archived: bool| {
        let mut list: Vec<Promise> =
            state.promises.with(|p| p.iter().filter(|p| p.archived == archived).cloned().collect());
        sort_stable_by(&mut list, |a, b| b.created_at.cmp(&a.created_at));
        list
    };
    // The cards of the promises in use, or of those put away, newest first.
    let cards = move |archived: bool| {
        view! {
            <ul class="card-list">
                <For each=move || sorted(archived) key=|p| (p.id.clone(), p.updated_at.clone()) let:promise>
                    <PromiseCard promise=promise/>
                </For>
            </ul>
        }
    };
    let due_today = move || {
        let day = today();
        state.promises.with(|all| due_in_order(all, &day).into_iter().cloned().collect::<Vec<Promise>>())
    };
    view! {
        <section aria-labelledby="promises-due">
            <h2 id="promises-due">"Due today"</h2>
            {move || {
                let list = due_today();
                if list.is_empty() {
                    let any = state.promises.with(|p| p.iter().any(|p| !p.archived));
                    let line = if any { "Nothing left to check in today." } else { "No promises yet. Make one below, as small as you like." };
                    view! { <p class="empty-state">{line}</p> }.into_any()
                } else {
                    view! {
                        <ul class="card-list">
                            {list.into_iter().map(|p| view! { <DueCard promise=p/> }).collect_view()}
                        </ul>
                    }
                        .into_any()
                }
            }}
        </section>
        <form class="card" on:submit=add>
            <h2>"Make a promise to yourself"</h2>
            <p class="hint">"Small is good: a promise you can keep this week teaches you that your word to yourself counts."</p>
            <TextInput id="promise-text" label="Your promise" value=Signal::derive(move || text.get()) on_input=move |t| text.set(t)/>
            <RadioGroup
                name="promise-recurrence"
                legend="How often"
                options=Recurrence::ALL.into_iter().map(|r| (r, r.label())).collect()
                value=recurrence
            />
            <FieldError message=move || error.get()/>
            <button type="submit" class="button button--primary">"Add promise"</button>
            <details class="starter-promises">
                <summary>"Need an idea? Pick a starter promise"</summary>
                <ul class="chips">
                    {STARTER_PROMISES
                        .into_iter()
                        .map(|(words, how_often)| {
                            view! {
                                <li>
                                    <button type="button" class="chip chip--toggle" on:click=move |_| pick_starter(words, how_often)>
                                        {format!("{words} ({})", how_often.label().to_lowercase())}
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </details>
        </form>
        <section aria-labelledby="promises-all">
            <h2 id="promises-all">"Your promises"</h2>
            <Show when=move || state.promises.with(|p| !p.iter().any(|p| !p.archived))>
                <p class="empty-state">"Promises you make will show here with how often you kept them."</p>
            </Show>
            {cards(false)}
        </section>
        <Show when=move || state.promises.with(|p| p.iter().any(|p| p.archived))>
            <section aria-labelledby="promises-archived">
                <h2 id="promises-archived">"Put away"</h2>
                <p class="hint">"Archived promises are no longer due. Their history stays."</p>
                {cards(true)}
            </section>
        </Show>
    }
}

/// Checks a promise in for today, kept or missed, and says so calmly in the toast, with Undo (which puts the
/// promise back as it was, due again). Nothing happens for a promise that is gone.
pub fn check_in_today(state: AppState, id: &str, kept: bool) {
    let day = today();
    let Some(before) = state.promises.with_untracked(|all| all.iter().find(|p| p.id == id).cloned()) else {
        return;
    };
    let mut changed = before.clone();
    if !changed.check_in(&day, kept, "", &now_iso()) || !state.save_record(state.promises, changed) {
        // A failed save is already on screen (the storage banner); no acknowledgement for what was not kept.
        return;
    }
    let seed = usize::try_from(Day::parse(&day).map_or(0, Day::number).rem_euclid(1_000_000)).unwrap_or(0);
    let message = if kept { kept_line(seed) } else { MISSED_LINE };
    state.toast.set(Some(Toast {
        message: message.to_owned(),
        undo: Some(Arc::new(move || {
            // Saved as a change (stamped now), so the undo is newer than the check-in and wins when tabs or
            // imports merge by `updated_at`.
            state.save_record(state.promises, before.clone());
            state.toast.set(None);
        })),
    }));
}

/// A promise due today, with its Kept and Missed buttons (on the promises page and on Today).
#[component]
pub fn DueCard(promise: Promise) -> impl IntoView {
    let state = AppState::get();
    let label_id = format!("due-{}", promise.id);
    let (kept_id, missed_id) = (promise.id.clone(), promise.id.clone());
    let text_id = label_id.clone();
    view! {
        <li class="card promise-due">
            <p class="promise-due__text user-text" id=text_id>{promise.text.clone()}</p>
            <p class="hint">{promise.recurrence.label()}</p>
            <div class="promise-due__actions" role="group" aria-labelledby=label_id>
                <button type="button" class="button button--primary" on:click=move |_| check_in_today(state, &kept_id, true)>"Kept"</button>
                <button type="button" class="button button--secondary" on:click=move |_| check_in_today(state, &missed_id, false)>"Missed"</button>
            </div>
        </li>
    }
}

/// One promise, drawn again when the date changes while the page is open (its streak and this period's check-in
/// depend on the day).
#[component]
fn PromiseCard(promise: Promise) -> impl IntoView {
    move || view! { <PromiseOnDay promise=promise.clone() day=today()/> }
}

/// One promise as of `day`: its record, the self-compassion prompt after a miss in this period, archive and
/// delete.
#[component]
fn PromiseOnDay(promise: Promise, day: String) -> impl IntoView {
    let state = AppState::get();
    let id = promise.id.clone();
    let rate = match promise.kept_rate() {
        Some((kept, total)) => format!("Kept {kept} of {total}"),
        None => "No check-ins yet".to_owned(),
    };
    // No "0 days" line after a miss: a streak is shown once there is one, so nothing here reads as a penalty.
    let streaks = (promise.recurrence != Recurrence::Once && promise.best_streak() > 0).then(|| {
        let current = promise.current_streak(&day);
        let best = promise.best_streak();
        let current_line =
            (current > 0).then(|| format!("Current streak: {} · ", promise.recurrence.streak_words(current)));
        view! {
            <p class="promise-card__streaks">
                {current_line}
                {format!("Best streak: {}", promise.recurrence.streak_words(best))}
            </p>
        }
    });
    // Only the latest check-in, and only while it is this period's: the prompt is for now, not a record of blame.
    let missed_now = promise.checkin_for(&day).is_some_and(|c| !c.kept);
    let seed = usize::try_from(Day::parse(&day).map_or(0, Day::number).rem_euclid(1_000_000)).unwrap_or(0);
    let compassion = missed_now.then(|| {
        view! {
            <div class="self-compassion" role="note">
                <p>{prompt_for_missed(seed)}</p>
            </div>
        }
    });
    let today_line = promise.checkin_for(&day).map(|c| {
        let period = match promise.recurrence {
            Recurrence::Weekly => "This week",
            Recurrence::Daily => "Today",
            Recurrence::Once => "Checked in",
        };
        format!("{period}: {}", if c.kept { "kept" } else { "missed" })
    });
    let recent: Vec<(String, bool)> =
        promise.checkins.iter().rev().take(RECENT_CHECKINS).map(|c| (local_day(&c.day), c.kept)).collect();
    let archived = promise.archived;
    let for_archive = promise.id.clone();
    let for_change = promise.id.clone();
    let can_change = promise.checkin_for(&day).map(|c| !c.kept);
    view! {
        <li class="card promise-card">
            <h3 class="promise-card__text user-text">{promise.text.clone()}</h3>
            <p class="hint">{format!("{} · since {}", promise.recurrence.label(), local_day(&promise.start_day))}</p>
            <p class="promise-card__rate">{rate}</p>
            {streaks}
            {today_line.map(|line| view! { <p>{line}</p> })}
            {compassion}
            {(!recent.is_empty())
                .then(|| {
                    view! {
                        <h4 class="promise-card__recent-title">"Recent check-ins"</h4>
                        <ul class="promise-card__recent">
                            {recent
                                .into_iter()
                                .map(|(day, kept)| {
                                    view! {
                                        <li class=if kept { "checkin checkin--kept" } else { "checkin checkin--missed" }>
                                            {format!("{day}: {}", if kept { "kept" } else { "missed" })}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                })}
            <div class="promise-card__actions">
                {(!archived)
                    .then_some(can_change)
                    .flatten()
                    .map(|now_kept| {
                        let label = if now_kept { "Change to kept" } else { "Change to missed" };
                        let id = for_change.clone();
                        view! {
                            <button type="button" class="button button--secondary" on:click=move |_| {
                                let day = today();
                                state.update_record(state.promises, &id, |p| {
                                    p.check_in(&day, now_kept, "", &now_iso());
                                });
                            }>{label}</button>
                        }
                    })}
                <button type="button" class="button button--secondary" on:click=move |_| {
                    state.update_record(state.promises, &for_archive, |p| p.archived = !archived);
                }>{if archived { "Bring back" } else { "Archive" }}</button>
                <button type="button" class="button button--quiet" on:click=move |_| state.delete_record(state.promises, &id, "Promise")>
                    "Delete"
                </button>
            </div>
        </li>
    }
}
