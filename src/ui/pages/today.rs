//! `/`: where to start, and where you left off.

use crate::content::{lesson_by_slug, LESSONS};
use crate::state::{set_title, AppState};
use leptos::prelude::*;

/// The home page.
#[component]
pub fn Today() -> impl IntoView {
    set_title("Today");
    let state = AppState::get();
    let next_lesson = move || {
        state.progress.with(|p| {
            p.last_opened()
                .and_then(lesson_by_slug)
                .filter(|l| !p.is_done(l.slug))
                .or_else(|| LESSONS.iter().find(|l| !p.is_done(l.slug)))
        })
    };
    let started = move || state.progress.with(|p| !p.lessons.is_empty());
    view! {
        <h1>"Today"</h1>
        <Show when=move || !started()>
            <section class="card card--welcome" aria-labelledby="welcome-heading">
                <h2 id="welcome-heading">"Welcome to Trust Steps"</h2>
                <p>"A quiet place to understand why trusting feels hard, and to practise small, safe steps at your own pace."</p>
                <p>"What you write stays on this device. There is no account and nothing is sent anywhere. "<a href="/privacy">"How that works"</a></p>
            </section>
        </Show>
        {move || {
            next_lesson()
                .map(|lesson| {
                    let (label, button) = if started() {
                        ("Continue where you left off", "Continue reading")
                    } else {
                        ("Where to start", "Start the first lesson")
                    };
                    view! {
                        <section class="card card--next" aria-labelledby="next-heading">
                            <p class="card__eyebrow" id="next-heading">{label}</p>
                            <h2>{lesson.title}</h2>
                            <p>{lesson.summary}</p>
                            <a class="button button--primary" href=format!("/learn/{}", lesson.slug)>{button}</a>
                        </section>
                    }
                })
        }}
        <section aria-labelledby="quick-heading">
            <h2 id="quick-heading">"Other places to go"</h2>
            <ul class="link-list">
                <li><a href="/learn">"The course"</a>" — fifteen short lessons."</li>
                <li><a href="/practice">"Practice"</a>" — exercises that go with each lesson."</li>
                <li><a href="/help">"Help"</a>" — if you need someone to talk to now."</li>
            </ul>
        </section>
    }
}
