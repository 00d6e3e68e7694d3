//! `/journal`: drafts to resume, then every finished record, newest first, with search and filters. The search
//! box is always there; the other filters wait behind "Filter" until there are enough records to need them
//! ([`crate::domain::journal::FILTERS_FROM`]).

use super::{excerpt, trap_name};
use crate::domain::journal::{
    change_line, count_line, feelings_used, matching_records, newer_first, offers_filters, traps_used, FilterKind,
    JournalFilter, RecordStatus, SearchTextCache,
};
use crate::domain::stable_sort::sort_stable_by;
use crate::domain::ThoughtRecord;
use crate::state::{set_title, AppState};
use crate::ui::components::disclosure::ToggleButton;
use crate::ui::components::fields::TextInput;
use crate::ui::components::show_more::{ShowMore, PAGE};
use crate::ui::dom::{after_first_paint, local_day};
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
                    finished=complete_count.into()
                    feelings=Signal::derive(move || state.journal.with(|r| feelings_used(r)))
                    traps=Signal::derive(move || state.journal.with(|r| traps_used(r)))
                />
                <p role="status" class="journal-count">
                    {move || count_line(matching.with(Vec::len), complete_count.get(), !filter.with(JournalFilter::is_empty))}
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

/// The search box, and from [`crate::domain::journal::FILTERS_FROM`] finished records a "Filter" button (with the number of filters set)
/// that shows the other filters; while they are folded away, each filter set stays on screen as a chip that
/// removes it.
#[component]
fn Filters(
    filter: RwSignal<JournalFilter>,
    finished: Signal<usize>,
    feelings: Signal<Vec<String>>,
    traps: Signal<Vec<String>>,
) -> impl IntoView {
    let state = AppState::get();
    let open = RwSignal::new(false);
    let offered = move || filter.with(|f| offers_filters(finished.get(), f));
    let active = move || filter.with(JournalFilter::active_count);
    let set =
        move |kind: FilterKind| move |ev: leptos::ev::Event| filter.update(|f| f.set(kind, event_target_value(&ev)));
    let chosen = move |kind: FilterKind, value: String| move || filter.with(|f| f.value(kind) == Some(value.as_str()));
    // A filter chosen from a list, "Any" (or "Anyone") first: each option's value and label.
    let select_field = move |kind: FilterKind,
                             id: &'static str,
                             any: &'static str,
                             options: Signal<Vec<(String, String)>>| {
        view! {
            <div class="field">
                <label for=id>{kind.label()}</label>
                <select id=id on:change=set(kind)>
                    <option value="" selected=move || filter.with(|f| f.value(kind).is_none())>{any}</option>
                    {move || {
                        options
                            .get()
                            .into_iter()
                            .map(|(value, label)| view! { <option value=value.clone() selected=chosen(kind, value)>{label}</option> })
                            .collect_view()
                    }}
                </select>
            </div>
        }
    };
    // The From and To dates.
    let date_field = move |kind: FilterKind, id: &'static str| {
        view! {
            <div class="field">
                <label for=id>{kind.label()}</label>
                <input
                    id=id
                    type="date"
                    prop:value=move || filter.with(|f| f.value(kind).unwrap_or_default().to_owned())
                    on:change=set(kind)
                />
            </div>
        }
    };
    view! {
        <div class="filters" role="group" aria-label="Search and filter">
            <div class="filters__top">
                <TextInput
                    id="journal-search"
                    label="Search your records"
                    kind="search"
                    class="filters__search"
                    value=Signal::derive(move || filter.with(|f| f.text.clone()))
                    on_input=move |text| filter.update(|f| f.text = text)
                />
                <Show when=offered>
                    <ToggleButton open=open controls="journal-filters" class="button button--secondary filters__toggle">
                        "Filter"
                        <Show when=move || { active() > 0 }>
                            <span class="filters__badge">
                                <span class="visually-hidden">", "</span>
                                {active}
                                <span class="visually-hidden">" active"</span>
                            </span>
                        </Show>
                    </ToggleButton>
                </Show>
            </div>
            <div id="journal-filters" class="filters__row" hidden=move || !(open.get() && offered())>
                {select_field(
                    FilterKind::Trap,
                    "journal-trap",
                    "Any",
                    Signal::derive(move || traps.get().into_iter().map(|t| (t.clone(), trap_name(&t))).collect()),
                )}
                {select_field(
                    FilterKind::Feeling,
                    "journal-feeling",
                    "Any",
                    Signal::derive(move || feelings.get().into_iter().map(|name| (name.clone(), name)).collect()),
                )}
                <Show when=move || state.people.with(|p| !p.is_empty())>
                    {select_field(
                        FilterKind::Person,
                        "journal-person",
                        "Anyone",
                        Signal::derive(move || state.people.with(|all| all.iter().map(|p| (p.id.clone(), p.name.clone())).collect())),
                    )}
                </Show>
                {date_field(FilterKind::From, "journal-from")}
                {date_field(FilterKind::To, "journal-to")}
            </div>
            <Show when=move || { !open.get() && active() > 0 }>
                <ul class="chips filters__active" aria-label="Filters set">
                    {move || {
                        filter
                            .with(JournalFilter::active)
                            .into_iter()
                            .map(|(kind, value)| {
                                let text = format!("{}: {}", kind.label(), filter_value_name(kind, &value));
                                view! {
                                    <li>
                                        <button type="button" class="chip filters__chip" on:click=move |_| filter.update(|f| f.set(kind, String::new()))>
                                            {text}
                                            <span class="filters__chip-x" aria-hidden="true">"×"</span>
                                            <span class="visually-hidden">" (remove this filter)"</span>
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </Show>
            <Show when=move || !filter.with(JournalFilter::is_empty)>
                <button type="button" class="button button--quiet" on:click=move |_| filter.set(JournalFilter::default())>
                    "Clear search and filters"
                </button>
            </Show>
        </div>
    }
}

/// How a filter's value reads on its chip: a trap's name, a person's name, a day in the reader's format.
fn filter_value_name(kind: FilterKind, value: &str) -> String {
    match kind {
        FilterKind::Trap => trap_name(value),
        FilterKind::Person => AppState::get()
            .people
            .with_untracked(|people| people.iter().find(|p| p.id == value).map(|p| p.name.clone()))
            .unwrap_or_else(|| "someone no longer in People".to_owned()),
        FilterKind::From | FilterKind::To => local_day(value),
        FilterKind::Feeling => value.to_owned(),
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
            {drop.map(|d| view! { <p class="record-card__drop">{change_line(d)}</p> })}
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
