//! Core beliefs ("people always let me down"): strength re-rated over time, evidence, a reframed belief.

use super::words::count_of;
use crate::storage::keys;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// One rating of how strongly the belief is held.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct StrengthRating {
    /// When (UTC, ISO 8601).
    pub at: String,
    /// How true it feels, 0–100.
    pub strength: u8,
}

/// A piece of evidence for or against a belief, optionally from a thought record.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct EvidenceNote {
    /// When it was added.
    pub at: String,
    /// What it is.
    pub text: String,
    /// A thought record it came from, by id.
    pub record_id: Option<String>,
    /// Fields written by a newer version, kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A core belief.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Belief {
    /// Stable random id.
    pub id: String,
    /// When it was first written down.
    pub created_at: String,
    /// Last change.
    pub updated_at: String,
    /// The belief in the user's words.
    pub statement: String,
    /// Strength ratings, oldest first.
    pub ratings: Vec<StrengthRating>,
    /// Evidence that seems to support it.
    pub evidence_for: Vec<EvidenceNote>,
    /// Evidence that does not fit it.
    pub evidence_against: Vec<EvidenceNote>,
    /// A more balanced version of the belief.
    pub reframed: String,
    /// Fields written by a newer version, kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

crate::stored_record!(Belief, keys::BELIEFS_PREFIX);

impl Belief {
    /// A new belief with its first strength rating.
    pub fn new(id: String, statement: &str, strength: u8, now: &str) -> Self {
        Belief {
            id,
            created_at: now.to_owned(),
            updated_at: now.to_owned(),
            statement: statement.trim().to_owned(),
            ratings: vec![StrengthRating { at: now.to_owned(), strength: strength.min(100) }],
            ..Default::default()
        }
    }

    /// Adds a strength rating.
    pub fn rate(&mut self, strength: u8, now: &str) {
        self.ratings.push(StrengthRating { at: now.to_owned(), strength: strength.min(100) });
        self.updated_at = now.to_owned();
    }

    /// The latest strength.
    pub fn current_strength(&self) -> Option<u8> {
        self.ratings.last().map(|r| r.strength)
    }

    /// Change from the first rating to the latest (negative = the belief has loosened).
    pub fn change(&self) -> Option<i16> {
        match (self.ratings.first(), self.ratings.last()) {
            (Some(first), Some(last)) if self.ratings.len() > 1 => {
                Some(i16::from(last.strength) - i16::from(first.strength))
            }
            _ => None,
        }
    }

    /// The change since the first rating in a sentence ("Loosened by 1 point since you first rated it."), or
    /// `None` before a second rating.
    pub fn change_sentence(&self) -> Option<String> {
        self.change().map(|c| {
            let points = count_of(usize::from(c.unsigned_abs()), "point", "points");
            match c {
                c if c < 0 => format!("Loosened by {points} since you first rated it."),
                c if c > 0 => format!("Stronger by {points} since you first rated it."),
                _ => "The same as when you first rated it.".to_owned(),
            }
        })
    }

    /// When it was last rated.
    pub fn last_rated(&self) -> Option<&str> {
        self.ratings.last().map(|r| r.at.as_str())
    }
}
