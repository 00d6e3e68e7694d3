//! `/journal/new` and `/journal/:id/edit`: the guided eight-step thought record, autosaved as you type.

use super::trap_name;
use crate::domain::ids::is_valid_id;
use crate::domain::journal::{answer_questions_for, steps_for, RecordStatus, COMMON_FEELINGS};
use crate::domain::order::sort_stable_by_key;
use crate::domain::traps::TRAPS;
use crate::domain::ThoughtRecord;
use crate::state::{new_id, now_iso, set_title, today, AppState};
use crate::ui::components::fields::{Scale, TextArea};
use crate::ui::components::safety_notice::SafetyNotice;
use crate::ui::pages::NotFound;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};
use leptos_router::NavigateOptions;

/// `/journal/new`: gives the new record an id and opens it, so a reload comes back to the same draft.
#[component]
pub fn NewJournalEntry() -> impl IntoView {
    set_title("New thought record");
    let navigate = use_navigate();
    let id = new_id();
    Effect::new(move |_| {
        navigate(&format!("/journal/{id}/edit"), NavigateOptions { replace: true, ..Default::default() });
    });
    view! { <h1>"New thought record"</h1> }
}

/// `/journal/:id/edit`: the flow for a draft, a new record, or a finished one being edited.
#[component]
pub fn JournalEditor() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    move || {
        let id = id.get();
        if is_valid_id(&id) {
            view! { <Flow id=id/> }.into_any()
        } else {
            view! { <NotFound/> }.into_any()
        }
    }
}

#[component]
fn Flow(id: String) -> impl IntoView {
    let state = AppState::get();
    let existing = state.journal.with_untracked(|records| records.iter().find(|r| r.id == id).cloned());
    let is_new = existing.is_none();
    set_title(if is_new { "New thought record" } else { "Edit thought record" });
    let record = RwSignal::new(existing.unwrap_or_else(|| ThoughtRecord::new(id.clone(), &now_iso(), &today())));
    let step = RwSignal::new(record.with_untracked(|r| r.step.clamp(1, 8)));

    // Every change goes straight to storage (a blank new record is not kept until something is typed).
    let edit = Callback::new(move |change: Change| {
        record.update(|r| {
            change(r);
            r.updated_at = now_iso();
        });
        let current = record.get_untracked();
        if !(current.is_blank() && current.status == RecordStatus::Draft) {
            state.save_record(state.journal, current);
        }
    });
    let go_to = move |n: u8| {
        step.set(n);
        edit.run(Box::new(move |r| r.step = n));
        leptos::prelude::request_animation_frame(|| crate::ui::platform::focus_target("step-heading"));
    };
    let navigate = use_navigate();
    let finish = move |_| {
        edit.run(Box::new(ThoughtRecord::finish));
        let id = record.with_untracked(|r| r.id.clone());
        state.toast.set(Some(crate::state::Toast { message: "Thought record saved.".into(), undo: None }));
        navigate(&format!("/journal/{id}"), NavigateOptions::default());
    };
    let thought = Signal::derive(move || record.with(|r| r.thought.clone()));
    // A record that reads as danger gets the safety notice on every step and asks steps 5–7 about safety.
    let danger = Memo::new(move |_| record.with(ThoughtRecord::danger));
    let reads_as_danger = move || danger.with(Option::is_some);
    let steps = move || steps_for(reads_as_danger());
    let questions = move || answer_questions_for(reads_as_danger());

    view! {
        <p class="breadcrumb"><a href="/journal">"Journal"</a></p>
        <h1>{if is_new { "New thought record" } else { "Thought record" }}</h1>
        <ol class="steps" aria-label="Steps">
            {(0..8u8)
                .map(|i| {
                    let n = i + 1;
                    let title = move || steps()[usize::from(i)].0;
                    view! {
                        <li class="steps__item" class:steps__item--current=move || { step.get() == n } class:steps__item--done=move || { step.get() > n }>
                            <button
                                type="button"
                                class="steps__button"
                                aria-current=move || (step.get() == n).then_some("step")
                                on:click=move |_| go_to(n)
                            >
                                <span class="steps__number">{n}</span>
                                <span class="steps__title">{title}</span>
                            </button>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
        <section class="flow" aria-labelledby="step-heading">
            <p class="flow__progress">{move || format!("Step {} of 8", step.get())}</p>
            <h2 id="step-heading">{move || steps()[usize::from(step.get() - 1)].0}</h2>
            <p class="flow__prompt">{move || steps()[usize::from(step.get() - 1)].1}</p>
            // Step 2 shows the full notice where the trap suggestions would be; step 4 shows it in full too.
            {move || match step.get() {
                2 => ().into_any(),
                4 => view! { <SafetyNotice signal=danger/> }.into_any(),
                _ => view! { <SafetyNotice signal=danger compact=true/> }.into_any(),
            }}
            <Show when=move || { step.get() >= 3 && !thought.get().trim().is_empty() }>
                <blockquote class="original-thought" aria-label="Your automatic thought">
                    <p class="original-thought__label">"Your thought"</p>
                    <p class="original-thought__text">{move || thought.get()}</p>
                </blockquote>
            </Show>
            {move || match step.get() {
                1 => view! { <SituationStep record=record edit=edit/> }.into_any(),
                2 => view! { <ThoughtStep record=record edit=edit/> }.into_any(),
                3 => view! { <FeelingsStep record=record edit=edit/> }.into_any(),
                4 => view! { <TrapsStep record=record edit=edit/> }.into_any(),
                5 => {
                    let [for_it, against_it, _, _] = *questions();
                    view! {
                        <TextArea id="evidence-for" label=for_it.label hint=for_it.hint value=Signal::derive(move || record.with(|r| r.evidence_for.clone())) on_input=move |t| edit.run(Box::new(move |r| r.evidence_for = t))/>
                        <TextArea id="evidence-against" label=against_it.label hint=against_it.hint value=Signal::derive(move || record.with(|r| r.evidence_against.clone())) on_input=move |t| edit.run(Box::new(move |r| r.evidence_against = t))/>
                    }
                    .into_any()
                }
                6 => {
                    let other = questions()[2];
                    view! {
                        <TextArea id="alternatives" label=other.label hint=other.hint value=Signal::derive(move || record.with(|r| r.alternatives.clone())) on_input=move |t| edit.run(Box::new(move |r| r.alternatives = t))/>
                    }
                    .into_any()
                }
                7 => {
                    let balanced = questions()[3];
                    view! {
                        <TextArea id="balanced" label=balanced.label hint=balanced.hint value=Signal::derive(move || record.with(|r| r.balanced.clone())) on_input=move |t| edit.run(Box::new(move |r| r.balanced = t))/>
                    }
                    .into_any()
                }
                _ => view! { <RerateStep record=record edit=edit/> }.into_any(),
            }}
            <div class="flow__nav">
                <Show when=move || { step.get() > 1 }>
                    <button type="button" class="button button--secondary" on:click=move |_| go_to(step.get_untracked() - 1)>"Back"</button>
                </Show>
                <Show
                    when=move || { step.get() < 8 }
                    fallback=move || {
                        let finish = finish.clone();
                        view! {
                            <button type="button" class="button button--primary" disabled=move || !record.with(ThoughtRecord::can_finish) on:click=finish>
                                "Save thought record"
                            </button>
                            <Show when=move || !record.with(ThoughtRecord::can_finish)>
                                <p class="field-error" role="alert">"Write the automatic thought (step 2) before saving."</p>
                            </Show>
                        }
                    }
                >
                    <button type="button" class="button button--primary" on:click=move |_| go_to(step.get_untracked() + 1)>"Next"</button>
                </Show>
            </div>
            <p class="hint">"Everything you type is saved on this device as you go. You can leave and come back."</p>
        </section>
    }
}

/// One change to the record being written.
type Change = Box<dyn FnOnce(&mut ThoughtRecord)>;

/// Step 1: what happened and when.
#[component]
fn SituationStep(record: RwSignal<ThoughtRecord>, edit: Callback<Change>) -> impl IntoView {
    view! {
        <TextArea
            id="situation"
            label="What happened?"
            hint="Describe it as a camera would: who, where, what was said or done."
            value=Signal::derive(move || record.with(|r| r.situation.clone()))
            on_input=move |t| edit.run(Box::new(move |r| r.situation = t))
        />
        <PersonPicker record=record edit=edit/>
        <div class="field">
            <label for="happened-on">"When"</label>
            <input
                id="happened-on"
                type="date"
                prop:value=move || record.with(|r| r.happened_on.clone())
                on:change=move |ev| {
                    let day = event_target_value(&ev);
                    if !day.is_empty() {
                        edit.run(Box::new(move |r| r.happened_on = day));
                    }
                }
            />
        </div>
    }
}

/// Who the record is about: optional, from People (active people, plus whoever it already names).
#[component]
fn PersonPicker(record: RwSignal<ThoughtRecord>, edit: Callback<Change>) -> impl IntoView {
    let state = AppState::get();
    let choices = move || {
        let current = record.with(|r| r.person_id.clone());
        state.people.with(|people| {
            let mut list: Vec<(String, String)> = people
                .iter()
                .filter(|p| !p.archived || Some(&p.id) == current.as_ref())
                .map(|p| (p.id.clone(), p.name.clone()))
                .collect();
            sort_stable_by_key(&mut list, |(_, name)| name.to_lowercase());
            list
        })
    };
    view! {
        <Show when=move || state.people.with(|p| !p.is_empty())>
            <div class="field">
                <label for="record-person">"Who was involved? (optional)"</label>
                <select
                    id="record-person"
                    on:change=move |ev| {
                        let id = event_target_value(&ev);
                        edit.run(Box::new(move |r| r.person_id = (!id.is_empty()).then_some(id)));
                    }
                >
                    <option value="" selected=move || record.with(|r| r.person_id.is_none())>"No one in particular"</option>
                    {move || {
                        choices()
                            .into_iter()
                            .map(|(id, name)| {
                                let chosen = id.clone();
                                view! {
                                    <option value=id selected=move || record.with(|r| r.person_id.as_deref() == Some(chosen.as_str()))>
                                        {name}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
            </div>
        </Show>
    }
}

/// Step 2: the automatic thought, with thinking traps suggested as you type.
#[component]
fn ThoughtStep(record: RwSignal<ThoughtRecord>, edit: Callback<Change>) -> impl IntoView {
    let danger = Memo::new(move |_| record.with(ThoughtRecord::danger));
    let suggestions = Memo::new(move |_| record.with(ThoughtRecord::trap_suggestions));
    view! {
        <TextArea
            id="thought"
            label="What went through your mind?"
            hint="Write it the way it sounded in your head, for example “She's going to leave me”."
            value=Signal::derive(move || record.with(|r| r.thought.clone()))
            on_input=move |t| edit.run(Box::new(move |r| r.thought = t))
        />
        <div class="suggestions" aria-live="polite">
            <SafetyNotice signal=danger/>
            <Show when=move || suggestions.with(|s| !s.is_empty())>
                <p class="suggestions__title">"This thought may contain:"</p>
                <ul>
                    {move || {
                        suggestions
                            .get()
                            .into_iter()
                            .map(|s| view! { <li><strong>{trap_name(s.trap)}</strong>" — "{s.reason}</li> })
                            .collect_view()
                    }}
                </ul>
                <p class="hint">"You can look at these properly in step 4."</p>
            </Show>
        </div>
    }
}

/// Step 3: feelings, each with an intensity.
#[component]
fn FeelingsStep(record: RwSignal<ThoughtRecord>, edit: Callback<Change>) -> impl IntoView {
    let own = RwSignal::new(String::new());
    let has = move |name: &str| record.with(|r| r.feelings.iter().any(|f| f.name.eq_ignore_ascii_case(name)));
    let add_own = move || {
        let name = own.get_untracked();
        if !name.trim().is_empty() {
            edit.run(Box::new(move |r| r.add_feeling(&name, 50)));
            own.set(String::new());
        }
    };
    view! {
        <fieldset class="chips-field">
            <legend>"Pick what you felt"</legend>
            <ul class="chips">
                {COMMON_FEELINGS
                    .iter()
                    .map(|name| {
                        let name = *name;
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="chip chip--toggle"
                                    aria-pressed=move || has(name).to_string()
                                    on:click=move |_| {
                                        if has(name) {
                                            edit.run(Box::new(move |r| r.remove_feeling(name)));
                                        } else {
                                            edit.run(Box::new(move |r| r.add_feeling(name, 50)));
                                        }
                                    }
                                >
                                    {name}
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </fieldset>
        <form class="inline-form" on:submit=move |ev| { ev.prevent_default(); add_own(); }>
            <div class="field">
                <label for="own-feeling">"Add your own feeling"</label>
                <input id="own-feeling" type="text" maxlength="60" prop:value=move || own.get() on:input=move |ev| own.set(event_target_value(&ev))/>
            </div>
            <button type="submit" class="button button--secondary">"Add"</button>
        </form>
        <div class="ratings">
            {move || {
                record
                    .with(|r| r.feelings.iter().map(|f| f.name.clone()).collect::<Vec<_>>())
                    .into_iter()
                    .enumerate()
                    .map(|(i, name)| {
                        let value = Signal::derive(move || record.with(|r| r.feelings.get(i).map_or(0, |f| f.before)));
                        view! {
                            <Scale
                                id=format!("feeling-before-{i}")
                                label=format!("{name}: how strong, 0–100")
                                value=value
                                on_change=move |v| edit.run(Box::new(move |r| if let Some(f) = r.feelings.get_mut(i) { f.before = v }))
                            />
                        }
                    })
                    .collect_view()
            }}
        </div>
    }
}

/// Step 4: thinking traps from the catalogue (suggested ones first) and the user's own.
#[component]
fn TrapsStep(record: RwSignal<ThoughtRecord>, edit: Callback<Change>) -> impl IntoView {
    let reads_as_danger = Memo::new(move |_| record.with(|r| r.danger().is_some()));
    let suggested = Memo::new(move |_| record.with(ThoughtRecord::trap_suggestions));
    let own = RwSignal::new(String::new());
    let custom = move || {
        record.with(|r| {
            r.traps.iter().filter(|t| crate::domain::traps::trap_by_slug(t).is_none()).cloned().collect::<Vec<_>>()
        })
    };
    let trap_list = move || {
        view! {
        <fieldset class="trap-list">
            <legend>"Thinking traps"</legend>
            {TRAPS
                .iter()
                .map(|trap| {
                    let slug = trap.slug;
                    let reason = move || suggested.with(|s| s.iter().find(|x| x.trap == slug).map(|x| x.reason.clone()));
                    view! {
                        <div class="trap-option" class:trap-option--suggested=move || reason().is_some()>
                            <label class="choice">
                                <input
                                    type="checkbox"
                                    prop:checked=move || record.with(|r| r.traps.iter().any(|t| t == slug))
                                    on:change=move |_| edit.run(Box::new(move |r| r.toggle_trap(slug)))
                                />
                                <span><strong>{trap.name}</strong>{move || reason().map(|_| " (suggested)")}</span>
                            </label>
                            <p class="trap-option__text">{trap.explanation}</p>
                            <p class="trap-option__example">{format!("For example: “{}”", trap.example)}</p>
                            {move || reason().map(|r| view! { <p class="trap-option__reason">{r}</p> })}
                        </div>
                    }
                })
                .collect_view()}
            {move || {
                custom()
                    .into_iter()
                    .map(|name| {
                        let toggled = name.clone();
                        view! {
                            <div class="trap-option">
                                <label class="choice">
                                    <input type="checkbox" checked=true on:change=move |_| { let t = toggled.clone(); edit.run(Box::new(move |r| r.toggle_trap(&t))) }/>
                                    <span><strong>{name}</strong>" (your own)"</span>
                                </label>
                            </div>
                        }
                    })
                    .collect_view()
            }}
        </fieldset>
        }
    };
    view! {
        // After a thought that reads as danger, the list is there only for someone who asks for it.
        {move || {
            if reads_as_danger.get() {
                view! {
                    <details class="disclosure trap-list__anyway">
                        <summary>"Look at the thinking traps anyway"</summary>
                        {trap_list()}
                    </details>
                }
                .into_any()
            } else {
                trap_list().into_any()
            }
        }}
        <form class="inline-form" on:submit=move |ev| {
            ev.prevent_default();
            let name = own.get_untracked();
            if !name.trim().is_empty() {
                edit.run(Box::new(move |r| r.toggle_trap(&name)));
                own.set(String::new());
            }
        }>
            <div class="field">
                <label for="own-trap">"Name a pattern of your own"</label>
                <input id="own-trap" type="text" maxlength="80" prop:value=move || own.get() on:input=move |ev| own.set(event_target_value(&ev))/>
            </div>
            <button type="submit" class="button button--secondary">"Add"</button>
        </form>
    }
}

/// Step 8: the same feelings again, after working through the thought.
#[component]
fn RerateStep(record: RwSignal<ThoughtRecord>, edit: Callback<Change>) -> impl IntoView {
    view! {
        <Show
            when=move || record.with(|r| !r.feelings.is_empty())
            fallback=|| view! { <p class="empty-state">"You did not pick any feelings in step 3, so there is nothing to re-rate."</p> }
        >
            {move || {
                record
                    .with(|r| r.feelings.iter().map(|f| (f.name.clone(), f.before)).collect::<Vec<_>>())
                    .into_iter()
                    .enumerate()
                    .map(|(i, (name, before))| {
                        let value = Signal::derive(move || record.with(|r| r.feelings.get(i).map_or(0, |f| f.after.unwrap_or(f.before))));
                        view! {
                            <Scale
                                id=format!("feeling-after-{i}")
                                label=format!("{name} now (was {before})")
                                value=value
                                on_change=move |v| edit.run(Box::new(move |r| if let Some(f) = r.feelings.get_mut(i) { f.after = Some(v) }))
                            />
                        }
                    })
                    .collect_view()
            }}
        </Show>
    }
}
