//! `/settings/report`: a print-friendly report to bring to therapy, with only the entries the user picks.

use crate::domain::readable_copy::{report_markdown, Part, ReportItem, Section};
use crate::state::{set_title, today, AppState};
use crate::ui::components::fields::{Choice, FieldError};
use crate::ui::dom::{download_text, file_date, local_day};
use crate::ui::pages::settings::gather;
use leptos::prelude::*;
use std::collections::BTreeSet;

/// How many recent entries of each kind are offered to pick from.
const RECENT: usize = 20;

/// The kinds of entry a report can hold (worksheets: preparing for therapy and any other the user picks).
const KINDS: [Section; 4] = [Section::ThoughtRecords, Section::Beliefs, Section::Triggers, Section::Worksheets];

/// The therapy report page.
#[component]
pub fn TherapyReport() -> impl IntoView {
    set_title("Report for therapy");
    let state = AppState::get();
    let offered: Vec<(Section, Vec<ReportItem>)> = gather(state, &KINDS, "", "")
        .into_iter()
        .map(|(section, mut items)| {
            items.truncate(RECENT);
            (section, items)
        })
        .collect();
    let picked = RwSignal::new(BTreeSet::<String>::new());
    // What the last download said (only a problem is shown); cleared by the next pick.
    let message = RwSignal::new(None::<String>);
    let offered = StoredValue::new(offered);
    let pickers = offered.with_value(|offered| {
        offered
            .iter()
            .map(|(section, items)| {
                let list = if items.is_empty() {
                    view! { <p class="hint">"Nothing here yet."</p> }.into_any()
                } else {
                    items
                        .iter()
                        .map(|item| {
                            let id = item.id.clone();
                            let toggle_id = id.clone();
                            view! {
                                <Choice
                                    kind="checkbox"
                                    checked=move || picked.with(|p| p.contains(&id))
                                    on_change=move |on| {
                                        message.set(None);
                                        picked.update(|p| {
                                            if on { p.insert(toggle_id.clone()); } else { p.remove(&toggle_id); }
                                        });
                                    }
                                    label=format!("{} — {}", local_day(&item.day), item.title)
                                />
                            }
                        })
                        .collect_view()
                        .into_any()
                };
                view! {
                    <fieldset class="choice-group report-pick">
                        <legend>{section.title()}</legend>
                        {list}
                    </fieldset>
                }
            })
            .collect_view()
    });
    // The picked entries by section, in the order offered; sections with nothing picked are left out.
    let chosen = move || -> Vec<(Section, Vec<ReportItem>)> {
        picked.with(|picked| {
            offered.with_value(|offered| {
                offered
                    .iter()
                    .map(|(section, items)| {
                        (*section, items.iter().filter(|i| picked.contains(&i.id)).cloned().collect::<Vec<_>>())
                    })
                    .filter(|(_, items)| !items.is_empty())
                    .collect()
            })
        })
    };
    let report = move || {
        chosen()
            .into_iter()
            .map(|(section, items)| {
                view! {
                    <section class="report__section">
                        <h3>{section.title()}</h3>
                        {items.into_iter().map(|item| view! { <ReportEntry item/> }).collect_view()}
                    </section>
                }
            })
            .collect_view()
    };
    let download = move |_| {
        let sections = chosen();
        if sections.is_empty() {
            message.set(Some("Pick at least one entry first.".into()));
            return;
        }
        let text = report_markdown(&local_day(&today()), &sections);
        let file = format!("trust-steps-report-{}.md", file_date());
        message.set(
            download_text(&file, "text/markdown", &text).err().map(|e| format!("The download did not start: {e}")),
        );
    };
    let print = |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    view! {
        <h1 class="no-print">"Report for therapy"</h1>
        <div class="no-print">
            <p>"Pick the entries you want to talk about, such as your notes from “Preparing for therapy”. They appear below as a tidy report you can print or save as a PDF (choose “Save as PDF” in the print window), or download as a plain text file. Nothing is sent anywhere."</p>
            {pickers}
            <div class="button-row">
                <button type="button" class="button button--primary" on:click=print>"Print or save as PDF"</button>
                <button type="button" class="button button--secondary" on:click=download>"Download as Markdown"</button>
            </div>
            <FieldError message=move || message.get()/>
            <p><a href="/settings#readable">"Back to Settings"</a></p>
        </div>
        <article class="report" aria-labelledby="report-heading">
            <h2 id="report-heading">"Notes to bring to my session"</h2>
            <p class="report__date">{format!("Prepared on {}.", local_day(&today()))}</p>
            <Show
                when=move || picked.with(|p| !p.is_empty())
                fallback=|| view! { <p class="hint no-print">"Nothing picked yet."</p> }
            >
                {report}
            </Show>
        </article>
    }
}

/// One entry in the report.
#[component]
fn ReportEntry(item: ReportItem) -> impl IntoView {
    view! {
        <div class="report__item">
            <h4>{format!("{} — {}", local_day(&item.day), item.title)}</h4>
            {item
                .parts
                .into_iter()
                .map(|(label, part)| match part {
                    Part::Text(text) => view! { <p class="report__text"><strong>{format!("{label}: ")}</strong>{text}</p> }.into_any(),
                    Part::List(lines) => view! {
                        <p class="report__label"><strong>{format!("{label}:")}</strong></p>
                        <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                    }
                    .into_any(),
                })
                .collect_view()}
        </div>
    }
}
