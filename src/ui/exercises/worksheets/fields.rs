//! The field kinds of a worksheet: text, choice, checklist step, dated notes; the message builder and the
//! habit check-ins have their own files.

use super::checkins::HabitCheckIns;
use super::message::MessageBuilder;
use super::Change;
use crate::domain::worksheets::{Field, FieldKind, WorksheetEntry};
use crate::state::{now_iso, today};
use crate::ui::components::disclosure::Disclosure;
use crate::ui::components::fields::{Choice, TextArea, TextInput};
use crate::ui::dom::local_day;
use leptos::prelude::*;

/// The hint of a field, if it has one.
fn hint(field: &Field) -> Option<&'static str> {
    (!field.hint.is_empty()).then_some(field.hint)
}

/// The stored answer under `key`, as a signal that changes only when that answer does.
pub(super) fn answer(entry: RwSignal<WorksheetEntry>, key: &'static str) -> Memo<String> {
    Memo::new(move |_| entry.with(|e| e.answers.get(key).cloned().unwrap_or_default()))
}

/// A closure that stores a new answer under `key`.
pub(super) fn set_answer(edit: Callback<Change>, key: &'static str) -> impl Fn(String) + Copy + 'static {
    move |text: String| edit.run(Box::new(move |e| e.set_answer(key, text)))
}

/// One field, drawn by its kind.
#[component]
pub(super) fn FieldView(
    field: &'static Field,
    entry: RwSignal<WorksheetEntry>,
    edit: Callback<Change>,
) -> impl IntoView {
    let id = format!("ws-{}", field.key);
    match field.kind {
        FieldKind::Line => view! {
            <TextInput id=id label=field.label hint=hint(field).unwrap_or_default() value=answer(entry, field.key) on_input=set_answer(edit, field.key)/>
        }
        .into_any(),
        FieldKind::Text => {
            let value = answer(entry, field.key);
            // Tall enough for what is already there (a safety plan's filled-in lines, some wrapping on a phone),
            // from 3 up to 10 rows.
            let rows = value.with_untracked(|v| u32::try_from(v.lines().count() * 3 / 2).unwrap_or(10)).clamp(3, 10);
            view! {
                <TextArea id=id label=field.label hint=hint(field).unwrap_or_default() rows=rows value=value on_input=set_answer(edit, field.key)/>
            }
            .into_any()
        }
        FieldKind::Choice { choices, default } => {
            let value = answer(entry, field.key);
            // A choice with a default shows it selected until another is picked (its meaning holds already).
            let selected = Memo::new(move |_| {
                value.with(|v| if v.trim().is_empty() { default.unwrap_or_default().to_owned() } else { v.clone() })
            });
            view! {
                <fieldset class="choice-group">
                    <legend>{field.label}</legend>
                    {hint(field).map(|h| view! { <p class="field__hint">{h}</p> })}
                    {choices
                        .iter()
                        .map(|choice| {
                            view! {
                                <Choice
                                    kind="radio"
                                    name=id.clone()
                                    checked=move || selected.with(|v| v == choice.value)
                                    on_change=move |_| set_answer(edit, field.key)(choice.value.to_owned())
                                    label=choice.label
                                />
                            }
                        })
                        .collect_view()}
                </fieldset>
            }
            .into_any()
        }
        FieldKind::Step { notes } => view! { <StepField field=field notes=notes entry=entry edit=edit/> }.into_any(),
        FieldKind::Log => view! {
            <div class="worksheet__log">
                <h3>{field.label}</h3>
                {hint(field).map(|h| view! { <p class="field__hint">{h}</p> })}
                <DatedNotes key=field.key label="New entry" button="Add entry" folded=false entry=entry edit=edit/>
            </div>
        }
        .into_any(),
        FieldKind::Message => view! { <MessageBuilder entry=entry edit=edit/> }.into_any(),
        FieldKind::HabitCheckIns => view! { <HabitCheckIns entry=entry edit=edit/> }.into_any(),
    }
}

/// A checklist step: a checkbox, the day it was ticked, and (for steps with notes) dated notes.
#[component]
fn StepField(
    field: &'static Field,
    notes: bool,
    entry: RwSignal<WorksheetEntry>,
    edit: Callback<Change>,
) -> impl IntoView {
    let id = format!("ws-{}", field.key);
    let hint_id = format!("{id}-hint");
    let ticked = Memo::new(move |_| entry.with(|e| e.ticked.get(field.key).cloned()));
    view! {
        <div class="worksheet-step" class:worksheet-step--done=move || ticked.with(Option::is_some)>
            <div class="worksheet-step__check">
                <input
                    type="checkbox"
                    id=id.clone()
                    aria-describedby=hint(field).map(|_| hint_id.clone())
                    prop:checked=move || ticked.with(Option::is_some)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        let day = today();
                        edit.run(Box::new(move |e| e.tick(field.key, on, &day)));
                    }
                />
                <label for=id>{field.label}</label>
            </div>
            {hint(field).map(|h| view! { <p class="field__hint" id=hint_id>{h}</p> })}
            {move || ticked.get().map(|day| view! { <p class="worksheet-step__day">{format!("Done on {}", local_day(&day))}</p> })}
            {notes.then(|| view! { <DatedNotes key=field.key label="Dated note" button="Add note" folded=true entry=entry edit=edit/> })}
        </div>
    }
}

/// Dated notes under a step or log: the list, and a box for a new one. What is typed in the box is itself saved
/// as the user types (as the answer `<key>--draft`), so a reload before "Add" loses nothing. When `folded`
/// (under checklist steps, which can be many), the box opens from a "Write a note" button, and is open at once
/// while it holds a draft.
#[component]
fn DatedNotes(
    key: &'static str,
    label: &'static str,
    button: &'static str,
    folded: bool,
    entry: RwSignal<WorksheetEntry>,
    edit: Callback<Change>,
) -> impl IntoView {
    let draft_key = format!("{key}--draft");
    let notes = Memo::new(move |_| entry.with(|e| e.notes.get(key).cloned().unwrap_or_default()));
    let draft = {
        let draft_key = draft_key.clone();
        Memo::new(move |_| entry.with(|e| e.answers.get(&draft_key).cloned().unwrap_or_default()))
    };
    let type_draft = {
        let draft_key = draft_key.clone();
        move |text: String| {
            let draft_key = draft_key.clone();
            edit.run(Box::new(move |e| e.set_answer(&draft_key, text)));
        }
    };
    let open = RwSignal::new(!folded || !draft.get_untracked().is_empty());
    let add = move |_| {
        let text = draft.get_untracked();
        if folded && !text.trim().is_empty() {
            open.set(false);
        }
        let now = now_iso();
        let draft_key = draft_key.clone();
        edit.run(Box::new(move |e| {
            if e.add_note(key, &text, &now) {
                e.answers.remove(&draft_key);
            }
        }));
    };
    let form = move || {
        let (type_draft, add) = (type_draft.clone(), add.clone());
        view! {
            <div class="dated-notes__new">
                <TextArea id=format!("ws-{key}-note") label=label rows=2 value=draft on_input=type_draft/>
                <button type="button" class="button button--secondary" on:click=add>{button}</button>
            </div>
        }
    };
    let new_note = if folded {
        view! { <Disclosure label="Write a note" open=open>{form()}</Disclosure> }.into_any()
    } else {
        form().into_any()
    };
    view! {
        <Show when=move || notes.with(|n| !n.is_empty())>
            <ul class="dated-notes">
                {move || notes.get().into_iter().map(|note| {
                        let at = note.at.clone();
                        let day = local_day(&note.at);
                        view! {
                            <li class="dated-notes__item">
                                <span class="dated-notes__day">{day.clone()}</span>
                                <span class="dated-notes__text user-text">{note.text.clone()}</span>
                                <button
                                    type="button"
                                    class="button button--quiet"
                                    aria-label=format!("Remove the note from {day}")
                                    on:click=move |_| {
                                        let at = at.clone();
                                        edit.run(Box::new(move |e| e.remove_note(key, &at)));
                                    }
                                >
                                    "Remove"
                                </button>
                            </li>
                        }
                    }).collect_view()}
            </ul>
        </Show>
        {new_note}
    }
}
