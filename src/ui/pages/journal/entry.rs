//! `/journal/:id`: one thought record, exactly as written, with Edit and Delete (Undo).

use super::{take_saved, trap_name};
use crate::domain::journal::{answer_questions_for, change_line, RecordStatus};
use crate::domain::ThoughtRecord;
use crate::state::{set_title, AppState};
use crate::ui::dom::local_day;
use crate::ui::pages::NotFound;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// The record named by the route.
#[component]
pub fn JournalEntry() -> impl IntoView {
    let state = AppState::get();
    let id = crate::ui::pages::route_id();
    let record = Memo::new(move |_| {
        let id = id.get();
        state.journal.with(|records| records.iter().find(|r| r.id == id).cloned())
    });
    move || match record.get() {
        Some(record) => view! { <RecordView record=record/> }.into_any(),
        None => view! {
            <NotFound/>
            <p>"If you just deleted this record, the Undo button at the bottom brings it back."</p>
        }
        .into_any(),
    }
}

/// A labelled block of the user's text, shown exactly as typed (text, never markup).
fn answer(label: &'static str, text: String) -> impl IntoView {
    (!text.trim().is_empty()).then(|| section(label, view! { <p class="user-text">{text}</p> }))
}

/// One answered part of a record under its heading.
fn section(heading: &'static str, body: impl IntoView) -> impl IntoView {
    view! {
        <section class="answer">
            <h2>{heading}</h2>
            {body}
        </section>
    }
}

#[component]
fn RecordView(record: ThoughtRecord) -> impl IntoView {
    let state = AppState::get();
    set_title("Thought record");
    let navigate = use_navigate();
    let id = record.id.clone();
    let delete = move |_| {
        state.delete_record(state.journal, &id, "Thought record");
        navigate("/journal", Default::default());
    };
    let is_draft = record.status == RecordStatus::Draft;
    // Just saved from the flow: a calm line, once (gone on a reload or the next visit).
    let saved_note = take_saved(&record.id).map(|first_time| {
        let reads_as_danger = record.danger().is_some();
        view! {
            <p class="record-saved" role="status">
                {record.finished_note(first_time)}
                {(first_time && reads_as_danger).then(|| view! { " "<a href="/help">"Help lists people you can call or text."</a> })}
            </p>
        }
    });
    view! {
        <p class="breadcrumb"><a href="/journal">"Journal"</a></p>
        <h1>{format!("Thought record, {}", local_day(&record.happened_on))}</h1>
        {saved_note}
        {is_draft.then(|| view! { <p class="banner banner--info">"This is a draft. "<a href=format!("/journal/{}/edit", record.id)>"Resume it"</a>"."</p> })}
        {record
            .person_id
            .as_ref()
            .and_then(|id| state.people.with_untracked(|people| people.iter().find(|p| &p.id == id).map(|p| (p.id.clone(), p.name.clone()))))
            .map(|(id, name)| view! { <p>"About "<a href=format!("/people/{id}")>{name}</a></p> })}
        {answer("What happened", record.situation.clone())}
        {answer("Automatic thought", record.thought.clone())}
        {(!record.feelings.is_empty())
            .then(|| {
                let rows = record
                    .feelings
                    .iter()
                    .map(|f| {
                        view! {
                            <tr>
                                <th scope="row">{f.name.clone()}</th>
                                <td>{f.before}</td>
                                <td>{f.after.map_or_else(|| "—".to_owned(), |a| a.to_string())}</td>
                            </tr>
                        }
                    })
                    .collect_view();
                let table = view! {
                    <table class="feelings-table">
                        <thead>
                            <tr><th scope="col">"Feeling"</th><th scope="col">"Before"</th><th scope="col">"After"</th></tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                    {record.average_drop().map(|d| view! { <p>{change_line(d)}"."</p> })}
                };
                section("Feelings", table)
            })}
        {(!record.traps.is_empty())
            .then(|| {
                let chips = record.traps.iter().map(|t| view! { <li class="chip">{trap_name(t)}</li> }).collect_view();
                section("Thinking traps", view! { <ul class="chips chips--static">{chips}</ul> })
            })}
        {
            let [for_it, against_it, other, balanced] = answer_questions_for(record.danger().is_some()).map(|q| q.heading);
            view! {
                {answer(for_it, record.evidence_for.clone())}
                {answer(against_it, record.evidence_against.clone())}
                {answer(other, record.alternatives.clone())}
                {answer(balanced, record.balanced.clone())}
            }
        }
        <div class="actions">
            <a class="button button--primary" href=format!("/journal/{}/edit", record.id)>"Edit"</a>
            " "
            <button type="button" class="button button--quiet" on:click=delete>"Delete"</button>
        </div>
    }
}
