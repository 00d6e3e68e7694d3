//! Every collection this build knows, by storage key: used to check imported data has the right shape.
//! A collection added later needs one line here; without it, backups still carry it (checked as an envelope).

use super::assessments::AssessmentRun;
use super::ladder::LadderStep;
use super::people::{Observation, Person};
use super::promises::Promise;
use super::worksheets::WorksheetEntry;
use super::{Belief, LessonProgress, PracticeHistory, Preferences, Settings, ThoughtRecord, TriggerEntry};
use crate::storage::{decode, keys, DecodeError, Versioned};

fn decodes<T: Versioned>(raw: &str) -> Result<(), DecodeError> {
    decode::<T>(raw).map(|_| ())
}

/// Decodes `raw` as the type stored under `key`; `None` for keys of collections this build does not know.
pub fn check(key: &str, raw: &str) -> Option<Result<(), DecodeError>> {
    let under = |prefix: &str| key.starts_with(prefix);
    Some(match key {
        keys::SETTINGS => decodes::<Settings>(raw),
        keys::PREFERENCES => decodes::<Preferences>(raw),
        keys::LESSON_PROGRESS => decodes::<LessonProgress>(raw),
        keys::TRAP_PRACTICE => decodes::<PracticeHistory>(raw),
        _ if under(keys::JOURNAL_PREFIX) => decodes::<ThoughtRecord>(raw),
        _ if under(keys::BELIEFS_PREFIX) => decodes::<Belief>(raw),
        _ if under(keys::TRIGGERS_PREFIX) => decodes::<TriggerEntry>(raw),
        _ if under(keys::PEOPLE_PREFIX) => decodes::<Person>(raw),
        _ if under(keys::OBSERVATIONS_PREFIX) => decodes::<Observation>(raw),
        _ if under(keys::LADDER_PREFIX) => decodes::<LadderStep>(raw),
        _ if under(keys::PROMISES_PREFIX) => decodes::<Promise>(raw),
        _ if under(keys::ASSESSMENTS_PREFIX) => decodes::<AssessmentRun>(raw),
        _ if under(keys::WORKSHEETS_PREFIX) => decodes::<WorksheetEntry>(raw),
        _ => return None,
    })
}
