//! The trigger log (self-sabotage): the trigger, what I felt, what I did, what I'd like to do next time.

use crate::domain::stable_sort::sort_stable_by;
use crate::domain::TriggerEntry;
use crate::state::{new_id, now_iso, today, AppState};
use crate::ui::components::fields::{FieldError, TextArea};
use crate::ui::dom::local_day;
use leptos::prelude::*;

/// The log: a form (new or editing) and the entries, newest first.
#[component]
pub fn TriggerLog() -> impl IntoView {
    let state = AppState::get();
    let blank = || TriggerEntry { happened_on: today(), ..Default::default() };
    let draft = RwSignal::new(blank());
    let error = RwSignal::new(None::<&'static str>);
    let field = move |get: fn(&TriggerEntry) -> String| Signal::derive(move || draft.with(get));
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut entry = draft.get_untracked();
        if !entry.has_content() {
            error.set(Some("Write at least what set it off."));
            return;
        }
        error.set(None);
        if entry.id.is_empty() {
            entry.id = new_id();
            entry.created_at = now_iso();
        }
        // The form keeps the entry if the save fails, so nothing typed is lost.
        if state.save_record(state.triggers, entry) {
            draft.set(blank());
        }
    };
    let entries = move || {
        let mut list = state.triggers.get();
        sort_stable_by(&mut list, |a, b| {
            b.happened_on.cmp(&a.happened_on).then_with(|| b.created_at.cmp(&a.created_at))
        });
        list
    };
    view! {
        <form class="card" on:submit=save>
            <h2>{move || if draft.with(|d| d.id.is_empty()) { "New entry" } else { "Edit entry" }}</h2>
            <div class="field">
                <label for="trigger-day">"When"</label>
                <input id="trigger-day" type="date" prop:value=move || draft.with(|d| d.happened_on.clone()) on:change=move |ev| draft.update(|d| d.happened_on = event_target_value(&ev))/>
            </div>
            <TextArea id="trigger-what" label="What set it off?" hint="A message left unanswered, a tone of voice, a date coming up…" rows=2 value=field(|d| d.trigger.clone()) on_input=move |t| draft.update(|d| d.trigger = t)/>
            <TextArea id="trigger-felt" label="What did you feel?" rows=2 value=field(|d| d.felt.clone()) on_input=move |t| draft.update(|d| d.felt = t)/>
            <TextArea id="trigger-did" label="What did you do?" hint="Honestly and kindly: what happened next." rows=2 value=field(|d| d.did.clone()) on_input=move |t| draft.update(|d| d.did = t)/>
            <TextArea id="trigger-next" label="What would you like to do next time?" rows=2 value=field(|d| d.next_time.clone()) on_input=move |t| draft.update(|d| d.next_time = t)/>
            <FieldError message=move || error.get()/>
            <button type="submit" class="button button--primary">"Save entry"</button>
            <Show when=move || draft.with(|d| !d.id.is_empty())>
                " "
                <button type="button" class="button button--quiet" on:click=move |_| draft.set(blank())>"Cancel editing"</button>
            </Show>
        </form>
        <Show when=move || state.triggers.with(|t| t.is_empty())>
            <p class="empty-state">"No entries yet. The next time you notice yourself pulling away or testing someone, write it here."</p>
        </Show>
        <ul class="card-list">
            <For each=entries key=|e| (e.id.clone(), e.updated_at.clone()) let:entry>
                <TriggerCard entry=entry draft=draft/>
            </For>
        </ul>
    }
}

#[component]
fn TriggerCard(entry: TriggerEntry, draft: RwSignal<TriggerEntry>) -> impl IntoView {
    let state = AppState::get();
    let id = entry.id.clone();
    let for_edit = entry.clone();
    let rows = [
        ("What set it off", entry.trigger.clone()),
        ("What I felt", entry.felt.clone()),
        ("What I did", entry.did.clone()),
        ("Next time", entry.next_time.clone()),
    ];
    view! {
        <li class="card">
            <p class="record-card__date">{local_day(&entry.happened_on)}</p>
            <dl class="trigger-entry">
                {rows
                    .into_iter()
                    .filter(|(_, text)| !text.trim().is_empty())
                    .map(|(label, text)| view! { <dt>{label}</dt><dd class="user-text">{text}</dd> })
                    .collect_view()}
            </dl>
            <button type="button" class="button button--secondary" on:click=move |_| {
                draft.set(for_edit.clone());
                crate::ui::dom::focus_target("trigger-what");
            }>"Edit"</button>
            " "
            <button type="button" class="button button--quiet" on:click=move |_| state.delete_record(state.triggers, &id, "Entry")>"Delete"</button>
        </li>
    }
}
