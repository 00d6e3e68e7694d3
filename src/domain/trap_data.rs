//! The data behind the thinking-trap finder and practice: the trap catalogue, two labelled sets of example
//! thoughts (one for tuning the rules, one held out to measure them honestly) and the practice answer key.
//!
//! Every thought here was written by us for Trust Steps. None is taken from a real person.

use super::{LabelledThought, PracticeItem, ThinkingTrap};

/// The thinking traps the app knows, in the order they are shown.
pub const TRAPS: &[ThinkingTrap] = &[
    ThinkingTrap {
        slug: "catastrophizing",
        name: "Catastrophizing",
        explanation: "Jumping to the worst possible outcome and treating it as likely. Asking \u{201c}What is most \
                      likely?\u{201d} can bring you back down.",
        example: "She hasn\u{2019}t answered, so something awful has happened, or she\u{2019}s leaving.",
    },
    ThinkingTrap {
        slug: "overgeneralization",
        name: "Overgeneralization",
        explanation: "Turning one painful event into a rule about everything. Words like \u{201c}always\u{201d}, \
                      \u{201c}never\u{201d}, \u{201c}everyone\u{201d} and \u{201c}no one\u{201d} are the clues.",
        example: "My ex cheated, so everyone cheats.",
    },
    ThinkingTrap {
        slug: "mind-reading",
        name: "Mind-reading",
        explanation: "Feeling sure you know what someone thinks without asking. You might be right, but you might \
                      be guessing, and a gentle question is often simpler.",
        example: "He\u{2019}s quiet, so he must be annoyed with me.",
    },
    ThinkingTrap {
        slug: "personalization",
        name: "Personalization",
        explanation: "Taking other people\u{2019}s moods or choices as being about you, or your fault. Their day \
                      often has many causes that have nothing to do with you.",
        example: "My partner\u{2019}s bad mood must be my fault.",
    },
    ThinkingTrap {
        slug: "all-or-nothing",
        name: "All-or-nothing thinking",
        explanation: "Sorting people and events into two boxes only: perfect or ruined. Most people, and most days, \
                      sit somewhere in between.",
        example: "He forgot once, so he doesn\u{2019}t care at all.",
    },
    ThinkingTrap {
        slug: "labelling",
        name: "Labelling",
        explanation: "Turning one action into a whole identity, for someone else or for yourself. Describing what \
                      happened, rather than what a person is, leaves room for change.",
        example: "She lied, so she\u{2019}s a liar.",
    },
    ThinkingTrap {
        slug: "emotional-reasoning",
        name: "Emotional reasoning",
        explanation: "Treating a feeling as proof. Feelings are real and worth hearing, but they are information, \
                      not evidence.",
        example: "I feel suspicious, so they must be hiding something.",
    },
    ThinkingTrap {
        slug: "should-statements",
        name: "Should statements",
        explanation: "Rigid rules about how you or others must behave. When a rule breaks, it can turn into guilt \
                      or resentment; a wish or a clear request often works better.",
        example: "He should just know what I need.",
    },
    ThinkingTrap {
        slug: "discounting-the-positive",
        name: "Discounting the positive",
        explanation: "Deciding that good evidence doesn\u{2019}t count. Noticing it helps you see the whole record, \
                      not only the worrying parts.",
        example: "He kept his promise, but only because he had to.",
    },
    ThinkingTrap {
        slug: "fortune-telling",
        name: "Fortune-telling",
        explanation: "Treating a guess about the future as a fact. Predictions feel certain, but they are guesses, \
                      and small, safe steps can test them.",
        example: "If I open up, I\u{2019}ll get hurt.",
    },
    ThinkingTrap {
        slug: "mental-filter",
        name: "Mental filter",
        explanation: "Letting through only the details that fit your fear and screening out the rest. One curt \
                      message can outweigh a whole week of warmth.",
        example: "She was kind all week, but all I can think about is that one short reply.",
    },
    ThinkingTrap {
        slug: "blaming",
        name: "Blaming",
        explanation: "Putting all the fault in one place, usually wholly on someone else. Most situations have \
                      more than one cause, and seeing them gives you back some choice.",
        example: "It\u{2019}s all his fault that I can\u{2019}t trust anyone.",
    },
];

/// Shorthand for a labelled thought in the tables below.
const fn t(text: &'static str, traps: &'static [&'static str]) -> LabelledThought {
    LabelledThought { text, traps }
}

/// Held-out thoughts: written before any rule existed and never used to tune the rules. They measure how the
/// finder does on thoughts it was not shaped around.
pub const HELD_OUT_THOUGHTS: &[LabelledThought] = &[
    t("My sister didn't call back on my birthday. She clearly doesn't care about me anymore.", &["mind-reading"]),
    t("Tom was late again. He is so selfish.", &["labelling"]),
    t(
        "If I let myself rely on Maya, she'll let me down like everyone else did.",
        &["fortune-telling", "overgeneralization"],
    ),
    t("My manager moved the meeting, so I must have done something to upset her.", &["personalization"]),
    t("I feel so uneasy about his new job, so there must be something going on there.", &["emotional-reasoning"]),
    t("A good partner should never need reminding about things that matter to me.", &["should-statements"]),
    t(
        "She said sorry and has been honest for months, but that doesn't count after what she did.",
        &["discounting-the-positive"],
    ),
    t(
        "If he finds out I read his messages, it's over, and I'll end up alone for good.",
        &["catastrophizing", "fortune-telling"],
    ),
    t("The evening was lovely, yet I keep going over the one moment he checked his phone.", &["mental-filter"]),
    t("It's their fault I can't open up to anyone now.", &["blaming"]),
    t("Either my friend tells me everything, or she isn't really my friend.", &["all-or-nothing"]),
    t("Nobody at work can be trusted with anything personal.", &["overgeneralization"]),
    t("My dad broke one promise when I was small, so every promise he makes now is empty.", &["overgeneralization"]),
    t("Jen looked at her phone while I talked. She thinks I'm boring.", &["mind-reading"]),
    t("I'm an idiot for believing him.", &["labelling"]),
    t("He only remembered our anniversary because his mum reminded him.", &["discounting-the-positive"]),
    t("This fight means our marriage is finished.", &["catastrophizing"]),
    t("I shouldn't still feel hurt about this; I ought to be over it by now.", &["should-statements"]),
    t("The kids were upset at dinner, and that's because I'm a bad mother.", &["personalization", "labelling"]),
    t("My gut says she's lying, and my gut is never wrong.", &["emotional-reasoning"]),
    t("All that stays with me from the party is that she left without saying goodbye.", &["mental-filter"]),
    t(
        "My colleague took credit in the meeting; he made me look useless and ruined my chances here.",
        &["blaming", "catastrophizing"],
    ),
    t("My new partner will get bored of me in a few months, I just know it.", &["fortune-telling"]),
    t("My parents made me this way; it's on them that I can't trust people.", &["blaming"]),
    t("Unless he's totally honest about every single thing, I can't trust him at all.", &["all-or-nothing"]),
    t("I felt nervous when she was late, so I sent a short message to check she was okay.", &[]),
    t("He forgot to call, and I'd like to ask him about it tomorrow when we're both calm.", &[]),
    t("My friend kept my secret last month, which tells me something good about her.", &[]),
    t("I'm not sure what my boss meant by that email, so I'll ask her.", &[]),
];

/// The tuning set: thoughts used to shape and check the finder's rules.
pub const LABELLED_THOUGHTS: &[LabelledThought] = &[
    // Catastrophizing
    t(
        "She hasn't replied in three hours. What if something terrible has happened, or she's leaving me?",
        &["catastrophizing"],
    ),
    t("If my friend tells anyone what I shared, my whole life will be ruined.", &["catastrophizing"]),
    t(
        "He was short with me at breakfast; this is the beginning of the end for us.",
        &["catastrophizing", "fortune-telling"],
    ),
    t(
        "If I trust my colleague with this project and she drops it, it will be a disaster and I'll lose my job.",
        &["catastrophizing", "fortune-telling"],
    ),
    t("I couldn't survive another betrayal like that.", &["catastrophizing"]),
    t("Mum didn't answer her phone, so she must be lying in hospital somewhere.", &["catastrophizing"]),
    // Overgeneralization
    t("My partner always puts his friends first and never thinks about me.", &["overgeneralization"]),
    t("Everyone I trust ends up hurting me.", &["overgeneralization"]),
    t("My ex cheated, so all men cheat.", &["overgeneralization"]),
    t("Every time I open up to a friend, they use it against me.", &["overgeneralization"]),
    t("No one in my family has ever kept a promise to me.", &["overgeneralization"]),
    t("My colleague forgot my name once; people here never notice me.", &["overgeneralization"]),
    // Mind-reading
    t("She didn't smile when I came in, so she must think I'm annoying.", &["mind-reading"]),
    t("He's quiet tonight; he probably thinks I'm too needy.", &["mind-reading"]),
    t("My boss obviously thinks I'm not good enough for this team.", &["mind-reading"]),
    t("They think I'm stupid for trusting him again.", &["mind-reading"]),
    t("My friend left my message on read because she's angry with me.", &["mind-reading"]),
    t("I know exactly what he's thinking: that I'm a burden.", &["mind-reading"]),
    t("he didn't answer for 5 hours, he must be cheating on me", &["mind-reading"]),
    // Personalization
    t("My partner is in a bad mood, so it must be my fault.", &["personalization"]),
    t("My parents argued all evening, and it's because of me.", &["personalization"]),
    t("My friend cancelled our plans; I must have done something wrong.", &["personalization"]),
    t("The team project failed, and it's all my fault for trusting the wrong people.", &["personalization"]),
    t("If I'd been a better girlfriend, he wouldn't have lied.", &["personalization"]),
    t("My sister seemed stressed on the phone, so I made her feel that way somehow.", &["personalization"]),
    // All-or-nothing
    t("He forgot once, so he doesn't care at all.", &["all-or-nothing"]),
    t("Either I trust her completely or not at all.", &["all-or-nothing"]),
    t("One lie ruined everything we had.", &["all-or-nothing"]),
    t("If our weekend isn't perfect, the relationship is a failure.", &["all-or-nothing"]),
    t("My friend is either totally on my side or she's against me.", &["all-or-nothing"]),
    t("He let me down one time, so he's completely untrustworthy.", &["all-or-nothing", "overgeneralization"]),
    // Labelling
    t("She lied about where she was, so she's a liar.", &["labelling"]),
    t("I'm such a fool for trusting him.", &["labelling"]),
    t("My colleague is a backstabber.", &["labelling"]),
    t("I'm pathetic for still checking his phone.", &["labelling"]),
    t("He's a loser who can't keep a single promise.", &["labelling", "overgeneralization"]),
    t("I'm unlovable; that's why people leave.", &["labelling"]),
    // Emotional reasoning
    t("I feel jealous, so he must be hiding something.", &["emotional-reasoning"]),
    t("I feel like a burden, so I must be one.", &["emotional-reasoning"]),
    t("I'm anxious about this friendship, which means something is wrong.", &["emotional-reasoning"]),
    t("Because I feel unsafe with her, she can't be trusted.", &["emotional-reasoning"]),
    t("It feels true that he doesn't love me, so it is true.", &["emotional-reasoning"]),
    t("I feel stupid, so my colleagues must see me as stupid.", &["emotional-reasoning", "mind-reading"]),
    // Should statements
    t("He should know what I need without me having to say it.", &["should-statements"]),
    t("A real friend must always answer when I call.", &["should-statements"]),
    t("I shouldn't need anyone's help.", &["should-statements"]),
    t("My parents ought to have protected me better, and they should apologise.", &["should-statements"]),
    t("I should be over this by now.", &["should-statements"]),
    t("Partners shouldn't ever look at anyone else.", &["should-statements"]),
    // Discounting the positive
    t("He kept his promise, but only because he had to.", &["discounting-the-positive"]),
    t("She was kind to me, but anyone would have done the same.", &["discounting-the-positive"]),
    t("My boss praised my work, but she was just being polite.", &["discounting-the-positive", "mind-reading"]),
    t("He's been honest for months, but that doesn't count after what he did.", &["discounting-the-positive"]),
    t("Our good talk was just luck; next time it will go wrong.", &["discounting-the-positive", "fortune-telling"]),
    t(
        "My friend remembered my birthday, but it was only because Facebook reminded her.",
        &["discounting-the-positive"],
    ),
    // Fortune-telling
    t("He will leave me once he sees the real me.", &["fortune-telling"]),
    t("If I tell her how I feel, she's going to laugh at me.", &["fortune-telling"]),
    t("My new partner is going to cheat, just like the last one.", &["fortune-telling", "overgeneralization"]),
    t("This friendship will end badly, like all the others.", &["fortune-telling", "overgeneralization"]),
    t("I'll never be able to trust anyone again.", &["fortune-telling", "overgeneralization"]),
    t("My colleague will betray me the first chance she gets.", &["fortune-telling"]),
    // Mental filter
    t(
        "The whole dinner was lovely, but all I can think about is the moment he looked at his phone.",
        &["mental-filter"],
    ),
    t(
        "She said ten nice things and one critical thing, and the critical one is the only one I remember.",
        &["mental-filter"],
    ),
    t("The one thing that matters is that he was late on our anniversary.", &["mental-filter"]),
    t("I keep replaying the argument and forget all the good weeks we had.", &["mental-filter"]),
    t("My review was mostly good, but I can only focus on the single negative comment.", &["mental-filter"]),
    // Blaming
    t("It's all his fault that I can't trust anyone.", &["blaming"]),
    t("My mother made me this anxious; she ruined my life.", &["blaming"]),
    t("They made me check her phone; I had no choice.", &["blaming"]),
    t("Because of them, I'll never be happy in a relationship.", &["blaming", "fortune-telling"]),
    t("It's her fault our friendship fell apart; I did nothing wrong.", &["blaming"]),
    // Neutral or healthy thoughts: no trap.
    t("He was late, and I felt worried; I'll ask him what happened.", &[]),
    t("My friend cancelled, which is disappointing, and we've already picked a new date.", &[]),
    t("I don't know why she was quiet today; maybe she was tired.", &[]),
    t("My colleague kept her word on the report, and I noticed that.", &[]),
    t("I felt a bit jealous when he mentioned his ex, and I can talk to him about it calmly.", &[]),
    t("My dad said sorry for missing the call, and I believe he meant it.", &[]),
    t("Trust takes time, and I'm taking small steps with my sister.", &[]),
];

/// Shorthand for a practice item in the table below.
const fn p(thought: &'static str, answer: &'static [&'static str], explanation: &'static str) -> PracticeItem {
    PracticeItem { thought, answer, explanation }
}

/// Practice thoughts with their answer key, different from both labelled sets.
pub const PRACTICE_ITEMS: &[PracticeItem] = &[
    p(
        "My friend didn't reply to my joke in the group chat, so she must be annoyed with me.",
        &["mind-reading"],
        "You can't see into her mind from one quiet moment in a chat. She may not even have read it yet.",
    ),
    p(
        "My partner missed one call, and now I'm sure he's had an accident.",
        &["catastrophizing"],
        "Your mind jumped to the worst outcome. A missed call has many everyday reasons, like a flat battery or a \
         meeting.",
    ),
    p(
        "My brother lied about the money, so every man in my family is a liar.",
        &["overgeneralization", "labelling"],
        "One painful lie was stretched into a rule about everyone, and a label for all of them. Each person has \
         their own record.",
    ),
    p(
        "The new colleague will steal my ideas, I can tell already.",
        &["fortune-telling"],
        "This is a guess about the future dressed up as a fact. You can watch what she actually does over the next \
         few weeks.",
    ),
    p(
        "My mum was in a bad mood all day. I must have upset her.",
        &["personalization"],
        "Her mood may have many causes that have nothing to do with you. You could gently ask how her day was.",
    ),
    p(
        "She forgot to text back once, so she doesn't care about me at all.",
        &["all-or-nothing"],
        "One missed text was turned into \u{201c}not at all\u{201d}. Caring people forget things sometimes, and \
         both can be true.",
    ),
    p(
        "I trusted the wrong person, so I'm a fool.",
        &["labelling"],
        "One painful choice doesn't make you a fool. Trusting is a brave thing to do, and you can learn from what \
         happened.",
    ),
    p(
        "I feel nervous around him, so he must be up to something.",
        &["emotional-reasoning"],
        "Your nervousness is real and worth noticing, but it isn't proof. You can check it against what he \
         actually does.",
    ),
    p(
        "My partner should just know when I need a hug.",
        &["should-statements"],
        "This is a firm rule about what he ought to know. People can't read minds, and asking is a kind way to help \
         them get it right.",
    ),
    p(
        "He's been on time all month, but that's only because I keep reminding him.",
        &["discounting-the-positive"],
        "His effort was set aside as if it didn't count. Turning up on time is still turning up, whatever helped.",
    ),
    p(
        "The holiday was fun, but I keep thinking about the one argument on the last day.",
        &["mental-filter"],
        "One hard moment is screening out many good ones. Both are part of the picture.",
    ),
    p(
        "My ex is the reason I'll never be able to love anyone again.",
        &["blaming", "fortune-telling"],
        "All the power over your future was handed to your ex, and a guess was made into a fact. Your healing is \
         still yours to shape.",
    ),
    p(
        "If I tell my friend about my past, she'll tell everyone and I'll have to move away.",
        &["catastrophizing", "fortune-telling"],
        "Your mind raced to the worst ending as if it were certain. You could start by sharing something small and \
         see how she handles it.",
    ),
    p(
        "My boss sighed in the meeting. He thinks I'm useless.",
        &["mind-reading"],
        "A sigh can mean many things, and you can't know which without asking. He may be tired or thinking about \
         something else.",
    ),
    p(
        "A good friend must never cancel plans.",
        &["should-statements"],
        "This is a strict rule that even caring people can't always meet. Plans change, and a friend can cancel and \
         still care about you.",
    ),
    p(
        "My partner is quiet tonight. It's because of something I said.",
        &["personalization"],
        "His quiet was taken as being about you. He may be tired, worried about work, or simply enjoying a calm \
         evening.",
    ),
    p(
        "Either my sister takes my side completely, or she's betraying me.",
        &["all-or-nothing"],
        "Only two boxes were left: complete loyalty or betrayal. She can love you and still see things her own way.",
    ),
    p(
        "My daughter thanked me, but she was only saying it to get something.",
        &["discounting-the-positive", "mind-reading"],
        "A kind word was set aside as if it didn't count, and a hidden motive was guessed. You could let the thanks \
         land and see what follows.",
    ),
    p(
        "He cheated, so he's a monster.",
        &["labelling"],
        "What he did was painful, and it's fair to feel angry. Naming the action rather than labelling the whole \
         person can help you think clearly about what comes next.",
    ),
    p(
        "Every friend I've had has let me down in the end.",
        &["overgeneralization"],
        "A few painful endings were stretched into a rule about every friend. It may help to list the friends who \
         stayed, even in small ways.",
    ),
    p(
        "My chest goes tight when she's out, so she can't be trusted.",
        &["emotional-reasoning"],
        "A feeling in your body was taken as proof about her. Your body may be remembering an old hurt rather than \
         reading today.",
    ),
    p(
        "Our talk went well, but all I remember is the moment he rolled his eyes.",
        &["mental-filter"],
        "One moment is filtering out a talk that went well. You can let both into the picture.",
    ),
    p(
        "It's my colleague's fault that I'm stressed all the time.",
        &["blaming"],
        "All the fault was put in one place. Your colleague may be part of it, and other things, like workload and \
         sleep, may play a part too.",
    ),
    p(
        "If she's ten minutes late, the whole evening is spoiled.",
        &["all-or-nothing"],
        "A small delay was allowed to decide the whole evening. Most evenings can hold a rough start and still be \
         good.",
    ),
    p(
        "My partner will cheat on me when he goes to the conference.",
        &["fortune-telling"],
        "A fear about the future was treated as a fact. You could notice what you actually know about him, and what \
         would help you feel steadier.",
    ),
    p(
        "I ought to trust everyone straight away, or I'm a bad person.",
        &["should-statements", "labelling"],
        "A strict rule and a harsh label came together. Trust can grow at your own pace, and going slowly doesn't \
         make you bad.",
    ),
    p(
        "My dad apologised, but it means nothing; anyone can say sorry.",
        &["discounting-the-positive"],
        "The apology was set aside as if it didn't count. It's fair to wait for actions too, and the apology is \
         still a first step.",
    ),
    p(
        "My friend looked tired at lunch. I must be boring her.",
        &["personalization", "mind-reading"],
        "Her tiredness was taken as being about you, and her thoughts were guessed. She may simply have slept badly.",
    ),
];
