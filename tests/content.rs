//! The course as compiled in: every article section covered, every link resolving, every lesson complete,
//! the markup parser strict, and search finding what a reader types.

#![cfg(not(target_arch = "wasm32"))] // native only: reads the build-time parser
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use std::collections::BTreeSet;
use trust_steps::content::markup::{self, Node, Span};
use trust_steps::content::search::{ResultKind, SearchIndex};
use trust_steps::content::{
    exercise_by_slug, lesson_by_slug, Block, Inline, Module, EXERCISES, FAQ, GLOSSARY, HELP, LESSONS,
};

fn all_inlines(blocks: &'static [Block], out: &mut Vec<Inline>) {
    for block in blocks {
        match block {
            Block::Paragraph(text) => out.extend(text.spans()),
            Block::Bullets(items) | Block::Numbered(items) => items.iter().for_each(|i| out.extend(i.spans())),
            Block::Example { body, .. } | Block::Note(body) | Block::Recap(body) => all_inlines(body, out),
            Block::Heading { .. } | Block::Subheading(_) => {}
        }
    }
}

fn every_body() -> Vec<(String, &'static [Block])> {
    let mut bodies: Vec<(String, &'static [Block])> = LESSONS.iter().map(|l| (l.slug.to_owned(), l.body)).collect();
    bodies.extend(GLOSSARY.iter().map(|g| (format!("glossary {}", g.slug), g.body)));
    bodies.extend(FAQ.iter().map(|f| (format!("faq {}", f.slug), f.body)));
    bodies.push(("help".to_owned(), HELP));
    bodies
}

#[test]
fn fifteen_lessons_in_order_with_unique_slugs() {
    assert_eq!(LESSONS.len(), 15);
    for (i, lesson) in LESSONS.iter().enumerate() {
        assert_eq!(lesson.number as usize, i + 1);
        assert!(!lesson.title.is_empty() && !lesson.summary.is_empty());
        assert!(lesson.summary.len() <= 160, "{} summary is long", lesson.slug);
    }
    let slugs: BTreeSet<_> = LESSONS.iter().map(|l| l.slug).collect();
    assert_eq!(slugs.len(), 15);
}

#[test]
fn each_article_section_maps_to_the_lesson_that_covers_it() {
    let expected = [
        (1, "what-trust-is"),
        (2, "where-trust-issues-come-from"),
        (3, "self-trust"),
        (4, "small-steps"),
        (5, "thinking-traps"),
        (6, "forgiveness"),
        (7, "professional-help"),
        (8, "stronger-relationships"),
        (9, "the-science"),
        (10, "keeping-trust-alive"),
        (11, "rebuilding-trust"),
        (12, "setbacks"),
        (13, "trust-online"),
        (14, "trust-at-work"),
        (15, "trust-as-a-journey"),
    ];
    for (section, slug) in expected {
        let lesson = lesson_by_slug(slug).unwrap_or_else(|| panic!("no lesson {slug}"));
        assert!(lesson.article_sections.contains(&section), "section {section} should be covered by {slug}");
    }
    let covered: BTreeSet<u8> = LESSONS.iter().flat_map(|l| l.article_sections.iter().copied()).collect();
    assert_eq!(covered, (1..=15).collect());
}

#[test]
fn every_lesson_has_sections_an_example_try_it_and_a_recap() {
    for lesson in LESSONS {
        let headings = lesson.body.iter().filter(|b| matches!(b, Block::Heading { .. })).count();
        assert!(headings >= 2, "{} has {headings} sections", lesson.slug);
        assert!(lesson.body.iter().any(|b| matches!(b, Block::Example { .. })), "{} lacks an example", lesson.slug);
        assert!(matches!(lesson.body.last(), Some(Block::Recap(_))), "{} must end with a recap", lesson.slug);
        assert!(!lesson.try_exercises.is_empty(), "{} has no Try it", lesson.slug);
        for slug in lesson.try_exercises {
            assert!(exercise_by_slug(slug).is_some(), "{}: unknown exercise {slug}", lesson.slug);
        }
    }
}

#[test]
fn the_course_reads_in_about_an_hour() {
    let minutes: u32 = LESSONS.iter().map(|l| u32::from(l.minutes)).sum();
    assert!((45..=85).contains(&minutes), "course takes {minutes} minutes");
}

#[test]
fn modules_group_the_lessons_in_order() {
    let per_module: Vec<usize> =
        Module::ALL.iter().map(|m| LESSONS.iter().filter(|l| l.module == *m).count()).collect();
    assert_eq!(per_module, vec![3, 4, 5, 3]);
}

#[test]
fn every_internal_link_resolves() {
    let glossary: BTreeSet<&str> = GLOSSARY.iter().map(|g| g.slug).collect();
    for (place, body) in every_body() {
        let mut inlines = Vec::new();
        all_inlines(body, &mut inlines);
        for inline in inlines {
            if let Inline::Link { href, text } = inline {
                let ok = if let Some(term) = href.strip_prefix("/learn/glossary#") {
                    glossary.contains(term)
                } else if let Some(slug) = href.strip_prefix("/practice/") {
                    exercise_by_slug(slug).is_some()
                } else if let Some(slug) = href.strip_prefix("/learn/") {
                    lesson_by_slug(slug).is_some() || href == "/learn/faq" || href == "/learn/glossary"
                } else {
                    ["/help", "/privacy", "/learn"].contains(&href)
                };
                assert!(ok, "{place}: link \"{text}\" -> {href} goes nowhere");
            }
        }
    }
    for exercise in EXERCISES {
        assert!(lesson_by_slug(exercise.lesson).is_some(), "{} links an unknown lesson", exercise.slug);
    }
}

#[test]
fn the_glossary_explains_the_terms_lessons_rely_on() {
    let terms: BTreeSet<&str> = GLOSSARY.iter().map(|g| g.slug).collect();
    for needed in [
        "reliability",
        "honesty",
        "integrity",
        "competence",
        "benevolence",
        "secure-attachment",
        "anxious-attachment",
        "avoidant-attachment",
        "catastrophizing",
        "overgeneralization",
        "mind-reading",
        "personalization",
        "cbt",
        "emdr",
        "nvc",
        "oxytocin",
        "mirror-neurons",
        "cortisol",
        "catfishing",
        "i-statement",
        "boundary",
    ] {
        assert!(terms.contains(needed), "glossary lacks {needed}");
    }
    let sorted: Vec<String> = GLOSSARY.iter().map(|g| g.term.to_lowercase()).collect();
    let mut again = sorted.clone();
    again.sort();
    assert_eq!(sorted, again, "glossary is alphabetical");
}

#[test]
fn the_faq_answers_the_articles_ten_questions_and_more() {
    assert!(FAQ.len() >= 16, "only {} questions", FAQ.len());
    for entry in FAQ {
        assert!(entry.question.ends_with('?'), "{} is not a question", entry.question);
        assert!(!entry.body.is_empty());
    }
}

#[test]
fn help_says_it_is_not_therapy_and_when_couples_therapy_is_not_advised() {
    let mut text = String::new();
    for block in HELP {
        let mut inlines = Vec::new();
        all_inlines(std::slice::from_ref(block), &mut inlines);
        for i in inlines {
            let (Inline::Text(t) | Inline::Strong(t) | Inline::Em(t) | Inline::Link { text: t, .. }) = i;
            text.push_str(t);
        }
    }
    // The lines themselves are drawn from `domain::helplines` as `tel:`/`sms:` links (tests/helplines.rs); a
    // number written in the Markdown could not be tapped, so there is none.
    let digit_runs = text.split(|c: char| !c.is_ascii_digit()).filter(|run| run.len() >= 3).count();
    assert_eq!(digit_runs, 0, "Help's Markdown holds a phone number: {text}");
    let lower = text.to_lowercase();
    assert!(lower.contains("not a substitute"));
    // Couples therapy comes with its caveat and the safer first steps.
    assert!(lower
        .contains("couples therapy is generally not advised while one partner is hurting, threatening or controlling"));
    assert!(lower.contains("domestic-abuse line") && lower.contains("safety plan"));
}

#[test]
fn markup_parses_the_supported_subset() {
    let doc = markup::parse(
        "+++\nnumber = 3\ntry = [\"a\", \"b\"]\n+++\nIntro **bold** and *soft* with [a term](glossary:trust).\n\n## Part one {#one}\n- first\n- second\n\n1. one\n2. two\n\n:::example A story\nIt went well.\n:::\n\n:::recap\n- done\n:::\n",
    )
    .unwrap();
    assert_eq!(doc.front.len(), 2);
    assert_eq!(
        doc.body[0],
        Node::Para(vec![
            Span::Text("Intro ".into()),
            Span::Strong("bold".into()),
            Span::Text(" and ".into()),
            Span::Em("soft".into()),
            Span::Text(" with ".into()),
            Span::Link { text: "a term".into(), target: "glossary:trust".into() },
            Span::Text(".".into()),
        ])
    );
    assert_eq!(doc.body[1], Node::H2 { text: "Part one".into(), id: "one".into() });
    assert!(matches!(&doc.body[2], Node::Bullets(items) if items.len() == 2));
    assert!(matches!(&doc.body[3], Node::Numbered(items) if items.len() == 2));
    assert!(matches!(&doc.body[4], Node::Example { title, .. } if title == "A story"));
    assert!(matches!(&doc.body[5], Node::Recap(_)));
}

#[test]
fn markup_rejects_what_it_does_not_support_with_a_line_number() {
    for (text, line) in [
        ("Hello <b>there</b>", 1),
        ("ok\n\nan **unclosed bold", 3),
        ("- item\n  - nested", 2),
        ("> a quote", 1),
        (":::example\nno title\n:::", 1),
        (":::note\nnever closed", 2),
        (":::warning\nx\n:::", 1),
        ("| a | b |", 1),
        ("#### deep heading", 1),
    ] {
        let error = markup::parse(text).expect_err(text);
        assert_eq!(error.line, line, "{text}: {error}");
    }
}

#[test]
fn link_checking_reports_unknown_targets() {
    let doc =
        markup::parse("See [this](glossary:nope), [that](/learn/nope), [ok](/help) and [bad](https://example.com).")
            .unwrap();
    let none = BTreeSet::new();
    let problems = markup::check_links(&doc.body, &none, &none, &none);
    assert_eq!(problems.len(), 3, "{problems:?}");
}

#[test]
fn search_finds_glossary_terms_first_for_a_term() {
    let index = SearchIndex::build();
    let hits = index.search("oxytocin", 10);
    assert!(!hits.is_empty());
    assert_eq!(hits[0].kind, ResultKind::Glossary);
    assert_eq!(hits[0].href, "/learn/glossary#oxytocin");
    assert!(hits.iter().any(|h| h.href.starts_with("/learn/the-science")));
}

#[test]
fn search_requires_every_word_and_matches_word_starts() {
    let index = SearchIndex::build();
    let hits = index.search("catfish video", 20);
    assert!(!hits.is_empty());
    for hit in &hits {
        let text: String = hit.snippet.iter().chain(hit.title.iter()).map(|(t, _)| t.to_lowercase()).collect();
        assert!(text.contains("catfish") || text.contains("video") || hit.kind != ResultKind::Lesson);
    }
    assert!(hits.iter().any(|h| h.href.starts_with("/learn/trust-online")));
    // "rust" must not match inside "trust".
    assert!(index.search("rust", 5).is_empty());
}

#[test]
fn search_marks_the_matching_words_in_the_snippet() {
    let index = SearchIndex::build();
    let hits = index.search("forgiv", 5);
    let marked: Vec<&String> =
        hits[0].snippet.iter().chain(hits[0].title.iter()).filter(|(_, m)| *m).map(|(t, _)| t).collect();
    assert!(!marked.is_empty());
    assert!(marked.iter().all(|t| t.to_lowercase().starts_with("forgiv")));
}

#[test]
fn search_handles_empty_and_strange_queries() {
    let index = SearchIndex::build();
    for query in ["", "   ", "!!!", "🙂", "שלום", "<script>", "\u{0}", &"a".repeat(10_000)] {
        let _ = index.search(query, 10);
    }
    assert!(index.search("", 10).is_empty());
    assert!(index.search("zzzzqqq", 10).is_empty());
}

#[test]
fn every_lesson_section_faq_and_term_is_searchable() {
    let index = SearchIndex::build();
    let sections: usize =
        LESSONS.iter().map(|l| 1 + l.body.iter().filter(|b| matches!(b, Block::Heading { .. })).count()).sum();
    assert_eq!(index.docs().len(), sections + FAQ.len() + GLOSSARY.len());
}

#[test]
fn compact_text_decodes_into_its_spans() {
    use trust_steps::content::model::Text;
    let text = Text("Plain \u{1}bold\u{1} and \u{2}soft\u{2}, see \u{3}a term\u{1f}/learn/glossary#trust\u{3}.");
    let spans: Vec<Inline> = text.spans().collect();
    assert_eq!(
        spans,
        vec![
            Inline::Text("Plain "),
            Inline::Strong("bold"),
            Inline::Text(" and "),
            Inline::Em("soft"),
            Inline::Text(", see "),
            Inline::Link { text: "a term", href: "/learn/glossary#trust" },
            Inline::Text("."),
        ]
    );
    assert_eq!(Text("").spans().count(), 0);
    // A marker that is never closed ends the text rather than panicking.
    assert_eq!(Text("a \u{1}unclosed").spans().collect::<Vec<_>>(), vec![Inline::Text("a ")]);
}

#[test]
fn every_compiled_text_decodes_completely() {
    for (place, body) in every_body() {
        let mut inlines = Vec::new();
        all_inlines(body, &mut inlines);
        for inline in inlines {
            let (Inline::Text(t) | Inline::Strong(t) | Inline::Em(t) | Inline::Link { text: t, .. }) = inline;
            assert!(!t.contains(['\u{1}', '\u{2}', '\u{3}', '\u{1f}']), "{place}: undecoded marker in {t:?}");
        }
    }
}
