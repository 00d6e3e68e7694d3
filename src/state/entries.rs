//! Every entry's times, read from the signals, for the backup ask and the seven-day warning.

use super::AppState;
use crate::domain::keep_safe::EntryTimes;
use leptos::prelude::*;

impl AppState {
    /// When each entry on this device was made and last changed: thought records and worksheets with anything
    /// written, beliefs, trigger-log entries, people, observations, ladder steps, promises and self-assessment
    /// runs. Reactive: a memo or view that asks runs again when any of them changes.
    pub fn entry_times(&self) -> Vec<EntryTimes> {
        let mut times = Vec::new();
        self.journal.with(|all| {
            times.extend(all.iter().filter(|r| !r.is_blank()).map(|r| EntryTimes::new(&r.created_at, &r.updated_at)))
        });
        self.worksheets.with(|all| {
            times.extend(all.iter().filter(|w| !w.is_blank()).map(|w| EntryTimes::new(&w.created_at, &w.updated_at)))
        });
        self.beliefs.with(|all| times.extend(all.iter().map(|b| EntryTimes::new(&b.created_at, &b.updated_at))));
        self.triggers.with(|all| times.extend(all.iter().map(|t| EntryTimes::new(&t.created_at, &t.updated_at))));
        self.people.with(|all| times.extend(all.iter().map(|p| EntryTimes::new(&p.created_at, &p.updated_at))));
        self.observations.with(|all| times.extend(all.iter().map(|o| EntryTimes::new(&o.created_at, &o.updated_at))));
        self.ladder.with(|all| times.extend(all.iter().map(|s| EntryTimes::new(&s.created_at, &s.updated_at))));
        self.promises.with(|all| times.extend(all.iter().map(|p| EntryTimes::new(&p.created_at, &p.updated_at))));
        self.assessments.with(|all| times.extend(all.iter().map(|a| EntryTimes::new(&a.created_at, &a.updated_at))));
        times
    }
}
