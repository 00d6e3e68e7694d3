//! `/practice`: every exercise, grouped by the lesson that explains it; `/practice/:exercise`.

use super::NotFound;
use crate::content::{exercise_by_slug, lesson_by_slug, ExerciseInfo, EXERCISES, LESSONS};
use crate::domain::assessments::AssessmentKind;
use crate::domain::journal::RecordStatus;
use crate::domain::worksheet_defs::worksheet_by_slug;
use crate::domain::worksheets::{count_of, days_ago, last_checkin};
use crate::state::{set_title, today, AppState};
use crate::ui::exercises::{
    BeliefTracker, PromisesTool, TrapPractice, TriggerLog, TrustOrigins, TrustworthinessCheck, WorksheetTool,
};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The Practice hub.
#[component]
pub fn Practice() -> impl IntoView {
    set_title("Practice");
    view! {
        <h1>"Practice"</h1>
        <p class="lead">"Exercises that go with the lessons. Each one is small; do them in any order."</p>
        <p class="practice-safety">
            "Going through a very hard time? A "<a href="/practice/safety-plan">"safety plan"</a>
            " puts what helps, and who to call, in one place."
        </p>
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
                                                    <p class="practice-progress">{move || progress_line(e.slug)}</p>
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
        "trust-map" => view! {
            <p>"The trust map lives on the People page: each person, what they have actually done, and how that adds up."</p>
            <p><a class="button button--primary" href="/people">"Open the trust map"</a></p>
        }
        .into_any(),
        "disclosure-ladder" => view! {
            <p>"Each person has their own ladder of small things to share. Open a person on the People page to build theirs."</p>
            <p><a class="button button--primary" href="/people">"Choose a person"</a></p>
        }
        .into_any(),
        "belief-tracker" => view! { <BeliefTracker/> }.into_any(),
        "trigger-log" => view! { <TriggerLog/> }.into_any(),
        "trap-practice" => view! { <TrapPractice/> }.into_any(),
        "promises" => view! { <PromisesTool/> }.into_any(),
        "trustworthiness-check" => view! { <TrustworthinessCheck/> }.into_any(),
        "trust-origins" => view! { <TrustOrigins/> }.into_any(),
        slug => match worksheet_by_slug(slug) {
            Some(def) => view! { <WorksheetTool def=def/> }.into_any(),
            None => view! { <p class="empty-state">"This exercise is not built yet. Nothing has been recorded for it."</p> }.into_any(),
        },
    }
}

/// The user's progress on an exercise, in a few words, from what is stored.
fn progress_line(slug: &str) -> String {
    let state = AppState::get();
    let assessments = |kind: AssessmentKind| {
        state.assessments.with(|runs| {
            let done = runs.iter().filter(|r| r.kind == kind && r.is_complete()).count();
            count_of(done, "check finished", "checks finished")
        })
    };
    let line = match slug {
        "trust-map" => state.people.with(|p| count_of(p.len(), "person", "people")),
        "trustworthiness-check" => assessments(AssessmentKind::Trustworthiness),
        "trust-origins" => assessments(AssessmentKind::Origins),
        "promises" => {
            state.promises.with(|p| count_of(p.iter().filter(|p| !p.archived).count(), "promise", "promises"))
        }
        "disclosure-ladder" => state.ladder.with(|s| count_of(s.len(), "step", "steps")),
        "thought-record" => state.journal.with(|records| {
            let done = records.iter().filter(|r| r.status == RecordStatus::Complete).count();
            let drafts = records.len() - done;
            match (done, drafts) {
                (_, 0) => count_of(done, "thought record", "thought records"),
                (0, _) => count_of(drafts, "draft", "drafts"),
                _ => format!(
                    "{}, {}",
                    count_of(done, "thought record", "thought records"),
                    count_of(drafts, "draft", "drafts")
                ),
            }
        }),
        "trap-practice" => state.trap_practice.with(|h| count_of(h.attempts.len(), "answer", "answers")),
        "belief-tracker" => state.beliefs.with(|b| count_of(b.len(), "belief", "beliefs")),
        "trigger-log" => state.triggers.with(|t| count_of(t.len(), "entry", "entries")),
        slug => {
            let Some(def) = worksheet_by_slug(slug) else { return String::new() };
            state.worksheets.with(|all| {
                let line = def.progress_line(all).unwrap_or_else(|| "Not started".to_owned());
                match last_checkin(all, slug) {
                    Some(day) => format!("{line}, last check-in {}", days_ago(&day, &today())),
                    None => line,
                }
            })
        }
    };
    if line.starts_with("0 ") {
        "Not started".to_owned()
    } else {
        line
    }
}
