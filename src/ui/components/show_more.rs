//! "Show more" for long lists that are drawn a page at a time.

use leptos::prelude::*;

/// How many entries a long list draws at first, and adds with each "Show more".
pub const PAGE: usize = 30;

/// A "Show more" button, shown while `total` is more than `shown`; each press draws [`PAGE`] more.
#[component]
pub fn ShowMore(
    /// How many entries there are.
    #[prop(into)]
    total: Signal<usize>,
    /// How many are drawn now.
    shown: RwSignal<usize>,
) -> impl IntoView {
    view! {
        <Show when=move || { total.get() > shown.get() }>
            <button type="button" class="button button--secondary" on:click=move |_| shown.update(|n| *n += PAGE)>
                "Show more"
            </button>
        </Show>
    }
}
