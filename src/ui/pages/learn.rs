//! `/learn`: the course by module, with progress; plus the glossary, FAQ and "What this is based on" pages.

use crate::content::{lessons_in, Module, FAQ, GLOSSARY, LESSONS, SOURCES};
use crate::state::{set_title, AppState};
use crate::ui::components::course_search::CourseSearch;
use crate::ui::components::rich_text::blocks;
use leptos::prelude::*;

/// The course overview.
#[component]
pub fn Learn() -> impl IntoView {
    set_title("Learn");
    let state = AppState::get();
    let done = move || state.progress.with(|p| p.done_count(LESSONS.iter().map(|l| l.slug)));
    let continue_with = move || {
        state.progress.with(|p| {
            p.last_opened()
                .and_then(crate::content::lesson_by_slug)
                .filter(|l| !p.is_done(l.slug))
                .or_else(|| LESSONS.iter().find(|l| !p.is_done(l.slug)))
        })
    };
    view! {
        <h1>"Learn"</h1>
        <p class="lead">
            {format!("{} short lessons, about an hour in all. Read them in order or jump to what you need.", LESSONS.len())}
        </p>
        <p class="progress-line">
            <span>{move || format!("{} of {} lessons done", done(), LESSONS.len())}</span>
            <progress max=LESSONS.len() value=done aria-label="Lessons done"></progress>
        </p>
        {move || {
            continue_with()
                .map(|lesson| {
                    view! {
                        <p>
                            <a class="button button--primary" href=format!("/learn/{}", lesson.slug)>
                                {format!("Continue: {}", lesson.title)}
                            </a>
                        </p>
                    }
                })
        }}
        <CourseSearch/>
        <p class="learn-extras">
            <a href="/learn/faq">"Questions people ask"</a>
            " · "
            <a href="/learn/glossary">"Glossary"</a>
            " · "
            <a href="/learn/sources">"What this is based on"</a>
        </p>
        {Module::ALL
            .iter()
            .map(|module| {
                let module = *module;
                view! {
                    <section class="module" aria-labelledby=format!("module-{module:?}")>
                        <h2 id=format!("module-{module:?}")>{module.title()}</h2>
                        <ol class="lesson-list">
                            {lessons_in(module)
                                .map(|lesson| {
                                    let is_done = move || state.progress.with(|p| p.is_done(lesson.slug));
                                    view! {
                                        <li class="lesson-list__item" class:lesson-list__item--done=is_done value=lesson.number>
                                            <a href=format!("/learn/{}", lesson.slug)>{lesson.title}</a>
                                            <span class="lesson-list__meta">
                                                {format!("{} min", lesson.minutes)}
                                                {move || if is_done() { " · Done" } else { "" }}
                                            </span>
                                            <span class="lesson-list__summary">{lesson.summary}</span>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ol>
                    </section>
                }
            })
            .collect_view()}
    }
}

/// `/learn/glossary`: every term the lessons use.
#[component]
pub fn Glossary() -> impl IntoView {
    let terms = GLOSSARY
        .iter()
        .map(|term| {
            view! {
                <dt id=term.slug>{term.term}</dt>
                <dd>{blocks(term.body)}</dd>
            }
        })
        .collect_view();
    reference_page("Glossary", view! { <dl class="glossary">{terms}</dl> })
}

/// `/learn/sources`: the research and guidance behind each lesson, and that the app itself was never tested in a
/// trial.
#[component]
pub fn Sources() -> impl IntoView {
    reference_page("What this is based on", blocks(SOURCES))
}

/// `/learn/faq`: questions people ask.
#[component]
pub fn Faq() -> impl IntoView {
    let questions = FAQ
        .iter()
        .map(|entry| {
            view! {
                <section class="faq" aria-labelledby=entry.slug>
                    <h2 id=entry.slug>{entry.question}</h2>
                    {blocks(entry.body)}
                </section>
            }
        })
        .collect_view();
    reference_page("Questions people ask", questions)
}

/// A reference page under Learn: the tab's title, a way back to Learn, the heading (the same words), then `body`.
fn reference_page(title: &'static str, body: impl IntoView) -> impl IntoView {
    set_title(title);
    view! {
        <article class="prose">
            <p class="breadcrumb"><a href="/learn">"Learn"</a></p>
            <h1>{title}</h1>
            {body}
        </article>
    }
}
