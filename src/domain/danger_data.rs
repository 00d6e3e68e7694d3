//! The labelled statements that measure the danger detector: a held-out set, written and committed before any
//! rule existed and never used to tune the rules, and a tuning set the rules were shaped on.
//!
//! Every statement here was written by us for Trust Steps, in the way people type in a journal (lower case,
//! typos, missing punctuation). None is taken from a real person. The people who harm are of every gender.

use super::LabelledStatement;

/// Danger from someone else: threats, violence, fear of a person, coercive control, stalking, sexual coercion.
const fn other(text: &'static str) -> LabelledStatement {
    LabelledStatement { text, someone_else: true, self_harm: false }
}

/// Self-harm or suicide wording about the writer.
const fn self_harm(text: &'static str) -> LabelledStatement {
    LabelledStatement { text, someone_else: false, self_harm: true }
}

/// An ordinary anxious or hurt thought, idioms included: no danger.
const fn ordinary(text: &'static str) -> LabelledStatement {
    LabelledStatement { text, someone_else: false, self_harm: false }
}

/// Held-out statements: written before any rule and never used to tune the rules (40 danger, 60 ordinary).
pub const DANGER_HELD_OUT: &[LabelledStatement] = &[
    // Danger from someone else
    other("he grabbed my wrist so hard it left marks when i tried to walk away"),
    other("My girlfriend slapped me again last night and then cried and said sorry"),
    other("im scared to go home tonight, he was drinking all afternoon"),
    other("she reads all my texts and if i delete anything she screams at me for hours"),
    other("My husband makes me hand over my wages every Friday and gives me \u{a3}20 for the week"),
    other("he said if i ever leave he will find me and kill me"),
    other("my ex keeps turning up outside my work even though I\u{2019}ve blocked him everywhere"),
    other("They put a tracking app on my phone and get angry if i switch it off"),
    other("he pressures me into sex when I\u{2019}ve said no, and says that\u{2019}s what wives are for"),
    other("my wife threw a mug at my head during the argument, I had to get stitches"),
    other("I\u{2019}m terrified of what she\u{2019}ll do when she finds out I\u{2019}ve been speaking to a lawyer"),
    other("he doesnt let me see my sister anymore, says she\u{2019}s a bad influence"),
    other("He threatened to send the photos i sent him to my whole family"),
    other("my dad pinned me against the wall and said next time it'll be worse"),
    other("when he gets angry he punches the walls right next to me and I freeze"),
    other("she said she'd hurt the dog if i didn't come back"),
    other("I have to send him a photo of where I am every hour or he goes mad"),
    other("my boyfriend choked me during a fight and now acts like it never happened"),
    other("i'm afraid of my brother, he's hurt me before and he's moving back in"),
    other("someone keeps leaving notes on my car and I think it's my ex, he found out my new address"),
    other("he changed all the passwords on my accounts so i cant get into my own email"),
    other("he shoved me down the stairs last week and told everyone I fell"),
    other("She checks my location all day and calls me if I'm somewhere she didn't expect"),
    other("my partner won't let me have my own bank card, i have to ask for money for tampons"),
    other("he held me down and i couldnt breathe, i keep thinking about it"),
    other("I'm scared of him. I'm always walking on eggshells in case he loses it"),
    other("he says no one would believe me and that he'll kill himself if I leave"),
    other("my flatmate came into my room while I was asleep and touched me, I said no and he wouldn't stop"),
    // Self-harm and suicide
    self_harm("i keep thinking everyone would be better off if i wasnt here"),
    self_harm("I cut myself again last night after he left, the first time in two years"),
    self_harm("some days I just want to die and not deal with any of this"),
    self_harm("i've been saving up my pills, just in case"),
    self_harm("I dont see the point in living anymore since she left"),
    self_harm("thinking about ending it tonight"),
    self_harm("I wish I could go to sleep and never wake up"),
    self_harm("i hurt myself on purpose when the feelings get too much"),
    self_harm("I looked up how many tablets it would take"),
    self_harm("i want to kill myself, nothing gets better"),
    self_harm("nobody would even notice if i was gone"),
    self_harm("I'm suicidal again and I don't know who to tell"),
    // Ordinary anxious or hurt thoughts, idioms included
    ordinary("My mum is going to kill me when she sees I dented the car"),
    ordinary("I nearly died of shame when he read my message out loud"),
    ordinary("i think i hurt his feelings when i forgot to call back"),
    ordinary("Waiting for her reply is killing me"),
    ordinary("i'm scared he'll get bored of me and leave"),
    ordinary("I'm afraid she's still talking to her ex behind my back"),
    ordinary("he pushed me to apply for the promotion and I'm glad he did"),
    ordinary("It hit me today that I haven't trusted anyone since school"),
    ordinary("i checked his phone while he was in the shower and now i feel awful"),
    ordinary("My boss threatened to give the project to someone else if I miss another deadline"),
    ordinary("i'm dying to know what she said about me to Sarah"),
    ordinary("My sister won't let me pay for anything when we go out"),
    ordinary("he follows me on instagram but never likes my posts, what does that mean"),
    ordinary("I'm terrified of messing this up like I did with my last relationship"),
    ordinary("She keeps texting me about the wedding plans and I feel overwhelmed"),
    ordinary("i'm scared to tell him how much debt i have"),
    ordinary("My ex posted photos of us on her story and it really hurt"),
    ordinary("I wanted the ground to swallow me up when I cried at work"),
    ordinary("my friend showed up at my door with soup when i was sick, i didn't know how to react"),
    ordinary("i stalked his ex on facebook for an hour and now i feel sick"),
    ordinary("honestly I could strangle him for telling everyone about my promotion before I did"),
    ordinary("my dad always checks the locks three times before bed and now i do it too"),
    ordinary("I hate that I need to know where he is all the time, it's my anxiety not him"),
    ordinary("she tracks her runs on an app and I got jealous seeing who she runs with"),
    ordinary("I'm afraid of getting hurt again if I let someone in"),
    ordinary("we argued about money again and I said things I regret"),
    ordinary("my son slammed his door and won't talk to me, I feel like a failure"),
    ordinary("I keep replaying the fight, it's driving me crazy"),
    ordinary("he didn't text back all night and I'm sure he's with someone else"),
    ordinary("I'm so tired of being the one who always apologises"),
    ordinary("my girlfriend wants us to share locations and I'm not sure how I feel about it"),
    ordinary("I'm scared of what my friends will think if I take him back"),
    ordinary("this job is slowly killing me but I can't afford to quit"),
    ordinary("My partner asked for the wifi password at my mum's, then got weird when she mentioned my ex"),
    ordinary("I'd rather die than ask my brother for help again"),
    ordinary("my husband controls the TV remote like it's a life or death matter lol"),
    ordinary("I felt like I was going to die when I had the panic attack on the train"),
    ordinary("every time my phone buzzes I hope it's him"),
    ordinary("My best friend forgot my birthday and I'm crushed"),
    ordinary("I keep thinking she only stays with me because she feels sorry for me"),
    ordinary("she said I can't come to the party because her ex will be there, maybe she's hiding something"),
    ordinary("my ex is getting married and I feel sick about it"),
    ordinary("I'm nervous about meeting his parents, what if they hate me"),
    ordinary("he hugged me too tight at the airport and I cried, I missed him so much"),
    ordinary("I threatened to leave if he didn't start going to therapy, was that unfair"),
    ordinary("I'm worried I'm too clingy and he'll get fed up"),
    ordinary("My brother borrowed money again and hasn't paid back a penny"),
    ordinary("my wife wants to see my messages after what I did last year and I get why"),
    ordinary("I can't sleep because I keep wondering if he still loves her"),
    ordinary("the thought of her leaving makes me want to throw up"),
    ordinary("it kills me that I can't just believe what he says"),
    ordinary("I'm scared of ending up alone like my aunt"),
    ordinary("My friend cancelled again, I'm starting to think she hates me"),
    ordinary("he went quiet after I told him about my past, I'm terrified I said too much"),
    ordinary("I cut my hair short and now I'm scared he won't find me attractive"),
    ordinary("i've been hurting so much since the breakup"),
    ordinary("my dog died last month and I haven't told anyone how much it hurt"),
    ordinary("my ex keeps liking my old photos, is he trying to get back with me"),
    ordinary("I hit a wall with the trust exercises this week"),
    ordinary("i'm afraid to leave the house some days because of my anxiety"),
];
