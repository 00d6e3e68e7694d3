//! Combining two versions of the same data (another tab, an import) without losing either side's entries.

/// Data that can be merged with another copy of itself; the newer edit of each part wins, nothing is dropped.
pub trait Merge {
    /// Combines `self` with `other`.
    fn merge(self, other: Self) -> Self;
}

/// Of two copies of the same record, the one edited last (ties keep `ours`).
pub fn newer_of<R: crate::storage::Record>(ours: R, theirs: R) -> R {
    if theirs.updated_at() > ours.updated_at() {
        theirs
    } else {
        ours
    }
}
