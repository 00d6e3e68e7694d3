//! Help lines as big tappable links (`tel:` to call, `sms:` to text), the user's country first, and the picker
//! that chooses that country (stored in the sealed preferences through the one save path; on the lock screen,
//! where nothing can be read or saved, kept on that screen only: see [`UnsavedCountry`]).
//!
//! Embed a list anywhere someone may need help now: `<HelplineList kind=LineKind::DomesticAbuse/>`.

use crate::domain::helplines::{
    area_for, country_by_code, country_from_languages, emergency_for, lines_best_first, own_lines, Country, Helpline,
    LineKind, COUNTRIES, OTHER_COUNTRY,
};
use crate::state::AppState;
use crate::ui::components::disclosure::Disclosure;
use leptos::prelude::*;

/// The id of Help's country picker, for links that say "choose your country".
pub const HELP_PICKER_ID: &str = "help-country";

/// Provided instead of [`AppState`] by a screen drawn while the app is locked: the country chosen there, held in
/// memory for that screen only and never saved (the saved choice is sealed and cannot be read while locked).
#[derive(Clone, Copy)]
pub struct UnsavedCountry(pub RwSignal<Option<String>>);

/// Where the country comes from and goes to: the app's preferences, or a locked screen's own choice.
#[derive(Clone, Copy)]
enum CountrySource {
    Saved(AppState),
    Unsaved(RwSignal<Option<String>>),
}

fn country_source() -> CountrySource {
    match use_context::<AppState>() {
        Some(state) => CountrySource::Saved(state),
        None => CountrySource::Unsaved(use_context::<UnsavedCountry>().map_or_else(|| RwSignal::new(None), |c| c.0)),
    }
}

/// The chosen country's code (or `None`), read reactively from the preferences (or the locked screen's choice).
fn chosen_country() -> Signal<Option<String>> {
    match country_source() {
        CountrySource::Saved(state) => {
            Signal::derive(move || state.preferences.with(|p| p.country().map(str::to_owned)))
        }
        CountrySource::Unsaved(chosen) => {
            Signal::derive(move || chosen.get().filter(|c| !c.trim().is_empty()).map(|c| c.trim().to_owned()))
        }
    }
}

/// The country the browser's languages point to (`navigator.languages`), which orders the lines while none is
/// chosen. Read on this device, never stored, and never used for the emergency number: a guess can be wrong.
fn browser_country() -> Option<&'static Country> {
    let languages = web_sys::window()?.navigator().languages();
    let tags: Vec<String> = languages.iter().filter_map(|tag| tag.as_string()).collect();
    country_from_languages(&tags).and_then(country_by_code)
}

/// The lines of one kind with their `tel:`/`sms:` links, best first for the user's stored country.
///
/// With a country chosen, only its own lines (or, when it has none of this kind, the findahelpline.com
/// directory) are open; the other countries' lines are one tap away under "Lines in other countries". With no
/// country chosen, every line is shown, those of the country the browser's language points to first. Outside
/// Help, a crisis or domestic-abuse list starts with the local emergency number and ends with a link to choose
/// the country.
#[component]
pub fn HelplineList(
    /// Which lines to show.
    kind: LineKind,
    /// Set on Help itself, which shows the emergency number and the country picker on its own.
    #[prop(optional)]
    on_help_page: bool,
    /// Leaves out the "In danger right now?" lead (when the page shows it already, above this list).
    #[prop(optional)]
    no_emergency_lead: bool,
    /// Leaves out the "Choose your country on Help" line (when a country picker is on the page already).
    #[prop(optional)]
    no_country_note: bool,
) -> impl IntoView {
    let country = chosen_country();
    let guess = browser_country();
    let lists = Memo::new(move |_| {
        let country = country.get();
        let all = lines_best_first(country.as_deref(), guess.map(|c| c.code), kind);
        let Some(code) = country else { return (all, Vec::new()) };
        // Open: the country's own lines, or the directory when it has none; the rest behind a disclosure.
        let open = own_lines(Some(&code), kind).len().max(1);
        let (first, rest) = all.split_at(open.min(all.len()));
        (first.to_vec(), rest.to_vec())
    });
    let emergency_lead =
        (kind != LineKind::Emergency && !on_help_page && !no_emergency_lead).then(|| view! { <EmergencyLead/> });
    let country_note = (!on_help_page && !no_country_note).then(|| {
        view! {
            <p class="helplines__country">
                {move || match (country.get().map(|code| country_by_code(&code)), guess) {
                    (Some(Some(c)), _) => format!("Your country: {}. ", c.name),
                    (None, Some(c)) => {
                        format!("Lines for {} come first, going by your browser's language. ", c.name_in_sentence())
                    }
                    // None chosen and no guess, or "Another country".
                    _ => "Your own country's lines can come first. ".to_owned(),
                }}
                <a href=format!("/help#{HELP_PICKER_ID}")>
                    {move || if country.with(Option::is_some) { "Change it on Help" } else { "Choose your country on Help" }}
                </a>
            </p>
        }
    });
    view! {
        <div class="helplines" data-kind=kind.as_str()>
            {emergency_lead}
            <ul class="helpline-list">{move || lists.get().0.into_iter().map(|line| view! { <HelplineItem line/> }).collect_view()}</ul>
            {move || {
                let rest = lists.get().1;
                (!rest.is_empty())
                    .then(|| {
                        view! {
                            <Disclosure label="Lines in other countries">
                                <ul class="helpline-list helpline-list--others">
                                    {rest.iter().map(|line| view! { <HelplineItem line=*line/> }).collect_view()}
                                </ul>
                            </Disclosure>
                        }
                    })
            }}
            {country_note}
        </div>
    }
}

/// The two lines someone who may be in danger needs first, short enough for the top of a screen: the emergency
/// number, then the best domestic-abuse line for the chosen (or guessed) country (the first of [`lines_best_first`]).
#[component]
pub fn UrgentLines() -> impl IntoView {
    let country = chosen_country();
    let guess = browser_country().map(|c| c.code);
    let first = Memo::new(move |_| {
        lines_best_first(country.get().as_deref(), guess, LineKind::DomesticAbuse).into_iter().next()
    });
    view! {
        <div class="helplines helplines--urgent" data-kind=LineKind::DomesticAbuse.as_str()>
            <EmergencyLead/>
            <ul class="helpline-list">{move || first.get().map(|line| view! { <HelplineItem line/> })}</ul>
        </div>
    }
}

/// "In danger right now?" with the chosen country's emergency number as a link, or in words when unknown.
#[component]
fn EmergencyLead() -> impl IntoView {
    let country = chosen_country();
    view! {
        <p class="helplines__emergency">
            {move || match emergency_for(country.get().as_deref()) {
                Some(line) => {
                    let number = line.call.unwrap_or_default();
                    view! {
                        "In danger right now? "
                        <a class="button button--primary helpline__call" href=line.tel()>
                            {format!("Call {number}")}
                        </a>
                    }
                        .into_any()
                }
                None => "In danger right now? Call your local emergency number.".into_any(),
            }}
        </p>
    }
}

/// One line: its name and area (named for the user's country when it answers there), what it is for, its
/// call and text links and its hours.
#[component]
fn HelplineItem(line: &'static Helpline) -> impl IntoView {
    let country = chosen_country();
    let area = move || area_for(line, country.get().as_deref());
    let call = line.call.zip(line.tel()).map(|(number, href)| {
        view! {
            <a class="button button--primary helpline__call" href=href>
                {format!("Call {number}")}
            </a>
        }
    });
    let text = line.text.zip(line.sms()).map(|(text, href)| {
        let label = match text.body {
            Some(body) => format!("Text {body} to {}", text.number),
            None => format!("Text {}", text.number),
        };
        view! {
            <a class="button button--secondary helpline__text" href=href>
                {label}
            </a>
        }
    });
    let actions = (call.is_some() || text.is_some()).then(|| view! { <p class="helpline__actions">{call}{text}</p> });
    if line.kind == LineKind::Emergency {
        // One short row per number: the button, then where it answers.
        return view! {
            <li class="helpline helpline--emergency" data-line=line.id>
                {actions}
                <p class="helpline__name">
                    <strong>{move || if line.is_directory() { line.name.to_owned() } else { area() }}</strong>
                    <span class="helpline__area">{line.purpose}</span>
                </p>
            </li>
        }
        .into_any();
    }
    view! {
        <li class="helpline" data-line=line.id>
            <p class="helpline__name">
                <strong>{line.name}</strong>
                <span class="helpline__area">{area}</span>
            </p>
            <p class="helpline__purpose">{line.purpose}</p>
            {actions}
            {line.hours.map(|h| view! { <p class="helpline__hours">{h}</p> })}
        </li>
    }
    .into_any()
}

/// The "Show lines for" select: every country the table knows, and "Another country". A choice is saved at once.
#[component]
pub fn CountryPicker(
    /// The select's id (unique on the page; Help uses [`HELP_PICKER_ID`]).
    id: &'static str,
    /// The label's text.
    #[prop(default = "Show lines for")]
    label: &'static str,
) -> impl IntoView {
    let source = country_source();
    let country = chosen_country();
    let guess = browser_country();
    // A code this version does not know (written by a newer one) shows as "Another country".
    let shown = move || match country.get() {
        None => String::new(),
        Some(code) => country_by_code(&code).map_or_else(|| OTHER_COUNTRY.to_owned(), |c| c.code.to_owned()),
    };
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field country-picker">
            <label for=id>{label}</label>
            <p class="field__hint" id=hint_id.clone()>
                {match source {
                    CountrySource::Saved(_) => "Lines for this country come first. The choice stays on this device.",
                    CountrySource::Unsaved(_) => "Lines for this country come first. Nothing is saved while Trust Steps is locked.",
                }}
                {move || {
                    guess
                        .filter(|_| country.with(Option::is_none))
                        .map(|c| {
                            format!(
                                " Until you choose, lines for {} come first, going by your browser's language.",
                                c.name_in_sentence(),
                            )
                        })
                }}
            </p>
            <select
                id=id
                aria-describedby=hint_id
                prop:value=shown
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    match source {
                        CountrySource::Saved(state) => {
                            state
                                .change(
                                    state.preferences,
                                    |p| p.set_country(Some(value.as_str())),
                                )
                        }
                        CountrySource::Unsaved(chosen) => chosen.set(Some(value)),
                    }
                }
            >
                <option value="" selected=move || shown().is_empty()>"Choose a country"</option>
                {COUNTRIES
                    .iter()
                    .map(|c| {
                        let code = c.code;
                        view! { <option value=code selected=move || shown() == code>{c.name}</option> }
                    })
                    .collect_view()}
                <option value=OTHER_COUNTRY selected=move || shown() == OTHER_COUNTRY>"Another country"</option>
            </select>
        </div>
    }
}
