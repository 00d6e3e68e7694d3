//! A person's evidence log: "Log what happened" (one-tap quick entries with Undo, and the form in your own words)
//! at the top of their page, and further down what was logged, newest first, with Edit and Delete (Undo). The
//! log draws its newest entries first and more on request, copying only the entries it draws.

use crate::domain::people::{newest_first, Direction, Observation, ObservationDraft, QuickKind, TrustPart};
use crate::domain::words::count_of;
use crate::state::{new_id, now_iso, today, AppState, Toast};
use crate::ui::components::disclosure::Disclosure;
use crate::ui::components::fields::{typing_clears, FieldError, RadioGroup, TextArea};
use crate::ui::components::show_more::ShowMore;
use crate::ui::dom::{focus_element, local_day};
use leptos::prelude::*;
use std::sync::Arc;

/// What the weights mean, as the form offers them.
const WEIGHTS: [(u8, &str); 3] = [(1, "A little"), (2, "Some"), (3, "A lot")];

/// How many of the newest observations the log draws when the page opens ("Show more" adds more).
const FIRST_PAGE: usize = 10;

/// Takes a just-logged observation back out (the toast's Undo): the log is as it was, and the toast says so.
fn take_back(state: AppState, id: &str, message: String) {
    state.delete_record(state.observations, id, "Observation");
    // `delete_record` offers its own Undo; taking back a log is the end of it, so a plain message replaces that.
    state.toast.set(Some(Toast { message, undo: None }));
}

/// "Log what happened": the one-tap quick entries for today and the form in your own words. It opens a person's
/// page, because logging is what a person comes to do most.
#[component]
pub fn QuickLog(id: String) -> impl IntoView {
    let state = AppState::get();
    let pid = StoredValue::new(id);
    let quick = move |kind: QuickKind| {
        let entry = pid.with_value(|id| Observation::quick(new_id(), id, kind, &today(), &now_iso()));
        let entry_id = entry.id.clone();
        state.save_record(state.observations, entry);
        let label = kind.label();
        state.toast.set(Some(Toast {
            message: format!("Logged for today: {label}."),
            undo: Some(Arc::new(move || {
                take_back(state, &entry_id, format!("Removed from the log: {label}."));
                // Back to the button just used (after the toast has moved focus to the heading).
                let button = format!("quick-{}", quick_slug(kind));
                request_animation_frame(move || focus_element(&button));
            })),
        }));
    };
    view! {
        <section class="person-section person-section--log" aria-labelledby="log">
            <h2 id="log">"Log what happened"</h2>
            <p class="hint">"One tap logs it for today. Something else, or another day? Write it in your own words."</p>
            <div class="quick-entries" role="group" aria-label="Log for today in one tap">
                {QuickKind::ALL
                    .into_iter()
                    .map(|kind| {
                        let broke = kind.defaults().direction == Direction::Broke;
                        view! {
                            <button
                                type="button"
                                id=format!("quick-{}", quick_slug(kind))
                                class="button button--secondary quick-entry"
                                class:quick-entry--broke=broke
                                on:click=move |_| quick(kind)
                            >
                                {kind.label()}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            <div class="card observation-form">
                <Disclosure label="Log something in your own words">
                    <ObservationForm pid=pid id_prefix="observation" existing=None on_done=|| ()/>
                </Disclosure>
            </div>
        </section>
    }
}

/// A quick entry's id part ("kept-commitment").
fn quick_slug(kind: QuickKind) -> &'static str {
    match kind {
        QuickKind::KeptCommitment => "kept-commitment",
        QuickKind::BrokeCommitment => "broke-commitment",
        QuickKind::ToldTruth => "told-truth",
        QuickKind::CaughtInLie => "caught-in-lie",
        QuickKind::SupportedWhenVulnerable => "supported",
        QuickKind::Dismissed => "dismissed",
    }
}

/// What was logged about one person, newest first.
#[component]
pub fn EvidenceLog(id: String) -> impl IntoView {
    let state = AppState::get();
    let pid = StoredValue::new(id);
    // Positions of this person's observations in the collection, newest first: the log copies only what it draws.
    let order = Memo::new(move |_| pid.with_value(|id| state.observations.with(|all| newest_first(all, id))));
    let shown = RwSignal::new(FIRST_PAGE);
    // The observation whose edit form is open, if any.
    let editing = RwSignal::new(None::<String>);
    let visible = move || {
        let open = editing.get();
        state.observations.with(|all| {
            order.with(|order| {
                order
                    .iter()
                    .take(shown.get())
                    .filter_map(|&i| all.get(i))
                    .map(|o| (o.clone(), open.as_deref() == Some(o.id.as_str())))
                    .collect::<Vec<_>>()
            })
        })
    };
    view! {
        <section class="person-section" aria-labelledby="evidence">
            <h2 id="evidence">"What you have logged"</h2>
            <Show
                when=move || order.with(|o| !o.is_empty())
                fallback=|| view! { <p class="empty-state">"Nothing logged yet. Start with one thing they did recently, good or bad."</p> }
            >
                <p class="hint">
                    {move || format!("{}, newest first.", count_of(order.with(Vec::len), "observation", "observations"))}
                </p>
                <ul class="card-list observation-list">
                    // Opening or closing an edit form redraws only that entry (the key changes), so no entry needs
                    // its own reactive state.
                    <For each=visible key=|(o, open)| (o.id.clone(), o.updated_at.clone(), *open) let:item>
                        <ObservationItem pid=pid entry=item.0 open=item.1 editing=editing/>
                    </For>
                </ul>
                <ShowMore total=Signal::derive(move || order.with(Vec::len)) shown=shown/>
            </Show>
        </section>
    }
}

/// One logged observation, exactly as typed, with Edit and Delete — or, while `open`, its edit form.
#[component]
fn ObservationItem(
    pid: StoredValue<String>,
    entry: Observation,
    open: bool,
    editing: RwSignal<Option<String>>,
) -> impl IntoView {
    let state = AppState::get();
    let item_id = format!("obs-{}", entry.id);
    let edit_button = format!("obs-edit-{}", entry.id);
    if open {
        let back_to = edit_button.clone();
        let close = move || {
            editing.set(None);
            let back_to = back_to.clone();
            request_animation_frame(move || focus_element(&back_to));
        };
        return view! {
            <li class="card observation observation--editing" id=item_id>
                <ObservationForm pid=pid id_prefix="edit-observation" existing=Some(entry) on_done=close/>
            </li>
        }
        .into_any();
    }
    let id = StoredValue::new(entry.id.clone());
    let day = local_day(&entry.happened_on);
    let weight = WEIGHTS.iter().find(|(w, _)| *w == entry.effective_weight()).map_or("", |(_, l)| l);
    let meta =
        format!("{day} · {} · {} · counts {}", entry.part.label(), entry.direction.label(), weight.to_lowercase());
    let which = format!(" observation from {day}");
    let edit = move |_| {
        editing.set(Some(id.get_value()));
        request_animation_frame(|| focus_element("edit-observation-what"));
    };
    view! {
        <li class="card observation" class:observation--broke=entry.direction == Direction::Broke id=item_id>
            <p class="observation__meta">{meta}</p>
            <p class="observation__what user-text">{entry.what}</p>
            <div class="button-row">
                <button type="button" class="button button--quiet" id=edit_button on:click=edit>
                    "Edit"<span class="visually-hidden">{which.clone()}</span>
                </button>
                <button
                    type="button"
                    class="button button--quiet"
                    on:click=move |_| id.with_value(|id| state.delete_record(state.observations, id, "Observation"))
                >
                    "Delete"<span class="visually-hidden">{which}</span>
                </button>
            </div>
        </li>
    }
    .into_any()
}

/// The full form: what happened, which part, built or broke, how much it counts, and the day. With `existing`
/// it edits that observation (same id, `updated_at` bumped) and offers Cancel; without, it adds a new one and
/// then starts again from a blank entry ([`ObservationDraft::blank`]), with Undo in the toast.
#[component]
fn ObservationForm(
    pid: StoredValue<String>,
    /// Keeps the ids of the add form and an edit form apart.
    id_prefix: &'static str,
    existing: Option<Observation>,
    /// Called after an edit is saved or cancelled.
    on_done: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let state = AppState::get();
    let is_edit = existing.is_some();
    let start = existing.as_ref().map(ObservationDraft::of).unwrap_or_else(|| ObservationDraft::blank(&today()));
    let existing = StoredValue::new(existing);
    let what = RwSignal::new(start.what);
    let part = RwSignal::new(start.part);
    let direction = RwSignal::new(start.direction);
    let weight = RwSignal::new(start.weight);
    let day = RwSignal::new(start.happened_on);
    let error = RwSignal::new(None::<&'static str>);
    // Fills the form in (a blank entry after saving; the words back after Undo). `try_set`: Undo may come after
    // the form is gone, and then there is nothing to fill: it returns false.
    let fill = move |d: ObservationDraft| {
        let here = what.try_set(d.what).is_none();
        part.try_set(d.part);
        direction.try_set(d.direction);
        weight.try_set(d.weight);
        day.try_set(d.happened_on);
        here
    };
    let done = on_done.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = ObservationDraft {
            what: what.get_untracked(),
            part: part.get_untracked(),
            direction: direction.get_untracked(),
            weight: weight.get_untracked(),
            happened_on: day.get_untracked(),
        };
        let fields = match draft.check(&today()) {
            Ok(fields) => fields,
            Err(problem) => {
                error.set(Some(problem.message()));
                return;
            }
        };
        error.set(None);
        let now = now_iso();
        match existing.get_value() {
            Some(original) => {
                // Start from what is stored now (another tab may have changed other fields); if it was deleted
                // meanwhile, saving brings it back rather than losing what was typed.
                let mut entry = state
                    .observations
                    .with_untracked(|all| all.iter().find(|o| o.id == original.id).cloned())
                    .unwrap_or(original);
                entry.revise(fields, &now);
                state.save_record(state.observations, entry);
                state.toast.set(Some(Toast { message: "Changes saved.".to_owned(), undo: None }));
                done();
            }
            None => {
                let mut entry = pid.with_value(|id| Observation::new(new_id(), id, &fields.happened_on, &now));
                entry.revise(fields, &now);
                let entry_id = entry.id.clone();
                state.save_record(state.observations, entry);
                state.toast.set(Some(Toast {
                    message: "Observation saved.".to_owned(),
                    undo: Some(Arc::new(move || {
                        let message = if fill(draft.clone()) {
                            "Removed from the log. Your words are back in the form."
                        } else {
                            "Removed from the log."
                        };
                        take_back(state, &entry_id, message.to_owned());
                    })),
                }));
                // The next entry starts neutral, not as "broke trust · a lot" because the last one did.
                fill(ObservationDraft::blank(&today()));
            }
        }
    };
    let field = move |name: &str| format!("{id_prefix}-{name}");
    view! {
        <form on:submit=save novalidate=true>
            {is_edit.then(|| view! { <h4>"Edit this observation"</h4> })}
            <TextArea
                id=field("what")
                label="What happened?"
                hint="What they did or said — facts, as far as you can tell."
                rows=3
                value=Signal::derive(move || what.get())
                on_input=typing_clears(what, error)
            />
            <div class="field">
                <label for=field("part")>"Which part of trust does it speak to?"</label>
                <select
                    id=field("part")
                    on:change=move |ev| {
                        if let Some(p) = TrustPart::from_slug(&event_target_value(&ev)) {
                            part.set(p);
                        }
                    }
                >
                    {TrustPart::ALL
                        .into_iter()
                        .map(|p| view! { <option value=p.slug() selected=move || part.get() == p>{p.label()}</option> })
                        .collect_view()}
                </select>
            </div>
            <RadioGroup
                name=field("direction")
                legend="Did it build trust or break it?"
                options=Direction::ALL.into_iter().map(|d| (Some(d), d.label())).collect()
                value=direction
            />
            <RadioGroup
                name=field("weight")
                legend="How much does it count?"
                options=WEIGHTS.into_iter().map(|(w, label)| (w, format!("{label} ({w})"))).collect()
                value=weight
            />
            <div class="field">
                <label for=field("day")>"When did it happen?"</label>
                <input
                    id=field("day")
                    type="date"
                    max=today()
                    prop:value=move || day.get()
                    on:change=move |ev| {
                        day.set(event_target_value(&ev));
                        error.set(None);
                    }
                />
            </div>
            <FieldError message=move || error.get()/>
            <div class="button-row">
                <button type="submit" class="button button--primary">
                    {if is_edit { "Save changes" } else { "Save observation" }}
                </button>
                {is_edit
                    .then(|| {
                        let on_done = on_done.clone();
                        view! {
                            <button type="button" class="button button--quiet" on:click=move |_| on_done()>
                                "Cancel"
                            </button>
                        }
                    })}
            </div>
        </form>
    }
}
