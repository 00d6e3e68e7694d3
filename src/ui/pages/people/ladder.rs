//! A person's disclosure ladder: small steps from low to higher risk, each tried as an experiment — the fear
//! before, what actually happened after — and how often the feared outcome came true.
//!
//! It is drawn as a ladder, lowest rung first (top of the list) so the order reads as the order of trying: a rail
//! joins the rungs, tried rungs carry a tick, and the next rung (the lowest not yet tried) stands out with the one
//! primary "Plan an experiment". Reordering, renaming, removing and adding rungs live in "Edit ladder".

use crate::domain::ladder::{
    default_ladder, ladder_for, ladder_stats, ladder_view, next_step, reorder, waiting_for_after, After, Before,
    Experiment, LadderStep, Response, RungStatus, SAFETY_ROUTE,
};
use crate::domain::repair_safety::{RepairView, SafetyAnswer, QUESTION};
use crate::state::{new_id, now_iso, AppState, Toast};
use crate::ui::components::disclosure::{Disclosure, ToggleButton};
use crate::ui::components::fields::{add_from_text, typing_clears, FieldError, RadioGroup, Scale, TextArea, TextInput};
use crate::ui::components::repair_safety::{SafetyQuestion, SafetyRoute};
use crate::ui::dom::{focus_element, focus_target, local_day};
use leptos::prelude::*;
use std::sync::Arc;

/// The answers to "Did the outcome you feared come true?", as the form offers them and an outcome shows them.
const CAME_TRUE: [(Option<bool>, &str); 3] = [(Some(true), "Yes"), (Some(false), "No"), (None, "Not sure")];

/// One person's ladder, lowest step first, as owned values.
fn steps_of(state: AppState, person_id: &str, track: bool) -> Vec<LadderStep> {
    let read = |all: &Vec<LadderStep>| ladder_for(all, person_id).into_iter().cloned().collect::<Vec<_>>();
    if track {
        state.ladder.with(read)
    } else {
        state.ladder.with_untracked(read)
    }
}

/// Changes the stored step with this id, if it is still there, and saves it (stamped by the save path).
fn change_step(state: AppState, id: &str, edit: impl FnOnce(&mut LadderStep)) {
    state.update_record(state.ladder, id, edit);
}

/// Stores the answer to the safety question about this person (if they are still stored).
fn set_safety(state: AppState, person_id: &str, answer: SafetyAnswer) {
    state.update_record(state.people, person_id, |person| person.set_safety(answer, &now_iso()));
}

/// The ladder section of a person's page. The safety question about the person comes first; new steps and
/// experiments are offered only once it is answered *No* (`domain::ladder::ladder_view`), and what was recorded
/// before stays readable whatever the answer.
#[component]
pub fn Ladder(id: String) -> impl IntoView {
    let state = AppState::get();
    let pid = StoredValue::new(id);
    let answer = Memo::new(move |_| {
        pid.with_value(|id| state.people.with(|all| all.iter().find(|p| &p.id == id).and_then(|p| p.safety)))
    });
    let safety = Memo::new(move |_| ladder_view(answer.get()));
    let can_plan = Signal::derive(move || safety.get().allows_repair());
    let on_answer = Callback::new(move |a: SafetyAnswer| pid.with_value(|id| set_safety(state, id, a)));
    let steps = Memo::new(move |_| pid.with_value(|id| steps_of(state, id, true)));
    let stats = Memo::new(move |_| steps.with(|s| ladder_stats(s)));
    let waiting = Memo::new(move |_| {
        steps.with(|s| {
            waiting_for_after(s)
                .into_iter()
                .map(|(step, e)| (e.id.clone(), step.title.clone(), e.fear.clone()))
                .collect::<Vec<_>>()
        })
    });
    let start = move |_| {
        let now = now_iso();
        let suggested = pid.with_value(|id| default_ladder(id, std::iter::repeat_with(new_id), &now));
        for step in suggested {
            state.save_record(state.ladder, step);
        }
    };
    let new_title = RwSignal::new(String::new());
    let add_error = RwSignal::new(None::<&'static str>);
    let add = add_from_text(
        new_title,
        add_error,
        "Write the step first — something small you could try with them.",
        move |title| {
            let position = steps.with_untracked(|s| s.iter().map(|s| s.position + 1).max().unwrap_or(0));
            let step = pid.with_value(|id| LadderStep::new(new_id(), id, &title, position, &now_iso()));
            state.save_record(state.ladder, step);
            true
        },
    );
    // Reordering keeps focus on the arrow just used, or on the other one once the rung reaches an end.
    let move_to = move |step_id: String, to: usize, up: bool| {
        let now = now_iso();
        let mut mine = pid.with_value(|id| steps_of(state, id, false));
        let count = mine.len();
        let changed = reorder(&mut mine, &step_id, to, &now);
        for step in mine.into_iter().filter(|s| changed.contains(&s.id)) {
            state.save_record(state.ladder, step);
        }
        let at_end = if up { to == 0 } else { to + 1 >= count };
        let arrow = if up != at_end { "up" } else { "down" };
        request_animation_frame(move || focus_element(&format!("step-{arrow}-{step_id}")));
    };
    // The next rung to try: only while new experiments may be offered (no nudge toward someone unsafe).
    let next = Memo::new(move |_| {
        if !can_plan.get() {
            return None;
        }
        pid.with_value(|id| steps.with(|s| next_step(s, id).map(|s| s.id.clone())))
    });
    let editing = RwSignal::new(false);
    let cards = move || {
        let list = steps.get();
        let count = list.len();
        let next = next.get();
        list.into_iter()
            .enumerate()
            .map(|(i, s)| (i, count, next.as_deref() == Some(s.id.as_str()), s))
            .collect::<Vec<_>>()
    };
    view! {
        <section class="person-section" aria-labelledby="ladder">
            <h2 id="ladder">"Small steps"</h2>
            <p class="hint">
                "A ladder of small steps of openness, from low to higher risk. Try one as an experiment: note what you fear before, and what actually happened after."
            </p>
            <SafetyQuestion
                id="ladder-safety"
                question=QUESTION
                value=answer
                on_change=on_answer
                waiting="Answer this first. New steps and experiments are offered once you have."
                level=3
            />
            {move || match safety.get() {
                RepairView::SafetyRoute(a) => Some(view! {
                    <SafetyRoute id="ladder-safety" route=SAFETY_ROUTE answer=Signal::stored(a) level=3/>
                }),
                _ => None,
            }}
            // How often a feared outcome came true is not a question to weigh with someone who may be dangerous.
            <Show when=move || !safety.get().shows_route()>
            <div class="card ladder-summary" aria-live="polite">
                <h3>"What your experiments show"</h3>
                {move || {
                    let s = stats.get();
                    let counts = format!("{} planned, {} done.", s.planned, s.done);
                    let responses = s
                        .response_counts
                        .iter()
                        .filter(|(_, n)| *n > 0)
                        .map(|(r, n)| format!("{} {n}", r.label()))
                        .collect::<Vec<_>>()
                        .join(" · ");
                    view! {
                        <p class="ladder-stats">
                            {s.sentence().unwrap_or_else(|| {
                                "When you record how an experiment went, you will see here how often the outcome you feared came true.".to_owned()
                            })}
                        </p>
                        <p class="hint">{counts}</p>
                        {(!responses.is_empty()).then(|| view! { <p class="hint">{format!("How they responded: {responses}")}</p> })}
                    }
                }}
                <Show when=move || waiting.with(|w| !w.is_empty())>
                    <h4>"Waiting for the “after”"</h4>
                    <ul class="waiting-list">
                        {move || {
                            waiting
                                .get()
                                .into_iter()
                                .map(|(eid, title, fear)| {
                                    view! {
                                        <li>
                                            <a href=format!("#exp-{eid}") class="user-text">{title}</a>
                                            {(!fear.is_empty()).then(|| view! { ": you feared " <span class="user-text">{fear}</span> })}
                                        </li>
                                    }
                                })
                                .collect_view()
                        }}
                    </ul>
                </Show>
            </div>
            </Show>
            <Show when=move || can_plan.get() && steps.with(|s| s.is_empty())>
                <div class="card">
                    <p>"No steps yet. Start with six suggested steps (you can rename, reorder or remove them), or add your own below."</p>
                    <button type="button" class="button button--primary" on:click=start>
                        "Start with the suggested steps"
                    </button>
                </div>
            </Show>
            <Show when=move || steps.with(|s| !s.is_empty())>
                <div class="ladder-toolbar">
                    <p class="hint">"Lowest step first. Each tick is a step you have tried."</p>
                    <ToggleButton open=editing controls="ladder-rungs" class="button button--secondary ladder-edit">
                        {move || if editing.get() { "Done editing" } else { "Edit ladder" }}
                    </ToggleButton>
                </div>
            </Show>
            <ol id="ladder-rungs" class="ladder" class:ladder--editing=move || editing.get()>
                <For each=cards key=|(i, n, next, s)| (s.id.clone(), s.updated_at.clone(), *i, *n, *next) let:card>
                    <StepCard
                        index=card.0
                        count=card.1
                        is_next=card.2
                        step=card.3
                        move_to=move_to
                        can_plan=can_plan
                        editing=editing
                    />
                </For>
            </ol>
            <Show when=move || can_plan.get() && (editing.get() || steps.with(|s| s.is_empty()))>
                <form class="card inline-form add-step" on:submit=add novalidate=true>
                    <TextInput
                        id="new-step-title"
                        label="Add your own step"
                        value=Signal::derive(move || new_title.get())
                        on_input=typing_clears(new_title, add_error)
                    />
                    <button type="submit" class="button button--secondary">"Add step"</button>
                    <FieldError message=move || add_error.get()/>
                </form>
            </Show>
        </section>
    }
}

/// One rung: its number (a tick once tried), its title and where it stands, its experiments, and planning a new
/// one (the primary action on the next rung, a quiet one elsewhere). In edit mode: move up/down, rename, remove.
#[component]
fn StepCard(
    index: usize,
    count: usize,
    /// The lowest rung not yet tried, while new experiments may be offered.
    is_next: bool,
    step: LadderStep,
    move_to: impl Fn(String, usize, bool) + Copy + Send + Sync + 'static,
    /// Whether a new experiment may be planned (not while the user may not be safe with the person).
    can_plan: Signal<bool>,
    /// The ladder's edit mode: the tools to reorder, rename and remove rungs.
    editing: RwSignal<bool>,
) -> impl IntoView {
    let state = AppState::get();
    let sid = StoredValue::new(step.id.clone());
    let renaming = RwSignal::new(false);
    let title = RwSignal::new(step.title.clone());
    let rename_error = RwSignal::new(None::<&'static str>);
    let save_title = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = title.get_untracked();
        if text.trim().is_empty() {
            rename_error.set(Some("A step needs a few words."));
            return;
        }
        sid.with_value(|id| change_step(state, id, |s| s.title = text.trim().to_owned()));
    };
    let planning = RwSignal::new(false);
    let heading_id = format!("step-{}", step.id);
    let title_text = step.title.clone();
    let rename_label = format!("Rename “{title_text}”");
    let remove_label = format!("Remove “{title_text}”");
    let status = step.status();
    let status_line = step.status_line();
    let waiting = status == RungStatus::Planned;
    let (done_ones, waiting_ones): (Vec<Experiment>, Vec<Experiment>) =
        step.experiments.iter().cloned().partition(Experiment::is_done);
    // Computed outside `view!`, where a bare `>` would end the tag.
    let (is_first, is_last) = (index == 0, index + 1 >= count);
    // The two reorder buttons: Up moves the rung one place toward the first, Down one place toward the last.
    let arrow = {
        let title_text = title_text.clone();
        move |up: bool| {
            let (word, text, at_end, to) = if up {
                ("up", "↑ Up", is_first, index.saturating_sub(1))
            } else {
                ("down", "↓ Down", is_last, index + 1)
            };
            view! {
                <button
                    type="button"
                    class="button button--secondary"
                    id=sid.with_value(|id| format!("step-{word}-{id}"))
                    aria-label=format!("Move “{title_text}” {word}")
                    disabled=at_end
                    on:click=move |_| move_to(sid.get_value(), to, up)
                >
                    {text}
                </button>
            }
        }
    };
    let number = index + 1;
    let mark = if status == RungStatus::Tried { "✓".to_owned() } else { number.to_string() };
    let where_it_is =
        if is_next { format!("Step {number} of {count} · Next to try") } else { format!("Step {number} of {count}") };
    view! {
        <li
            class="ladder-step rung"
            class:rung--next=is_next
            class:rung--tried=status == RungStatus::Tried
            class:rung--planned=waiting
        >
            <span class="rung__mark" aria-hidden="true">{mark}</span>
            <div class="rung__body">
                <p class="ladder-step__number">{where_it_is}</p>
                <Show
                    when=move || renaming.get()
                    fallback={
                        let heading_id = heading_id.clone();
                        let title_text = title_text.clone();
                        move || view! { <h3 id=heading_id.clone() class="user-text">{title_text.clone()}</h3> }
                    }
                >
                    <form class="inline-form" on:submit=save_title novalidate=true>
                        <TextInput
                            id=sid.with_value(|id| format!("step-title-{id}"))
                            label="Step"
                            value=Signal::derive(move || title.get())
                            on_input=typing_clears(title, rename_error)
                        />
                        <button type="submit" class="button button--primary">"Save"</button>
                        <button type="button" class="button button--quiet" on:click=move |_| renaming.set(false)>"Cancel"</button>
                        <FieldError message=move || rename_error.get()/>
                    </form>
                </Show>
                <p class="rung__status">{status_line}</p>
                <Show when=move || editing.get()>
                    <div class="button-row ladder-step__tools">
                        {arrow(true)}
                        {arrow(false)}
                        <button type="button" class="button button--quiet" aria-label=rename_label.clone() on:click=move |_| renaming.set(true)>
                            "Rename"
                        </button>
                        <button
                            type="button"
                            class="button button--quiet"
                            aria-label=remove_label.clone()
                            on:click=move |_| sid.with_value(|id| state.delete_record(state.ladder, id, "Step"))
                        >
                            "Remove"
                        </button>
                    </div>
                </Show>
                // Experiments waiting for their "after" are shown (they ask for something); the ones done are a
                // tap away under "How it went", so a tried rung stays one quiet line.
                {(!waiting_ones.is_empty())
                    .then(|| {
                        view! {
                            <ul class="experiments">
                                {waiting_ones
                                    .into_iter()
                                    .map(|e| view! { <ExperimentItem step_id=sid.get_value() experiment=e primary=is_next/> })
                                    .collect_view()}
                            </ul>
                        }
                    })}
                {(!done_ones.is_empty())
                    .then(|| {
                        let done_ones = StoredValue::new(done_ones);
                        view! {
                            <div class="rung__done">
                                <Disclosure label="How it went">
                                    <ul class="experiments">
                                        {done_ones
                                            .get_value()
                                            .into_iter()
                                            .map(|e| view! { <ExperimentItem step_id=sid.get_value() experiment=e primary=false/> })
                                            .collect_view()}
                                    </ul>
                                </Disclosure>
                            </div>
                        }
                    })}
                <Show when=move || can_plan.get() && !editing.get()>
                    <Show
                        when=move || planning.get()
                        fallback={
                            let title = step.title.clone();
                            move || {
                                // The next rung's one primary action, unless an experiment there waits for its
                                // "after" (then recording it comes first); other rungs offer it quietly.
                                let class = if is_next && !waiting { "button button--primary" } else { "button button--quiet" };
                                let text = if waiting { "Plan another experiment" } else { "Plan an experiment" };
                                view! {
                                    <button type="button" class=class on:click=move |_| planning.set(true)>
                                        {text}<span class="visually-hidden">{format!(" for “{title}”")}</span>
                                    </button>
                                }
                            }
                        }
                    >
                        <PlanForm step_id=sid.get_value() on_done=move || planning.set(false)/>
                    </Show>
                </Show>
            </div>
        </li>
    }
}

/// An experiment's answers as its forms edit them: the "before" part and the "after" part.
#[derive(Clone, Copy)]
struct Answers {
    fear: RwSignal<String>,
    likelihood: RwSignal<u8>,
    anxiety: RwSignal<u8>,
    what: RwSignal<String>,
    response: RwSignal<Option<Response>>,
    came_true: RwSignal<Option<bool>>,
    learned: RwSignal<String>,
}

impl Answers {
    /// Signals holding these answers.
    fn new(before: Before, after: After) -> Self {
        Answers {
            fear: RwSignal::new(before.fear),
            likelihood: RwSignal::new(before.likelihood),
            anxiety: RwSignal::new(before.anxiety),
            what: RwSignal::new(after.what_happened),
            response: RwSignal::new(after.response),
            came_true: RwSignal::new(after.fear_came_true),
            learned: RwSignal::new(after.learned),
        }
    }

    /// The "before" answers as they stand now, if they can be saved ([`Before::check`]).
    fn before(self) -> Result<Before, &'static str> {
        let (fear, likelihood, anxiety) =
            (self.fear.get_untracked(), self.likelihood.get_untracked(), self.anxiety.get_untracked());
        let before = Before { fear, likelihood, anxiety };
        before.check().map(|()| before)
    }

    /// The "after" answers as they stand now, if they can be saved ([`After::check`]).
    fn after(self) -> Result<After, &'static str> {
        let after = After {
            what_happened: self.what.get_untracked(),
            response: self.response.get_untracked(),
            fear_came_true: self.came_true.get_untracked(),
            learned: self.learned.get_untracked(),
        };
        after.check().map(|()| after)
    }
}

/// A two-row answer of an experiment form, shown from `text`; `on_input` gets what is typed.
fn answer_area(
    id: String,
    label: &'static str,
    text: RwSignal<String>,
    on_input: impl Fn(String) + 'static,
) -> impl IntoView {
    view! { <TextArea id label rows=2 value=Signal::derive(move || text.get()) on_input/> }
}

/// The "before" fields of an experiment: the fear, how likely it feels, how anxious I am.
#[component]
fn BeforeFields(
    /// Prefix for the field ids.
    prefix: String,
    input: Answers,
    /// Cleared as the fear is typed.
    error: RwSignal<Option<&'static str>>,
) -> impl IntoView {
    let Answers { fear, likelihood, anxiety, .. } = input;
    view! {
        {answer_area(format!("{prefix}-fear"), "What do you fear will happen?", fear, typing_clears(fear, error))}
        <Scale
            id=format!("{prefix}-likelihood")
            label="How likely does that feel? (0–100 %)"
            value=Signal::derive(move || likelihood.get())
            on_change=move |v| likelihood.set(v)
        />
        <Scale
            id=format!("{prefix}-anxiety")
            label="How anxious do you feel about it? (0–10)"
            value=Signal::derive(move || anxiety.get())
            on_change=move |v| anxiety.set(v)
            max=10
            step=1
        />
    }
}

/// The "after" fields: what happened, their response, whether the fear came true, what I learned.
#[component]
fn AfterFields(
    /// Prefix for the field ids and radio-group names.
    prefix: String,
    input: Answers,
    /// Cleared as what happened is typed.
    error: RwSignal<Option<&'static str>>,
) -> impl IntoView {
    let Answers { what, response, came_true, learned, .. } = input;
    let group = move |suffix: &str| format!("{prefix}-{suffix}");
    view! {
        {answer_area(group("what"), "What actually happened?", what, typing_clears(what, error))}
        <RadioGroup
            name=group("response")
            legend="How did they respond to your openness?"
            options=Response::ALL.into_iter().map(|r| (Some(r), r.label())).collect()
            value=response
        />
        <RadioGroup
            name=group("came-true")
            legend="Did the outcome you feared come true?"
            options=CAME_TRUE.to_vec()
            value=came_true
        />
        {answer_area(group("learned"), "What did you learn?", learned, move |t| learned.set(t))}
    }
}

/// The frame of every experiment form: a heading, the fields, the error message, then Save and Cancel. `save`
/// gets the answers that `read` checked; a problem `read` finds is shown instead and nothing is saved.
#[component]
fn ExperimentForm<T, R, S, C>(
    heading: &'static str,
    /// The Save button's words.
    save_label: &'static str,
    /// Shows why the answers cannot be saved yet (the fields clear it as they change).
    error: RwSignal<Option<&'static str>>,
    read: R,
    save: S,
    on_cancel: C,
    children: Children,
) -> impl IntoView
where
    T: 'static,
    R: Fn() -> Result<T, &'static str> + 'static,
    S: Fn(T) + 'static,
    C: Fn() + 'static,
{
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match read() {
            Ok(answers) => save(answers),
            Err(problem) => error.set(Some(problem)),
        }
    };
    view! {
        <form class="experiment-form" on:submit=submit novalidate=true>
            <h4>{heading}</h4>
            {children()}
            <FieldError message=move || error.get()/>
            <div class="button-row">
                <button type="submit" class="button button--primary">{save_label}</button>
                <button type="button" class="button button--quiet" on:click=move |_| on_cancel()>"Cancel"</button>
            </div>
        </form>
    }
}

/// Planning an experiment: the "before" part.
#[component]
fn PlanForm(step_id: String, on_done: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let state = AppState::get();
    let sid = StoredValue::new(step_id);
    let prefix = sid.with_value(|id| format!("plan-{id}"));
    let answers = Answers::new(Before { fear: String::new(), likelihood: 50, anxiety: 5 }, After::default());
    let error = RwSignal::new(None::<&'static str>);
    let save = move |before: Before| {
        let now = now_iso();
        let experiment = Experiment::new(new_id(), &before.fear, before.likelihood, before.anxiety, &now);
        sid.with_value(|id| change_step(state, id, |s| s.plan(experiment, &now)));
        state
            .toast
            .set(Some(Toast { message: "Experiment planned. Come back after you try it.".to_owned(), undo: None }));
        on_done();
    };
    view! {
        <ExperimentForm heading="Before you try it" save_label="Save the plan" error read=move || answers.before() save on_cancel=on_done>
            <BeforeFields prefix=prefix input=answers error=error/>
        </ExperimentForm>
    }
}

/// What an experiment item shows below its plan.
#[derive(Clone, Copy, PartialEq)]
enum ItemMode {
    /// The plan and, if done, the outcome.
    Show,
    /// The form to record what happened.
    Record,
    /// The form to correct the answers.
    Edit,
}

/// The outcome of a done experiment, as recorded.
fn outcome_view(experiment: &Experiment) -> impl IntoView {
    let came_true = CAME_TRUE.iter().find(|(v, _)| *v == experiment.fear_came_true).map_or("Not sure", |(_, l)| l);
    let response = experiment.response.map_or("Not noted", Response::label);
    view! {
        <dl class="experiment__after">
            <dt>"What happened"</dt>
            <dd class="user-text">{experiment.what_happened.clone()}</dd>
            <dt>"How they responded"</dt>
            <dd>{response}</dd>
            <dt>"Did the feared outcome come true?"</dt>
            <dd>{came_true}</dd>
            <dt>"What I learned"</dt>
            <dd class="user-text">{experiment.learned.clone()}</dd>
        </dl>
    }
}

/// One experiment: the plan, and either its outcome or the form to record it; Edit and Delete (with Undo).
#[component]
fn ExperimentItem(
    step_id: String,
    experiment: Experiment,
    /// On the next rung, "Record what happened" is the primary action.
    primary: bool,
) -> impl IntoView {
    let state = AppState::get();
    let mode = RwSignal::new(ItemMode::Show);
    let ids = StoredValue::new((step_id, experiment.id.clone()));
    let edit_id = format!("exp-edit-{}", experiment.id);
    let item_id = format!("exp-{}", experiment.id);
    let experiment = StoredValue::new(experiment);
    let close = {
        let edit_id = edit_id.clone();
        move || {
            mode.set(ItemMode::Show);
            let edit_id = edit_id.clone();
            request_animation_frame(move || focus_element(&edit_id));
        }
    };
    let delete = move |_| {
        let (sid, eid) = ids.get_value();
        let now = now_iso();
        let mut removed = None;
        change_step(state, &sid, |s| removed = s.remove_experiment(&eid, &now));
        let Some((index, experiment)) = removed else { return };
        state.toast.set(Some(Toast {
            message: "Experiment deleted.".to_owned(),
            undo: Some(Arc::new(move || {
                let experiment = experiment.clone();
                change_step(state, &sid, |s| s.put_back_experiment(index, experiment, &now_iso()));
                state.toast.set(None);
            })),
        }));
    };
    let edit = move |_| {
        mode.set(ItemMode::Edit);
        let field = ids.with_value(|(_, e)| format!("edit-{e}-fear"));
        request_animation_frame(move || focus_element(&field));
    };
    view! {
        <li class="experiment" id=item_id>
            {move || {
                let e = experiment.get_value();
                let current = mode.get();
                if current == ItemMode::Edit {
                    return view! { <EditExperimentForm ids=ids experiment=e on_done=close.clone()/> }.into_any();
                }
                let before = format!(
                    "Planned {}. It felt {}% likely; anxiety {} of 10.",
                    local_day(&e.planned_at),
                    e.fear_likelihood.min(100),
                    e.anxiety.min(10)
                );
                let which = format!(" the experiment “{}”", e.fear);
                let tools = if current == ItemMode::Record {
                    view! { <OutcomeForm ids=ids on_cancel=close.clone()/> }.into_any()
                } else {
                    view! {
                        <div class="button-row">
                            {(!e.is_done())
                                .then(|| {
                                    view! {
                                        <button
                                            type="button"
                                            class=if primary { "button button--primary" } else { "button button--secondary" }
                                            on:click=move |_| mode.set(ItemMode::Record)
                                        >
                                            "Record what happened"
                                        </button>
                                    }
                                })}
                            <button type="button" class="button button--quiet" id=edit_id.clone() on:click=edit>
                                "Edit"<span class="visually-hidden">{which.clone()}</span>
                            </button>
                            <button type="button" class="button button--quiet" on:click=delete>
                                "Delete"<span class="visually-hidden">{which}</span>
                            </button>
                        </div>
                    }
                    .into_any()
                };
                view! {
                    <p class="experiment__fear">"You feared: "<span class="user-text">{e.fear.clone()}</span></p>
                    <p class="hint">{before}</p>
                    {e.is_done().then(|| outcome_view(&e))}
                    {tools}
                }
                .into_any()
            }}
        </li>
    }
}

/// Recording the "after" part of an experiment.
#[component]
fn OutcomeForm(
    /// Step id and experiment id.
    ids: StoredValue<(String, String)>,
    on_cancel: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let state = AppState::get();
    let prefix = ids.with_value(|(_, e)| format!("after-{e}"));
    let answers = Answers::new(Before { fear: String::new(), likelihood: 0, anxiety: 0 }, After::default());
    let error = RwSignal::new(None::<&'static str>);
    let save = move |after: After| {
        let now = now_iso();
        ids.with_value(|(sid, eid)| {
            change_step(state, sid, |s| {
                if let Some(e) = s.experiment_mut(eid) {
                    e.record_outcome(&after.what_happened, after.response, after.fear_came_true, &after.learned, &now);
                }
            })
        });
        state.toast.set(Some(Toast { message: "Outcome saved.".to_owned(), undo: None }));
        // The rung is drawn again, with this experiment under "How it went": focus goes to the rung's title.
        let heading = ids.with_value(|(sid, _)| format!("step-{sid}"));
        request_animation_frame(move || focus_target(&heading));
    };
    view! {
        <ExperimentForm heading="After you tried it" save_label="Save what happened" error read=move || answers.after() save on_cancel>
            <AfterFields prefix=prefix input=answers error=error/>
        </ExperimentForm>
    }
}

/// Correcting an experiment: the same fields as planning it (and, once done, as recording it), filled in.
#[component]
fn EditExperimentForm(
    /// Step id and experiment id.
    ids: StoredValue<(String, String)>,
    experiment: Experiment,
    on_done: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let state = AppState::get();
    let prefix = ids.with_value(|(_, e)| format!("edit-{e}"));
    let done = experiment.is_done();
    let answers = Answers::new(experiment.before(), experiment.after());
    let error = RwSignal::new(None::<&'static str>);
    let finish = on_done.clone();
    // Only a done experiment has "after" answers to check and keep.
    let read = move || Ok((answers.before()?, if done { Some(answers.after()?) } else { None }));
    let save = move |(before, after): (Before, Option<After>)| {
        let now = now_iso();
        let mut found = false;
        ids.with_value(|(sid, eid)| {
            change_step(state, sid, |s| {
                if let Some(e) = s.experiment_mut(eid) {
                    e.revise(before, after, &now);
                    found = true;
                }
            })
        });
        let message = if found {
            "Changes saved."
        } else {
            "This experiment is no longer stored (perhaps deleted in another tab), so there was nothing to change."
        };
        state.toast.set(Some(Toast { message: message.to_owned(), undo: None }));
        finish();
    };
    view! {
        <ExperimentForm heading="Edit this experiment" save_label="Save changes" error read save on_cancel=on_done>
            <BeforeFields prefix=prefix.clone() input=answers error=error/>
            {done.then(|| view! { <AfterFields prefix=prefix.clone() input=answers error=error/> })}
        </ExperimentForm>
    }
}
