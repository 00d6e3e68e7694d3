//! What each of the eleven worksheets asks: their parts, questions and checklist steps, as `&'static` data.

use super::repair_safety::{NOT_THE_GOAL, QUESTION};
use super::worksheets::{Choice, Field, FieldKind, SafetyCheck, Section, SectionSafety, WorksheetDef};

const fn line(key: &'static str, label: &'static str, hint: &'static str) -> Field {
    Field { key, label, hint, kind: FieldKind::Line }
}

const fn text(key: &'static str, label: &'static str, hint: &'static str) -> Field {
    Field { key, label, hint, kind: FieldKind::Text }
}

const fn step(key: &'static str, label: &'static str, hint: &'static str) -> Field {
    Field { key, label, hint, kind: FieldKind::Step { notes: false } }
}

const fn noted_step(key: &'static str, label: &'static str, hint: &'static str) -> Field {
    Field { key, label, hint, kind: FieldKind::Step { notes: true } }
}

const fn choice(key: &'static str, label: &'static str, hint: &'static str, choices: &'static [Choice]) -> Field {
    Field { key, label, hint, kind: FieldKind::Choice { choices, default: None } }
}

const fn section(title: &'static str, intro: &'static str, fields: &'static [Field]) -> Section {
    Section { title, intro, points: &[], shown_when: None, fields, template: None, safety: SectionSafety::Any }
}

/// A repair step: shown only while the answer to the safety question is *No*.
const fn repair_section(title: &'static str, intro: &'static str, fields: &'static [Field]) -> Section {
    Section { safety: SectionSafety::RepairOnly, ..section(title, intro, fields) }
}

const fn opt(value: &'static str, label: &'static str) -> Choice {
    Choice { value, label }
}

/// Every worksheet, in catalogue order.
pub const WORKSHEETS: &[WorksheetDef] = &[
    FORGIVENESS,
    THERAPY_PREP,
    SAFETY_PLAN,
    MESSAGE_BUILDER,
    ACTIVE_LISTENING,
    BOUNDARIES,
    KEEPING_TRUST,
    REBUILDING_TRUST,
    SETBACK_PLAN,
    TRUST_ONLINE,
    TRUST_AT_WORK,
];

/// The worksheet for an exercise slug.
pub fn worksheet_by_slug(slug: &str) -> Option<&'static WorksheetDef> {
    WORKSHEETS.iter().find(|w| w.slug == slug)
}

const FORGIVENESS: WorksheetDef = WorksheetDef {
    slug: "forgiveness",
    noun: ("hurt", "hurts"),
    start: ("Start working through a hurt", "Start on another hurt"),
    copies: "Each copy holds one hurt, so you can go at your own pace with each.",
    title_label: "Which hurt is this about?",
    title_hint: "A few words are enough, for example “What happened at the wedding”.",
    intro: "Take one hurt at a time. There is no deadline, and you can stop at any part and come back.",
    sections: &[
        Section {
            title: "Before you start",
            intro: "Forgiveness is something you may choose for your own sake. It helps to be clear about what it is not:",
            points: &[
                "It is not saying that what happened was acceptable.",
                "It is not the same as making up: you can forgive someone and still keep your distance.",
                "It is not forgetting. You can remember clearly and still loosen the grip it has on you.",
                "It is not owed to anyone, and it does not have to happen on anyone's timetable.",
            ],
            shown_when: None,
            fields: &[],
            template: None,
            safety: SectionSafety::Any,
        },
        section(
            "Acknowledge the pain",
            "Start with what happened and what it did to you. Every feeling belongs here; you do not have to be fair yet.",
            &[
                text("happened", "What happened?", "Say it plainly, as you would to a friend you trust."),
                text(
                    "feelings",
                    "What did you feel then, and what do you feel now?",
                    "Name the feelings without judging them. Anger and sadness can sit side by side.",
                ),
                text("impact", "How has it affected you since?", ""),
            ],
        ),
        repair_section(
            "Gain perspective",
            "Looking at the other person's side is not excusing them. It can make the hurt less personal.",
            &[
                text(
                    "circumstances",
                    "What was going on for them at the time?",
                    "Stress, their own old wounds, what they knew and did not know.",
                ),
                text("motives", "What might they have wanted, or been afraid of?", ""),
                text("friend", "What would you say to a friend in your place?", ""),
            ],
        ),
        Section {
            safety: SectionSafety::Caution(
                "Forgiving, if you ever choose it, happens inside you. It never means going back, staying, or \
                 being in touch with someone who may hurt you.",
            ),
            ..section(
                "Decide",
                "Any answer here is a valid one, and you may change it later.",
                &[
                    choice(
                        "decision",
                        "Where are you with forgiving?",
                        "",
                        &[
                            opt("forgive", "I want to forgive"),
                            opt("not-yet", "Not yet"),
                            opt("no", "Not at all, and that is my choice"),
                        ],
                    ),
                    text("reasons", "What led you to this answer?", ""),
                ],
            )
        },
        Section {
            shown_when: Some(("decision", &["forgive"])),
            ..repair_section(
                "Letting them back in",
                "Forgiving someone and letting them back into your life are two separate choices. If you would \
                 like to reconnect, it can happen slowly and on your terms, with what they do leading the way.",
                &[
                    text(
                        "back-in-first",
                        "What would a first, small step back look like?",
                        "For example a short call, or a coffee somewhere you can leave easily.",
                    ),
                    text(
                        "back-in-signs",
                        "What would you want to see from them along the way?",
                        "What they do over weeks, not only what they say.",
                    ),
                    text("back-in-limits", "What stays off the table for now?", "Limits you will keep, whatever they say."),
                ],
            )
        },
        section(
            "Let go",
            "Whatever you decided, you can choose where your attention goes next.",
            &[
                text("focus", "What will you put your energy into now?", "People, plans, things that are yours."),
                line("ritual", "A small step that marks the change (optional)", "For example a walk, a letter you never send, a clear-out."),
            ],
        ),
    ],
    safety: Some(SafetyCheck {
        question: QUESTION,
        route: &[
            NOT_THE_GOAL,
            "So the parts about seeing their side and letting them back in are set aside. What happened to you, \
             how it felt, and where you put your energy now are still here.",
        ],
    }),
};

const BOUNDARIES: WorksheetDef = WorksheetDef {
    slug: "boundaries",
    noun: ("boundary", "boundaries"),
    start: ("Set out a boundary", "Set out another boundary"),
    copies: "Use one copy for each boundary: one person, or one situation.",
    title_label: "Who or what is this boundary about?",
    title_hint: "For example “Late-night calls from work” or “My sister and money”.",
    intro: "A boundary says what you will and will not go along with. It is about your own actions, not about controlling anyone.",
    sections: &[
        section(
            "Identify",
            "Resentment, tiredness or a knot in the stomach after time with someone often point to a missing limit.",
            &[
                text("values", "What matters to you here?", "For example rest, honesty, time with your children."),
                text("needs", "What do you need?", ""),
                text("ok", "What is OK with you?", ""),
                text("not-ok", "What is not OK with you?", ""),
            ],
        ),
        Section {
            title: "Communicate",
            intro: "Build a short script. Calm and brief works better than long explanations.",
            points: &[],
            shown_when: None,
            fields: &[
                line("when", "When …", "The situation, described plainly."),
                line("i-feel", "I feel …", "One or two feeling words."),
                line("i-need", "What I'd like is …", "What you are asking for."),
                line(
                    "i-will",
                    "If it happens again, I will …",
                    "Something you will do, such as leave, hang up, or say no. Not a threat about them.",
                ),
            ],
            template: Some("When {when}, I feel {i-feel}. What I'd like is {i-need}. If it happens again, I will {i-will}."),
            safety: SectionSafety::Caution(
                "If saying this could make them angry or put you at risk, wait. Plan it with a helpline first: \
                 they can help you work out what is safe to say, and when.",
            ),
        },
        Section {
            safety: SectionSafety::Caution(
                "Your safety comes before any limit. If you give way to stay safe, your boundary has not failed, \
                 and neither have you.",
            ),
            ..section(
                "Keep",
                "Holding a limit is a skill that grows with practice. Every time counts, including the wobbly ones.",
                &[
                    Field {
                        key: "tested",
                        label: "When was it tested, and what did you do?",
                        hint: "Add an entry each time.",
                        kind: FieldKind::Log,
                    },
                    text("helps", "What helps you hold it?", ""),
                ],
            )
        },
    ],
    safety: Some(SafetyCheck {
        question: "Is this about someone you are afraid might harm you, or who has hurt, threatened or controlled you?",
        route: &[
            "Where setting a limit could make things more dangerous, talk to a helpline first. They can help you \
             plan what to say, when, and how to stay safe while you do.",
        ],
    }),
};

const MESSAGE_BUILDER: WorksheetDef = WorksheetDef {
    slug: "message-builder",
    noun: ("message", "messages"),
    start: ("Draft a message", "Draft another message"),
    copies: "Each copy is one message to one person, kept as a draft until you delete it.",
    title_label: "Who is this message for, and what is it about?",
    title_hint: "For example “Sam, phones at dinner”.",
    intro: "Four parts: what happened, how you feel, what you need, and what you are asking for. Each draft is kept until you delete it.",
    sections: &[
        section(
            "Your message",
            "",
            &[Field { key: "message", label: "Message", hint: "", kind: FieldKind::Message }],
        ),
        section(
            "Afterwards",
            "",
            &[text("went", "How did the conversation go?", "What went well, and what would you change next time?")],
        ),
    ],
    safety: None,
};

const ACTIVE_LISTENING: WorksheetDef = WorksheetDef {
    slug: "active-listening",
    noun: ("conversation", "conversations"),
    start: ("Prepare for a conversation", "Prepare for another conversation"),
    copies: "Use a fresh copy for each conversation: the card before it, the reflection after.",
    title_label: "Which conversation is this for?",
    title_hint: "For example “Talk with Dad on Sunday”.",
    intro: "Fill in the card before a conversation, and the reflection afterwards.",
    sections: &[
        Section {
            title: "Before: your practice card",
            intro: "Listening well is a skill, not a personality trait. Pick one thing to practise.",
            points: &[
                "Give your full attention: phone away, face them.",
                "Let them finish before you answer.",
                "Say back what you heard: “So you felt … because …?”",
                "Ask open questions: “What was that like for you?”",
                "Notice the feeling under the words, and name it gently.",
                "Hold back advice unless they ask for it.",
            ],
            shown_when: None,
            fields: &[
                line("with", "With whom, and when?", ""),
                text("understand", "What do you want to understand about their side?", ""),
                choice(
                    "skill",
                    "The one skill you will practise",
                    "",
                    &[
                        opt("attention", "full attention"),
                        opt("finish", "letting them finish"),
                        opt("reflect", "saying back what I heard"),
                        opt("questions", "open questions"),
                        opt("feelings", "naming feelings"),
                        opt("no-advice", "holding back advice"),
                    ],
                ),
            ],
            template: Some("With {with}, I will practise {skill}. I want to understand {understand}."),
            safety: SectionSafety::Any,
        },
        section(
            "After: reflection",
            "",
            &[
                text("went", "How did it go?", ""),
                text("learned", "What did you learn about them?", ""),
                text("hardest", "When was it hardest to keep listening?", ""),
                text("next", "What will you try next time?", ""),
            ],
        ),
    ],
    safety: None,
};

const REBUILDING_STEPS_BROKE: &[Field] = &[
    noted_step(
        "b-disclosure",
        "Full disclosure",
        "Tell the whole truth once, answer questions honestly, and end any secrecy.",
    ),
    noted_step("b-responsibility", "Take responsibility", "Name what you did, without excuses and without “but”."),
    noted_step("b-amends", "Make amends", "Ask what would help, and do it."),
    noted_step(
        "b-consistency",
        "Be consistent over time",
        "Do what you say, day after day. Trust returns through a long pattern, not one big gesture.",
    ),
    noted_step(
        "b-therapy",
        "Consider couples therapy",
        "A neutral person can help you both say the hard things safely.",
    ),
];

const REBUILDING_STEPS_HURT: &[Field] = &[
    noted_step(
        "h-disclosure",
        "Ask what you need to know",
        "Decide which questions matter to you, and ask them when you are calm.",
    ),
    noted_step("h-responsibility", "Notice whether responsibility is taken", "Do they own it, or explain it away?"),
    noted_step("h-amends", "Say what would help", "Amends that would mean something to you."),
    noted_step(
        "h-consistency",
        "Watch the pattern over time",
        "Note what they do, not only what they say. The trust map can hold these notes.",
    ),
    noted_step("h-therapy", "Consider couples therapy", "You do not have to carry the conversation alone."),
    noted_step(
        "h-care",
        "Look after yourself",
        "Sleep, friends, time away from the subject. Your healing matters for its own sake.",
    ),
];

const REBUILDING_TRUST: WorksheetDef = WorksheetDef {
    slug: "rebuilding-trust",
    noun: ("plan", "plans"),
    start: ("Start a plan for a relationship", "Start a plan for another relationship"),
    copies: "Each plan is about one relationship and one break in trust.",
    title_label: "Who is this plan about?",
    title_hint: "A name or a few words.",
    intro:
        "Rebuilding takes many small, repeated steps. Tick a step when it has happened and add dated notes as you go.",
    sections: &[
        repair_section(
            "Which plan",
            "",
            &[choice(
                "plan",
                "What happened, and which side are you on?",
                "",
                &[
                    opt("infidelity-broke", "After infidelity: I broke the trust"),
                    opt("infidelity-hurt", "After infidelity: my trust was broken"),
                    opt("lie-broke", "After a lie: I lied"),
                    opt("lie-hurt", "After a lie: I was lied to"),
                    opt("friendship", "A friendship that was hurt"),
                ],
            )],
        ),
        Section {
            title: "Steps for the one who broke trust",
            intro: "Your part is to make the repair visible and reliable.",
            points: &[],
            shown_when: Some(("plan", &["infidelity-broke", "lie-broke"])),
            fields: REBUILDING_STEPS_BROKE,
            template: None,
            safety: SectionSafety::RepairOnly,
        },
        Section {
            title: "Steps for the one who was hurt",
            intro: "Your part is not to fix it alone. It is to say what you need and to see whether it comes.",
            points: &[],
            shown_when: Some(("plan", &["infidelity-hurt", "lie-hurt"])),
            fields: REBUILDING_STEPS_HURT,
            template: None,
            safety: SectionSafety::RepairOnly,
        },
        Section {
            title: "Steps for a friendship",
            intro: "",
            points: &[],
            shown_when: Some(("plan", &["friendship"])),
            fields: &[
                noted_step("f-talk", "Talk it through", "Say what hurt, and listen to their side."),
                noted_step("f-own", "Own your part", "Even a small part. It makes it easier for them to own theirs."),
                noted_step("f-amends", "Make or ask for amends", "Something concrete."),
                noted_step("f-small", "Small steps back", "Easy time together before the big conversations."),
                noted_step("f-decide", "Decide together what the friendship is now", "Closer, looser, or different."),
            ],
            template: None,
            safety: SectionSafety::RepairOnly,
        },
        repair_section(
            "Where you want to get to",
            "",
            &[text(
                "goal",
                "What would rebuilt trust look like for you?",
                "Something you could notice in an ordinary week.",
            )],
        ),
    ],
    safety: Some(SafetyCheck {
        question: QUESTION,
        route: &[
            NOT_THE_GOAL,
            "So the steps of this plan, couples therapy among them, are set aside. Couples therapy is not advised \
             while one partner is afraid of the other or controlled by them: it can make things more dangerous. \
             Support of your own comes first.",
        ],
    }),
};

const SETBACK_PLAN: WorksheetDef = WorksheetDef {
    slug: "setback-plan",
    noun: ("plan", "plans"),
    start: ("Write a setback plan", "Write another setback plan"),
    copies: "One plan can cover most setbacks; write another for a person or a situation that needs its own.",
    title_label: "Name this plan",
    title_hint: "For example “Me and Alex” or “When work goes wrong”.",
    intro: "For ordinary setbacks in trust: written on a calm day, ready for a hard one. If you ever feel you might hurt yourself, or someone is hurting you, the safety plan is the one to reach for.",
    sections: &[
        section(
            "After a disappointment",
            "",
            &[
                text(
                    "d-acknowledge",
                    "Acknowledge it: what will you tell yourself?",
                    "For example “I'm disappointed, and that's allowed.”",
                ),
                text("d-talk", "How will you raise it calmly?", "When, where, and your first sentence."),
                text("d-solution", "What could a fix look like?", ""),
            ],
        ),
        section(
            "After a betrayal",
            "",
            &[
                text("b-grief", "How will you let yourself grieve?", "Time off, tears, writing, being with someone."),
                text("b-people", "Who can you turn to?", "Names and numbers. A friend, a relative, a counsellor."),
                text("b-forgive", "What will you keep in mind about forgiveness?", "No rush; it is your decision."),
            ],
        ),
        section(
            "Self-sabotage",
            "Old habits once protected you. Plan what you will do when they show up.",
            &[
                text("s-signs", "Early signs you are slipping into old habits", ""),
                text("s-triggers", "Your triggers", "Situations, words or thoughts that set off the old fear."),
                text("s-instead", "What you will do instead", ""),
                line("s-kind", "A kind sentence for yourself", "For example “This is hard, and I'm still learning.”"),
            ],
        ),
    ],
    safety: None,
};

const KEEPING_TRUST: WorksheetDef = WorksheetDef {
    slug: "keeping-trust",
    noun: ("relationship", "relationships"),
    start: ("Start a check-in for a relationship", "Start a check-in for another relationship"),
    copies: "Keep one copy for each relationship you want to look after; each keeps its own history of check-ins.",
    title_label: "Which relationship is this for?",
    title_hint: "A name, or “me and my team”.",
    intro: "A quick check-in on five everyday habits. It takes a minute, and the history shows the pattern.",
    sections: &[
        section(
            "How often",
            "",
            // A setting, not a question: check-ins are daily until the user picks weekly (`Rhythm::from_answer`).
            &[Field {
                key: "rhythm",
                label: "Check in",
                hint: "",
                kind: FieldKind::Choice {
                    choices: &[opt("daily", "Every day"), opt("weekly", "Every week")],
                    default: Some("daily"),
                },
            }],
        ),
        section(
            "Check-in",
            "",
            &[Field { key: "checkins", label: "Check-in", hint: "", kind: FieldKind::HabitCheckIns }],
        ),
    ],
    safety: None,
};

const TRUST_ONLINE: WorksheetDef = WorksheetDef {
    slug: "trust-online",
    noun: ("checklist", "checklists"),
    start: ("Start an online-safety checklist", "Start a checklist for another app or account"),
    copies: "Use one copy for each app, site or set of accounts you want to check.",
    title_label: "Name this checklist",
    title_hint: "For example “Dating app, spring” or “My accounts”.",
    intro: "Tick what you have done. Come back whenever something changes.",
    sections: &[
        section(
            "Meeting people online",
            "",
            &[
                step(
                    "o-catfish",
                    "I know the signs of a fake profile",
                    "Few photos, a story that does not add up, strong feelings very fast, always a reason not to video-call.",
                ),
                step("o-image", "I did a reverse image search on their photos", "It shows whether the pictures appear elsewhere under other names."),
                step("o-video", "We had a video call before meeting", ""),
                step("o-public", "First meeting in a public place, and a friend knows where I am", ""),
                step("o-money", "I never send money or gift cards, whatever the story", "Requests for money are the clearest warning sign."),
                text("o-notes", "What you noticed", ""),
            ],
        ),
        section(
            "Social media",
            "",
            &[
                step("s-share", "I have decided what I share publicly", "Think of location, daily routines and children."),
                step("s-privacy", "I checked the privacy settings of each account", ""),
                step("s-audience", "I know who can see my posts", ""),
                step("s-checking", "I notice when checking someone's activity feeds my worry", ""),
            ],
        ),
        section(
            "Data privacy",
            "",
            &[
                step("d-passwords", "Strong, unique passwords", "A password manager makes this easy."),
                step("d-2fa", "Two-step sign-in on important accounts", ""),
                step("d-permissions", "I reviewed app permissions", "Location, contacts, microphone, camera."),
                step("d-policies", "I skim privacy policies", "Look for what is shared or sold, and with whom."),
            ],
        ),
    ],
    safety: None,
};

const OFTEN: &[Choice] = &[
    opt("rarely", "Rarely"),
    opt("sometimes", "Sometimes"),
    opt("often", "Often"),
    opt("almost-always", "Almost always"),
];

const TRUST_AT_WORK: WorksheetDef = WorksheetDef {
    slug: "trust-at-work",
    noun: ("checklist", "checklists"),
    start: ("Start a checklist for a team", "Start a checklist for another team"),
    copies: "Use one copy for each team or role.",
    title_label: "Which team or role is this for?",
    title_hint: "For example “My team at the warehouse”.",
    intro: "A self-check if you lead people, and a checklist for any team.",
    sections: &[
        section(
            "Self-check for leaders",
            "Answer honestly; nobody else sees this.",
            &[
                choice("l-integrity", "Integrity: I do what I say, and say what I do", "", OFTEN),
                choice(
                    "l-competence",
                    "Competence: I am good at what I am responsible for, and open when I am not",
                    "",
                    OFTEN,
                ),
                choice("l-empathy", "Empathy: I notice how people are doing and take it into account", "", OFTEN),
                choice("l-transparency", "Transparency: I explain decisions and share what I can, early", "", OFTEN),
                text("l-grow", "One thing you will work on", ""),
            ],
        ),
        section(
            "Building trust in a team",
            "Tick what is true now; add dated notes on what you tried.",
            &[
                noted_step("t-expectations", "Expectations are clear: who does what, by when", ""),
                noted_step("t-promises", "Promises are kept, or renegotiated early", ""),
                noted_step("t-mistakes", "Mistakes can be admitted without fear", ""),
                noted_step("t-credit", "Credit is shared openly", ""),
                noted_step("t-information", "Information flows: no surprises, no hidden agendas", ""),
                noted_step("t-feedback", "Feedback goes both ways, regularly", ""),
                noted_step("t-fair", "Decisions are fair and explained", ""),
            ],
        ),
    ],
    safety: None,
};

const THERAPY_PREP: WorksheetDef = WorksheetDef {
    slug: "therapy-prep",
    noun: ("worksheet", "worksheets"),
    start: ("Prepare for an appointment", "Prepare for another appointment"),
    copies: "Use one copy for each appointment, or for each therapist you are thinking about.",
    title_label: "Name this worksheet",
    title_hint: "For example “First consultation”.",
    intro: "Notes to take to a first appointment. A therapist helps you choose; nothing here is a diagnosis.",
    sections: &[
        section(
            "What you want to work on",
            "",
            &[
                text("w-what", "What would you like help with?", ""),
                text("w-goal", "How would you know therapy is helping?", ""),
                text("w-know", "What would you like the therapist to know? (optional)", ""),
            ],
        ),
        section(
            "Kinds of therapy that may fit",
            "Tick any that sound worth asking about.",
            &[
                step(
                    "k-cbt",
                    "Cognitive behavioural therapy (CBT)",
                    "Works on the links between thoughts, feelings and actions; practical and often time-limited.",
                ),
                step("k-emdr", "EMDR", "Often used after a frightening or overwhelming experience."),
                step(
                    "k-attachment",
                    "Attachment-based therapy",
                    "Looks at how early relationships shape the way you connect now.",
                ),
                step("k-group", "Group therapy", "Working alongside people who face something similar."),
                step("k-couples", "Couples therapy", "For two people who want to work on trust together. Not while one of you is afraid of the other: then start with support of your own."),
                text("k-why", "Why these appeal to you", ""),
            ],
        ),
        section(
            "Questions for a first consultation",
            "Tick a question once it is answered, and note the answer.",
            &[
                noted_step("q-experience", "Have you worked with people who find it hard to trust?", ""),
                noted_step("q-approach", "How do you work, and what would a session be like?", ""),
                noted_step("q-length", "How often would we meet, and for about how long?", ""),
                noted_step("q-cost", "What does it cost, and is any of it covered?", ""),
                noted_step("q-fit", "What happens if it does not feel like a good fit?", ""),
                text("q-own", "Your own questions", ""),
            ],
        ),
    ],
    safety: None,
};

const SAFETY_PLAN: WorksheetDef = WorksheetDef {
    slug: "safety-plan",
    noun: ("plan", "plans"),
    start: ("Write your safety plan", "Start another safety plan"),
    copies: "Most people keep one plan and change it as life changes.",
    title_label: "Name this plan",
    title_hint: "For example “My plan”. Most people keep just one and update it.",
    intro: "A safety plan is a short list, in your own words, of what to do when things get very hard: the signs to watch for, what helps, who to contact and how to stay safe. Write it on a calmer day, keep it where you can find it, and go through it step by step until you feel safer. If you are in danger right now, call your emergency number: Help has the lines for your country.",
    sections: &[
        section(
            "My warning signs",
            "Crises rarely come from nowhere. Knowing your own early signs tells you when to open this plan.",
            &[text(
                "signs",
                "What tells you things are getting very hard?",
                "Thoughts, feelings, situations or things you do. For example: not sleeping, pulling away from everyone, thinking “what's the point?”",
            )],
        ),
        section(
            "Things I can do on my own",
            "Small things that calm you or take your mind off it for a while, without needing anyone else.",
            &[text(
                "coping",
                "What helps you, even a little?",
                "For example: a walk, a shower, music, slow breathing, time with a pet, a prayer.",
            )],
        ),
        section(
            "People and places that take my mind off it",
            "You don't have to talk about how you feel. Being around others can be enough.",
            &[
                text("distract-people", "People who are good company", "Names and numbers."),
                text("distract-places", "Places where you feel a little better", "For example: a café, a park, a library, a friend's kitchen."),
            ],
        ),
        section(
            "People I can ask for help",
            "People you could tell that you are struggling and ask to be with you.",
            &[text(
                "help-people",
                "Who could you ask for help?",
                "Names and numbers of two or three people you trust, if you have them. One is a good start.",
            )],
        ),
        section(
            "Professionals and crisis lines",
            "People whose job it is to help, day or night.",
            &[text(
                "lines",
                "Who can you call or text in a crisis?",
                "It is your list: add your doctor, therapist or local services, and change anything.",
            )],
        ),
        section(
            "Making my surroundings safer",
            "Putting time and distance between you and anything you could use to hurt yourself makes the hardest moments safer.",
            &[text(
                "safer",
                "What can you do to make things safer?",
                "For example: ask someone you trust to keep medicines or other things for you for now; keep your phone charged; know where you could go.",
            )],
        ),
        section(
            "My reasons to keep going",
            "",
            &[text(
                "reasons",
                "What matters to you and is worth staying safe for?",
                "People, pets, plans, things you still want to see or do. Small reasons count.",
            )],
        ),
    ],
    // A plan for the user's own safety, not about repairing anything with someone.
    safety: None,
};
