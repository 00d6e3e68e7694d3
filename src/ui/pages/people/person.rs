//! `/people/:id`: one person. The page opens on what a person does most, logging what happened (quick entries and
//! the form in your own words); the trust profile, the log so far, the disclosure ladder and the details follow,
//! each one tap away from the links under the log. If the person is gone (deleted here or in another tab while the
//! page is open) a calm message replaces the page.

use super::evidence::{EvidenceLog, QuickLog};
use super::ladder::Ladder;
use super::{PersonFields, PersonMarker};
use crate::domain::people::{
    accept_person_name, evidence_basis, evidence_trend, patterns, EvidenceSummary, NameProblem, PartProfile,
    PatternWindow, Person, TrustPart,
};
use crate::domain::repair_safety::person_page_leads_with_safety;
use crate::state::{now_iso, set_title, today, AppState, Toast};
use crate::ui::components::disclosure::Disclosure;
use crate::ui::components::fields::{Choice, ChoiceGroup, Scale};
use crate::ui::components::repair_safety::PersonSafetyNotice;
use crate::ui::dom::{after_first_paint, focus_after_render, focus_element, local_day};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};

/// The person named by the route, or the calm "no longer in your list" message.
#[component]
pub fn PersonPage() -> impl IntoView {
    let state = AppState::get();
    let id = crate::ui::pages::route_id();
    // Changes only when the route's id changes or the person appears or disappears, so edits to the person
    // never rebuild the page (a slider keeps its focus while it is moved).
    let found = Memo::new(move |_| {
        let id = id.get();
        state.people.with(|people| people.iter().any(|p| p.id == id)).then_some(id)
    });
    move || match found.get() {
        Some(id) => view! { <PersonView id=id/> }.into_any(),
        None => view! { <PersonGone/> }.into_any(),
    }
}

/// Shown when the person is not (or no longer) stored.
#[component]
fn PersonGone() -> impl IntoView {
    set_title("Person not found");
    view! {
        <p class="breadcrumb"><a href="/people">"People"</a></p>
        <h1>"Person not found"</h1>
        <p class="empty-state">
            "This person is no longer in your list — perhaps deleted in another tab. Nothing else was changed."
        </p>
        <p><a class="button button--secondary" href="/people">"Back to People"</a></p>
    }
}

/// Changes the stored person with this id, if they are still there, and saves them (stamped by the save path).
fn change_person(state: AppState, id: &str, edit: impl FnOnce(&mut Person)) {
    state.update_record(state.people, id, edit);
}

/// One person's page: heading, quick log, trust profile, and what follows after the first paint.
#[component]
fn PersonView(id: String) -> impl IntoView {
    set_title("Person");
    // The first screen is the heading and "Log what happened", with the trust profile right under it; the
    // patterns, the log so far, the ladder and the details are drawn right after the first paint. Opened at one of
    // their anchors (#ladder), everything is drawn at once so the anchor is there to scroll to.
    let below_fold = after_first_paint(!use_location().hash.get_untracked().is_empty());
    let state = AppState::get();
    let pid = StoredValue::new(id.clone());
    let person = Memo::new(move |_| {
        pid.with_value(|id| state.people.with(|people| people.iter().find(|p| &p.id == id).cloned()))
    });
    let name = move || person.with(|p| p.as_ref().map(|p| p.name.clone()).unwrap_or_default());
    let marker = move || person.with(|p| p.as_ref().map(|p| p.marker.clone()).unwrap_or_default());
    let archived = move || person.with(|p| p.as_ref().is_some_and(|p| p.archived));
    let relationship = move || person.with(|p| p.as_ref().map(|p| p.relationship.label()).unwrap_or_default());
    // Once the user may not be safe with them, the page opens with the lines to call (the ladder's question).
    let safety_first =
        Memo::new(move |_| person_page_leads_with_safety(person.with(|p| p.as_ref().and_then(|p| p.safety))));
    view! {
        <p class="breadcrumb"><a href="/people">"People"</a></p>
        <h1 class="person-heading">
            {move || view! { <PersonMarker marker=marker()/> }}
            <span class="user-text">{name}</span>
        </h1>
        <p class="person-heading__meta">
            {relationship}
            {move || archived().then_some(" · archived")}
        </p>
        <Show when=archived>
            <p class="banner banner--info">"This person is archived: hidden from your main list, with everything kept."</p>
        </Show>
        <Show when=move || safety_first.get()>
            <PersonSafetyNotice/>
        </Show>
        <QuickLog id=id.clone()/>
        <nav class="person-sections" aria-label="More about them">
            <a href="#profile">"Trust profile"</a>
            <a href="#evidence">"Logged so far"</a>
            <a href="#ladder">"Small steps"</a>
            <a href="#details">"Details"</a>
        </nav>
        <TrustProfile id=id.clone() below_fold=below_fold/>
        <Show when=move || below_fold.get()>
            <EvidenceLog id=id.clone()/>
            <Ladder id=id.clone()/>
            <Details id=id.clone()/>
        </Show>
    }
}

/// The five parts of trust, one picture each: the gut rating and what the evidence supports as two bars on the
/// same 0–100 scale, how both changed, and patterns (drawn once `below_fold` is set, after the first paint).
#[component]
fn TrustProfile(id: String, below_fold: RwSignal<bool>) -> impl IntoView {
    let state = AppState::get();
    let pid = StoredValue::new(id);
    let person = Memo::new(move |_| {
        pid.with_value(|id| state.people.with(|people| people.iter().find(|p| &p.id == id).cloned()))
    });
    // This person's evidence added up once per change of the log, without copying any observation.
    let summary = Memo::new(move |_| {
        pid.with_value(|id| {
            state.observations.with(|all| EvidenceSummary::of(all.iter().filter(|o| &o.person_id == id)))
        })
    });
    // The answer to "are you safe with this person?" (asked on their ladder) changes what a gap is said to mean.
    let safety = Memo::new(move |_| person.with(|p| p.as_ref().and_then(|p| p.safety)));
    // The whole profile once per change, shared by the five parts.
    let rows =
        Memo::new(move |_| person.with(|p| p.as_ref().map(|p| summary.with(|s| s.profile(p))).unwrap_or_default()));
    view! {
        <section class="person-section" aria-labelledby="profile">
            <h2 id="profile">"Trust profile"</h2>
            <p class="hint">
                "For each part of trust: what your gut says, beside what you have logged, on the same 0–100 scale."
                // Not an invitation to look closer at someone the user may not be safe with.
                {move || (!person_page_leads_with_safety(safety.get())).then_some(" Where they disagree, it is worth a closer look.")}
            </p>
            <div class="profile-parts">
                {TrustPart::ALL
                    .into_iter()
                    .map(|part| {
                        let row = Memo::new(move |_| {
                            rows.with(|rows| rows.iter().find(|r| r.part == part).cloned())
                        });
                        view! { <PartPicture part=part row=row safety=safety person=person summary=summary pid=pid/> }
                    })
                    .collect_view()}
            </div>
            <Show when=move || below_fold.get()>
                <Patterns pid=pid/>
            </Show>
        </section>
    }
}

/// One labelled bar on the profile's 0–100 scale, with its number shown once beside it; `None` draws an empty
/// track with `empty` in it (never a bar that looks like 50).
fn score_bar(kind: &'static str, label: &'static str, score: Option<u8>, empty: &'static str) -> impl IntoView {
    view! {
        <div class=format!("profile-bar profile-bar--{kind}") class:profile-bar--empty=score.is_none()>
            <span class="profile-bar__label">{label}<span class="visually-hidden">": "</span></span>
            {match score {
                Some(score) => view! {
                    // SVG attributes, not a `style=` width: the CSP allows no inline styles.
                    <svg class="profile-bar__track" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                        <rect class="profile-bar__fill" x="0" y="0" width=score.min(100).to_string() height="10"></rect>
                        <line class="profile-bar__mid" x1="50" y1="0" x2="50" y2="10" vector-effect="non-scaling-stroke"></line>
                    </svg>
                    <span class="profile-bar__value">{score}<span class="visually-hidden">" of 100"</span></span>
                }
                .into_any(),
                None => view! { <span class="profile-bar__track profile-bar__none">{empty}</span> }.into_any(),
            }}
        </div>
    }
}

/// One part of trust as one picture: the gut and the evidence as two bars on the same scale, how many
/// observations the evidence rests on, what a notable gap may mean, and "Rate your gut" (or "Change"), which
/// opens the slider. Nothing is saved until "Save rating": a slider never shows a rating that was not given.
#[component]
fn PartPicture(
    part: TrustPart,
    row: Memo<Option<PartProfile>>,
    safety: Memo<Option<crate::domain::repair_safety::SafetyAnswer>>,
    person: Memo<Option<Person>>,
    summary: Memo<EvidenceSummary>,
    pid: StoredValue<String>,
) -> impl IntoView {
    let state = AppState::get();
    let slug = part.slug();
    let rating = RwSignal::new(false);
    let draft = RwSignal::new(50u8);
    let gut = move || row.with(|r| r.as_ref().and_then(|r| r.gut));
    let rate_text = move || if gut().is_some() { "Change your gut rating" } else { "Rate your gut" };
    let open = move |_| {
        draft.set(gut().unwrap_or(50));
        rating.set(true);
        request_animation_frame(move || focus_element(&format!("gut-{slug}")));
    };
    let close = move || {
        rating.set(false);
        request_animation_frame(move || focus_element(&format!("rate-{slug}")));
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let value = draft.get_untracked();
        let now = now_iso();
        pid.with_value(|id| change_person(state, id, |person| person.rate_gut(part, value, &now)));
        close();
    };
    view! {
        <article class="card profile-part" aria-labelledby=format!("part-{slug}")>
            <h3 id=format!("part-{slug}")>{part.label()}</h3>
            <p class="profile-part__question">{part.question()}</p>
            <Show
                when=move || rating.get()
                fallback=move || view! { {move || score_bar("gut", "Your gut", gut(), "Not rated yet")} }
            >
                <form class="profile-rate" on:submit=save novalidate=true>
                    <Scale
                        id=format!("gut-{slug}")
                        label=format!("Your gut: {} (0–100)", part.label())
                        value=Signal::derive(move || draft.get())
                        on_change=move |v| draft.set(v)
                    />
                    <div class="button-row">
                        <button type="submit" class="button button--primary">"Save rating"</button>
                        <button type="button" class="button button--quiet" on:click=move |_| close()>"Cancel"</button>
                    </div>
                </form>
            </Show>
            {move || {
                let (evidence, count) = row.with(|r| r.as_ref().map_or((None, 0), |r| (r.evidence, r.evidence_count)));
                view! {
                    {score_bar("evidence", "The evidence", evidence, "No evidence yet")}
                    <p class="profile-part__count">{evidence_basis(count)}</p>
                }
            }}
            {move || {
                row.with(|r| r.as_ref().and_then(|r| r.gap_note_for(safety.get())))
                    .map(|s| view! { <p class="profile-part__gap">{s}</p> })
            }}
            <div class="profile-part__tools">
                <Show when=move || !rating.get()>
                    <button
                        type="button"
                        class=move || if gut().is_some() { "button button--quiet" } else { "button button--secondary" }
                        id=format!("rate-{slug}")
                        aria-label=move || format!("{}: {}", rate_text(), part.label())
                        on:click=open
                    >
                        {rate_text}
                    </button>
                </Show>
                <PartHistory part=part person=person summary=summary pid=pid/>
            </div>
        </article>
    }
}

/// How the gut rating and the evidence score of one part changed, as two short tables. The tables are only
/// built when opened: a year of evidence is hundreds of rows, and five of them would slow the profile down.
#[component]
fn PartHistory(
    part: TrustPart,
    person: Memo<Option<Person>>,
    summary: Memo<EvidenceSummary>,
    pid: StoredValue<String>,
) -> impl IntoView {
    let state = AppState::get();
    let has_history = move || {
        person.with(|p| p.as_ref().is_some_and(|p| p.gut.iter().any(|g| g.part == part)))
            || summary.with(|s| s.part(part).count > 0)
    };
    view! {
        <Show when=has_history>
            <div class="profile-part__history">
                <Disclosure label="How it changed">
                    <div class="history-tables">
                        {move || {
                            let gut = person.with(|p| p.as_ref().map(|p| p.gut_history(part)).unwrap_or_default());
                            let trend = pid.with_value(|id| {
                                state.observations.with(|all| evidence_trend(all.iter().filter(|o| &o.person_id == id), part))
                            });
                            view! {
                                {history_table("Your gut over time", "When", gut.into_iter().map(|(at, v)| (local_day(&at), v)).collect())}
                                {history_table("The evidence over time", "Day", trend.into_iter().map(|(day, v)| (local_day(&day), v)).collect())}
                            }
                        }}
                    </div>
                </Disclosure>
            </div>
        </Show>
    }
}

/// Plain patterns in what was logged ("Kept 8 of 10 commitments in the last 3 months"), over a stretch of time
/// the user picks: all time, the last month, 3 months or year, or since a chosen day.
#[component]
fn Patterns(pid: StoredValue<String>) -> impl IntoView {
    let state = AppState::get();
    let choice = RwSignal::new(PatternWindow::AllTime.choice());
    // Kept while another choice is picked, so going back to "since" finds the day again.
    let since_day = RwSignal::new(String::new());
    let window = Memo::new(move |_| since_day.with(|day| PatternWindow::from_choice(choice.get(), day)));
    let lines = Memo::new(move |_| {
        let today = today();
        window.with(|window| match window.problem(&today) {
            Some(problem) => Err(problem),
            None => Ok(pid.with_value(|id| {
                state
                    .observations
                    .with(|all| patterns(all.iter().filter(|o| &o.person_id == id), window, &today, local_day))
            })),
        })
    });
    let any_logged = move || pid.with_value(|id| state.observations.with(|all| all.iter().any(|o| &o.person_id == id)));
    view! {
        <h3 id="patterns-heading">"Patterns"</h3>
        <div class="patterns-window">
            <div class="field">
                <label for="patterns-window">"Count what was logged over"</label>
                <select id="patterns-window" on:change=move |ev| {
                    let value = event_target_value(&ev);
                    if let Some((value, _)) = PatternWindow::CHOICES.into_iter().find(|(v, _)| *v == value) {
                        choice.set(value);
                    }
                }>
                    {PatternWindow::CHOICES
                        .into_iter()
                        .map(|(value, label)| view! { <option value=value selected=move || choice.get() == value>{label}</option> })
                        .collect_view()}
                </select>
            </div>
            <Show when=move || choice.get() == "since">
                <div class="field">
                    <label for="patterns-since">"Since"</label>
                    <input
                        id="patterns-since"
                        type="date"
                        max=today()
                        prop:value=move || since_day.get()
                        on:change=move |ev| since_day.set(event_target_value(&ev))
                    />
                </div>
            </Show>
        </div>
        <div class="patterns-result" aria-live="polite">
            {move || match lines.get() {
                Err(problem) => view! { <p class="field-error">{problem}</p> }.into_any(),
                Ok(lines) if lines.is_empty() && !any_logged() => {
                    view! { <p class="empty-state">"No patterns yet: they appear here as you log what happens."</p> }.into_any()
                }
                Ok(lines) if lines.is_empty() => {
                    let phrase = window.with(|w| w.phrase(local_day));
                    view! { <p class="empty-state">{format!("Nothing logged{phrase}.")}</p> }.into_any()
                }
                Ok(lines) => {
                    view! { <ul class="patterns">{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul> }
                        .into_any()
                }
            }}
        </div>
    }
}

/// A small two-column table, or nothing when there are no rows.
fn history_table(caption: &'static str, first: &'static str, rows: Vec<(String, u8)>) -> impl IntoView {
    (!rows.is_empty()).then(|| {
        view! {
            <table class="history-table">
                <caption>{caption}</caption>
                <thead>
                    <tr><th scope="col">{first}</th><th scope="col">"Score"</th></tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|(when, value)| view! { <tr><td>{when}</td><td>{value}</td></tr> })
                        .collect_view()}
                </tbody>
            </table>
        }
    })
}

/// Edit name, relationship and marker; archive or bring back; delete with or without the log.
#[component]
fn Details(id: String) -> impl IntoView {
    let state = AppState::get();
    let pid = StoredValue::new(id);
    let current = pid.with_value(|id| state.people.with_untracked(|ps| ps.iter().find(|p| &p.id == id).cloned()));
    let current = current.unwrap_or_default();
    let name = RwSignal::new(current.name.clone());
    let relationship = RwSignal::new(current.relationship);
    let marker = RwSignal::new(current.marker.clone());
    let problem = RwSignal::new(None::<NameProblem>);
    let archived =
        Memo::new(move |_| pid.with_value(|id| state.people.with(|ps| ps.iter().any(|p| &p.id == id && p.archived))));
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = name.get_untracked();
        let confirmed = problem.get_untracked() == Some(NameProblem::Duplicate);
        let checked =
            pid.with_value(|id| state.people.with_untracked(|ps| accept_person_name(&typed, ps, Some(id), confirmed)));
        let clean = match checked {
            Ok(clean) => clean,
            Err(found) => {
                problem.set(Some(found));
                return;
            }
        };
        problem.set(None);
        let (relationship, marker) = (relationship.get_untracked(), marker.get_untracked());
        pid.with_value(|id| {
            change_person(state, id, |p| {
                p.name = clean;
                p.relationship = relationship;
                p.marker = marker;
            })
        });
        state.toast.set(Some(Toast { message: "Changes saved.".to_owned(), undo: None }));
    };
    let toggle_archive = move |_| {
        let archive = !archived.get_untracked();
        pid.with_value(|id| {
            change_person(state, id, |p| {
                p.archived = archive;
            })
        });
        let message = if archive { "Archived: hidden from your main list." } else { "Back on your main list." };
        state.toast.set(Some(Toast { message: message.to_owned(), undo: None }));
    };
    let deleting = RwSignal::new(false);
    // Opens (or closes) the delete choices, focusing their first choice (or the button that opens them again).
    let ask_delete = move |open: bool| {
        move |_| {
            deleting.set(open);
            focus_after_render(if open { "delete-keep-log" } else { "delete-person-start" });
        }
    };
    let with_log = RwSignal::new(false);
    let navigate = use_navigate();
    let delete = move |_| {
        let with_log = with_log.get_untracked();
        let id = pid.get_value();
        state.delete_person(&id, with_log);
        navigate("/people", Default::default());
    };
    view! {
        <section class="person-section" aria-labelledby="details">
            <h2 id="details">"Details"</h2>
            <div class="card">
                <Disclosure label="Edit name, relationship or marker">
                    <form on:submit=save novalidate=true>
                        <PersonFields id_prefix="edit-person" name=name problem=problem relationship=relationship marker=marker/>
                        <button type="submit" class="button button--primary">
                            {move || if problem.get() == Some(NameProblem::Duplicate) { "Save anyway" } else { "Save changes" }}
                        </button>
                    </form>
                </Disclosure>
            </div>
            <div class="card">
                <h3>"Archive"</h3>
                <p>"Archiving hides someone from your main list and keeps everything you logged. You can bring them back any time."</p>
                <button type="button" class="button button--secondary" on:click=toggle_archive>
                    {move || if archived.get() { "Bring back to my list" } else { "Archive this person" }}
                </button>
            </div>
            <div class="card danger-zone">
                <h3>"Delete"</h3>
                <Show
                    when=move || deleting.get()
                    fallback=move || {
                        view! {
                            <button type="button" id="delete-person-start" class="button button--quiet" on:click=ask_delete(true)>
                                "Delete this person…"
                            </button>
                        }
                    }
                >
                    <ChoiceGroup legend="What should happen to what you logged about them?">
                        <Choice
                            kind="radio"
                            id="delete-keep-log"
                            name="delete-log"
                            checked=move || !with_log.get()
                            on_change=move |_| with_log.set(false)
                            label="Keep their log (observations and small steps stay stored)"
                        />
                        <Choice
                            kind="radio"
                            name="delete-log"
                            checked=move || with_log.get()
                            on_change=move |_| with_log.set(true)
                            label="Delete their log too"
                        />
                    </ChoiceGroup>
                    <p class="hint">"You can undo this from the message that appears."</p>
                    <div class="button-row">
                        <button type="button" class="button button--primary" on:click=delete.clone()>
                            "Delete person"
                        </button>
                        <button type="button" class="button button--quiet" on:click=ask_delete(false)>
                            "Cancel"
                        </button>
                    </div>
                </Show>
            </div>
        </section>
    }
}
