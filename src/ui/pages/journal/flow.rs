//! `/journal/new` and `/journal/:id/edit`: the guided eight-step thought record, autosaved as you type.

use super::{remember_saved, trap_name};
use crate::domain::ids::is_valid_id;
use crate::domain::journal::{answer_questions_for, steps_for, RecordStatus, COMMON_FEELINGS};
use crate::domain::stable_sort::sort_stable_by_key;
use crate::domain::traps::{suggested_first, ThinkingTrap};
use crate::domain::ThoughtRecord;
use crate::state::{new_id, now_iso, set_title, today, AppState};
use crate::ui::components::fields::{FieldError, Scale, TextArea};
use crate::ui::components::safety_notice::SafetyNotice;
use crate::ui::pages::NotFound;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
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
    let id = crate::ui::pages::route_id();
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
        record.update(|r| change(r));
        let current = record.get_untracked();
        if !(current.is_blank() && current.status == RecordStatus::Draft) {
            state.save_record(state.journal, current);
        }
    });
    let go_to = move |n: u8| {
        step.set(n);
        edit.run(Box::new(move |r| r.step = n));
        leptos::prelude::request_animation_frame(|| crate::ui::dom::focus_target("step-heading"));
    };
    let navigate = use_navigate();
    // The record's page then says, once, that it is saved, with a calm word (no toast on top of it).
    let finish = move |_| {
        let first_time = record.with_untracked(|r| r.status == RecordStatus::Draft);
        edit.run(Box::new(ThoughtRecord::finish));
        let id = record.with_untracked(|r| r.id.clone());
        remember_saved(id.clone(), first_time);
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
                        {record_text(record, edit, "evidence-for", for_it.label, for_it.hint, |r| &r.evidence_for, |r| &mut r.evidence_for)}
                        {record_text(record, edit, "evidence-against", against_it.label, against_it.hint, |r| &r.evidence_against, |r| &mut r.evidence_against)}
                    }
                    .into_any()
                }
                6 => {
                    let other = questions()[2];
                    view! {
                        {record_text(record, edit, "alternatives", other.label, other.hint, |r| &r.alternatives, |r| &mut r.alternatives)}
                    }
                    .into_any()
                }
                7 => {
                    let balanced = questions()[3];
                    view! {
                        <Recap record=record back_to_evidence=Callback::new(move |()| go_to(5))/>
                        {record_text(record, edit, "balanced", balanced.label, balanced.hint, |r| &r.balanced, |r| &mut r.balanced)}
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
                                <FieldError message=|| Some("Write the automatic thought (step 2) before saving.")/>
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

/// A one-line form that adds the user's own word (a feeling, a trap): `add` runs on Enter or "Add".
fn add_own_form(
    id: &'static str,
    label: &'static str,
    max_chars: u32,
    own: RwSignal<String>,
    add: impl Fn() + 'static,
) -> impl IntoView {
    view! {
        <form class="inline-form" on:submit=move |ev| { ev.prevent_default(); add(); }>
            <div class="field">
                <label for=id>{label}</label>
                <input id=id type="text" maxlength=max_chars prop:value=move || own.get() on:input=move |ev| own.set(event_target_value(&ev))/>
            </div>
            <button type="submit" class="button button--secondary">"Add"</button>
        </form>
    }
}

/// A text area bound to one text field of the record (`get` reads it, `set` gives it to change), saved as typed.
fn record_text(
    record: RwSignal<ThoughtRecord>,
    edit: Callback<Change>,
    id: &'static str,
    label: &'static str,
    hint: &'static str,
    get: fn(&ThoughtRecord) -> &String,
    set: fn(&mut ThoughtRecord) -> &mut String,
) -> impl IntoView {
    view! {
        <TextArea
            id=id
            label=label
            hint=hint
            value=Signal::derive(move || record.with(|r| get(r).clone()))
            on_input=move |t| edit.run(Box::new(move |r| *set(r) = t))
        />
    }
}

/// Step 1: what happened and when.
#[component]
fn SituationStep(record: RwSignal<ThoughtRecord>, edit: Callback<Change>) -> impl IntoView {
    view! {
        {record_text(record, edit, "situation", "What happened?", "Describe it as a camera would: who, where, what was said or done.", |r| &r.situation, |r| &mut r.situation)}
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
        {record_text(record, edit, "thought", "What went through your mind?", "Write it the way it sounded in your head, for example “She's going to leave me”.", |r| &r.thought, |r| &mut r.thought)}
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
        {add_own_form("own-feeling", "Add your own feeling", 60, own, add_own)}
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

/// Step 4: the traps the finder suggests for the thought, in full; every other trap as a name to tick, whose
/// explanation opens beside it; and the user's own. After a thought that reads as danger nothing is suggested
/// and the list stays folded away unless asked for.
#[component]
fn TrapsStep(record: RwSignal<ThoughtRecord>, edit: Callback<Change>) -> impl IntoView {
    let reads_as_danger = Memo::new(move |_| record.with(|r| r.danger().is_some()));
    let suggestions = Memo::new(move |_| record.with(ThoughtRecord::trap_suggestions));
    let parts = Memo::new(move |_| suggestions.with(|s| suggested_first(s)));
    let has_suggestions = move || parts.with(|(suggested, _)| !suggested.is_empty());
    let own = RwSignal::new(String::new());
    let custom = move || {
        record.with(|r| {
            r.traps.iter().filter(|t| crate::domain::traps::trap_by_slug(t).is_none()).cloned().collect::<Vec<_>>()
        })
    };
    let trap_list = move || {
        view! {
            <div class="trap-list">
                <Show when=has_suggestions>
                    <fieldset class="trap-group">
                        <legend>"Suggested for your thought"</legend>
                        {move || {
                            parts
                                .with(|(suggested, _)| suggested.clone())
                                .into_iter()
                                .map(|trap| {
                                    let reason = suggestions
                                        .with_untracked(|s| s.iter().find(|x| x.trap == trap.slug).map(|x| x.reason.clone()));
                                    view! { <SuggestedTrap trap=trap reason=reason record=record edit=edit/> }
                                })
                                .collect_view()
                        }}
                    </fieldset>
                </Show>
                <fieldset class="trap-group">
                    <legend>{move || if has_suggestions() { "Other thinking traps" } else { "Thinking traps" }}</legend>
                    <ul class="trap-names">
                        {move || {
                            parts
                                .with(|(_, others)| others.clone())
                                .into_iter()
                                .map(|trap| view! { <TrapName trap=trap record=record edit=edit/> })
                                .collect_view()
                        }}
                        {move || {
                            custom()
                                .into_iter()
                                .map(|name| {
                                    let toggled = name.clone();
                                    view! {
                                        <li class="trap-name">
                                            <label class="choice">
                                                <input type="checkbox" checked=true on:change=move |_| { let t = toggled.clone(); edit.run(Box::new(move |r| r.toggle_trap(&t))) }/>
                                                <span>{name}" (your own)"</span>
                                            </label>
                                        </li>
                                    }
                                })
                                .collect_view()
                        }}
                    </ul>
                </fieldset>
            </div>
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
                view! {
                    <Show when=move || !has_suggestions() && record.with(|r| !r.thought.trim().is_empty())>
                        <p class="hint">"Nothing in the words of your thought points to one trap. One may still fit: open a name to read what it means, or go on."</p>
                    </Show>
                    {trap_list()}
                }
                .into_any()
            }
        }}
        {add_own_form("own-trap", "Name a pattern of your own", 80, own, move || {
            let name = own.get_untracked();
            if !name.trim().is_empty() {
                edit.run(Box::new(move |r| r.toggle_trap(&name)));
                own.set(String::new());
            }
        })}
    }
}

/// A trap the finder suggests: to tick, with what it is, an example and why it was suggested.
#[component]
fn SuggestedTrap(
    trap: &'static ThinkingTrap,
    reason: Option<String>,
    record: RwSignal<ThoughtRecord>,
    edit: Callback<Change>,
) -> impl IntoView {
    let slug = trap.slug;
    view! {
        <div class="trap-option trap-option--suggested">
            <label class="choice">
                <input
                    type="checkbox"
                    prop:checked=move || record.with(|r| r.traps.iter().any(|t| t == slug))
                    on:change=move |_| edit.run(Box::new(move |r| r.toggle_trap(slug)))
                />
                <span><strong>{trap.name}</strong><span class="visually-hidden">" (suggested)"</span></span>
            </label>
            <p class="trap-option__text">{trap.explanation}</p>
            <p class="trap-option__example">{format!("For example: “{}”", trap.example)}</p>
            {reason.map(|r| view! { <p class="trap-option__reason">{r}</p> })}
        </div>
    }
}

/// A trap the finder did not suggest: its name to tick, and "What it means" to open its explanation.
#[component]
fn TrapName(trap: &'static ThinkingTrap, record: RwSignal<ThoughtRecord>, edit: Callback<Change>) -> impl IntoView {
    let slug = trap.slug;
    let open = RwSignal::new(false);
    let about = format!("trap-about-{slug}");
    view! {
        <li class="trap-name">
            <div class="trap-name__row">
                <label class="choice">
                    <input
                        type="checkbox"
                        prop:checked=move || record.with(|r| r.traps.iter().any(|t| t == slug))
                        on:change=move |_| edit.run(Box::new(move |r| r.toggle_trap(slug)))
                    />
                    <span>{trap.name}</span>
                </label>
                <button
                    type="button"
                    class="trap-name__more"
                    aria-expanded=move || open.get().to_string()
                    aria-controls=about.clone()
                    on:click=move |_| open.update(|o| *o = !*o)
                >
                    "What it means"
                    <span class="visually-hidden">{format!(": {}", trap.name)}</span>
                </button>
            </div>
            <div id=about class="trap-name__about" hidden=move || !open.get()>
                <p>{trap.explanation}</p>
                <p class="trap-option__example">{format!("For example: “{}”", trap.example)}</p>
            </div>
        </li>
    }
}

/// Step 7: what steps 5 and 6 hold, read-only, above the field, so the balanced thought can take it in (for a
/// record that reads as danger: what helps and who could help, if written).
#[component]
fn Recap(record: RwSignal<ThoughtRecord>, back_to_evidence: Callback<()>) -> impl IntoView {
    let recap = Memo::new(move |_| record.with(ThoughtRecord::recap_for_step_seven));
    let reads_as_danger = Memo::new(move |_| record.with(|r| r.danger().is_some()));
    move || {
        let answers = recap.get();
        if !answers.is_empty() {
            view! {
                <section class="recap" aria-labelledby="recap-heading">
                    <h3 id="recap-heading">"What you wrote so far"</h3>
                    <dl>
                        {answers
                            .into_iter()
                            .map(|(heading, text)| view! { <dt>{heading}</dt><dd class="user-text">{text}</dd> })
                            .collect_view()}
                    </dl>
                </section>
            }
            .into_any()
        } else if !reads_as_danger.get() {
            view! {
                <p class="recap recap--empty">
                    "Steps 5 and 6 are empty. A balanced thought is easier with the evidence in front of you. "
                    <button type="button" class="button button--quiet" on:click=move |_| back_to_evidence.run(())>
                        "Go to step 5"
                    </button>
                </p>
            }
            .into_any()
        } else {
            ().into_any()
        }
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
