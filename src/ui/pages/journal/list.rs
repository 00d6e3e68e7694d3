//! `/journal`: drafts to resume, then every finished record, newest first, with search and filters.

use super::{excerpt, trap_name};
use crate::domain::journal::{
    feelings_used, matching_records, newer_first, traps_used, JournalFilter, RecordStatus, SearchTextCache,
};
use crate::domain::order::sort_stable_by;
use crate::domain::ThoughtRecord;
use crate::state::{set_title, AppState};
use crate::ui::components::show_more::{ShowMore, PAGE};
use crate::ui::platform::{after_first_paint, local_day};
use leptos::prelude::*;

thread_local! {
    /// Search text per record, kept across visits so a search over 2,000 records rebuilds only what changed.
    static SEARCH_TEXT: std::cell::RefCell<SearchTextCache> = std::cell::RefCell::default();
}

/// The journal page.
#[component]
pub fn Journal() -> impl IntoView {
    set_title("Journal");
    let state = AppState::get();
    let filter = RwSignal::new(JournalFilter::default());
    let shown = RwSignal::new(PAGE);
    // Positions of the matching finished records, newest first; search text only when searching.
    let matching = Memo::new(move |_| {
        filter.with(|f| {
            state
                .journal
                .with(|records| SEARCH_TEXT.with(|cache| matching_records(records, f, &mut cache.borrow_mut())))
        })
    });
    let drafts = Memo::new(move |_| {
        state.journal.with(|records| {
            let mut drafts: Vec<ThoughtRecord> =
                records.iter().filter(|r| r.status == RecordStatus::Draft).cloned().collect();
            sort_stable_by(&mut drafts, newer_first);
            drafts
        })
    });
    let complete_count = Memo::new(move |_| {
        state.journal.with(|records| records.iter().filter(|r| r.status == RecordStatus::Complete).count())
    });
    // The first cards are drawn at once; the rest of the page (a phone's screen is mostly the filters) right after
    // the first paint, so the page shows a frame sooner.
    let rest_drawn = after_first_paint(false);
    // The matching records from the `from`th up to the `to`th, newest first.
    let visible = move |from: usize, to: usize| {
        state.journal.with(|records| {
            matching.with(|positions| {
                positions.iter().take(to).skip(from).filter_map(|&i| records.get(i).cloned()).collect::<Vec<_>>()
            })
        })
    };
    view! {
        <h1>"Journal"</h1>
        <p class="lead">"Slow a painful thought down, look at it from every side, and see how you feel afterwards."</p>
        <p>
            <a class="button button--primary" href="/journal/new">"New thought record"</a>
        </p>
        <p class="journal-links">
            <a href="/practice/belief-tracker">"Beliefs"</a>" · "
            <a href="/practice/trigger-log">"Trigger log"</a>" · "
            <a href="/practice/trap-practice">"Thinking-trap practice"</a>
        </p>
        <Show when=move || drafts.with(|d| !d.is_empty())>
            <section aria-labelledby="drafts-heading">
                <h2 id="drafts-heading">"Drafts"</h2>
                <ul class="card-list">
                    {move || drafts.get().into_iter().map(|draft| view! { <DraftCard draft=draft/> }).collect_view()}
                </ul>
            </section>
        </Show>
        <section aria-labelledby="records-heading">
            <h2 id="records-heading">"Your thought records"</h2>
            <Show
                when=move || { complete_count.get() > 0 }
                fallback=|| view! { <p class="empty-state">"No finished thought records yet. When a thought about someone keeps going round, start one."</p> }
            >
                <Filters
                    filter=filter
                    feelings=Signal::derive(move || state.journal.with(|r| feelings_used(r)))
                    traps=Signal::derive(move || state.journal.with(|r| traps_used(r)))
                />
                <p role="status" class="journal-count">
                    {move || {
                        let n = matching.with(Vec::len);
                        if filter.with(JournalFilter::is_empty) {
                            format!("{n} records")
                        } else {
                            format!("{n} of {} records match", complete_count.get())
                        }
                    }}
                </p>
                <ul class="card-list">
                    {move || record_cards(visible(0, shown.get().min(FIRST_SCREEN)))}
                    <Show when=move || rest_drawn.get()>
                        {move || record_cards(visible(FIRST_SCREEN, shown.get()))}
                    </Show>
                </ul>
                <ShowMore total=Signal::derive(move || matching.with(Vec::len)) shown=shown/>
            </Show>
        </section>
    }
}

#[component]
fn Filters(
    filter: RwSignal<JournalFilter>,
    feelings: Signal<Vec<String>>,
    traps: Signal<Vec<String>>,
) -> impl IntoView {
    let state = AppState::get();
    let set_option = |value: String| (!value.is_empty()).then_some(value);
    view! {
        <div class="filters" role="group" aria-label="Search and filter">
            <div class="field">
                <label for="journal-search">"Search your records"</label>
                <input
                    id="journal-search"
                    type="search"
                    prop:value=move || filter.with(|f| f.text.clone())
                    on:input=move |ev| filter.update(|f| f.text = event_target_value(&ev))
                />
            </div>
            <div class="filters__row">
                <div class="field">
                    <label for="journal-trap">"Thinking trap"</label>
                    <select id="journal-trap" on:change=move |ev| filter.update(|f| f.trap = set_option(event_target_value(&ev)))>
                        <option value="" selected=move || filter.with(|f| f.trap.is_none())>"Any"</option>
                        {move || {
                            traps
                                .get()
                                .into_iter()
                                .map(|t| {
                                    let selected = {
                                        let t = t.clone();
                                        move || filter.with(|f| f.trap.as_deref() == Some(t.as_str()))
                                    };
                                    view! { <option value=t.clone() selected=selected>{trap_name(&t)}</option> }
                                })
                                .collect_view()
                        }}
                    </select>
                </div>
                <div class="field">
                    <label for="journal-feeling">"Feeling"</label>
                    <select id="journal-feeling" on:change=move |ev| filter.update(|f| f.feeling = set_option(event_target_value(&ev)))>
                        <option value="" selected=move || filter.with(|f| f.feeling.is_none())>"Any"</option>
                        {move || feelings.get().into_iter().map(|name| view! { <option value=name.clone()>{name.clone()}</option> }).collect_view()}
                    </select>
                </div>
                <Show when=move || state.people.with(|p| !p.is_empty())>
                    <div class="field">
                        <label for="journal-person">"Person"</label>
                        <select id="journal-person" on:change=move |ev| filter.update(|f| f.person = set_option(event_target_value(&ev)))>
                            <option value="" selected=move || filter.with(|f| f.person.is_none())>"Anyone"</option>
                            {move || {
                                state
                                    .people
                                    .get()
                                    .into_iter()
                                    .map(|p| view! { <option value=p.id.clone()>{p.name.clone()}</option> })
                                    .collect_view()
                            }}
                        </select>
                    </div>
                </Show>
                <div class="field">
                    <label for="journal-from">"From"</label>
                    <input
                        id="journal-from"
                        type="date"
                        prop:value=move || filter.with(|f| f.from.clone().unwrap_or_default())
                        on:change=move |ev| filter.update(|f| f.from = set_option(event_target_value(&ev)))
                    />
                </div>
                <div class="field">
                    <label for="journal-to">"To"</label>
                    <input
                        id="journal-to"
                        type="date"
                        prop:value=move || filter.with(|f| f.to.clone().unwrap_or_default())
                        on:change=move |ev| filter.update(|f| f.to = set_option(event_target_value(&ev)))
                    />
                </div>
            </div>
            <Show when=move || !filter.with(JournalFilter::is_empty)>
                <button type="button" class="button button--quiet" on:click=move |_| filter.set(JournalFilter::default())>
                    "Clear search and filters"
                </button>
            </Show>
        </div>
    }
}

/// How many finished records are drawn before the first paint (more than a laptop's or a phone's first screen
/// holds below the filters: tests/e2e/journal.spec.mjs); the rest of the page follows right after it.
const FIRST_SCREEN: usize = 5;

/// A card for each record, in order.
fn record_cards(records: Vec<ThoughtRecord>) -> impl IntoView {
    records.into_iter().map(|record| view! { <RecordCard record=record/> }).collect_view()
}

/// The name of the person a record is about, if it names one who is still in People.
fn person_name(record: &ThoughtRecord) -> Option<String> {
    let id = record.person_id.as_ref()?;
    AppState::get().people.with_untracked(|people| people.iter().find(|p| &p.id == id).map(|p| p.name.clone()))
}

/// A finished record in the list: date, thought, traps, and how much the feelings eased.
#[component]
fn RecordCard(record: ThoughtRecord) -> impl IntoView {
    let drop = record.average_drop();
    let feelings = record
        .feelings
        .iter()
        .map(|f| match f.after {
            Some(after) => format!("{} {} → {}", f.name, f.before, after),
            None => format!("{} {}", f.name, f.before),
        })
        .collect::<Vec<_>>()
        .join(" · ");
    view! {
        <li class="card record-card">
            <p class="record-card__date">{local_day(&record.happened_on)}{person_name(&record).map(|name| format!(" · {name}"))}</p>
            <a class="record-card__thought" href=format!("/journal/{}", record.id)>
                {excerpt(&record.thought, 160)}
            </a>
            {(!feelings.is_empty()).then(|| view! { <p class="record-card__feelings">{feelings}</p> })}
            {drop
                .map(|d| {
                    let text = if d > 0.0 {
                        format!("Feelings eased by {} points on average", d.round() as i32)
                    } else if d < 0.0 {
                        format!("Feelings grew by {} points on average", -(d.round() as i32))
                    } else {
                        "Feelings stayed the same".to_owned()
                    };
                    view! { <p class="record-card__drop">{text}</p> }
                })}
            {(!record.traps.is_empty())
                .then(|| {
                    view! {
                        <ul class="chips chips--static" aria-label="Thinking traps">
                            {record.traps.iter().map(|t| view! { <li class="chip">{trap_name(t)}</li> }).collect_view()}
                        </ul>
                    }
                })}
        </li>
    }
}

/// A draft: resume it or discard it (with Undo).
#[component]
fn DraftCard(draft: ThoughtRecord) -> impl IntoView {
    let state = AppState::get();
    let id = draft.id.clone();
    let summary =
        if draft.thought.trim().is_empty() { excerpt(&draft.situation, 120) } else { excerpt(&draft.thought, 120) };
    view! {
        <li class="card">
            <p class="record-card__date">{format!("Started {} · step {} of 8", local_day(&draft.happened_on), draft.step.clamp(1, 8))}</p>
            <p>{if summary.is_empty() { "(nothing written yet)".to_owned() } else { summary }}</p>
            <a class="button button--primary" href=format!("/journal/{}/edit", draft.id)>"Resume"</a>
            " "
            <button type="button" class="button button--quiet" on:click=move |_| state.delete_record(state.journal, &id, "Draft")>
                "Discard draft"
            </button>
        </li>
    }
}
