//! Danger is not a thinking trap: the labelled statements that will measure a danger detector. The held-out set
//! is written and committed before any rule exists, so the rules cannot be shaped around it.

#[path = "danger_data.rs"]
mod danger_data;

pub use danger_data::{DANGER_HELD_OUT, DANGER_TUNING};

/// A statement with what a careful reader sees in it about safety; both flags false for an ordinary thought.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LabelledStatement {
    /// The statement as someone might write it.
    pub text: &'static str,
    /// It tells of danger from another person.
    pub someone_else: bool,
    /// It tells of self-harm or suicide.
    pub self_harm: bool,
}

impl LabelledStatement {
    /// True when the statement tells of any danger.
    pub const fn is_danger(&self) -> bool {
        self.someone_else || self.self_harm
    }
}
