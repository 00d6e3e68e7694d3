//! A person's evidence log: one-tap quick entries, the full form, and the log newest first with Delete (Undo).

use crate::domain::people::{observations_for, Direction, Observation, QuickKind, TrustPart};
use crate::state::{new_id, now_iso, today, AppState, Toast};
use crate::ui::components::disclosure::Disclosure;
use crate::ui::components::fields::TextArea;
use crate::ui::components::show_more::{ShowMore, PAGE};
use crate::ui::platform::local_day;
use leptos::prelude::*;

/// What the weights mean, as the form offers them.
const WEIGHTS: [(u8, &str); 3] = [(1, "A little"), (2, "Some"), (3, "A lot")];

/// The evidence log of one person.
#[component]
pub fn EvidenceLog(id: String) -> impl IntoView {
    let state = AppState::get();
    let pid = StoredValue::new(id);
    let entries = Memo::new(move |_| {
        pid.with_value(|id| {
            state.observations.with(|all| observations_for(all, id).into_iter().cloned().collect::<Vec<_>>())
        })
    });
    let shown = RwSignal::new(PAGE);
    let visible = move || entries.with(|e| e.iter().take(shown.get()).cloned().collect::<Vec<_>>());
    let quick = move |kind: QuickKind| {
        let entry = pid.with_value(|id| Observation::quick(new_id(), id, kind, &today(), &now_iso()));
        state.save_record(state.observations, entry);
        state.toast.set(Some(Toast { message: format!("Logged for today: {}.", kind.label()), undo: None }));
    };
    view! {
        <section class="person-section" aria-labelledby="evidence">
            <h2 id="evidence">"Evidence log"</h2>
            <p class="hint">"What they actually did, day by day. One tap logs a common moment for today."</p>
            <div class="quick-entries" role="group" aria-label="Log for today in one tap">
                {QuickKind::ALL
                    .into_iter()
                    .map(|kind| {
                        let broke = kind.defaults().direction == Direction::Broke;
                        view! {
                            <button
                                type="button"
                                class="button button--secondary quick-entry"
                                class:quick-entry--broke=broke
                                on:click=move |_| quick(kind)
                            >
                                {kind.label()}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            <ObservationForm pid=pid/>
            <h3>"What you have logged"</h3>
            <Show
                when=move || entries.with(|e| !e.is_empty())
                fallback=|| view! { <p class="empty-state">"Nothing logged yet. Start with one thing they did recently, good or bad."</p> }
            >
                <p class="hint">
                    {move || match entries.with(Vec::len) {
                        1 => "1 observation, newest first.".to_owned(),
                        n => format!("{n} observations, newest first."),
                    }}
                </p>
                <ul class="card-list observation-list">
                    <For each=visible key=|o| (o.id.clone(), o.updated_at.clone()) let:entry>
                        <ObservationItem entry=entry/>
                    </For>
                </ul>
                <ShowMore total=Signal::derive(move || entries.with(Vec::len)) shown=shown/>
            </Show>
        </section>
    }
}

/// One logged observation, exactly as typed, with Delete.
#[component]
fn ObservationItem(entry: Observation) -> impl IntoView {
    let state = AppState::get();
    let id = entry.id.clone();
    let weight = WEIGHTS.iter().find(|(w, _)| *w == entry.effective_weight()).map_or("", |(_, l)| l);
    let meta = format!(
        "{} · {} · {} · counts {}",
        local_day(&entry.happened_on),
        entry.part.label(),
        entry.direction.label(),
        weight.to_lowercase()
    );
    view! {
        <li class="card observation" class:observation--broke=entry.direction == Direction::Broke>
            <p class="observation__meta">{meta}</p>
            <p class="observation__what user-text">{entry.what.clone()}</p>
            <button
                type="button"
                class="button button--quiet"
                on:click=move |_| state.delete_record(state.observations, &id, "Observation")
            >
                "Delete"<span class="visually-hidden">{format!(" observation from {}", local_day(&entry.happened_on))}</span>
            </button>
        </li>
    }
}

/// The full form: what happened, which part, built or broke, how much it counts, and the day.
#[component]
fn ObservationForm(pid: StoredValue<String>) -> impl IntoView {
    let state = AppState::get();
    let what = RwSignal::new(String::new());
    let part = RwSignal::new(TrustPart::Reliability);
    let direction = RwSignal::new(Direction::Built);
    let weight = RwSignal::new(2u8);
    let day = RwSignal::new(today());
    let error = RwSignal::new(None::<&'static str>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = what.get_untracked();
        if text.trim().is_empty() {
            error.set(Some("Write what happened, in a few words."));
            return;
        }
        error.set(None);
        let happened_on = Some(day.get_untracked()).filter(|d| d.len() == 10).unwrap_or_else(today);
        let mut entry = pid.with_value(|id| Observation::new(new_id(), id, &happened_on, &now_iso()));
        entry.what = text;
        entry.part = part.get_untracked();
        entry.direction = direction.get_untracked();
        entry.weight = weight.get_untracked();
        state.save_record(state.observations, entry);
        state.toast.set(Some(Toast { message: "Observation saved.".to_owned(), undo: None }));
        what.set(String::new());
    };
    view! {
        <div class="card observation-form">
            <Disclosure label="Log something in your own words">
            <form on:submit=save novalidate=true>
                <TextArea
                    id="observation-what"
                    label="What happened?"
                    hint="What they did or said — facts, as far as you can tell."
                    rows=3
                    value=Signal::derive(move || what.get())
                    on_input=move |t| {
                        what.set(t);
                        error.set(None);
                    }
                />
                {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
                <div class="field">
                    <label for="observation-part">"Which part of trust does it speak to?"</label>
                    <select
                        id="observation-part"
                        on:change=move |ev| {
                            if let Some(p) = TrustPart::from_slug(&event_target_value(&ev)) {
                                part.set(p);
                            }
                        }
                    >
                        {TrustPart::ALL
                            .into_iter()
                            .map(|p| view! { <option value=p.slug() selected=move || part.get() == p>{p.label()}</option> })
                            .collect_view()}
                    </select>
                </div>
                <fieldset class="choice-group">
                    <legend>"Did it build trust or break it?"</legend>
                    {Direction::ALL
                        .into_iter()
                        .map(|d| {
                            view! {
                                <label class="choice">
                                    <input
                                        type="radio"
                                        name="observation-direction"
                                        prop:checked=move || direction.get() == d
                                        on:change=move |_| direction.set(d)
                                    />
                                    {d.label()}
                                </label>
                            }
                        })
                        .collect_view()}
                </fieldset>
                <fieldset class="choice-group">
                    <legend>"How much does it count?"</legend>
                    {WEIGHTS
                        .into_iter()
                        .map(|(w, label)| {
                            view! {
                                <label class="choice">
                                    <input
                                        type="radio"
                                        name="observation-weight"
                                        prop:checked=move || weight.get() == w
                                        on:change=move |_| weight.set(w)
                                    />
                                    {format!("{label} ({w})")}
                                </label>
                            }
                        })
                        .collect_view()}
                </fieldset>
                <div class="field">
                    <label for="observation-day">"When did it happen?"</label>
                    <input
                        id="observation-day"
                        type="date"
                        prop:value=move || day.get()
                        on:change=move |ev| day.set(event_target_value(&ev))
                    />
                </div>
                <button type="submit" class="button button--primary">"Save observation"</button>
            </form>
            </Disclosure>
        </div>
    }
}
