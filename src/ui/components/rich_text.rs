//! Renders compiled course content through components. Text is always text: never `inner_html`.

use crate::content::model::Text;
use crate::content::{Block, Inline};
use leptos::prelude::*;

/// Renders a run of inline spans. Bold and emphasis render what they hold the same way, so a link inside bold
/// is a `<strong>` holding an `<a>`.
pub fn inlines(text: Text) -> AnyView {
    text.spans()
        .map(|span| match span {
            Inline::Text(text) => text.into_any(),
            Inline::Strong(inner) => view! { <strong>{inlines(inner)}</strong> }.into_any(),
            Inline::Em(inner) => view! { <em>{inlines(inner)}</em> }.into_any(),
            Inline::Link { text, href } => {
                let class = if href.starts_with("/learn/glossary#") { "term-link" } else { "" };
                view! { <a href=href class=class>{text}</a> }.into_any()
            }
        })
        .collect_view()
        .into_any()
}

/// Renders a sequence of blocks.
pub fn blocks(items: &'static [Block]) -> AnyView {
    items.iter().map(block).collect_view().into_any()
}

fn block(item: &'static Block) -> AnyView {
    match *item {
        Block::Heading { text, id } => view! { <h2 id=id>{text}</h2> }.into_any(),
        Block::Subheading(text) => view! { <h3>{text}</h3> }.into_any(),
        Block::Paragraph(spans) => view! { <p>{inlines(spans)}</p> }.into_any(),
        Block::Bullets(items) => {
            view! { <ul>{items.iter().map(|i| view! { <li>{inlines(*i)}</li> }).collect_view()}</ul> }.into_any()
        }
        Block::Numbered(items) => {
            view! { <ol>{items.iter().map(|i| view! { <li>{inlines(*i)}</li> }).collect_view()}</ol> }.into_any()
        }
        Block::Example { title, body } => view! {
            <aside class="callout callout--example" aria-label=format!("Example: {title}")>
                <p class="callout__label">"Example"</p>
                <h3 class="callout__title">{title}</h3>
                {blocks(body)}
            </aside>
        }
        .into_any(),
        Block::Note(body) => view! {
            <aside class="callout callout--note" aria-label="Note">
                {blocks(body)}
            </aside>
        }
        .into_any(),
        Block::Recap(body) => view! {
            <section class="callout callout--recap" aria-labelledby="recap-heading">
                <h2 id="recap-heading">"Recap"</h2>
                {blocks(body)}
            </section>
        }
        .into_any(),
    }
}
