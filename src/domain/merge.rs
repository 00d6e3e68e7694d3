//! Combining two versions of the same data (another tab, an import) without losing either side's entries.

/// Data that can be merged with another copy of itself; the newer edit of each part wins, nothing is dropped.
pub trait Merge {
    /// Combines `self` with `other`.
    fn merge(self, other: Self) -> Self;
}
