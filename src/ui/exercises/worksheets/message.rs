//! The message builder: observation, feeling, need and request, with gentle word checks, word lists to pick
//! from, the composed message and Copy (with a visible fallback when the clipboard is not available).

use super::fields::{answer, set_answer};
use super::Change;
use crate::domain::message::{
    add_word, compose, hidden_judgments, judging_words, request_warnings, MessageParts, MessageStyle, WordFlag,
    FEELING_GROUPS, NEED_GROUPS,
};
use crate::domain::worksheets::WorksheetEntry;
use crate::ui::components::disclosure::Disclosure;
use crate::ui::components::fields::{ChoiceGroup, TextArea, TextInput};
use crate::ui::dom::{copy_text, select_text};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// How the last Copy went.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Copied {
    Not,
    Yes,
    Failed,
}

/// The four parts, their checks and the composed message.
#[component]
pub(super) fn MessageBuilder(entry: RwSignal<WorksheetEntry>, edit: Callback<Change>) -> impl IntoView {
    let observation = answer(entry, "observation");
    let feeling = answer(entry, "feeling");
    let need = answer(entry, "need");
    let request = answer(entry, "request");
    let style = answer(entry, "style");
    let composed = Memo::new(move |_| {
        let (o, f, n, r) = (observation.get(), feeling.get(), need.get(), request.get());
        let parts = MessageParts { observation: &o, feeling: &f, need: &n, request: &r };
        compose(parts, MessageStyle::from_answer(Some(style.get().as_str())))
    });
    let judging = Memo::new(move |_| observation.with(|o| judging_words(o)));
    let hidden = Memo::new(move |_| feeling.with(|f| hidden_judgments(f)));
    let asks = Memo::new(move |_| request.with(|r| request_warnings(r)));
    let add_to = move |key: &'static str, current: Memo<String>| {
        move |word: &'static str| {
            let text = add_word(&current.get_untracked(), word);
            set_answer(edit, key)(text);
        }
    };
    let add_feeling = add_to("feeling", feeling);
    let add_need = add_to("need", need);
    let copied = RwSignal::new(Copied::Not);
    let copy = move |_| {
        let text = composed.get_untracked();
        spawn_local(async move {
            if copy_text(&text).await {
                copied.set(Copied::Yes);
            } else {
                copied.set(Copied::Failed);
                request_animation_frame(|| select_text("ws-message-copy"));
            }
        });
    };
    // A changed message needs copying again.
    Effect::new(move |_| {
        composed.track();
        copied.set(Copied::Not);
    });
    view! {
        <ChoiceGroup legend="Shape of the message">
            <label class="choice">
                <input type="radio" name="ws-style" prop:checked=move || style.with(|s| s != "i-statement") on:change=move |_| set_answer(edit, "style")("nvc".to_owned())/>
                <span>"Four parts (Nonviolent Communication)"</span>
            </label>
            <label class="choice">
                <input type="radio" name="ws-style" prop:checked=move || style.with(|s| s == "i-statement") on:change=move |_| set_answer(edit, "style")("i-statement".to_owned())/>
                <span>"A short I-statement"</span>
            </label>
        </ChoiceGroup>
        <TextArea
            id="ws-observation"
            label="1. What happened?"
            hint="Describe it the way a camera would: what was said or done, and when. No verdicts."
            rows=3
            value=observation
            on_input=set_answer(edit, "observation")
        />
        <Flags flags=judging title="Words that may sound like a judgment"/>
        <TextInput
            id="ws-feeling"
            label="2. How do you feel?"
            hint="One or two words. Pick from the list below or write your own."
            value=feeling
            on_input=set_answer(edit, "feeling")
        />
        <Show when=move || hidden.with(|h| !h.is_empty())>
            <div class="word-flags" role="note">
                <p class="word-flags__title">"Words that describe what they did, more than how you feel"</p>
                <ul>
                    {move || {
                        hidden
                            .get()
                            .into_iter()
                            .map(|h| {
                                view! {
                                    <li>
                                        {format!("“{}” says what you think they did. Underneath, you may feel: ", h.word)}
                                        {h
                                            .underneath
                                            .iter()
                                            .map(|word| {
                                                view! {
                                                    <button type="button" class="chip chip--toggle" on:click=move |_| add_feeling(word)>
                                                        {*word}
                                                    </button>
                                                    " "
                                                }
                                            })
                                            .collect_view()}
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </div>
        </Show>
        <Disclosure label="Show feeling words">
            <WordChips groups=FEELING_GROUPS add=add_feeling/>
        </Disclosure>
        <TextInput
            id="ws-need"
            label="3. What do you need?"
            hint="What matters to you underneath the feeling."
            value=need
            on_input=set_answer(edit, "need")
        />
        <Disclosure label="Show needs">
            <WordChips groups=NEED_GROUPS add=add_need/>
        </Disclosure>
        <TextArea
            id="ws-request"
            label="4. What are you asking for?"
            hint="Something concrete and doable, said as what you'd like rather than what to stop. They can say no."
            rows=2
            value=request
            on_input=set_answer(edit, "request")
        />
        <Flags flags=asks title="This request may be hard to say yes to"/>
        <div class="composed" role="group" aria-labelledby="ws-message-heading">
            <h3 id="ws-message-heading">"Your message"</h3>
            <p class="composed__text user-text" id="ws-message">{move || composed.get()}</p>
            <button type="button" class="button button--secondary" on:click=copy>"Copy message"</button>
            <p class="composed__status" role="status">
                {move || match copied.get() {
                    Copied::Yes => "Copied. Paste it wherever you like, or keep it here as a draft.",
                    Copied::Failed => "Copying is not available here. The message is selected below: copy it with your device's copy command.",
                    Copied::Not => "",
                }}
            </p>
            <Show when=move || copied.get() == Copied::Failed>
                <div class="field">
                    <label for="ws-message-copy">"Your message, ready to copy"</label>
                    <textarea id="ws-message-copy" readonly rows=4 prop:value=move || composed.get()></textarea>
                </div>
            </Show>
        </div>
    }
}

/// Gentle warnings about words in a part, with why each matters.
#[component]
fn Flags(flags: Memo<Vec<WordFlag>>, title: &'static str) -> impl IntoView {
    view! {
        <Show when=move || flags.with(|f| !f.is_empty())>
            <div class="word-flags" role="note">
                <p class="word-flags__title">{title}</p>
                <ul>
                    {move || {
                        flags
                            .get()
                            .into_iter()
                            .map(|f| view! { <li><strong>{format!("“{}”", f.word)}</strong>{format!(": {}", f.why)}</li> })
                            .collect_view()
                    }}
                </ul>
            </div>
        </Show>
    }
}

/// Word lists as buttons that add the word to a part.
#[component]
fn WordChips(
    groups: &'static [(&'static str, &'static [&'static str])],
    add: impl Fn(&'static str) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    groups
        .iter()
        .map(|(title, words)| {
            view! {
                <div class="chips-field">
                    <p class="word-group__title">{*title}</p>
                    <ul class="chips">
                        {words
                            .iter()
                            .map(|word| {
                                view! {
                                    <li>
                                        <button type="button" class="chip chip--toggle" on:click=move |_| add(word)>
                                            {*word}
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </div>
            }
        })
        .collect_view()
}
