//! A button that shows and hides a part of the page, drawing that part only while it is open.

use leptos::prelude::*;

/// "Show more detail" pattern: a quiet toggle button (with `aria-expanded`) and its content, which is only
/// built while open — a closed form or a long table then costs a page nothing on its first frame.
#[component]
pub fn Disclosure(
    /// The button's text.
    label: &'static str,
    /// The content shown while open.
    children: ChildrenFn,
    /// Open or closed, when the caller needs to set it (for example open when there is a draft inside);
    /// otherwise it starts closed and only the button changes it.
    #[prop(optional)]
    open: Option<RwSignal<bool>>,
) -> impl IntoView {
    let open = open.unwrap_or_else(|| RwSignal::new(false));
    view! {
        <button
            type="button"
            class="button button--quiet"
            aria-expanded=move || open.get().to_string()
            on:click=move |_| open.update(|o| *o = !*o)
        >
            {label}
        </button>
        <Show when=move || open.get()>{children()}</Show>
    }
}

/// A button that opens and closes a part of the page drawn elsewhere (the element with id `controls`), for
/// when the part is not right after it, as [`Disclosure`]'s is: "Filter", "Edit ladder", "Show archived".
#[component]
pub fn ToggleButton(
    /// Open or closed; the caller draws the part it controls from it.
    open: RwSignal<bool>,
    /// The id of the part it opens and closes.
    controls: &'static str,
    /// The button's classes.
    class: &'static str,
    /// The button's content (may change with `open`).
    children: Children,
) -> impl IntoView {
    view! {
        <button
            type="button"
            class=class
            aria-expanded=move || open.get().to_string()
            aria-controls=controls
            on:click=move |_| open.update(|o| *o = !*o)
        >
            {children()}
        </button>
    }
}
