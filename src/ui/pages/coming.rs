//! Sections whose tools arrive in later versions: each shows its final empty state, honestly.

use crate::state::set_title;
use leptos::prelude::*;

/// An honest empty page: the section's heading and one line on what is and is not there yet.
#[component]
fn EmptySection(title: &'static str, line: &'static str) -> impl IntoView {
    set_title(title);
    view! {
        <h1>{title}</h1>
        <p class="empty-state">{line}</p>
    }
}

/// `/progress`.
#[component]
pub fn Progress() -> impl IntoView {
    view! { <EmptySection title="Progress" line="Charts of your progress are not built yet; they will draw on what you record here."/> }
}
