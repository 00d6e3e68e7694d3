//! Starting the app in four short browser tasks instead of one long one.
//!
//! The first run of the app's code is slow: V8 compiles each wasm function when it is first called, on the main
//! thread. Done in one task (instantiate, build the shell, build the first page), a phone cannot answer a tap
//! for the whole of it. So: (1) the wasm starts and schedules the mount; (2) the shell mounts, its page left
//! empty; (3) the first page is drawn; (4) the app replaces the prerendered page (or loading line) that stayed
//! on screen meanwhile, while the app's own frame was hidden behind it (styles.css: `#prerendered ~ *`).
//! After start-up, pages are drawn at once.

use leptos::prelude::*;
use std::time::Duration;

thread_local! {
    /// Set once the app has replaced the static page (step 4).
    static STARTED: ArcRwSignal<bool> = ArcRwSignal::new(false);
}

/// Mounts `app` in a task after the wasm's start, then shows it in place of the static page in a later task
/// (after the first page, which `page_shown` defers to the task in between).
pub fn start<V: IntoView + 'static>(app: fn() -> V) {
    set_timeout(
        move || {
            leptos::mount::mount_to_body(app);
            set_timeout(finish, Duration::ZERO);
        },
        Duration::ZERO,
    );
}

/// Whether the page under the shell is drawn: at once, except in the shell's first mount at start-up, where
/// it turns true in the next task.
pub fn page_shown() -> ReadSignal<bool> {
    let started = STARTED.with(|s| s.get_untracked());
    let (shown, set_shown) = signal(started);
    if !started {
        set_timeout(
            move || {
                let _ = set_shown.try_set(true);
            },
            Duration::ZERO,
        );
    }
    shown
}

/// True once the app is on screen (tracked: reading it in an effect reruns the effect then).
pub fn started() -> bool {
    STARTED.with(|s| s.get())
}

/// Step 4: the app replaces the static page, then tells the tests and the service worker it is ready.
fn finish() {
    crate::ui::dom::remove_static_page();
    STARTED.with(|s| s.set(true));
    // The browser skips an `autofocus` control (the lock screen's passphrase) that is hidden when it looks, as
    // the app was until now (seen in 4 loads of 8).
    crate::ui::dom::focus_autofocus_control();
    crate::ui::dom::mark_ready();
}
