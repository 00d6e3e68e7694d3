//! Every collection the app stores, declared once in [`collection_table!`]: its field name, its type and what
//! Settings calls it. Its group says how it is stored and merged: whole under one key with the type's own
//! [`Merge`] rule, or one key per record where the newer edit of each record wins.
//!
//! Everything that has to know every collection is derived from that one table: the app state's signals, loading
//! them, reloading them, which collection a `storage` event from another tab is about, the shape check and the
//! merge of an import, and [`UserData`], the view insights and the readable copy read. Adding a collection is its
//! domain module (the type, with [`Stored`] and [`Merge`], or `stored_record!`) and one line in the table.

use super::Merge;
use crate::storage::{decode, encode, DecodeError, KvStore, LoadProblem, Record, Stored, Vault};

/// Calls `$then!` with every collection, in four groups:
/// - `choices`: stored whole, backed up, not part of what the user recorded (insights never read them);
/// - `whole`: stored whole, backed up, read by insights;
/// - `records`: one key per record, backed up, read by insights and the readable copy;
/// - `device`: stored whole, describing this device; never in a backup.
///
/// Each line is `field / Variant: Type = "what Settings calls it"` (no name for device collections).
macro_rules! collection_table {
    ($then:ident) => {
        $then! {
            choices: [
                /// What the app needs to start (the theme); plain even while the lock is on.
                settings / Settings: $crate::domain::Settings = "Settings",
                /// The user's other choices (country, suggestions set aside); sealed while the lock is on.
                preferences / Preferences: $crate::domain::Preferences = "Preferences",
            ]
            whole: [
                /// Course progress.
                progress / LessonProgress: $crate::domain::LessonProgress = "Course progress",
                /// Thinking-trap practice answers.
                trap_practice / TrapPractice: $crate::domain::PracticeHistory = "Thinking-trap practice",
            ]
            records: [
                /// Thought records, drafts included.
                journal / Journal: $crate::domain::ThoughtRecord = "Thought records",
                /// Core beliefs with their ratings.
                beliefs / Beliefs: $crate::domain::Belief = "Core beliefs",
                /// Self-sabotage trigger log.
                triggers / Triggers: $crate::domain::TriggerEntry = "Trigger log",
                /// People on the trust map.
                people / People: $crate::domain::people::Person = "People",
                /// Observations about people (the evidence log).
                observations / Observations: $crate::domain::people::Observation = "Observations about people",
                /// Disclosure-ladder steps with their experiments, for every person.
                ladder / Ladder: $crate::domain::ladder::LadderStep = "Disclosure ladder",
                /// Promises to myself with their check-ins.
                promises / Promises: $crate::domain::promises::Promise = "Promises to myself",
                /// Self-assessment runs.
                assessments / Assessments: $crate::domain::assessments::AssessmentRun = "Self-assessments",
                /// Filled-in worksheets of every kind (forgiveness, boundaries, messages…).
                worksheets / Worksheets: $crate::domain::worksheets::WorksheetEntry = "Worksheets",
            ]
            device: [
                /// When this device last saved a backup (for the Today reminder).
                backup_status / BackupStatus: $crate::domain::backup::BackupStatus,
            ]
        }
    };
}
// Used by the app state (browser builds only).
#[cfg_attr(not(target_arch = "wasm32"), allow(unused_imports))]
pub(crate) use collection_table;

/// Loads one whole-key collection, collecting what could not be read; a change still waiting to be saved
/// (kept across a lock) is merged in, so it is neither hidden nor lost by the next save.
pub fn load_whole<T: Stored + Merge, S: KvStore>(vault: &mut Vault<S>, problems: &mut Vec<LoadProblem>) -> T {
    let loaded = vault.load::<T>();
    problems.extend(loaded.problem);
    match vault.unsaved_value::<T>(T::KEY).flatten() {
        Some(unsaved) => loaded.value.merge(unsaved),
        None => loaded.value,
    }
}

/// Loads every record of one collection, collecting what could not be read.
pub fn load_records<R: Record, S: KvStore>(vault: &mut Vault<S>, problems: &mut Vec<LoadProblem>) -> Vec<R> {
    let (records, found) = vault.load_records::<R>();
    problems.extend(found);
    records
}

fn decodes<T: crate::storage::Versioned>(raw: &str) -> Result<(), DecodeError> {
    decode::<T>(raw).map(|_| ())
}

/// Merges two stored texts of a whole-key collection with its own [`Merge`] rule, keeping the newer schema and
/// every unknown field; `None` when either does not read.
fn merge_stored<T: Stored + Merge>(ours: &str, theirs: &str) -> Option<String> {
    let ours = decode::<T>(ours).ok()?;
    let theirs = decode::<T>(theirs).ok()?;
    let schema = ours.schema.max(theirs.schema);
    let mut extra = theirs.extra;
    extra.extend(ours.extra);
    encode(&ours.value.merge(theirs.value), schema, &extra).ok()
}

/// What a storage key is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyTarget<'a> {
    /// The key of a collection stored whole.
    Whole(Collection),
    /// One record of a collection: the collection and the record's id.
    Record(Collection, &'a str),
}

macro_rules! derive_domain {
    (
        choices: [$($(#[$cd:meta])* $cf:ident / $cv:ident : $ct:ty = $cl:literal),* $(,)?]
        whole: [$($(#[$wd:meta])* $wf:ident / $wv:ident : $wt:ty = $wl:literal),* $(,)?]
        records: [$($(#[$rd:meta])* $rf:ident / $rv:ident : $rt:ty = $rl:literal),* $(,)?]
        device: [$($(#[$dd:meta])* $df:ident / $dv:ident : $dt:ty),* $(,)?]
    ) => {
        /// One stored collection (see the module's table).
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Collection {
            $($(#[$cd])* $cv,)*
            $($(#[$wd])* $wv,)*
            $($(#[$rd])* $rv,)*
            $($(#[$dd])* $dv,)*
        }

        impl Collection {
            /// Every collection, in the table's order.
            pub const ALL: &'static [Collection] =
                &[$(Collection::$cv,)* $(Collection::$wv,)* $(Collection::$rv,)* $(Collection::$dv,)*];

            /// Its storage key (whole collections) or key prefix, ending in `/` (one key per record).
            pub fn key(self) -> &'static str {
                match self {
                    $(Collection::$cv => <$ct as Stored>::KEY,)*
                    $(Collection::$wv => <$wt as Stored>::KEY,)*
                    $(Collection::$rv => <$rt as Record>::PREFIX,)*
                    $(Collection::$dv => <$dt as Stored>::KEY,)*
                }
            }

            /// True for collections stored one key per record.
            pub fn is_records(self) -> bool {
                matches!(self, $(Collection::$rv)|*)
            }

            /// True for collections a backup carries (all but those describing this device).
            pub fn is_backed_up(self) -> bool {
                !matches!(self, $(Collection::$dv)|*)
            }

            /// What Settings calls it; `None` for collections a backup never holds.
            pub fn label(self) -> Option<&'static str> {
                match self {
                    $(Collection::$cv => Some($cl),)*
                    $(Collection::$wv => Some($wl),)*
                    $(Collection::$rv => Some($rl),)*
                    $(Collection::$dv => None,)*
                }
            }
        }

        /// The collection `key` belongs to (and the record's id): what another tab's `storage` event is about.
        /// `None` for keys that are not a collection (the lock, quarantine, markers) or that this build does not
        /// know.
        pub fn find(key: &str) -> Option<KeyTarget<'_>> {
            $(if key == <$ct as Stored>::KEY { return Some(KeyTarget::Whole(Collection::$cv)); })*
            $(if key == <$wt as Stored>::KEY { return Some(KeyTarget::Whole(Collection::$wv)); })*
            $(if key == <$dt as Stored>::KEY { return Some(KeyTarget::Whole(Collection::$dv)); })*
            $(if let Some(id) = key.strip_prefix(<$rt as Record>::PREFIX) {
                return Some(KeyTarget::Record(Collection::$rv, id));
            })*
            None
        }

        /// Decodes `raw` as the type stored under `key`; `None` for keys of collections a backup does not carry or
        /// this build does not know (a backup still carries those, checked as an envelope).
        pub fn check(key: &str, raw: &str) -> Option<Result<(), DecodeError>> {
            let (KeyTarget::Whole(collection) | KeyTarget::Record(collection, _)) = find(key)?;
            Some(match collection {
                $(Collection::$cv => decodes::<$ct>(raw),)*
                $(Collection::$wv => decodes::<$wt>(raw),)*
                $(Collection::$rv => decodes::<$rt>(raw),)*
                $(Collection::$dv => return None,)*
            })
        }

        /// Merges two differing stored texts of the backed-up whole collection under `key` with its own rule;
        /// `None` keeps ours (a record key, a collection this build has no rule for, or text that does not read).
        pub fn merge_whole(key: &str, ours: &str, theirs: &str) -> Option<String> {
            match find(key)? {
                $(KeyTarget::Whole(Collection::$cv) => merge_stored::<$ct>(ours, theirs),)*
                $(KeyTarget::Whole(Collection::$wv) => merge_stored::<$wt>(ours, theirs),)*
                _ => None,
            }
        }

        /// Every collection's value, owned: what storage holds, loaded at once.
        #[derive(Debug, Clone, Default, PartialEq)]
        pub struct Snapshot {
            $($(#[$cd])* pub $cf: $ct,)*
            $($(#[$wd])* pub $wf: $wt,)*
            $($(#[$rd])* pub $rf: Vec<$rt>,)*
            $($(#[$dd])* pub $df: $dt,)*
        }

        impl Snapshot {
            /// Loads every collection in the table's order, collecting what could not be read (set aside, or
            /// not readable here) into `problems`.
            pub fn load<S: KvStore>(vault: &mut Vault<S>, problems: &mut Vec<LoadProblem>) -> Snapshot {
                Snapshot {
                    $($cf: load_whole(vault, problems),)*
                    $($wf: load_whole(vault, problems),)*
                    $($rf: load_records(vault, problems),)*
                    $($df: load_whole(vault, problems),)*
                }
            }

            /// Writes every collection (each record under its own key).
            pub fn save<S: KvStore>(&self, vault: &mut Vault<S>) -> Result<(), crate::storage::SaveError> {
                $(vault.save(&self.$cf)?;)*
                $(vault.save(&self.$wf)?;)*
                $(self.$rf.iter().try_for_each(|r| vault.save_record(r))?;)*
                $(vault.save(&self.$df)?;)*
                Ok(())
            }

            /// What the user recorded, by reference.
            pub fn view(&self) -> UserData<'_> {
                UserData { $($wf: &self.$wf,)* $($rf: &self.$rf,)* }
            }
        }

        /// Everything the user recorded, by reference: what insights, Today's suggestions and the readable copy
        /// read. (Settings, preferences and this device's backup status are not in it.)
        #[derive(Debug, Clone, Copy)]
        pub struct UserData<'a> {
            $($(#[$wd])* pub $wf: &'a $wt,)*
            $($(#[$rd])* pub $rf: &'a [$rt],)*
        }
    };
}

collection_table!(derive_domain);

/// What Settings calls a collection, by its key name (`journal`, `lesson-progress`); `None` for names of no
/// collection a backup carries.
pub fn label_of(name: &str) -> Option<&'static str> {
    Collection::ALL.iter().find(|c| crate::storage::keys::collection_of(c.key()) == name).and_then(|c| c.label())
}
