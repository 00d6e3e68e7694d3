//! `/people`: everyone on the trust map — active first, archived in their own section. With no one yet, the page
//! is the add form; once someone is there, the list comes first and the form opens from one "Add a person" button.

use super::{PersonFields, PersonMarker};
use crate::domain::ladder::LadderStep;
use crate::domain::people::{
    accept_person_name, observation_counts, person_summary, sort_people, NameProblem, Person, Relationship,
};
use crate::state::{new_id, now_iso, set_title, AppState, Toast};
use crate::ui::components::disclosure::ToggleButton;
use crate::ui::dom::{after_first_paint, focus_element};
use leptos::prelude::*;
use std::collections::BTreeMap;

/// A person as the list shows them: everything is computed once per change of the collections.
#[derive(Clone, PartialEq)]
struct PersonRow {
    id: String,
    name: String,
    relationship: Relationship,
    marker: String,
    archived: bool,
    observations: usize,
    steps: usize,
}

/// How many active people the list draws before "Show all".
const PAGE: usize = 40;

/// How many of them are drawn before the first paint (more than a tall screen holds below the form); the rest of
/// the page follows right after it.
const FIRST_SCREEN: usize = 10;

/// The people page.
#[component]
pub fn People() -> impl IntoView {
    set_title("People");
    let state = AppState::get();
    let rows = Memo::new(move |_| {
        let counts: BTreeMap<String, usize> =
            state.observations.with(|o| observation_counts(o).into_iter().map(|(id, n)| (id.to_owned(), n)).collect());
        let steps = state.ladder.with(|steps| ladder_counts(steps));
        let mut people = state.people.get();
        sort_people(&mut people);
        people
            .into_iter()
            .map(|p| PersonRow {
                observations: counts.get(&p.id).copied().unwrap_or(0),
                steps: steps.get(&p.id).copied().unwrap_or(0),
                id: p.id,
                name: p.name,
                relationship: p.relationship,
                marker: p.marker,
                archived: p.archived,
            })
            .collect::<Vec<_>>()
    });
    // A long list is drawn in pages (and archived people only on request) so it opens within a frame.
    let shown = RwSignal::new(PAGE);
    let rest_drawn = after_first_paint(false);
    let show_archived = RwSignal::new(false);
    let active_count = move || rows.with(|r| r.iter().filter(|p| !p.archived).count());
    let archived_count = move || rows.with(|r| r.iter().filter(|p| p.archived).count());
    let active = move || {
        let limit = if rest_drawn.get() { shown.get() } else { shown.get().min(FIRST_SCREEN) };
        rows.with(|r| r.iter().filter(|p| !p.archived).take(limit).cloned().collect::<Vec<_>>())
    };
    let archived = move || rows.with(|r| r.iter().filter(|p| p.archived).cloned().collect::<Vec<_>>());
    // With no one on the map the form is the page; after that it waits behind "Add a person".
    let anyone = Memo::new(move |_| rows.with(|r| !r.is_empty()));
    let adding = RwSignal::new(false);
    let open_form = move |_| {
        let open = !adding.get_untracked();
        adding.set(open);
        if open {
            request_animation_frame(|| focus_element("person-name"));
        }
    };
    // After an add (or Cancel) the form closes and focus goes back to the button that opens it.
    let close_form = Callback::new(move |()| {
        adding.set(false);
        request_animation_frame(|| focus_element("add-person-open"));
    });
    view! {
        <div class="people-title">
            <h1>"People"</h1>
            <Show when=move || anyone.get()>
                <button
                    type="button"
                    id="add-person-open"
                    class="button button--primary"
                    aria-expanded=move || adding.get().to_string()
                    aria-controls="add-person-form"
                    on:click=open_form
                >
                    "Add a person"
                </button>
            </Show>
        </div>
        <Show
            when=move || anyone.get()
            fallback=move || {
                view! {
                    <p class="lead">
                        "Your trust map: the people who matter to you, what they actually do, and small steps to try with them."
                    </p>
                    <AddPerson/>
                }
            }
        >
            <Show when=move || adding.get()>
                <AddPerson on_close=close_form/>
            </Show>
        </Show>
        <section aria-labelledby="people-heading">
            <h2 id="people-heading">"Your people"</h2>
            <Show
                when=move || rows.with(|r| !r.is_empty())
                fallback=|| {
                    view! {
                        <p class="empty-state">
                            "No one is on your trust map yet. Add someone above — a nickname is enough, and it never leaves this device."
                        </p>
                    }
                }
            >
                <Show
                    when=move || rows.with(|r| r.iter().any(|p| !p.archived))
                    fallback=|| view! { <p class="empty-state">"Everyone you added is archived. Add someone with the button above, or open an archived person to bring them back."</p> }
                >
                    <ul class="card-list people-list">
                        <For each=active key=PersonRow::key let:row>
                            <PersonCard row=row/>
                        </For>
                    </ul>
                    <Show when=move || { active_count() > shown.get() }>
                        <button type="button" class="button button--secondary" on:click=move |_| shown.set(usize::MAX)>
                            {move || format!("Show all {} people", active_count())}
                        </button>
                    </Show>
                </Show>
            </Show>
        </section>
        <Show when=move || rows.with(|r| r.iter().any(|p| p.archived))>
            <section aria-labelledby="archived-heading">
                <h2 id="archived-heading">"Archived"</h2>
                <p class="hint">"Archived people keep their history; open one to bring them back to your list."</p>
                <ToggleButton open=show_archived controls="archived-list" class="button button--quiet">
                    {move || if show_archived.get() { "Hide archived people".to_owned() } else { format!("Show {} archived", archived_count()) }}
                </ToggleButton>
                <Show when=move || show_archived.get()>
                    <ul id="archived-list" class="card-list people-list people-list--archived">
                        <For each=archived key=PersonRow::key let:row>
                            <PersonCard row=row/>
                        </For>
                    </ul>
                </Show>
            </section>
        </Show>
    }
}

impl PersonRow {
    /// What a card shows, so the list rebuilds a card only when it changed.
    fn key(&self) -> (String, String, &'static str, String, bool, usize, usize) {
        let r = self;
        (r.id.clone(), r.name.clone(), r.relationship.label(), r.marker.clone(), r.archived, r.observations, r.steps)
    }
}

/// How many ladder steps each person has, by person id.
fn ladder_counts(steps: &[LadderStep]) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for s in steps {
        *counts.entry(s.person_id.clone()).or_insert(0) += 1;
    }
    counts
}

/// One person in the list.
#[component]
fn PersonCard(row: PersonRow) -> impl IntoView {
    view! {
        <li class="card person-card">
            <p class="person-card__name">
                <PersonMarker marker=row.marker.clone()/>
                <a class="user-text" href=format!("/people/{}", row.id)>{row.name.clone()}</a>
            </p>
            <p class="person-card__meta">
                {row.relationship.label()}
                {row.archived.then_some(" · archived")}
            </p>
            <p class="person-card__summary">{person_summary(row.observations, row.steps)}</p>
        </li>
    }
}

/// The form that adds a person: name, relationship, marker. A duplicate name is pointed out first; a second
/// press ("Add anyway") adds them. Opened from "Add a person", it has Cancel, and `on_close` runs after an add or a
/// Cancel; on the first visit (no one yet) it is simply the page's form.
#[component]
pub(super) fn AddPerson(
    /// Closes the form (after an add or Cancel); `None` for the first-visit form, which stays.
    #[prop(optional)]
    on_close: Option<Callback<()>>,
) -> impl IntoView {
    let state = AppState::get();
    let name = RwSignal::new(String::new());
    let relationship = RwSignal::new(Relationship::Other);
    let marker = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<NameProblem>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = name.get_untracked();
        // The second press after the duplicate warning: they know, and still want to add them.
        let confirmed = problem.get_untracked() == Some(NameProblem::Duplicate);
        let checked = state.people.with_untracked(|people| accept_person_name(&typed, people, None, confirmed));
        let clean = match checked {
            Ok(clean) => clean,
            Err(found) => {
                problem.set(Some(found));
                return;
            }
        };
        let mut person = Person::new(new_id(), &clean, relationship.get_untracked(), &now_iso());
        person.marker = marker.get_untracked();
        let first = state.people.with_untracked(Vec::is_empty);
        state.save_record(state.people, person);
        state.toast.set(Some(Toast { message: format!("{clean} added."), undo: None }));
        name.set(String::new());
        marker.set(String::new());
        relationship.set(Relationship::Other);
        problem.set(None);
        match on_close {
            Some(close) => close.run(()),
            // The first person: this form gives way to the list, so focus goes to the button that adds the next.
            None if first => request_animation_frame(|| focus_element("add-person-open")),
            None => {}
        }
    };
    view! {
        <form id="add-person-form" class="card add-person" on:submit=add novalidate=true>
            <h2>"Add a person"</h2>
            <PersonFields id_prefix="person" name=name problem=problem relationship=relationship marker=marker/>
            <div class="button-row">
                <button type="submit" class="button button--primary">
                    {move || if problem.get() == Some(NameProblem::Duplicate) { "Add anyway" } else { "Add person" }}
                </button>
                {on_close
                    .map(|close| {
                        view! {
                            <button type="button" class="button button--quiet" on:click=move |_| close.run(())>
                                "Cancel"
                            </button>
                        }
                    })}
            </div>
        </form>
    }
}
