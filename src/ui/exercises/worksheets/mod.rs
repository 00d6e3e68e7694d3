//! Every worksheet of the Practice hub through one list and one editor, driven by its [`WorksheetDef`]:
//! `/practice/<slug>` lists the user's copies; `/practice/<slug>?entry=<id>` opens one, saved as they type.

mod checkins;
mod fields;
mod message;
mod safety_plan;

use crate::domain::helplines::LineKind;
use crate::domain::ids::is_valid_id;
use crate::domain::repair_safety::{RepairView, SafetyAnswer};
use crate::domain::safety_plan::{new_copy, LINES_FIELD, SAFER_FIELD, SLUG as SAFETY_PLAN};
use crate::domain::stable_sort::sort_stable_by;
use crate::domain::worksheets::{days_ago, fill_template, SafetyCheck, Section, WorksheetDef, WorksheetEntry};
use crate::state::{new_id, now_iso, today, AppState, Toast};
use crate::ui::components::fields::{FieldError, TextInput};
use crate::ui::components::helplines::HelplineList;
use crate::ui::components::repair_safety::{SafetyQuestion, SafetyRoute};
use crate::ui::dom::local_day;
use fields::FieldView;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

/// A change to the open entry; the editor stamps and saves it.
type Change = Box<dyn FnOnce(&mut WorksheetEntry)>;

/// The worksheet tool: the list of copies, or the one named by `?entry=`.
#[component]
pub fn WorksheetTool(
    /// What the worksheet asks.
    def: &'static WorksheetDef,
) -> impl IntoView {
    let query = use_query_map();
    let open = Memo::new(move |_| query.with(|q| q.get("entry")).filter(|id| is_valid_id(id)));
    move || match open.get() {
        Some(id) => view! { <WorksheetEditor def=def id=id/> }.into_any(),
        None => view! { <WorksheetList def=def/> }.into_any(),
    }
}

/// The link that opens an entry (or starts one with a new id).
fn entry_href(def: &WorksheetDef, id: &str) -> String {
    format!("/practice/{}?entry={id}", def.slug)
}

/// The user's copies of one worksheet, newest change first, and the button to start another.
#[component]
fn WorksheetList(def: &'static WorksheetDef) -> impl IntoView {
    let state = AppState::get();
    let entries = move || {
        let mut list: Vec<WorksheetEntry> =
            state.worksheets.with(|all| all.iter().filter(|e| e.worksheet == def.slug).cloned().collect());
        sort_stable_by(&mut list, |a, b| b.updated_at.cmp(&a.updated_at));
        list
    };
    let empty = move || state.worksheets.with(|all| !all.iter().any(|e| e.worksheet == def.slug));
    view! {
        <p>{def.intro}</p>
        <p class="worksheet-copies">{def.copies}</p>
        <p>
            <a class="button button--primary" href=entry_href(def, &new_id())>{move || def.start_label(!empty())}</a>
        </p>
        <section aria-labelledby="worksheet-list-heading">
            <h2 id="worksheet-list-heading">{format!("Your {}", def.noun.1)}</h2>
            <Show when=empty>
                <p class="empty-state">"Nothing here yet. What you write is saved as you type, on this device only."</p>
            </Show>
            <ul class="card-list worksheet-list">
                {move || entries().into_iter().map(|entry| view! { <EntryCard def=def entry=entry/> }).collect_view()}
            </ul>
        </section>
    }
}

/// One copy in the list: its name, progress, and Open / Delete.
#[component]
fn EntryCard(def: &'static WorksheetDef, entry: WorksheetEntry) -> impl IntoView {
    let state = AppState::get();
    let completion = def.completion(&entry);
    let status = if entry.is_done() { "Done" } else { "In progress" };
    let checkin = entry.last_checkin_day().map(|day| format!(" · last check-in {}", days_ago(day, &today())));
    // No count before the safety question is answered (`WorksheetDef::shows_progress`).
    let filled = if def.shows_progress(&entry) {
        format!(" · {} of {} filled in", completion.answered, completion.total)
    } else {
        String::new()
    };
    let meta = format!("{status}{filled} · changed {}{}", local_day(&entry.updated_at), checkin.unwrap_or_default());
    let id = entry.id.clone();
    let title = entry.display_title(&local_day(&entry.created_at));
    view! {
        <li class="card worksheet-card" class:worksheet-card--done=entry.is_done()>
            <h3 class="worksheet-card__title user-text">{title.clone()}</h3>
            <p class="worksheet-card__meta">{meta}</p>
            <div class="worksheet-card__actions">
                <a class="button button--secondary" href=entry_href(def, &entry.id) aria-label=format!("Open {title}")>
                    "Open"
                </a>
                <button
                    type="button"
                    class="button button--quiet"
                    on:click=move |_| state.delete_record(state.worksheets, &id, "Worksheet")
                >
                    "Delete"
                </button>
            </div>
        </li>
    }
}

/// One copy open for editing. Every change is saved at once; a copy with nothing in it yet is not stored.
#[component]
fn WorksheetEditor(def: &'static WorksheetDef, id: String) -> impl IntoView {
    let state = AppState::get();
    let existing = state.worksheets.with_untracked(|all| all.iter().find(|e| e.id == id).cloned());
    if existing.as_ref().is_some_and(|e| e.worksheet != def.slug) {
        return view! {
            <p class="empty-state">"That copy belongs to another worksheet. "<a href=format!("/practice/{}", def.slug)>"Back to the list"</a></p>
        }
        .into_any();
    }
    let entry = RwSignal::new(existing.unwrap_or_else(|| {
        // A new safety plan starts with the lines for the user's country (then they are the user's text).
        let country = state.preferences.with_untracked(|p| p.country().map(str::to_owned));
        new_copy(def.slug, id.clone(), &now_iso(), country.as_deref())
    }));
    let edit = Callback::new(move |change: Change| {
        entry.update(|e| change(e));
        let current = entry.get_untracked();
        if !current.is_blank() || state.worksheets.with_untracked(|all| all.iter().any(|e| e.id == current.id)) {
            state.save_record(state.worksheets, current);
        }
    });
    let done_error = RwSignal::new(None::<&'static str>);
    let toggle_done = move |_| {
        if entry.with_untracked(WorksheetEntry::is_done) {
            done_error.set(None);
            edit.run(Box::new(WorksheetEntry::reopen));
            return;
        }
        let mut trial = entry.get_untracked();
        match trial.mark_done(&now_iso()) {
            Ok(()) => {
                done_error.set(None);
                edit.run(Box::new(move |e| *e = trial));
                state.toast.set(Some(Toast { message: "Marked as done. You can still change it.".into(), undo: None }));
            }
            Err(problem) => done_error.set(Some(problem.message())),
        }
    };
    let navigate = use_navigate();
    let delete = move |_| {
        let id = entry.with_untracked(|e| e.id.clone());
        state.delete_record(state.worksheets, &id, "Worksheet");
        navigate(&format!("/practice/{}", def.slug), NavigateOptions::default());
    };
    let completion = Memo::new(move |_| entry.with(|e| def.completion(e)));
    let is_done = Memo::new(move |_| entry.with(WorksheetEntry::is_done));
    let shows_progress = Memo::new(move |_| entry.with(|e| def.shows_progress(e)));
    view! {
        <p>
            <a href=format!("/practice/{}", def.slug)>{format!("← All your {}", def.noun.1)}</a>
        </p>
        <div class="worksheet" id="worksheet">
            <TextInput
                id="ws-title"
                label=def.title_label
                hint=def.title_hint
                value=Memo::new(move |_| entry.with(|e| e.title.clone()))
                on_input=move |t| edit.run(Box::new(move |e| e.title = t))
            />
            {def.safety.map(|check| view! { <SafetyCheckView def=def check=check entry=entry edit=edit/> })}
            {def
                .sections
                .iter()
                .enumerate()
                .map(|(i, section)| view! { <SectionView def=def section=section index=i entry=entry edit=edit/> })
                .collect_view()}
            <section class="worksheet__footer" aria-label="Progress">
                <Show when=move || shows_progress.get()>
                <p class="worksheet__progress" role="status">
                    {move || {
                        let c = completion.get();
                        let state = if is_done.get() { "Done" } else { "In progress" };
                        format!("{state} · {} of {} filled in · saved as you type", c.answered, c.total)
                    }}
                </p>
                <progress
                    class="worksheet__bar"
                    max="100"
                    aria-label="How much is filled in"
                    prop:value=move || completion.get().percent().to_string()
                ></progress>
                <FieldError message=move || done_error.get()/>
                </Show>
                <div class="worksheet__actions">
                    <Show when=move || shows_progress.get()>
                        <button type="button" class="button button--primary" on:click=toggle_done>
                            {move || if is_done.get() { "Mark as not done" } else { "Mark as done" }}
                        </button>
                    </Show>
                    {(def.slug == SAFETY_PLAN).then(|| view! { <safety_plan::PrintButton/> })}
                    <button type="button" class="button button--quiet" on:click=delete>
                        "Delete"
                    </button>
                </div>
            </section>
        </div>
        {(def.slug == SAFETY_PLAN).then(|| view! { <safety_plan::PrintSheet entry=entry/> })}
    }
    .into_any()
}

/// The worksheet's safety question, asked before its parts, and the safety route while the answer is *Yes* or
/// *I'm not sure*.
#[component]
fn SafetyCheckView(
    def: &'static WorksheetDef,
    check: SafetyCheck,
    entry: RwSignal<WorksheetEntry>,
    edit: Callback<Change>,
) -> impl IntoView {
    let answer = Memo::new(move |_| entry.with(|e| e.safety));
    let view = Memo::new(move |_| entry.with(|e| def.repair_view(e)));
    let set_aside = move || match view.get() {
        Some(RepairView::SafetyRoute(answer)) => Some(answer),
        _ => None,
    };
    let on_change = Callback::new(move |answer: SafetyAnswer| edit.run(Box::new(move |e| e.safety = Some(answer))));
    view! {
        <SafetyQuestion
            id="ws-safety"
            question=check.question
            value=answer
            on_change=on_change
            waiting="Answer this first. The rest of the worksheet appears once you have."
        />
        {move || {
            set_aside()
                .map(|answer| view! { <SafetyRoute id="ws-safety" route=check.route answer=Signal::stored(answer)/> })
        }}
    }
}

/// One part of a worksheet; drawn only while it applies (parts tied to a choice appear once it is made).
#[component]
fn SectionView(
    def: &'static WorksheetDef,
    section: &'static Section,
    index: usize,
    entry: RwSignal<WorksheetEntry>,
    edit: Callback<Change>,
) -> impl IntoView {
    let shown = Memo::new(move |_| entry.with(|e| def.section_shown(section, e)));
    let heading = format!("ws-part-{index}");
    view! {
        <Show when=move || shown.get()>
            <section class="worksheet__section" aria-labelledby=heading.clone()>
                <h2 id=heading.clone()>{section.title}</h2>
                {move || {
                    entry
                        .with(|e| def.section_caution(section, e))
                        .map(|caution| view! { <p class="safety-caution">{caution}</p> })
                }}
                {(!section.intro.is_empty()).then(|| view! { <p>{section.intro}</p> })}
                {(!section.points.is_empty())
                    .then(|| {
                        view! {
                            <ul class="worksheet__points">
                                {section.points.iter().map(|p| view! { <li>{*p}</li> }).collect_view()}
                            </ul>
                        }
                    })}
                {(def.slug == SAFETY_PLAN && section.fields.iter().any(|f| f.key == SAFER_FIELD))
                    .then(|| view! { <safety_plan::AbuseLinesLink/> })}
                {section.fields.iter().map(|field| view! { <FieldView field=field entry=entry edit=edit/> }).collect_view()}
                {(def.slug == SAFETY_PLAN && section.fields.iter().any(|f| f.key == LINES_FIELD))
                    .then(|| {
                        // The plan's list is the user's own words; these are the live, tappable lines.
                        view! {
                            <safety_plan::PlanCountry entry=entry edit=edit/>
                            <div class="safety-plan__now">
                                <h3>"Call or text now"</h3>
                                <HelplineList kind=LineKind::Crisis no_country_note=true/>
                                <h3 id=safety_plan::ABUSE_LINES_ID>"If someone is hurting, threatening or controlling you"</h3>
                                <HelplineList kind=LineKind::DomesticAbuse no_emergency_lead=true no_country_note=true/>
                            </div>
                        }
                    })}
                {section
                    .template
                    .map(|template| {
                        let composed = Memo::new(move |_| entry.with(|e| fill_template(template, def, e)));
                        let label = format!("{heading}-composed");
                        let label_ref = label.clone();
                        view! {
                            <div class="composed" role="group" aria-labelledby=label_ref>
                                <h3 id=label>"Put together"</h3>
                                <p class="composed__text user-text">{move || composed.get()}</p>
                            </div>
                        }
                    })}
            </section>
        </Show>
    }
}
