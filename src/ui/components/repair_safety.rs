//! "Are you safe with this person?": the question every repair path asks first, and the safety route shown
//! instead of the repair steps when the answer is *Yes* or *I'm not sure* (rules: `domain::repair_safety`).

use crate::domain::helplines::LineKind;
use crate::domain::repair_safety::{route_paragraphs, SafetyAnswer, QUESTION_HINT};
use crate::ui::components::fields::Choice;
use crate::ui::components::helplines::{HelplineList, UrgentLines};
use leptos::prelude::*;

/// Where the safety plan worksheet lives.
pub const SAFETY_PLAN_HREF: &str = "/practice/safety-plan";

/// Where Help says how to find a counsellor or therapist of one's own.
pub const OWN_SUPPORT_HREF: &str = "/help#finding-a-therapist";

/// The question with its three answers, the stored one selected; picking one calls `on_change` at once (the
/// answer is shown, and can be changed, for as long as the copy or person exists).
#[component]
pub fn SafetyQuestion(
    /// Prefix for the element ids and the radio group's name (unique on the page).
    id: &'static str,
    /// The question, in the words of the worksheet or the ladder.
    question: &'static str,
    /// The stored answer; `None` while not answered.
    #[prop(into)]
    value: Signal<Option<SafetyAnswer>>,
    /// Stores a new answer.
    on_change: Callback<SafetyAnswer>,
    /// What is said while it is not answered: what will appear once it is.
    waiting: &'static str,
    /// The heading's level: 2 on a worksheet, 3 inside the ladder's section.
    #[prop(default = 2)]
    level: u8,
) -> impl IntoView {
    let heading_id = format!("{id}-heading");
    let hint_id = format!("{id}-hint");
    let heading = heading(level, heading_id.clone(), "A question first");
    let hint = view! { <p class="field__hint" id=hint_id.clone()>{QUESTION_HINT}</p> };
    view! {
        <section class="safety-check" aria-labelledby=heading_id>
            {heading}
            <fieldset class="choice-group safety-check__question" aria-describedby=hint_id>
                <legend>{question}</legend>
                {hint}
                {SafetyAnswer::ALL
                    .into_iter()
                    .map(|answer| {
                        view! {
                            <Choice
                                kind="radio"
                                name=format!("{id}-answer")
                                value=answer.slug()
                                checked=move || value.get() == Some(answer)
                                on_change=move |_| on_change.run(answer)
                                label=answer.label()
                            />
                        }
                    })
                    .collect_view()}
            </fieldset>
            <Show when=move || value.with(Option::is_none)>
                <p class="safety-check__wait">{waiting}</p>
            </Show>
        </section>
    }
}

/// The safety route: its lead sentence with the emergency number and a domestic-abuse line to tap right under it
/// (on the first screen after answering), why the repair steps are set aside, the safety plan and Help, support
/// of one's own, and every domestic-abuse line (the longest part, so it comes last).
#[component]
pub fn SafetyRoute(
    /// Prefix for the element ids (unique on the page).
    id: &'static str,
    /// What this worksheet or the ladder says, one paragraph each.
    route: &'static [&'static str],
    /// The answer that led here (*I'm not sure* adds a sentence of its own).
    #[prop(into)]
    answer: Signal<SafetyAnswer>,
    /// The heading's level: 2 on a worksheet, 3 inside the ladder's section (its sub-headings one below).
    #[prop(default = 2)]
    level: u8,
) -> impl IntoView {
    let heading_id = format!("{id}-route");
    let title = heading(level, heading_id.clone(), "Your safety comes first");
    let sub = level + 1;
    let paragraphs = Memo::new(move |_| route_paragraphs(answer.get(), route));
    view! {
        <section class="safety-route" aria-labelledby=heading_id data-testid="safety-route">
            {title}
            {move || paragraphs.with(|p| p.first().map(|lead| view! { <p class="safety-route__lead">{*lead}</p> }))}
            <UrgentLines/>
            {move || paragraphs.with(|p| p.iter().skip(1).map(|p| view! { <p>{*p}</p> }).collect_view())}
            <ul class="safety-route__links">
                <li>
                    <a class="button button--secondary" href=SAFETY_PLAN_HREF>"Make a safety plan"</a>
                </li>
                <li>
                    <a class="button button--quiet" href="/help">"All help and crisis lines"</a>
                </li>
            </ul>
            {heading(sub, format!("{id}-own"), "Support of your own")}
            <p>
                "A counsellor or therapist who works with you alone can help you think it through and plan, without \
                 the other person in the room. "
                <a href=OWN_SUPPORT_HREF>"How to find one"</a>
            </p>
            {heading(sub, format!("{id}-lines"), "Someone to talk to now")}
            <p>
                "A domestic-abuse line listens, believes you, and can help you plan how to stay safe. You do not \
                 have to be sure it “counts” to call."
            </p>
            <HelplineList kind=LineKind::DomesticAbuse/>
        </section>
    }
}

/// The short notice at the top of a person's page once the answer about them is *Yes* or *I'm not sure*: the
/// emergency number and a domestic-abuse line to tap on the first screen, and the safety plan one tap away.
#[component]
pub fn PersonSafetyNotice() -> impl IntoView {
    view! {
        <section class="person-safety" aria-labelledby="person-safety-heading" data-testid="safety-notice">
            <h2 id="person-safety-heading">"Help is one tap away"</h2>
            <p>
                "You said you may not be safe with this person. A domestic-abuse line listens, believes you and can \
                 help you plan."
            </p>
            <UrgentLines/>
            <p class="person-safety__links">
                <a href=SAFETY_PLAN_HREF>"Make a safety plan"</a>
                " · "
                <a href="/help">"All help lines"</a>
            </p>
        </section>
    }
}

/// A heading of the given level (2 to 4; anything else is drawn as a level 4).
fn heading(level: u8, id: String, text: &'static str) -> AnyView {
    match level {
        2 => view! { <h2 id=id>{text}</h2> }.into_any(),
        3 => view! { <h3 id=id>{text}</h3> }.into_any(),
        _ => view! { <h4 id=id>{text}</h4> }.into_any(),
    }
}
