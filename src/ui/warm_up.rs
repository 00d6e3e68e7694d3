//! Drawing the heaviest pages once, off-screen, before the user first opens them.
//!
//! Chromium compiles each wasm function the first time it is called, on the main thread. The first open of the
//! People list spent 11–15 ms of its click task compiling (about 570 functions), the first open of a profile
//! about 10 ms more: over a frame, where every later open fits in one. So once the app is on screen and the
//! browser is idle, [`WarmUp`] draws each page it is given into an element that is never attached to the
//! document, lets it draw what it leaves for after its first paint, and throws it away. The pages read made-up
//! data from a state of their own (see [`crate::state::AppState::off_screen`]): never the user's, and nothing is
//! saved, since a page saves only when the user acts on it and nobody can act on a page that is not shown.

use crate::ui::platform::{perf_mark, when_idle};
use crate::ui::start_up;
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// A page to draw off-screen: its name (for the marks) and a function that provides its own made-up state (as
/// context) and returns its view.
pub type OffScreenPage = (&'static str, fn() -> AnyView);

/// Draws `pages` off-screen, one per idle moment, once the app is on screen. Put it inside the router: the
/// pages use its context. Marks `ts-warm-up-start:<name>` as it starts drawing a page and `ts-warm-up:<name>` once
/// the page is dropped (the tests and `make bench` read them).
#[component]
pub fn WarmUp(
    /// The pages, in the order they are drawn.
    pages: &'static [OffScreenPage],
) -> impl IntoView {
    let owner = Owner::current();
    Effect::new(move |scheduled: Option<bool>| {
        if scheduled == Some(true) || !start_up::started() {
            return scheduled.unwrap_or(false);
        }
        if let Some(owner) = owner.clone() {
            when_idle(move || draw_in_turn(owner, pages));
        }
        true
    });
}

/// Draws the first of `pages`, keeps it until the task after the next frame (when pages draw what they leave
/// for after the first paint), drops it, and goes on with the rest at the next idle moment.
fn draw_in_turn(owner: Owner, pages: &'static [OffScreenPage]) {
    let Some(((name, page), rest)) = pages.split_first() else { return };
    let Some(container) = detached_element() else { return };
    perf_mark(&format!("ts-warm-up-start:{name}"));
    let drawn = owner.with(|| leptos::mount::mount_to(container, *page));
    request_animation_frame(move || {
        set_timeout(
            move || {
                drop(drawn);
                perf_mark(&format!("ts-warm-up:{name}"));
                when_idle(move || draw_in_turn(owner, rest));
            },
            Duration::ZERO,
        )
    });
}

/// A `<div>` that is not in the document.
fn detached_element() -> Option<web_sys::HtmlElement> {
    let document = web_sys::window()?.document()?;
    document.create_element("div").ok()?.dyn_into().ok()
}
