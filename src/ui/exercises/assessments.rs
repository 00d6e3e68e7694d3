//! The two self-assessments: "My trustworthiness" (18 statements, scored per area, any item can become a promise)
//! and "Where my trust issues come from" (15 statements and a reflection per theme, described as tendencies).
//! Both are split into short steps, autosaved as an [`AssessmentRun`] on every answer, resumed after a reload,
//! and kept as a history of runs. The first says plainly that it is not a validated test; the second adds notes
//! on the result as a whole (`origins_notes`: support for a heavy past hurt, the fearful-avoidant pattern).

use crate::domain::assessments::{
    history, item_to_promise_text, origins_notes, run_summary, screen_holding, since_last_time, trustworthiness_change,
    AssessmentKind, AssessmentRun, Tendency, NOT_A_DIAGNOSIS, NOT_A_VALIDATED_TEST, TRUSTWORTHINESS_ITEMS,
};
use crate::domain::promises::{Promise, Recurrence};
use crate::state::{new_id, now_iso, today, AppState, Toast};
use crate::ui::components::fields::{FieldError, TextArea};
use crate::ui::dom::local_day;
use leptos::prelude::*;

/// A short prefix for element ids.
fn id_prefix(kind: AssessmentKind) -> &'static str {
    match kind {
        AssessmentKind::Trustworthiness => "tw",
        AssessmentKind::Origins => "origins",
    }
}

/// The run to resume: the newest unfinished one of this kind, if any.
fn unfinished(state: AppState, kind: AssessmentKind) -> Option<AssessmentRun> {
    state.assessments.with_untracked(|runs| {
        runs.iter()
            .filter(|r| r.kind == kind && !r.is_complete())
            .max_by(|a, b| a.created_at.cmp(&b.created_at))
            .cloned()
    })
}

/// "My trustworthiness": the steps while a run is open, otherwise the latest results and the history.
#[component]
pub fn TrustworthinessCheck() -> impl IntoView {
    view! {
        <p class="not-a-diagnosis">{NOT_A_VALIDATED_TEST}</p>
        <p>
            "Eighteen statements about reliability, honesty and integrity. Answer for how you usually are, not how you \
             would like to be — no one else sees this. Your answers are saved as you go."
        </p>
        <AssessmentTool kind=AssessmentKind::Trustworthiness/>
    }
}

/// "Where my trust issues come from": the guided reflection, its tendencies and the history.
#[component]
pub fn TrustOrigins() -> impl IntoView {
    view! {
        <p class="not-a-diagnosis">{NOT_A_DIAGNOSIS}</p>
        <p>
            "Fifteen statements in five short parts, each ending with a question you can answer in your own words if \
             you want to. Your answers are saved as you go."
        </p>
        <AssessmentTool kind=AssessmentKind::Origins/>
    }
}

/// The shared frame: an open run's steps, or a start button, the latest result and the history.
#[component]
fn AssessmentTool(kind: AssessmentKind) -> impl IntoView {
    let state = AppState::get();
    let draft = RwSignal::new(unfinished(state, kind));
    // Only opening or closing a run swaps the screen; answers change the draft without rebuilding the steps.
    let open = Memo::new(move |_| draft.with(Option::is_some));
    let start = move |_| {
        // An unfinished run (e.g. one brought back with Undo) is resumed rather than started afresh.
        draft.set(Some(unfinished(state, kind).unwrap_or_else(|| AssessmentRun::new(new_id(), kind, &now_iso()))));
        request_animation_frame(move || crate::ui::dom::focus_target(&format!("{}-step-title", id_prefix(kind))));
    };
    let finished = move || state.assessments.with(|runs| history(runs, kind).into_iter().cloned().collect::<Vec<_>>());
    view! {
        <Show
            when=move || open.get()
            fallback=move || {
                view! {
                    <p>
                        <button type="button" class="button button--primary" on:click=start>
                            {move || if finished().is_empty() { "Start" } else { "Take it again" }}
                        </button>
                    </p>
                    {move || finished().last().cloned().map(|latest| view! { <Results kind=kind run=latest/> })}
                }
            }
        >
            <RunFlow kind=kind draft=draft/>
        </Show>
        <RunHistory kind=kind runs=Signal::derive(finished)/>
    }
}

/// The steps of an open run, one screen at a time, saved on every answer.
#[component]
fn RunFlow(kind: AssessmentKind, draft: RwSignal<Option<AssessmentRun>>) -> impl IntoView {
    let state = AppState::get();
    let all_steps = kind.screens();
    let step_count = all_steps.len();
    let item_count = kind.item_count();
    let prefix = id_prefix(kind);
    let title_id = format!("{prefix}-step-title");
    // Resume on the screen holding the first unanswered statement.
    let first = draft.with_untracked(|d| d.as_ref().and_then(AssessmentRun::next_unanswered).unwrap_or(0));
    let step = RwSignal::new(screen_holding(&all_steps, first));
    let error = RwSignal::new(None::<String>);
    let all_steps = StoredValue::new(all_steps);
    let save = move |change: Box<dyn FnOnce(&mut AssessmentRun)>| {
        let Some(mut run) = draft.get_untracked() else { return };
        change(&mut run);
        draft.set(Some(run.clone()));
        state.save_record(state.assessments, run);
    };
    let answered = move || draft.with(|d| d.as_ref().map_or(0, AssessmentRun::answered_count));
    let step_done = move |index: usize| {
        all_steps.with_value(|s| {
            draft.with(|d| d.as_ref().is_some_and(|r| s.get(index).is_none_or(|screen| r.screen_done(screen))))
        })
    };
    let focus_title = {
        let title_id = title_id.clone();
        move || crate::ui::dom::focus_target(&title_id)
    };
    let go = {
        let focus_title = focus_title.clone();
        move |forward: bool| {
            let current = step.get_untracked();
            if forward && !step_done(current) {
                error.set(Some("Choose an answer for each statement on this screen to go on.".to_owned()));
                return;
            }
            error.set(None);
            if forward && current + 1 >= step_count {
                // Every statement answered: the run is complete and becomes part of the history.
                draft.set(None);
                request_animation_frame(move || crate::ui::dom::focus_target(&format!("{prefix}-results")));
                return;
            }
            step.set(if forward { current + 1 } else { current.saturating_sub(1) });
            focus_title();
        }
    };
    let go_back = go.clone();
    let discard = move |_| {
        let id = draft.with_untracked(|d| d.as_ref().map(|r| r.id.clone()));
        draft.set(None);
        if let Some(id) = id {
            if state.assessments.with_untracked(|runs| runs.iter().any(|r| r.id == id)) {
                state.delete_record(state.assessments, &id, "Unfinished answers");
            }
        }
    };
    let labelled_by = title_id.clone();
    view! {
        <section class="flow assessment" aria-labelledby=labelled_by>
            <p class="flow__progress">
                {move || format!("Step {} of {step_count} · {} of {item_count} answered", step.get() + 1, answered())}
            </p>
            <progress max=item_count.to_string() value=move || answered().to_string() aria-label="Statements answered"></progress>
            <h2 id=title_id tabindex="-1">{move || all_steps.with_value(|s| s.get(step.get()).map(|s| s.title.clone()).unwrap_or_default())}</h2>
            {move || {
                let current = all_steps.with_value(|s| s.get(step.get()).cloned());
                current.map(|current| {
                    view! {
                        {current
                            .items
                            .clone()
                            .map(|index| view! { <AnswerGroup kind=kind index=index draft=draft on_answer=move |v| save(Box::new(move |r| r.answer(index, v, &now_iso())))/> })
                            .collect_view()}
                        {current
                            .reflection
                            .map(|section| {
                                let tendency = Tendency::ALL[section];
                                view! {
                                    <TextArea
                                        id=format!("{prefix}-reflect-{section}")
                                        label=tendency.reflection_prompt()
                                        hint="Optional. Only you will see this."
                                        rows=3
                                        value=Signal::derive(move || draft.with(|d| d.as_ref().and_then(|r| r.reflections.get(section).cloned()).unwrap_or_default()))
                                        on_input=move |t: String| save(Box::new(move |r| r.reflect(section, &t, &now_iso())))
                                    />
                                }
                            })}
                    }
                })
            }}
            <FieldError message=move || error.get()/>
            <div class="flow__nav">
                <Show when=move || { step.get() > 0 }>
                    <button type="button" class="button button--secondary" on:click={
                        let go_back = go_back.clone();
                        move |_| go_back(false)
                    }>"Back"</button>
                </Show>
                <button type="button" class="button button--primary" on:click=move |_| go(true)>
                    {move || if step.get() + 1 >= step_count { "See my results" } else { "Next" }}
                </button>
                <button type="button" class="button button--quiet" on:click=discard>"Discard these answers"</button>
            </div>
        </section>
    }
}

/// One statement with its five answers as a radio group.
#[component]
fn AnswerGroup(
    kind: AssessmentKind,
    index: usize,
    draft: RwSignal<Option<AssessmentRun>>,
    on_answer: impl Fn(u8) + Clone + 'static,
) -> impl IntoView {
    let name = format!("{}-item-{index}", id_prefix(kind));
    let current = move || draft.with(|d| d.as_ref().and_then(|r| r.answers.get(index).copied()).unwrap_or(0));
    view! {
        <fieldset class="choice-group answer-group">
            <legend>{format!("{}. {}", index + 1, kind.item_text(index))}</legend>
            <div class="answer-group__choices">
                {kind
                    .answer_labels()
                    .into_iter()
                    .zip(1u8..)
                    .map(|(label, value)| {
                        let on_answer = on_answer.clone();
                        view! {
                            <label class="choice">
                                <input
                                    type="radio"
                                    name=name.clone()
                                    value=value.to_string()
                                    prop:checked=move || current() == value
                                    on:change=move |_| on_answer(value)
                                />
                                <span>{label}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
        </fieldset>
    }
}

/// The result of a complete run.
#[component]
fn Results(kind: AssessmentKind, run: AssessmentRun) -> impl IntoView {
    let heading_id = format!("{}-results", id_prefix(kind));
    let body = match kind {
        AssessmentKind::Trustworthiness => view! { <TrustworthinessResults run=run.clone()/> }.into_any(),
        AssessmentKind::Origins => view! { <OriginsResults run=run.clone()/> }.into_any(),
    };
    let labelled_by = heading_id.clone();
    view! {
        <section class="card assessment-results" aria-labelledby=labelled_by>
            <h2 id=heading_id tabindex="-1">{format!("Your results from {}", local_day(&run.created_at))}</h2>
            {body}
        </section>
    }
}

/// Scores per area with their explanation, the change since last time, and each statement as a possible promise.
#[component]
fn TrustworthinessResults(run: AssessmentRun) -> impl IntoView {
    let state = AppState::get();
    let scores = run.trustworthiness().unwrap_or_default();
    let change = state.assessments.with_untracked(|runs| trustworthiness_change(runs));
    let is_latest = state
        .assessments
        .with_untracked(|runs| history(runs, AssessmentKind::Trustworthiness).last().is_some_and(|r| r.id == run.id));
    let since_last = is_latest
        .then(|| since_last_time(&change))
        .flatten()
        .map(|text| view! { <p class="assessment-change">{text}</p> });
    let make_promise = move |index: usize| {
        let Some(text) = item_to_promise_text(index) else { return };
        let exists = state.promises.with_untracked(|p| p.iter().any(|p| !p.archived && p.text == text));
        let message = if exists {
            format!("“{text}” is already one of your promises.")
        } else {
            let promise = Promise::new(new_id(), &text, Recurrence::Weekly, &today(), &now_iso());
            if !state.save_record(state.promises, promise) {
                return;
            }
            format!("Added to your promises (weekly): “{text}”")
        };
        state.toast.set(Some(Toast { message, undo: None }));
    };
    view! {
        <p class="not-a-diagnosis">{NOT_A_VALIDATED_TEST}</p>
        {since_last}
        {scores
            .into_iter()
            .map(|score| {
                let area = score.area;
                let answers = run.answers.clone();
                view! {
                    <div class="area-result">
                        <h3>{format!("{}: {} of 100", area.label(), score.score)}</h3>
                        <p>{score.explanation}</p>
                        <details>
                            <summary>{format!("{} statements — make one a promise", area.label())}</summary>
                            <ul class="item-promises">
                                {TRUSTWORTHINESS_ITEMS
                                    .iter()
                                    .enumerate()
                                    .filter(|(_, item)| item.area == area)
                                    .map(|(index, item)| {
                                        let answer = answers
                                            .get(index)
                                            .and_then(|a| AssessmentKind::Trustworthiness.answer_label(*a))
                                            .unwrap_or("—");
                                        let promise_id = format!("tw-promise-{index}");
                                        view! {
                                            <li class="item-promise">
                                                <p>{item.text}" "<span class="hint">{format!("(you said: {answer})")}</span></p>
                                                <p class="hint" id=promise_id.clone()>{item_to_promise_text(index).unwrap_or_default()}</p>
                                                <button type="button" class="button button--secondary" aria-describedby=promise_id on:click=move |_| make_promise(index)>
                                                    "Make this a promise"
                                                </button>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        </details>
                    </div>
                }
            })
            .collect_view()}
    }
}

/// Notes on the result as a whole (with their links), tendencies with their descriptions, the reflections as
/// written, and the not-a-diagnosis note.
#[component]
fn OriginsResults(run: AssessmentRun) -> impl IntoView {
    let results = run.origins().unwrap_or_default();
    let notes = origins_notes(&results);
    view! {
        <p class="not-a-diagnosis">{NOT_A_DIAGNOSIS}</p>
        {notes
            .into_iter()
            .map(|note| {
                view! {
                    <aside class="callout callout--note origins-note" aria-label=note.title()>
                        <h3>{note.title()}</h3>
                        <p>{note.text()}</p>
                        <ul class="link-list">
                            {note.links().iter().map(|link| view! { <li><a href=link.href>{link.text}</a></li> }).collect_view()}
                        </ul>
                    </aside>
                }
            })
            .collect_view()}
        {results
            .into_iter()
            .enumerate()
            .map(|(section, result)| {
                let reflection = run.reflections.get(section).filter(|t| !t.trim().is_empty()).cloned();
                view! {
                    <div class="tendency-result">
                        <h3>{result.tendency.label()}</h3>
                        <p class="tendency-result__level">{result.level.label()}</p>
                        <p>{result.description}</p>
                        {reflection
                            .map(|text| {
                                view! {
                                    <p class="hint">{format!("You wrote, for “{}”:", result.tendency.reflection_prompt())}</p>
                                    <blockquote class="user-text">{text}</blockquote>
                                }
                            })}
                    </div>
                }
            })
            .collect_view()}
    }
}

/// Past complete runs, newest first, each with Delete (Undo in the message); trustworthiness runs show the change
/// from the run before.
#[component]
fn RunHistory(kind: AssessmentKind, runs: Signal<Vec<AssessmentRun>>) -> impl IntoView {
    let state = AppState::get();
    let heading_id = format!("{}-history", id_prefix(kind));
    let labelled_by = heading_id.clone();
    view! {
        <section aria-labelledby=labelled_by>
            <h2 id=heading_id>"Past results"</h2>
            {move || {
                let list = runs.get();
                if list.is_empty() {
                    return view! { <p class="empty-state">"No finished runs yet. You can take it as often as you like and compare."</p> }.into_any();
                }
                let rows = list
                    .iter()
                    .enumerate()
                    .rev()
                    .map(|(i, run)| {
                        let day = local_day(&run.created_at);
                        let text = format!("{day}: {}", run_summary(run, i.checked_sub(1).and_then(|p| list.get(p))));
                        (run.id.clone(), day, text)
                    })
                    .collect::<Vec<_>>();
                view! {
                    <ul class="card-list assessment-history">
                        {rows
                            .into_iter()
                            .map(|(id, day, text)| {
                                view! {
                                    <li class="card assessment-history__run">
                                        <p>{text}</p>
                                        <button
                                            type="button"
                                            class="button button--quiet"
                                            on:click=move |_| state.delete_record(state.assessments, &id, "Result")
                                        >
                                            "Delete"<span class="visually-hidden">{format!(" the results from {day}")}</span>
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
    }
}
