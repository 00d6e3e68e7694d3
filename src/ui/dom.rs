//! Small browser helpers for the UI: readiness mark, focus after navigation, file downloads, the PWA bridge.

use wasm_bindgen::{JsCast, JsValue};

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// A day (`YYYY-MM-DD`, taken as that local day) or a UTC time (ISO 8601) as a date in the user's locale and
/// time zone, e.g. "27/11/2026" or "11/27/2026". Falls back to the text as given if the browser cannot read it.
pub fn local_day(day_or_time: &str) -> String {
    let parseable = if day_or_time.len() == 10 { format!("{day_or_time}T12:00:00") } else { day_or_time.to_owned() };
    let date = js_sys::Date::new(&JsValue::from_str(&parseable));
    if date.get_time().is_nan() {
        return day_or_time.to_owned();
    }
    DAY_FORMAT
        .with(|format| format.call1(&JsValue::UNDEFINED, &date).ok().and_then(|s| s.as_string()))
        .unwrap_or_else(|| String::from(date.to_locale_date_string("default", &JsValue::UNDEFINED)))
}

thread_local! {
    /// The browser's default-locale date format (as `toLocaleDateString()` writes), made once: creating it for
    /// every date costs about 20 µs, and a page of the evidence log shows dozens of dates. The first one made in a
    /// page costs far more (17–33 ms in Chromium 156 here, loading the locale's data) unless public/warm-dates.js
    /// has loaded that data in a worker (then 0.3 ms); `mark_ready` makes it while the browser is idle in any
    /// case, rather than inside the first page that shows a date (Progress's first chart).
    static DAY_FORMAT: js_sys::Function =
        js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new()).format();
}

/// Adds a performance mark (the benchmark reads them, e.g. `ts-chart:<id>`), replacing an older one of that name.
pub fn perf_mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        performance.clear_marks_with_mark_name(name);
        let _ = performance.mark(name);
    }
}

/// Removes what index.html painted before the app started: the prerendered page (scripts/prerender.mjs) or the
/// loading shell. Called once the app's first page is drawn (see `start_up`), in one task with the app's
/// appearing, so no frame shows both.
pub fn remove_static_page() {
    let Some(document) = document() else { return };
    for id in ["prerendered", "loading-shell"] {
        if let Some(element) = document.get_element_by_id(id) {
            element.remove();
        }
    }
}

/// Marks `ts-ready` for the benchmark and the tests and tells public/early.js (the `ts:ready` event: a first
/// visit registers the service worker then); then, once the browser is idle, makes the date format (see
/// `DAY_FORMAT`).
pub fn mark_ready() {
    if let Some(window) = web_sys::window() {
        if let Some(performance) = window.performance() {
            let _ = performance.mark("ts-ready");
        }
        if let Ok(event) = web_sys::Event::new("ts:ready") {
            let _ = window.dispatch_event(&event);
        }
    }
    when_idle(|| DAY_FORMAT.with(|_| ()));
}

/// Runs `f` once, when the browser is next idle (browsers without requestIdleCallback, Safari before 18: a moment
/// later).
pub fn when_idle<F: FnOnce() + 'static>(f: F) {
    fn run<F: FnOnce()>(once: &std::cell::Cell<Option<F>>) {
        if let Some(f) = once.take() {
            f()
        }
    }
    let once = std::rc::Rc::new(std::cell::Cell::new(Some(f)));
    let idle = {
        let once = once.clone();
        move || run(&once)
    };
    if leptos::prelude::request_idle_callback_with_handle(idle).is_err() {
        leptos::prelude::set_timeout(move || run(&once), std::time::Duration::from_millis(100));
    }
}

/// Moves keyboard focus after a navigation: to the element `anchor` names, else the page's `h1`, so screen
/// readers announce the new page and keyboard users continue from it. Focusing never scrolls by itself (that
/// put the heading at the top of the screen and the header, with Help and Hide, above it): a new page opens at
/// its top, and an anchor is scrolled into view below the sticky header (styles.css: `scroll-padding-top`).
pub fn focus_target(anchor: &str) {
    let Some(document) = document() else { return };
    let by_anchor = (!anchor.is_empty()).then(|| document.get_element_by_id(anchor)).flatten();
    let to_anchor = by_anchor.is_some();
    let Some(target) = by_anchor
        .or_else(|| document.query_selector("main h1").ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    if !target.has_attribute("tabindex") {
        let _ = target.set_attribute("tabindex", "-1");
    }
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = target.focus_with_options(&options);
    if to_anchor {
        target.scroll_into_view();
    } else if let Some(window) = web_sys::window() {
        // At once, not smoothly: the router's own scroll to the top follows the page's smooth scrolling.
        let top = web_sys::ScrollToOptions::new();
        top.set_top(0.0);
        top.set_behavior(web_sys::ScrollBehavior::Instant);
        window.scroll_to_with_scroll_to_options(&top);
    }
}

/// Moves focus off the page a link click is about to replace. When the focused element (the page's heading,
/// where focus goes after each navigation, or the link just clicked) is removed with its page, the browser
/// settles focus on the spot, after the new page is already in the document: measured at 4–10 ms of a page
/// change on this machine. Blurring it first, while the old page is unchanged, costs well under a millisecond;
/// focus then moves to the new page's heading as before. Mirrors the router's checks, so a click the router
/// leaves to the browser (new tab, download, another site, the same page) keeps its focus. Listens once, for
/// the life of the app (capture phase, so it runs before the router's own click handler).
pub fn blur_before_page_change() {
    thread_local! {
        static LISTENING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    let Some(root) = document() else { return };
    if LISTENING.with(|l| l.replace(true)) {
        return;
    }
    let handler = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::MouseEvent)>::new(|ev: web_sys::MouseEvent| {
        if ev.default_prevented()
            || ev.button() != 0
            || ev.meta_key()
            || ev.alt_key()
            || ev.ctrl_key()
            || ev.shift_key()
        {
            return;
        }
        let link = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a[href]").ok().flatten())
            .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok());
        let Some(link) = link else { return };
        let Some(location) = web_sys::window().map(|w| w.location()) else { return };
        let leaves_page = link.target().is_empty()
            && !link.has_attribute("download")
            && location.origin().is_ok_and(|o| o == link.origin())
            && location.pathname().is_ok_and(|p| p != link.pathname());
        if !leaves_page {
            return;
        }
        let Some(document) = document() else { return };
        let main = document.get_element_by_id("main");
        let focused = document.active_element().filter(|a| main.as_ref().is_some_and(|m| m.contains(Some(a))));
        if let Some(focused) = focused.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = focused.blur();
        }
    });
    let _ = root.add_event_listener_with_callback_and_bool("click", handler.as_ref().unchecked_ref(), true);
    // Kept for the life of the page on purpose: the listener is never removed.
    handler.forget();
}

/// Moves keyboard focus to the control with this id (a form field or button), if it is on the page.
pub fn focus_element(id: &str) {
    let target =
        document().and_then(|d| d.get_element_by_id(id)).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(target) = target {
        let _ = target.focus();
    }
}

/// Focuses the page's `autofocus` control, if there is one, unless something already has focus.
pub fn focus_autofocus_control() {
    let Some(document) = document() else { return };
    let focus_free = document.active_element().is_none_or(|a| document.body().is_some_and(|b| *b == a));
    let control = document.query_selector("[autofocus]").ok().flatten();
    if let Some(control) = control.filter(|_| focus_free).and_then(|c| c.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = control.focus();
    }
}

/// Moves focus to the element with `id` once the current change is drawn (next animation frame): for a control
/// that replaces itself (a button that opens a confirmation), so keyboard focus is not dropped onto `<body>`.
pub fn focus_after_render(id: &'static str) {
    leptos::prelude::request_animation_frame(move || focus_element(id));
}

/// A flag for the parts of a page below its first screen: false while the page is first drawn, true in the task
/// after the next paint, so the first screen shows a frame sooner (measured on the People pages: `make bench`).
/// With `now` (e.g. the page was opened at an anchor further down, which must be there to scroll to) it starts
/// true. Setting it is skipped if the page is gone by then.
pub fn after_first_paint(now: bool) -> leptos::prelude::RwSignal<bool> {
    use leptos::prelude::*;
    let drawn = RwSignal::new(now);
    if !now {
        request_animation_frame(move || {
            set_timeout(
                move || {
                    drawn.try_set(true);
                },
                std::time::Duration::ZERO,
            )
        });
    }
    drawn
}

/// Offers `text` as a file download (a Blob URL, revoked a minute later; nothing leaves the device).
pub fn download_text(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(describe)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(describe)?;
    let anchor = document()
        .ok_or("no document")?
        .create_element("a")
        .map_err(describe)?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .map_err(|_| "not an anchor".to_owned())?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    // In the document while clicked: some browsers ignore a click on a detached link.
    let body = document().and_then(|d| d.body());
    if let Some(body) = &body {
        let _ = body.append_child(&anchor);
    }
    anchor.click();
    if body.is_some() {
        anchor.remove();
    }
    // Revoked a minute later, not at once: some browsers cancel a download whose address is revoked before
    // they have started reading it. The blob holds only this file's text and is freed then.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        DOWNLOAD_URL_LIFETIME,
    );
    Ok(())
}

/// How long a download's object URL stays valid after the click (see [`download_text`]).
pub const DOWNLOAD_URL_LIFETIME: std::time::Duration = std::time::Duration::from_secs(60);

fn describe(error: JsValue) -> String {
    error.as_string().unwrap_or_else(|| format!("{error:?}"))
}

/// Reads a boolean flag of `window.tsPwa` (set by `early.js`): `updateReady` or `canInstall`.
pub fn pwa_flag(name: &str) -> bool {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &JsValue::from_str("tsPwa")).ok())
        .filter(|pwa| pwa.is_object())
        .and_then(|pwa| js_sys::Reflect::get(&pwa, &JsValue::from_str(name)).ok())
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// Calls a method of `window.tsPwa`: `applyUpdate` or `install`.
pub fn pwa_call(method: &str) {
    let Some(pwa) = web_sys::window().and_then(|w| js_sys::Reflect::get(&w, &JsValue::from_str("tsPwa")).ok()) else {
        return;
    };
    if let Ok(function) =
        js_sys::Reflect::get(&pwa, &JsValue::from_str(method)).and_then(|f| f.dyn_into::<js_sys::Function>())
    {
        let _ = function.call0(&pwa);
    }
}

/// Copies `text` to the clipboard; resolves to whether the browser allowed it (it may not: no clipboard API,
/// or permission refused), so the caller can show a fallback.
pub async fn copy_text(text: &str) -> bool {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else { return false };
    // `navigator.clipboard` is missing outside secure contexts; calling into it then would throw.
    let available = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard")).is_ok_and(|c| c.is_object());
    if !available {
        return false;
    }
    wasm_bindgen_futures::JsFuture::from(navigator.clipboard().write_text(text)).await.is_ok()
}

/// Focuses the text area `id` and selects its text, ready for the user to copy it.
pub fn select_text(id: &str) {
    if let Some(area) =
        document().and_then(|d| d.get_element_by_id(id)).and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    {
        let _ = area.focus();
        area.select();
    }
}

/// Reads a file the user picked or dropped, whole. The caller checks its size first.
pub async fn read_file(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await.map_err(describe)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Today's local date for file names, `YYYY-MM-DD`.
pub fn file_date() -> String {
    crate::state::today()
}

/// Deletes every Cache Storage cache of this origin (the offline copy of the app) and unregisters the
/// service worker. Returns how many caches remain afterwards (0 unless the browser refused).
pub async fn erase_caches_and_worker() -> Result<u32, String> {
    use wasm_bindgen_futures::JsFuture;
    let window = web_sys::window().ok_or("no window")?;
    if let Ok(container) = js_sys::Reflect::get(&window.navigator(), &JsValue::from_str("serviceWorker")) {
        if !container.is_undefined() {
            let container: web_sys::ServiceWorkerContainer = container.unchecked_into();
            let registrations = JsFuture::from(container.get_registrations()).await.map_err(describe)?;
            for registration in js_sys::Array::from(&registrations).iter() {
                let registration: web_sys::ServiceWorkerRegistration = registration.unchecked_into();
                if let Ok(promise) = registration.unregister() {
                    let _ = JsFuture::from(promise).await;
                }
            }
        }
    }
    // Cache Storage exists only in secure contexts (https or localhost).
    let Ok(caches) = window.caches() else { return Ok(0) };
    let names = JsFuture::from(caches.keys()).await.map_err(describe)?;
    for name in js_sys::Array::from(&names).iter() {
        if let Some(name) = name.as_string() {
            JsFuture::from(caches.delete(&name)).await.map_err(describe)?;
        }
    }
    let left = JsFuture::from(caches.keys()).await.map_err(describe)?;
    Ok(js_sys::Array::from(&left).length())
}
