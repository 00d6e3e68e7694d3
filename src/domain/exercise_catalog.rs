//! The exercise catalogue: every practice route, its name, what it is for, and the lesson that explains it.
//! Pure data, shared by `build.rs` (to check lesson links) and the app. It sits in `domain` (like the trap
//! catalogue) because domain rules name exercises (the readable export); `content` re-exports it for the
//! course pages, so `content` may use `domain` but never the other way round.

/// One exercise or worksheet of the Practice hub.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExerciseInfo {
    /// Route segment under `/practice/`.
    pub slug: &'static str,
    /// Its name.
    pub title: &'static str,
    /// One line on what it helps with.
    pub summary: &'static str,
    /// Slug of the lesson that explains why it works.
    pub lesson: &'static str,
}

const fn exercise(
    slug: &'static str,
    title: &'static str,
    summary: &'static str,
    lesson: &'static str,
) -> ExerciseInfo {
    ExerciseInfo { slug, title, summary, lesson }
}

/// Every exercise, in course order.
pub const EXERCISES: &[ExerciseInfo] = &[
    exercise(
        "trust-map",
        "Trust map",
        "Notice what each person in your life actually does, part by part.",
        "what-trust-is",
    ),
    exercise(
        "trustworthiness-check",
        "My trustworthiness",
        "A kind, honest look at how reliable and truthful you are.",
        "self-trust",
    ),
    exercise(
        "trust-origins",
        "Where my trust issues come from",
        "A guided reflection on the experiences that shaped you.",
        "where-trust-issues-come-from",
    ),
    exercise("promises", "Promises to myself", "Small promises you keep to rebuild trust in yourself.", "self-trust"),
    exercise(
        "disclosure-ladder",
        "Disclosure ladder",
        "Share a little at a time and see how people respond.",
        "small-steps",
    ),
    exercise("thought-record", "Thought record", "Slow down a painful thought and weigh it fairly.", "thinking-traps"),
    exercise(
        "trap-practice",
        "Thinking-trap practice",
        "Learn to spot the traps in short everyday thoughts.",
        "thinking-traps",
    ),
    exercise("belief-tracker", "Belief tracker", "Watch an old belief loosen as evidence builds up.", "thinking-traps"),
    exercise("trigger-log", "Trigger log", "Catch what sets off self-sabotage and plan another move.", "setbacks"),
    exercise("forgiveness", "Forgiveness worksheet", "Work through one hurt at your own pace.", "forgiveness"),
    exercise(
        "therapy-prep",
        "Preparing for therapy",
        "Work out what kind of help may fit and what to ask.",
        "professional-help",
    ),
    exercise(
        "safety-plan",
        "Safety plan",
        "Steps and people to turn to when things get very hard, in your own words.",
        "professional-help",
    ),
    exercise(
        "message-builder",
        "Message builder",
        "Turn a hard conversation into a clear, calm request.",
        "stronger-relationships",
    ),
    exercise(
        "active-listening",
        "Active listening",
        "A practice card for your next conversation.",
        "stronger-relationships",
    ),
    exercise("boundaries", "Boundaries", "Name your limits, say them, and keep them.", "stronger-relationships"),
    exercise(
        "keeping-trust",
        "Keeping trust alive",
        "A short check-in on five everyday habits.",
        "keeping-trust-alive",
    ),
    exercise(
        "rebuilding-trust",
        "Rebuilding plan",
        "Step by step after infidelity, a lie or a falling-out.",
        "rebuilding-trust",
    ),
    exercise("setback-plan", "Setback plan", "Decide now what helps when trust is shaken again.", "setbacks"),
    exercise("trust-online", "Trust online", "A checklist for meeting people and sharing online.", "trust-online"),
    exercise("trust-at-work", "Trust at work", "A self-check for leaders and a team checklist.", "trust-at-work"),
];

/// Looks an exercise up by slug.
pub fn exercise_by_slug(slug: &str) -> Option<&'static ExerciseInfo> {
    EXERCISES.iter().find(|e| e.slug == slug)
}
