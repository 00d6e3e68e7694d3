//! The search box over lessons, FAQ and glossary: results as you type, matching words marked.

use crate::content::search::{course_index, Marked};
use leptos::prelude::*;

/// How many results to show at most.
const MAX_RESULTS: usize = 12;

fn marked(runs: Marked) -> impl IntoView {
    runs.into_iter()
        .map(|(text, is_match)| if is_match { view! { <mark>{text}</mark> }.into_any() } else { text.into_any() })
        .collect_view()
}

/// Search the whole course, offline.
#[component]
pub fn CourseSearch() -> impl IntoView {
    let query = RwSignal::new(String::new());
    // The index (every word of the course, stemmed) is built on the first search, not when the page opens.
    let hits = Memo::new(move |_| {
        query.with(|q| if q.trim().is_empty() { Vec::new() } else { course_index().search(q, MAX_RESULTS) })
    });
    let summary = move || {
        let q = query.with(|q| q.trim().to_owned());
        match (q.is_empty(), hits.with(Vec::len)) {
            (true, _) => String::new(),
            (false, 0) => format!("Nothing found for “{q}”. Try a shorter word."),
            (false, 1) => "1 result".to_owned(),
            (false, n) if n >= MAX_RESULTS => format!("Top {n} results"),
            (false, n) => format!("{n} results"),
        }
    };
    view! {
        <search class="course-search">
            <label for="course-search-input">"Search lessons, questions and the glossary"</label>
            <input
                id="course-search-input"
                type="search"
                autocomplete="off"
                spellcheck="false"
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))
            />
            <p class="course-search__status" role="status" aria-live="polite">{summary}</p>
            <ul class="search-results">
                {move || {
                    hits.get()
                        .into_iter()
                        .map(|hit| {
                            view! {
                                <li class="search-result">
                                    <span class="search-result__kind">{hit.kind.label()}</span>
                                    <a href=hit.href>{marked(hit.title)}</a>
                                    <p>{marked(hit.snippet)}</p>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </search>
    }
}
