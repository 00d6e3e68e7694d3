//! What the user chooses: the plain [`Settings`] the app needs to start (the theme), and the sealed
//! [`Preferences`] (the country, the suggestions set aside, anything unknown), with the rule that splits older
//! settings between the two.

use super::merge::Merge;
use super::next_step::Dismissed;
use crate::storage::{decode, encode, keys, KvStore, LoadProblem, SaveError, Stored, Vault, Versioned};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

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

/// What stays readable while the passphrase lock is on, because the app needs it before anything is unlocked:
/// the colour theme (`public/early.js` paints it before the first frame). Stored plain under [`keys::SETTINGS`];
/// everything else the user chooses is in the sealed [`Preferences`].
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Colour theme.
    pub theme: ThemeChoice,
    /// Last change (UTC, ISO 8601); decides which tab's settings win.
    pub updated_at: String,
    /// Any other field found here: the country and set-aside suggestions an older version kept in settings, or
    /// fields from a newer version or an import. Nobody can tell whether an unknown field is personal, so none
    /// stays plain: [`split`] moves them all into the sealed [`Preferences`] when settings are loaded or imported.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The user's choices that the app does not need before unlocking, sealed like entries while the lock is on
/// (stored under [`keys::PREFERENCES`], carried by backups like any collection).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Preferences {
    /// Today's next-step suggestions the user set aside ("Not today"). A value that does not read as one (from a
    /// damaged import) reads as nothing set aside: at worst a suggestion shows again.
    #[serde(deserialize_with = "dismissed_or_none")]
    pub dismissed_steps: Dismissed,
    /// The country whose help lines come first (an ISO 3166 code from
    /// [`COUNTRIES`](super::helplines::COUNTRIES), or [`OTHER_COUNTRY`](super::helplines::OTHER_COUNTRY));
    /// `None` until the user picks one. A code this version does not know is kept as it is; a value that is not
    /// text reads as not chosen (the rest still loads).
    #[serde(deserialize_with = "text_or_none")]
    pub country: Option<String>,
    /// Last change (UTC, ISO 8601); decides which side wins a merge.
    pub updated_at: String,
    /// Fields written by a newer version (or moved here from settings), kept as they are.
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

/// Reads the set-aside suggestions, taking a value of another shape as none set aside.
fn dismissed_or_none<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Dismissed, D::Error> {
    Ok(serde_json::from_value(Value::deserialize(deserializer)?).unwrap_or_default())
}

impl Preferences {
    /// The chosen country's code, for [`lines_for`](super::helplines::lines_for); `None` when not chosen.
    pub fn country(&self) -> Option<&str> {
        self.country.as_deref().filter(|c| !c.is_empty())
    }

    /// Chooses the country whose lines come first (`None` or an empty code clears the choice).
    pub fn set_country(&mut self, code: Option<&str>) {
        self.country = code.map(str::trim).filter(|c| !c.is_empty()).map(str::to_owned);
    }
}

/// Schema 1, stored whole under `$key`, stamped with the time of each change (its `updated_at`).
macro_rules! dated_choices {
    ($type:ty, $key:expr) => {
        impl Versioned for $type {
            const SCHEMA: u32 = 1;
        }

        impl Stored for $type {
            const KEY: &'static str = $key;
            fn touch(&mut self, now: &str) {
                self.updated_at = now.to_owned();
            }
        }
    };
}

dated_choices!(Settings, keys::SETTINGS);
dated_choices!(Preferences, keys::PREFERENCES);

impl Merge for Settings {
    fn merge(self, other: Self) -> Self {
        if other.updated_at > self.updated_at {
            other
        } else {
            self
        }
    }
}

impl Merge for Preferences {
    /// The newer change wins (a tie keeps `self`); unknown fields of both sides are kept, the winner's on a clash.
    fn merge(self, other: Self) -> Self {
        let (mut winner, loser) = if other.updated_at > self.updated_at { (other, self) } else { (self, other) };
        for (name, value) in loser.extra {
            winner.extra.entry(name).or_insert(value);
        }
        winner
    }
}

/// Moves every field of `settings` but the theme and its time into a copy of `preferences`, which it returns
/// (`None` when there was nothing to move). The moved fields count as changed when `settings` was; the newer of
/// them and `preferences` wins ([`Merge`]), and when no preferences were stored yet the moved ones are taken
/// whatever their time, so an old backup's or an old version's country is never dropped.
pub fn split(settings: &mut Settings, preferences: &Preferences) -> Option<Preferences> {
    if settings.extra.is_empty() {
        return None;
    }
    let mut fields = settings.extra.clone();
    fields.insert("updated_at".into(), Value::String(settings.updated_at.clone()));
    // Cannot fail (every field reads leniently); if it ever did, the fields stay in settings, not lost.
    let moved: Preferences = serde_json::from_value(Value::Object(fields)).ok()?;
    settings.extra.clear();
    Some(if *preferences == Preferences::default() { moved } else { preferences.clone().merge(moved) })
}

/// [`split`] for stored text (a backup's entries before they are imported): when the settings entry holds more
/// than the theme, returns the entries with a slimmer settings entry and the moved fields merged into the
/// preferences entry (added if missing). Unreadable entries are left as they are, for the import to report.
pub fn split_stored(entries: &BTreeMap<String, String>) -> BTreeMap<String, String> {
    let mut out = entries.clone();
    let Some(Ok(settings)) = entries.get(keys::SETTINGS).map(|raw| decode::<Settings>(raw)) else { return out };
    let (preferences, schema, extra) = match entries.get(keys::PREFERENCES).map(|raw| decode::<Preferences>(raw)) {
        None => (Preferences::default(), Preferences::SCHEMA, Map::new()),
        Some(Ok(p)) => (p.value, p.schema, p.extra),
        Some(Err(_)) => return out,
    };
    let mut slim = settings.value;
    let Some(moved) = split(&mut slim, &preferences) else { return out };
    if let (Ok(settings_text), Ok(preferences_text)) =
        (encode(&slim, settings.schema, &settings.extra), encode(&moved, schema, &extra))
    {
        out.insert(keys::SETTINGS.to_owned(), settings_text);
        out.insert(keys::PREFERENCES.to_owned(), preferences_text);
    }
    out
}

/// Loads settings and preferences through `vault`, and when the plain settings still hold more than the theme,
/// moves it: the preferences are written first (sealed while the lock is on), then the slimmer settings. If the
/// first write fails, the second is not tried and the vault keeps both queued in that order (it retries in key
/// order, and `preferences` comes before `settings`), so the fields are never in neither place. Returns both
/// values as they are meant to be, what could not be read, and the result of the writes (`None` when nothing
/// had to move).
pub fn load_split<S: KvStore>(
    vault: &mut Vault<S>,
    problems: &mut Vec<LoadProblem>,
) -> (Settings, Preferences, Option<Result<(), SaveError>>) {
    let loaded = vault.load::<Settings>();
    problems.extend(loaded.problem);
    let mut settings = loaded.value;
    let loaded = vault.load::<Preferences>();
    problems.extend(loaded.problem);
    let mut preferences = loaded.value;
    let written = split_loaded(vault, &mut settings, &mut preferences);
    (settings, preferences, written)
}

/// [`load_split`]'s move for values already loaded: when `settings` still hold more than the theme, moves it
/// into `preferences` and writes the preferences, then the slimmer settings. `None` when nothing had to move.
pub fn split_loaded<S: KvStore>(
    vault: &mut Vault<S>,
    settings: &mut Settings,
    preferences: &mut Preferences,
) -> Option<Result<(), SaveError>> {
    *preferences = split(settings, preferences)?;
    Some(vault.save(preferences).and_then(|()| vault.save(settings)))
}
