//! Settings › A readable copy: Markdown of chosen sections and dates, and the way to the therapy report.

use super::SettingsSection;
use crate::domain::readable_copy::{markdown, section_items, ReportItem, Section};
use crate::state::{today, AppState};
use crate::ui::components::fields::{Choice, ChoiceGroup, FieldError, TextInput};
use crate::ui::dom::{download_text, file_date};
use leptos::prelude::*;

/// Every chosen section's items in `[from, to]`, from what the app holds now.
pub fn gather(state: AppState, sections: &[Section], from: &str, to: &str) -> Vec<(Section, Vec<ReportItem>)> {
    let (from, to) = (Some(from).filter(|f| !f.is_empty()), Some(to).filter(|t| !t.is_empty()));
    state.with_user_data_untracked(|data| sections.iter().map(|s| (*s, section_items(*s, *data, from, to))).collect())
}

/// The readable-copy section.
#[component]
pub fn ReadableSection() -> impl IntoView {
    let state = AppState::get();
    let lock_on = super::backup::LockShown::signal();
    let chosen = RwSignal::new(Section::ALL.to_vec());
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let download = move |_| {
        let sections = chosen.get_untracked();
        if sections.is_empty() {
            message.set(Some("Choose at least one part to include.".into()));
            return;
        }
        let (from, to) = (from.get_untracked(), to.get_untracked());
        if !from.is_empty() && !to.is_empty() && from > to {
            message.set(Some("The start date is after the end date.".into()));
            return;
        }
        let text = markdown(&today(), Some(&from), Some(&to), &gather(state, &sections, &from, &to));
        let file = format!("trust-steps-entries-{}.md", file_date());
        message.set(
            download_text(&file, "text/markdown", &text).err().map(|e| format!("The download did not start: {e}")),
        );
    };
    view! {
        <SettingsSection id="readable" heading_id="readable-heading" heading="A readable copy">
            <p>"Download your entries as a plain text file (Markdown) to read, print or keep. For a session with a therapist, "<a href="/settings/report">"make a report to bring to therapy"</a>" with just the entries you choose."</p>
            <Show when=move || lock_on.get()>
                <p class="hint" data-testid="readable-not-encrypted">"This copy is plain text even while the lock is on: anyone who has the file can read what it holds. For a copy that stays encrypted, download a backup instead."</p>
            </Show>
            <ChoiceGroup legend="Include">
                {Section::ALL
                    .into_iter()
                    .map(|section| {
                        view! {
                            <Choice
                                kind="checkbox"
                                checked=move || chosen.with(|c| c.contains(&section))
                                on_change=move |on| {
                                    chosen.update(|c| {
                                        c.retain(|s| *s != section);
                                        if on {
                                            c.push(section);
                                            c.sort();
                                        }
                                    });
                                }
                                label=section.title()
                            />
                        }
                    })
                    .collect_view()}
            </ChoiceGroup>
            <div class="date-range">
                <TextInput id="readable-from" label="From (optional)" kind="date" value=from on_input=move |v| from.set(v)/>
                <TextInput id="readable-to" label="To (optional)" kind="date" value=to on_input=move |v| to.set(v)/>
            </div>
            <button type="button" class="button button--secondary" on:click=download>
                "Download as Markdown"
            </button>
            <FieldError message=move || message.get()/>
        </SettingsSection>
    }
}
