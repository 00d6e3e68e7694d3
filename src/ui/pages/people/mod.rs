//! People: the trust map (`/people`) and one person's page (`/people/:id`) with their trust profile, evidence log
//! and disclosure ladder.

mod evidence;
mod ladder;
mod list;
mod person;

pub use list::People;
pub use person::PersonPage;

use crate::domain::people::{clean_emoji_marker, is_colour_marker, Marker, NameProblem, Relationship, MARKER_COLOURS};
use crate::ui::components::fields::{typing_clears, FieldError, TextInput};
use leptos::prelude::*;

/// A person's marker: a coloured dot (with its name for screen readers) or the emoji as text; nothing when empty.
#[component]
pub fn PersonMarker(
    /// The stored marker: empty, a colour slug, or an emoji.
    #[prop(into)]
    marker: String,
) -> impl IntoView {
    match Marker::of(&marker) {
        Marker::None => ().into_any(),
        Marker::Colour { slug, name } => view! {
            <span class=format!("person-marker person-marker--dot person-marker--{slug}")>
                <span class="visually-hidden">{format!("{name} marker")}</span>
            </span>
        }
        .into_any(),
        Marker::Emoji(text) => {
            view! { <span class="person-marker person-marker--emoji user-text">{text.to_owned()}</span> }.into_any()
        }
    }
}

/// The relationship `<select>` with its label.
#[component]
pub fn RelationshipSelect(
    /// Unique id (links the label).
    #[prop(into)]
    id: String,
    /// The chosen relationship.
    value: RwSignal<Relationship>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id.clone()>"Who they are to you"</label>
            <select
                id=id
                on:change=move |ev| {
                    let chosen = event_target_value(&ev);
                    if let Some(r) = Relationship::ALL.into_iter().find(|r| r.label() == chosen) {
                        value.set(r);
                    }
                }
            >
                {Relationship::ALL
                    .into_iter()
                    .map(|r| view! { <option value=r.label() selected=move || value.get() == r>{r.label()}</option> })
                    .collect_view()}
            </select>
        </div>
    }
}

/// Choosing a marker: no marker, one of the colours, or an emoji typed in. The colours are swatches, each a real
/// radio input underneath (arrow keys move between them, focus shows on the swatch) with its name written under it.
#[component]
pub fn MarkerPicker(
    /// Prefix for the ids inside (links labels).
    #[prop(into)]
    id: String,
    /// The chosen marker (`""`, a colour slug, or an emoji).
    value: RwSignal<String>,
) -> impl IntoView {
    let group = format!("{id}-colour");
    let emoji_id = format!("{id}-emoji");
    view! {
        <fieldset class="chips-field marker-picker">
            <legend>"Marker (optional)"</legend>
            <div class="swatches">
                <label class="swatch">
                    <input
                        type="radio"
                        class="swatch__input"
                        name=group.clone()
                        value=""
                        prop:checked=move || value.with(String::is_empty)
                        on:change=move |_| value.set(String::new())
                    />
                    <span class="swatch__dot swatch__dot--none" aria-hidden="true"></span>
                    <span class="swatch__name">"None"</span>
                </label>
                {MARKER_COLOURS
                    .iter()
                    .map(|(slug, name)| {
                        let slug = *slug;
                        view! {
                            <label class="swatch">
                                <input
                                    type="radio"
                                    class="swatch__input"
                                    name=group.clone()
                                    value=slug
                                    prop:checked=move || value.with(|m| m == slug)
                                    on:change=move |_| value.set(slug.to_owned())
                                />
                                <span class=format!("swatch__dot person-marker--{slug}") aria-hidden="true"></span>
                                <span class="swatch__name">{*name}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
            <div class="field marker-picker__emoji">
                <label for=emoji_id.clone()>"Or an emoji"</label>
                <input
                    id=emoji_id
                    type="text"
                    autocomplete="off"
                    prop:value=move || value.with(|m| if is_colour_marker(m) { String::new() } else { m.clone() })
                    on:input=move |ev| value.set(clean_emoji_marker(&event_target_value(&ev)))
                />
            </div>
        </fieldset>
    }
}

/// The fields of a person (name with its problem message, relationship, marker), shared by the add and edit
/// forms; `id_prefix` keeps the ids of the two forms apart.
#[component]
pub fn PersonFields(
    /// Prefix for the field ids.
    id_prefix: &'static str,
    /// The name or nickname.
    name: RwSignal<String>,
    /// What is wrong with the name, if anything (cleared as the user types).
    problem: RwSignal<Option<NameProblem>>,
    /// The relationship.
    relationship: RwSignal<Relationship>,
    /// The colour or emoji marker.
    marker: RwSignal<String>,
) -> impl IntoView {
    view! {
        <TextInput
            id=format!("{id_prefix}-name")
            label="Name or nickname"
            value=Signal::derive(move || name.get())
            on_input=typing_clears(name, problem)
        />
        <FieldError message=move || problem.get().map(|p| p.message())/>
        <RelationshipSelect id=format!("{id_prefix}-relationship") value=relationship/>
        <MarkerPicker id=format!("{id_prefix}-marker") value=marker/>
    }
}
