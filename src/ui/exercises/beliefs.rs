//! The belief tracker: core beliefs with strength re-rated over time, evidence for and against (linkable to
//! thought records), and a reframed belief.

use crate::domain::beliefs::EvidenceNote;
use crate::domain::journal::RecordStatus;
use crate::domain::stable_sort::sort_stable_by;
use crate::domain::Belief;
use crate::state::{new_id, now_iso, AppState};
use crate::ui::components::fields::{add_from_text, FieldError, Scale, TextArea};
use crate::ui::dom::local_day;
use crate::ui::pages::journal::excerpt;
use leptos::prelude::*;

/// The tracker: add a belief, then work with each one.
#[component]
pub fn BeliefTracker() -> impl IntoView {
    let state = AppState::get();
    let statement = RwSignal::new(String::new());
    let strength = RwSignal::new(70u8);
    let error = RwSignal::new(None::<&'static str>);
    let add = add_from_text(statement, error, "Write the belief first, in your own words.", move |text| {
        state.save_record(state.beliefs, Belief::new(new_id(), &text, strength.get_untracked(), &now_iso()));
        true
    });
    let beliefs = move || {
        let mut list = state.beliefs.get();
        sort_stable_by(&mut list, |a, b| b.created_at.cmp(&a.created_at));
        list
    };
    view! {
        <form class="card" on:submit=add>
            <h2>"Add a belief"</h2>
            <TextArea
                id="new-belief"
                label="A belief about people or trust"
                hint="For example: “People always let me down in the end.”"
                rows=2
                value=Signal::derive(move || statement.get())
                on_input=move |t| statement.set(t)
            />
            <Scale id="new-belief-strength" label="How true does it feel right now? (0–100)" value=Signal::derive(move || strength.get()) on_change=move |v| strength.set(v)/>
            <FieldError message=move || error.get()/>
            <button type="submit" class="button button--primary">"Add belief"</button>
        </form>
        <Show when=move || state.beliefs.with(|b| b.is_empty())>
            <p class="empty-state">"No beliefs written down yet."</p>
        </Show>
        <For each=beliefs key=|b| (b.id.clone(), b.updated_at.clone()) let:belief>
            <BeliefCard belief=belief/>
        </For>
    }
}

/// One belief: its strength history, a re-rating, evidence, the reframe, and Delete.
#[component]
fn BeliefCard(belief: Belief) -> impl IntoView {
    let state = AppState::get();
    let id = belief.id.clone();
    let current = belief.current_strength().unwrap_or(0);
    let rating = RwSignal::new(current);
    let reframed = RwSignal::new(belief.reframed.clone());
    let evidence_text = RwSignal::new(String::new());
    let evidence_side = RwSignal::new("against".to_owned());
    let evidence_record = RwSignal::new(String::new());
    let base = StoredValue::new(belief.clone());
    let update = move |change: Box<dyn FnOnce(&mut Belief)>| {
        let mut b = base.get_value();
        change(&mut b);
        base.set_value(b.clone());
        state.save_record(state.beliefs, b);
    };
    let finished_records = move || {
        state.journal.with(|records| {
            let mut list: Vec<(String, String)> = records
                .iter()
                .filter(|r| r.status == RecordStatus::Complete)
                .map(|r| (r.id.clone(), format!("{} — {}", local_day(&r.happened_on), excerpt(&r.thought, 60))))
                .collect();
            sort_stable_by(&mut list, |a, b| b.1.cmp(&a.1));
            list
        })
    };
    let delete_id = id.clone();
    let prefix = format!("belief-{}", &id[..id.len().min(8)]);
    let history =
        belief.ratings.iter().map(|r| format!("{}: {}", local_day(&r.at), r.strength)).collect::<Vec<_>>().join(" · ");
    let change_text = belief.change_sentence();
    view! {
        <article class="card belief">
            <h2 class="user-text">{belief.statement.clone()}</h2>
            <p>{format!("Strength now: {current} of 100")}</p>
            <StrengthSparkline values=belief.ratings.iter().map(|r| r.strength).collect()/>
            <p class="hint">{format!("History: {history}")}</p>
            {change_text.map(|t| view! { <p>{t}</p> })}
            <div class="inline-form">
                <Scale id=format!("{prefix}-rate") label="Rate it again (0–100)" value=Signal::derive(move || rating.get()) on_change=move |v| rating.set(v)/>
                <button type="button" class="button button--secondary" on:click=move |_| {
                    let v = rating.get_untracked();
                    update(Box::new(move |b| b.rate(v, &now_iso())));
                }>"Save rating"</button>
            </div>
            <h3>"Evidence"</h3>
            <div class="evidence-columns">
                <EvidenceList title="Seems to support it" notes=belief.evidence_for.clone()/>
                <EvidenceList title="Does not fit it" notes=belief.evidence_against.clone()/>
            </div>
            <form class="evidence-form" on:submit=move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                let text = evidence_text.get_untracked();
                if text.trim().is_empty() {
                    return;
                }
                let record_id = Some(evidence_record.get_untracked()).filter(|r| !r.is_empty());
                let against = evidence_side.get_untracked() == "against";
                update(Box::new(move |b| {
                    let note = EvidenceNote { at: now_iso(), text, record_id, ..Default::default() };
                    if against { b.evidence_against.push(note) } else { b.evidence_for.push(note) }
                }));
                evidence_text.set(String::new());
            }>
                <div class="field">
                    <label for=format!("{prefix}-evidence")>"Add evidence"</label>
                    <input id=format!("{prefix}-evidence") type="text" prop:value=move || evidence_text.get() on:input=move |ev| evidence_text.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for=format!("{prefix}-side")>"It…"</label>
                    <select id=format!("{prefix}-side") on:change=move |ev| evidence_side.set(event_target_value(&ev))>
                        <option value="against" selected=true>"does not fit the belief"</option>
                        <option value="for">"seems to support the belief"</option>
                    </select>
                </div>
                <div class="field">
                    <label for=format!("{prefix}-record")>"From a thought record (optional)"</label>
                    <select id=format!("{prefix}-record") on:change=move |ev| evidence_record.set(event_target_value(&ev))>
                        <option value="">"None"</option>
                        {move || finished_records().into_iter().map(|(rid, label)| view! { <option value=rid>{label}</option> }).collect_view()}
                    </select>
                </div>
                <button type="submit" class="button button--secondary">"Add evidence"</button>
            </form>
            <TextArea
                id=format!("{prefix}-reframe")
                label="A more balanced belief"
                hint="Saved as you type."
                rows=2
                value=Signal::derive(move || reframed.get())
                on_input=move |t: String| {
                    reframed.set(t.clone());
                    update(Box::new(move |b| b.reframed = t));
                }
            />
            <button type="button" class="button button--quiet" on:click=move |_| state.delete_record(state.beliefs, &delete_id, "Belief")>
                "Delete belief"
            </button>
        </article>
    }
}

#[component]
fn EvidenceList(title: &'static str, notes: Vec<EvidenceNote>) -> impl IntoView {
    view! {
        <div>
            <h4>{title}</h4>
            {if notes.is_empty() {
                view! { <p class="hint">"Nothing yet."</p> }.into_any()
            } else {
                view! {
                    <ul>
                        {notes
                            .into_iter()
                            .map(|n| {
                                view! {
                                    <li>
                                        <span class="user-text">{n.text}</span>
                                        {n.record_id.map(|rid| view! { " ("<a href=format!("/journal/{rid}")>"thought record"</a>")" })}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }}
        </div>
    }
}

/// A small line of the strength ratings over time (0–100), with a text alternative.
#[component]
fn StrengthSparkline(values: Vec<u8>) -> impl IntoView {
    (values.len() > 1).then(|| {
        // Integer coordinates keep float formatting (and its code) out of the wasm.
        let last = values.len() - 1;
        let points = values
            .iter()
            .enumerate()
            .map(|(i, v)| format!("{},{}", i * 200 / last, 40 - usize::from(*v) * 40 / 100))
            .collect::<Vec<_>>()
            .join(" ");
        let label = format!(
            "Belief strength over time: {}",
            values.iter().map(u8::to_string).collect::<Vec<_>>().join(", then ")
        );
        view! {
            <svg class="sparkline" viewBox="-4 -4 208 48" role="img" aria-label=label>
                <polyline points=points fill="none" stroke="currentColor" stroke-width="2"/>
            </svg>
        }
    })
}
