//! App preferences.

use super::merge::Merge;
use super::next_step::Dismissed;
use crate::storage::{keys, Stored, Versioned};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Which colour theme to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum ThemeChoice {
    /// Follow the system's light or dark setting.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl ThemeChoice {
    /// Every choice, in the order Settings lists them.
    pub const ALL: [ThemeChoice; 3] = [ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark];

    /// The stored and `data-theme` name.
    pub fn as_str(self) -> &'static str {
        match self {
            ThemeChoice::System => "system",
            ThemeChoice::Light => "light",
            ThemeChoice::Dark => "dark",
        }
    }

    /// What Settings calls it.
    pub fn label(self) -> &'static str {
        match self {
            ThemeChoice::System => "Match my device",
            ThemeChoice::Light => "Light",
            ThemeChoice::Dark => "Dark",
        }
    }
}

impl From<String> for ThemeChoice {
    fn from(name: String) -> Self {
        match name.as_str() {
            "light" => ThemeChoice::Light,
            "dark" => ThemeChoice::Dark,
            _ => ThemeChoice::System,
        }
    }
}

impl From<ThemeChoice> for String {
    fn from(choice: ThemeChoice) -> Self {
        choice.as_str().to_owned()
    }
}

/// The user's preferences.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Colour theme.
    pub theme: ThemeChoice,
    /// Today's next-step suggestions the user set aside ("Not today").
    pub dismissed_steps: Dismissed,
    /// The country whose help lines come first (an ISO 3166 code from
    /// [`COUNTRIES`](super::helplines::COUNTRIES), or [`OTHER_COUNTRY`](super::helplines::OTHER_COUNTRY));
    /// `None` until the user picks one. A code this version does not know is kept as it is; a value that is not
    /// text reads as not chosen (the rest of the settings still load).
    #[serde(deserialize_with = "text_or_none")]
    pub country: Option<String>,
    /// Last change (UTC, ISO 8601); decides which tab's settings win.
    pub updated_at: String,
    /// Fields written by a newer version, kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Reads a stored string, taking anything else (a number, a list, null) as nothing chosen.
fn text_or_none<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    Ok(match Value::deserialize(deserializer)? {
        Value::String(text) => Some(text),
        _ => None,
    })
}

impl Settings {
    /// The chosen country's code, for [`lines_for`](super::helplines::lines_for); `None` when not chosen.
    pub fn country(&self) -> Option<&str> {
        self.country.as_deref().filter(|c| !c.is_empty())
    }

    /// Chooses the country whose lines come first (`None` or an empty code clears the choice).
    pub fn set_country(&mut self, code: Option<&str>) {
        self.country = code.map(str::trim).filter(|c| !c.is_empty()).map(str::to_owned);
    }
}

impl Versioned for Settings {
    const SCHEMA: u32 = 1;
}

impl Stored for Settings {
    const KEY: &'static str = keys::SETTINGS;
}

impl Merge for Settings {
    fn merge(self, other: Self) -> Self {
        if other.updated_at > self.updated_at {
            other
        } else {
            self
        }
    }
}
