//! `/practice`: every exercise, grouped by the lesson that explains it; `/practice/:exercise`.

use super::NotFound;
use crate::content::{exercise_by_slug, lesson_by_slug, ExerciseInfo, EXERCISES, LESSONS};
use crate::state::set_title;
use crate::ui::exercises::{BeliefTracker, PromisesTool, TrapPractice, TriggerLog, TrustOrigins, TrustworthinessCheck};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The Practice hub.
#[component]
pub fn Practice() -> impl IntoView {
    set_title("Practice");
    view! {
        <h1>"Practice"</h1>
        <p class="lead">"Exercises that go with the lessons. Each one is small; do them in any order."</p>
        {LESSONS
            .iter()
            .filter_map(|lesson| {
                let exercises: Vec<&ExerciseInfo> = EXERCISES.iter().filter(|e| e.lesson == lesson.slug).collect();
                (!exercises.is_empty())
                    .then(|| {
                        view! {
                            <section class="practice-group" aria-labelledby=format!("group-{}", lesson.slug)>
                                <h2 id=format!("group-{}", lesson.slug)>{lesson.title}</h2>
                                <ul class="card-list">
                                    {exercises
                                        .into_iter()
                                        .map(|e| {
                                            view! {
                                                <li class="card">
                                                    <a href=format!("/practice/{}", e.slug)>{e.title}</a>
                                                    <p>{e.summary}</p>
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            </section>
                        }
                    })
            })
            .collect_view()}
    }
}

/// One exercise: the tool itself where it is built; otherwise its heading, an honest line and its lesson.
#[component]
pub fn ExercisePage() -> impl IntoView {
    let params = use_params_map();
    let exercise = Memo::new(move |_| params.with(|p| p.get("exercise").and_then(|slug| exercise_by_slug(&slug))));
    move || match exercise.get() {
        Some(exercise) => {
            set_title(exercise.title);
            let lesson = lesson_by_slug(exercise.lesson);
            view! {
                <p class="breadcrumb"><a href="/practice">"Practice"</a></p>
                <h1>{exercise.title}</h1>
                <p class="lead">{exercise.summary}</p>
                {lesson
                    .map(|l| {
                        view! {
                            <p class="why-link">
                                "Why this works: "
                                <a href=format!("/learn/{}", l.slug)>{l.title}</a>
                            </p>
                        }
                    })}
                {exercise_tool(exercise.slug)}
            }
            .into_any()
        }
        None => view! { <NotFound/> }.into_any(),
    }
}

/// The tool for an exercise, or an honest line when it is not built yet.
fn exercise_tool(slug: &str) -> AnyView {
    match slug {
        "thought-record" => view! {
            <p>"A thought record walks you through eight short steps, from what happened to a fairer way of seeing it."</p>
            <p>
                <a class="button button--primary" href="/journal/new">"Start a thought record"</a>
                " "
                <a class="button button--secondary" href="/journal">"Open the journal"</a>
            </p>
        }
        .into_any(),
        "belief-tracker" => view! { <BeliefTracker/> }.into_any(),
        "trigger-log" => view! { <TriggerLog/> }.into_any(),
        "trap-practice" => view! { <TrapPractice/> }.into_any(),
        "promises" => view! { <PromisesTool/> }.into_any(),
        "trustworthiness-check" => view! { <TrustworthinessCheck/> }.into_any(),
        "trust-origins" => view! { <TrustOrigins/> }.into_any(),
        _ => view! { <p class="empty-state">"This exercise is not built yet. Nothing has been recorded for it."</p> }.into_any(),
    }
}
