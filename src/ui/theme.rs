//! Applies the chosen colour theme to `<html data-theme>`; CSS does the rest (and follows the system by default).

use crate::domain::{Settings, ThemeChoice};
use leptos::prelude::*;

/// Keeps `<html data-theme>` in step with the theme setting.
pub fn apply_theme(settings: RwSignal<Settings>) {
    Effect::new(move |_| {
        let theme = settings.with(|s| s.theme);
        let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) else {
            return;
        };
        let _ = match theme {
            ThemeChoice::System => root.remove_attribute("data-theme"),
            other => root.set_attribute("data-theme", other.as_str()),
        };
    });
}
