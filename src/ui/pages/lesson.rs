//! `/learn/:lesson`: one lesson, its "Try it" exercises, mark as done, previous and next.

use super::NotFound;
use crate::content::{exercise_by_slug, lesson_by_slug, Lesson, LESSONS};
use crate::state::{now_iso, set_title, AppState};
use crate::ui::components::rich_text::blocks;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The lesson named by the route.
#[component]
pub fn LessonPage() -> impl IntoView {
    let params = use_params_map();
    let lesson = Memo::new(move |_| params.with(|p| p.get("lesson").and_then(|slug| lesson_by_slug(&slug))));
    move || match lesson.get() {
        Some(lesson) => view! { <LessonView lesson=lesson/> }.into_any(),
        None => view! { <NotFound/> }.into_any(),
    }
}

#[component]
fn LessonView(lesson: &'static Lesson) -> impl IntoView {
    let state = AppState::get();
    set_title(lesson.title);
    state.change(state.progress, |p| p.opened(lesson.slug, &now_iso()));
    let is_done = move || state.progress.with(|p| p.is_done(lesson.slug));
    let toggle_done = move |_| {
        let done = !is_done();
        state.change(state.progress, |p| p.set_done(lesson.slug, done, &now_iso()));
    };
    let index = LESSONS.iter().position(|l| l.slug == lesson.slug).unwrap_or(0);
    let previous = index.checked_sub(1).and_then(|i| LESSONS.get(i));
    let next = LESSONS.get(index + 1);
    view! {
        <article class="prose lesson">
            <p class="breadcrumb">
                <a href="/learn">"Learn"</a>
                {format!(" · {} · Lesson {} of {}", lesson.module.title(), lesson.number, LESSONS.len())}
            </p>
            <h1>{lesson.title}</h1>
            <p class="lead">{lesson.summary}</p>
            <p class="lesson__meta">{format!("About {} minutes to read", lesson.minutes)}</p>
            {blocks(lesson.body)}
            <section class="try-it" aria-labelledby="try-it-heading">
                <h2 id="try-it-heading">"Try it"</h2>
                <ul class="link-list">
                    {lesson
                        .try_exercises
                        .iter()
                        .filter_map(|slug| exercise_by_slug(slug))
                        .map(|exercise| {
                            view! {
                                <li>
                                    <a href=format!("/practice/{}", exercise.slug)>{exercise.title}</a>
                                    " — "
                                    {exercise.summary}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
            <p class="lesson__sources">
                <a href=format!("/learn/sources#{}", lesson.slug)>"What this lesson is based on"</a>
            </p>
            <div class="lesson__done">
                <button
                    type="button"
                    class="button"
                    class:button--primary=move || !is_done()
                    class:button--secondary=is_done
                    aria-pressed=move || is_done().to_string()
                    on:click=toggle_done
                >
                    {move || if is_done() { "Done — mark as not done" } else { "Mark as done" }}
                </button>
            </div>
            <nav class="pager" aria-label="Lessons">
                {previous.map(|l| pager_link(l, "pager__previous", "prev", "Previous"))}
                {next.map(|l| pager_link(l, "pager__next", "next", "Next"))}
            </nav>
        </article>
    }
}

/// A link of the pager under a lesson to the previous or the next lesson.
fn pager_link(lesson: &Lesson, class: &'static str, rel: &'static str, label: &'static str) -> impl IntoView {
    view! {
        <a class=class href=format!("/learn/{}", lesson.slug) rel=rel>
            <span class="pager__label">{label}</span>
            {lesson.title}
        </a>
    }
}
