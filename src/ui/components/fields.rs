//! Form fields used everywhere: labelled text areas and text inputs with hints, the 0–100 slider, a group of
//! radio buttons, and a form's error message.

use leptos::prelude::*;

/// The hint paragraph under a field's label and the id that links it (`aria-describedby`); an empty hint is
/// no hint (worksheet definitions use "" for none).
fn field_hint(id: &str, hint: Option<&'static str>) -> (Option<impl IntoView>, Option<String>) {
    let hint = hint.filter(|h| !h.is_empty());
    let hint_id = format!("{id}-hint");
    let described_by = hint.map(|_| hint_id.clone());
    (hint.map(|h| view! { <p class="field__hint" id=hint_id>{h}</p> }), described_by)
}

/// A labelled text area. `on_input` gets every change, so callers can autosave as the user types.
#[component]
pub fn TextArea(
    /// Unique id (links the label).
    #[prop(into)]
    id: String,
    /// The visible label.
    label: &'static str,
    /// A short hint under the label.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// The current text.
    #[prop(into)]
    value: Signal<String>,
    /// Called with the new text on every input.
    on_input: impl Fn(String) + 'static,
    /// Visible rows.
    #[prop(default = 4)]
    rows: u32,
) -> impl IntoView {
    let (hint, described_by) = field_hint(&id, hint);
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            {hint}
            <textarea
                id=id
                rows=rows
                aria-describedby=described_by
                prop:value=move || value.get()
                on:input=move |ev| on_input(event_target_value(&ev))
            ></textarea>
        </div>
    }
}

/// A labelled one-line text input.
#[component]
pub fn TextInput(
    /// Unique id (links the label).
    #[prop(into)]
    id: String,
    /// The visible label.
    label: &'static str,
    /// A short hint under the label.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// The current text.
    #[prop(into)]
    value: Signal<String>,
    /// Called with the new text on every input.
    on_input: impl Fn(String) + 'static,
    /// Input type (`text`, `date`, `search`).
    #[prop(default = "text")]
    kind: &'static str,
    /// Extra classes for the field's box (it always has `field`).
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    let (hint, described_by) = field_hint(&id, hint);
    let class = if class.is_empty() { "field".to_owned() } else { format!("field {class}") };
    view! {
        <div class=class>
            <label for=id.clone()>{label}</label>
            {hint}
            <input
                id=id
                type=kind
                aria-describedby=described_by
                prop:value=move || value.get()
                on:input=move |ev| on_input(event_target_value(&ev))
            />
        </div>
    }
}

/// A labelled password field.
#[component]
pub fn PasswordInput(
    /// Unique id (links the label).
    id: &'static str,
    /// The visible label.
    label: &'static str,
    /// What is typed.
    value: RwSignal<String>,
    /// The browser's hint for filling it in (`current-password`, `new-password`, `off`).
    autocomplete: &'static str,
    /// Whether it takes the focus when shown.
    #[prop(optional)]
    autofocus: bool,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input
                id=id
                type="password"
                autocomplete=autocomplete
                autofocus=autofocus
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </div>
    }
}

/// A slider from 0 to `max` (0–100 unless told otherwise) with the number shown beside it.
#[component]
pub fn Scale(
    /// Unique id (links the label).
    #[prop(into)]
    id: String,
    /// The visible label.
    #[prop(into)]
    label: String,
    /// The current value.
    #[prop(into)]
    value: Signal<u8>,
    /// Called with the new value.
    on_change: impl Fn(u8) + 'static,
    /// The highest value.
    #[prop(default = 100)]
    max: u8,
    /// The step between values.
    #[prop(default = 5)]
    step: u8,
) -> impl IntoView {
    let output_id = format!("{id}-value");
    view! {
        <div class="scale">
            <label for=id.clone()>{label}</label>
            <div class="scale__row">
                <input
                    id=id
                    type="range"
                    min="0"
                    max=max.to_string()
                    step=step.to_string()
                    aria-describedby=output_id.clone()
                    prop:value=move || value.get().to_string()
                    on:input=move |ev| on_change(event_target_value(&ev).parse::<u8>().unwrap_or(0).min(max))
                />
                <output id=output_id class="scale__value">{move || value.get()}</output>
            </div>
        </div>
    }
}

/// One choice of a `choice-group`: a radio button or a checkbox with its words beside it.
#[component]
pub fn Choice<L, C>(
    /// `radio` or `checkbox`.
    kind: &'static str,
    /// The input's id, where something focuses it.
    #[prop(optional)]
    id: Option<&'static str>,
    /// The radio group's name (radio buttons only).
    #[prop(optional, into)]
    name: Option<String>,
    /// The `value` attribute, where the choice has one.
    #[prop(optional)]
    value: Option<&'static str>,
    /// Whether it is checked (read reactively).
    checked: C,
    /// Called with the new checked state when the user changes it.
    on_change: impl Fn(bool) + 'static,
    /// Its words (text, or a view).
    label: L,
) -> impl IntoView
where
    L: IntoView + 'static,
    C: Fn() -> bool + Send + Sync + 'static,
{
    view! {
        <label class="choice">
            <input
                type=kind
                id=id
                name=name
                value=value
                prop:checked=checked
                on:change=move |ev| on_change(event_target_checked(&ev))
            />
            <span>{label}</span>
        </label>
    }
}

/// A fieldset of radio buttons choosing one of `options` (value and label) into `value`: the one way every form
/// writes a radio group.
#[component]
pub fn RadioGroup<T, L>(
    /// The group's `name` (unique on the page; forms that can be open twice put their id prefix in it).
    #[prop(into)]
    name: String,
    /// The legend.
    legend: &'static str,
    /// The choices, in order: value and label (text, or a view).
    options: Vec<(T, L)>,
    /// The chosen value.
    value: RwSignal<T>,
    /// Extra classes for the fieldset (it always has `choice-group`).
    #[prop(default = "")]
    class: &'static str,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
    L: IntoView + 'static,
{
    view! {
        <ChoiceGroup legend class>
            {options
                .into_iter()
                .map(|(choice, label)| {
                    view! {
                        <Choice
                            kind="radio"
                            name=name.clone()
                            checked=move || value.get() == choice
                            on_change=move |_| value.set(choice)
                            label
                        />
                    }
                })
                .collect_view()}
        </ChoiceGroup>
    }
}

/// A fieldset of choices (radio buttons or checkboxes) under its legend.
#[component]
pub fn ChoiceGroup(
    /// The legend.
    legend: &'static str,
    /// Extra classes for the fieldset (it always has `choice-group`).
    #[prop(default = "")]
    class: &'static str,
    children: Children,
) -> impl IntoView {
    let class = if class.is_empty() { "choice-group".to_owned() } else { format!("choice-group {class}") };
    view! {
        <fieldset class=class>
            <legend>{legend}</legend>
            {children()}
        </fieldset>
    }
}

/// A form's error message (`field-error`) while `message` holds one, announced as it appears: the one way a form
/// says what stops it.
#[component]
pub fn FieldError<M, F>(
    /// The message, or `None` while there is nothing to say (read reactively).
    message: F,
    /// The `data-testid` a test finds the message by, if any.
    #[prop(optional)]
    test_id: Option<&'static str>,
    /// Whether it is announced (`role="alert"`); a message inside a region that announces itself says no.
    #[prop(default = true)]
    alert: bool,
) -> impl IntoView
where
    M: IntoView + 'static,
    F: Fn() -> Option<M> + Send + Sync + 'static,
{
    move || {
        message().map(|m| view! { <p class="field-error" role=alert.then_some("alert") data-testid=test_id>{m}</p> })
    }
}

/// The submit handler of a form that adds one thing from the words typed into `text` (a belief, a promise, a
/// ladder step): with only spaces typed it puts `empty` in `error` and saves nothing; otherwise it clears the
/// error and calls `save` with the words, then empties the field if `save` returns true (false keeps the words,
/// so nothing typed is lost when a save fails).
pub fn add_from_text(
    text: RwSignal<String>,
    error: RwSignal<Option<&'static str>>,
    empty: &'static str,
    save: impl Fn(String) -> bool + Copy + Send + Sync + 'static,
) -> impl Fn(leptos::ev::SubmitEvent) + Copy + Send + Sync + 'static {
    move |ev| {
        ev.prevent_default();
        let words = text.get_untracked();
        if words.trim().is_empty() {
            error.set(Some(empty));
            return;
        }
        error.set(None);
        if save(words) {
            text.set(String::new());
        }
    }
}

/// An `on_input` that keeps what is typed in `text` and clears the form's `error`: typing is fixing the problem.
pub fn typing_clears<E: Send + Sync + 'static>(
    text: RwSignal<String>,
    error: RwSignal<Option<E>>,
) -> impl Fn(String) + Copy + Send + Sync + 'static {
    move |t| {
        text.set(t);
        error.set(None);
    }
}
