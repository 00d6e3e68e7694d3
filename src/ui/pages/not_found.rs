//! The 404 page.

use crate::state::set_title;
use leptos::prelude::*;

/// Shown for any path that is not a page of the app.
#[component]
pub fn NotFound() -> impl IntoView {
    set_title("Page not found");
    view! {
        <h1>"This page does not exist"</h1>
        <p>"The link may be old or mistyped. Nothing you saved is affected."</p>
        <p><a class="button button--primary" href="/">"Go to Today"</a></p>
    }
}
