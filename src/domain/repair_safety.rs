//! "Are you safe with this person?" — the question every repair path asks before anything else (the rebuilding
//! plan, forgiveness, the boundaries worksheet, the disclosure ladder), its stored answer, and what the answer
//! allows.
//!
//! Couples work, repair steps and deliberate openness are for relationships in which nobody is afraid. When the
//! answer is *Yes* — or *I'm not sure*, because not being sure whether someone is safe is itself worth taking
//! seriously — the repair steps are set aside and a safety route is shown instead. Nothing is deleted: changing
//! the answer back to *No* brings everything back. Until the question is answered, the repair parts are not shown.

use serde::{Deserialize, Serialize};

/// The question, in the words a worksheet or the ladder asks it when it does not phrase it for itself.
/// It asks what the person might *do*, so that hurt feelings (a betrayal, say) are not mistaken for danger.
pub const QUESTION: &str =
    "Are you afraid of what this person might do to you, or have they hurt, threatened or controlled you?";

/// The hint under the question: what "controlled" can mean, why it is asked, and that the answer is private.
pub const QUESTION_HINT: &str = "Controlling can look like checking your phone, tracking where you go, taking \
    your money or keeping you from friends. Some steps here are only wise with someone who does not hurt you, so \
    this comes first. Your answer stays on this device, and you can change it at any time.";

/// The sentence every safety route starts with on a repair path.
pub const NOT_THE_GOAL: &str = "Rebuilding trust is not the goal while someone is unsafe. What matters now is \
    that you are safe, and it is not your job to fix what they do.";

/// What "I'm not sure" adds to the safety route (and leads it with).
pub const NOT_SURE_NOTE: &str = "Not being sure is worth taking seriously. Talking it through with a helpline or \
    a counsellor of your own can help you see it more clearly. You can change your answer whenever you like.";

/// An answer to the safety question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SafetyAnswer {
    /// Not afraid of them, and they have not hurt, threatened or controlled the user.
    No,
    /// Afraid of them, or they have hurt, threatened or controlled the user.
    Yes,
    /// The user is not sure.
    NotSure,
}

impl SafetyAnswer {
    /// Every answer, in the order the question offers them.
    pub const ALL: [SafetyAnswer; 3] = [SafetyAnswer::No, SafetyAnswer::Yes, SafetyAnswer::NotSure];

    /// What the question calls it.
    pub fn label(self) -> &'static str {
        match self {
            SafetyAnswer::No => "No",
            SafetyAnswer::Yes => "Yes",
            SafetyAnswer::NotSure => "I'm not sure",
        }
    }

    /// Its stored name (also safe in an element id).
    pub fn slug(self) -> &'static str {
        match self {
            SafetyAnswer::No => "no",
            SafetyAnswer::Yes => "yes",
            SafetyAnswer::NotSure => "not-sure",
        }
    }

    /// True when the repair steps are set aside and the safety route is shown: *Yes*, and also *I'm not sure*
    /// (couples work and deliberate openness wait until someone's safety is clear, not the other way round).
    pub fn sets_repair_aside(self) -> bool {
        !matches!(self, SafetyAnswer::No)
    }
}

/// What a repair path shows, given the answer so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RepairView {
    /// Not answered yet: the question comes first, and the repair parts are not shown.
    Ask,
    /// Answered *No*: everything is shown.
    Repair,
    /// Answered *Yes* or *I'm not sure*: the repair parts are set aside and the safety route is shown.
    SafetyRoute(SafetyAnswer),
}

impl RepairView {
    /// The view for a stored answer (`None` when the question has not been answered).
    pub fn of(answer: Option<SafetyAnswer>) -> RepairView {
        match answer {
            None => RepairView::Ask,
            Some(a) if a.sets_repair_aside() => RepairView::SafetyRoute(a),
            Some(_) => RepairView::Repair,
        }
    }

    /// True when the repair parts may be shown.
    pub fn allows_repair(self) -> bool {
        self == RepairView::Repair
    }

    /// True when the safety route is shown.
    pub fn shows_route(self) -> bool {
        matches!(self, RepairView::SafetyRoute(_))
    }
}

/// True when Today, or any other suggestion, may nudge toward repair with someone, given the stored answer: not
/// once it is *Yes* or *I'm not sure*. An unanswered question does not block a suggestion, because following it
/// leads to the question first.
pub fn may_suggest_repair(answer: Option<SafetyAnswer>) -> bool {
    !answer.is_some_and(SafetyAnswer::sets_repair_aside)
}

/// The safety route's paragraphs in the order shown, given the answer and what a repair path says: the first one
/// (its lead, with the call buttons right under it) is [`NOT_SURE_NOTE`] for *I'm not sure*, so someone unsure
/// is met with that rather than told what the goal is not; the path's own paragraphs follow.
pub fn route_paragraphs(answer: SafetyAnswer, route: &[&'static str]) -> Vec<&'static str> {
    let lead = (answer == SafetyAnswer::NotSure).then_some(NOT_SURE_NOTE);
    lead.into_iter().chain(route.iter().copied()).collect()
}

/// True when a person's page opens with the short safety notice (the emergency number and a domestic-abuse
/// line, on the first screen) and leaves out the summary of experiments with them: once the answer about them
/// is *Yes* or *I'm not sure*.
pub fn person_page_leads_with_safety(answer: Option<SafetyAnswer>) -> bool {
    answer.is_some_and(SafetyAnswer::sets_repair_aside)
}
