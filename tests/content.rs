//! The course as compiled in: every article section covered, every link resolving, every lesson complete,
//! the markup parser strict, search finding what a reader types, the lesson on abuse and control, the sources
//! page, and the corrections from the review of the course text (issue #18).

#![cfg(not(target_arch = "wasm32"))] // native only: reads the build-time parser
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use std::collections::BTreeSet;
use trust_steps::content::markup::{self, Node, Span};
use trust_steps::content::search::{ResultKind, SearchIndex};
use trust_steps::content::{
    exercise_by_slug, lesson_by_slug, Block, Inline, Module, EXERCISES, FAQ, GLOSSARY, HELP, LESSONS, SOURCES,
};

/// The plain text and links of `blocks`, with what is inside bold and emphasis taken out of it.
fn all_inlines(blocks: &'static [Block], out: &mut Vec<Inline>) {
    for block in blocks {
        match block {
            Block::Paragraph(text) => out.extend(text.leaves()),
            Block::Bullets(items) | Block::Numbered(items) => items.iter().for_each(|i| out.extend(i.leaves())),
            Block::Example { body, .. } | Block::Note(body) | Block::Recap(body) => all_inlines(body, out),
            Block::Heading { .. } | Block::Subheading(_) => {}
        }
    }
}

/// The words of a leaf from [`all_inlines`].
fn words(inline: Inline) -> &'static str {
    match inline {
        Inline::Text(t) | Inline::Link { text: t, .. } => t,
        Inline::Strong(_) | Inline::Em(_) => panic!("all_inlines takes bold and emphasis apart: {inline:?}"),
    }
}

fn every_body() -> Vec<(String, &'static [Block])> {
    let mut bodies: Vec<(String, &'static [Block])> = LESSONS.iter().map(|l| (l.slug.to_owned(), l.body)).collect();
    bodies.extend(GLOSSARY.iter().map(|g| (format!("glossary {}", g.slug), g.body)));
    bodies.extend(FAQ.iter().map(|f| (format!("faq {}", f.slug), f.body)));
    bodies.push(("help".to_owned(), HELP));
    bodies.push(("sources".to_owned(), SOURCES));
    bodies
}

/// Every word of `blocks` as one string (links by their text).
fn plain(blocks: &'static [Block]) -> String {
    let mut inlines = Vec::new();
    all_inlines(blocks, &mut inlines);
    let mut text = String::new();
    for block in blocks {
        if let Block::Heading { text: t, .. } | Block::Subheading(t) = block {
            text.push_str(t);
            text.push('\n');
        }
    }
    for inline in inlines {
        text.push_str(words(inline));
    }
    text
}

/// The lesson files in src/content/lessons, by name.
fn lesson_files() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/src/content/lessons"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".md"))
        .collect();
    names.sort();
    names
}

#[test]
fn every_lesson_file_is_a_lesson_in_order_with_a_unique_slug() {
    // One lesson per file, numbered 1..=N in file order (the e2e tests list lessons in file order).
    let files = lesson_files();
    assert_eq!(LESSONS.len(), files.len());
    assert!(LESSONS.len() >= 16, "the course lost a lesson");
    for (i, (lesson, file)) in LESSONS.iter().zip(&files).enumerate() {
        assert_eq!(lesson.number as usize, i + 1);
        assert_eq!(file, &format!("{:02}-{}.md", lesson.number, lesson.slug));
        assert!(!lesson.title.is_empty() && !lesson.summary.is_empty());
        assert!(lesson.summary.len() <= 160, "{} summary is long", lesson.slug);
        assert!(!markup::LEARN_PAGES.contains(&lesson.slug), "{} is a /learn/ page", lesson.slug);
    }
    let slugs: BTreeSet<_> = LESSONS.iter().map(|l| l.slug).collect();
    assert_eq!(slugs.len(), LESSONS.len());
}

#[test]
fn lesson_slugs_stay_the_same_so_stored_progress_still_finds_its_lesson() {
    // Progress is stored by slug (`domain::progress`), so adding a lesson renumbers the ones after it without
    // losing anyone's progress. Every slug a user may have stored must still be a lesson.
    for slug in [
        "what-trust-is",
        "where-trust-issues-come-from",
        "self-trust",
        "small-steps",
        "thinking-traps",
        "forgiveness",
        "professional-help",
        "stronger-relationships",
        "the-science",
        "keeping-trust-alive",
        "rebuilding-trust",
        "setbacks",
        "trust-online",
        "trust-at-work",
        "trust-as-a-journey",
        "abuse-and-control",
    ] {
        assert!(lesson_by_slug(slug).is_some(), "stored progress for {slug} would no longer find its lesson");
    }
    let mut progress = trust_steps::domain::progress::LessonProgress::default();
    progress.set_done("self-trust", true, "2026-01-01T00:00:00Z");
    let done: Vec<u8> = LESSONS.iter().filter(|l| progress.is_done(l.slug)).map(|l| l.number).collect();
    assert_eq!(done, vec![lesson_by_slug("self-trust").unwrap().number], "done follows the slug, not the number");
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
    // Each module has lessons, and its lessons follow one another in the order of Module::ALL.
    let order: Vec<usize> = LESSONS.iter().map(|l| Module::ALL.iter().position(|m| *m == l.module).unwrap()).collect();
    assert!(order.windows(2).all(|w| w[0] <= w[1]), "modules out of order: {order:?}");
    for (rank, module) in Module::ALL.iter().enumerate() {
        assert!(order.contains(&rank), "{module:?} has no lessons");
    }
    // The lesson on abuse and control comes early: before any lesson that questions fearful thoughts.
    let abuse = lesson_by_slug("abuse-and-control").unwrap();
    assert_eq!(abuse.module, Module::Understanding);
    assert!(abuse.number < lesson_by_slug("thinking-traps").unwrap().number);
    assert!(abuse.number < lesson_by_slug("rebuilding-trust").unwrap().number);
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
                } else if let Some(path) = href.strip_prefix("/learn/").filter(|p| !markup::LEARN_PAGES.contains(p)) {
                    // A lesson, or one of its sections.
                    let (slug, section) = path.split_once('#').map_or((path, None), |(s, id)| (s, Some(id)));
                    lesson_by_slug(slug).is_some_and(|lesson| {
                        section.is_none_or(|id| {
                            lesson
                                .body
                                .iter()
                                .any(|b| matches!(b, Block::Heading { id: heading, .. } if *heading == id))
                        })
                    })
                } else {
                    markup::LINKABLE_PAGES.contains(&href)
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
        "coercive-control",
        "stalkerware",
        "gaslighting",
        "safety-plan",
        "couples-therapy",
        "fearful-avoidant-attachment",
        "deepfake",
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
            text.push_str(words(i));
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
            Span::Strong(vec![Span::Text("bold".into())]),
            Span::Text(" and ".into()),
            Span::Em(vec![Span::Text("soft".into())]),
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
            Inline::Strong(Text("bold")),
            Inline::Text(" and "),
            Inline::Em(Text("soft")),
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
            let t = words(inline);
            assert!(!t.contains(['\u{1}', '\u{2}', '\u{3}', '\u{1f}']), "{place}: undecoded marker in {t:?}");
        }
    }
}

/// The raw markup in `text` that would reach the screen as typed: a link (`](`), bold (`**`), an emphasis marker
/// opening a word (`*word`), a block fence (`:::`).
fn raw_markup(text: &str) -> Option<&'static str> {
    let chars: Vec<char> = text.chars().collect();
    let opens_emphasis = chars.iter().enumerate().any(|(i, c)| {
        *c == '*'
            && (i == 0 || chars[i - 1].is_whitespace() || "([\"'“‘".contains(chars[i - 1]))
            && chars.get(i + 1).is_some_and(|next| next.is_alphanumeric() || *next == '[')
    });
    [("](", text.contains("](")), ("**", text.contains("**")), ("*word", opens_emphasis), (":::", text.contains(":::"))]
        .into_iter()
        .find_map(|(what, found)| found.then_some(what))
}

/// Every piece of text the course puts on screen, with where it is: titles, summaries, headings, questions,
/// terms, example titles, and each plain run and link text of every paragraph and list item (also inside bold and
/// emphasis).
fn every_visible_text() -> Vec<(String, &'static str)> {
    fn blocks(place: &str, items: &'static [Block], out: &mut Vec<(String, &'static str)>) {
        for block in items {
            let texts: Vec<_> = match block {
                Block::Heading { text, .. } | Block::Subheading(text) => {
                    out.push((format!("{place} heading"), text));
                    continue;
                }
                Block::Paragraph(text) => vec![*text],
                Block::Bullets(items) | Block::Numbered(items) => items.to_vec(),
                Block::Example { title, body } => {
                    out.push((format!("{place} example title"), title));
                    blocks(place, body, out);
                    continue;
                }
                Block::Note(body) | Block::Recap(body) => {
                    blocks(place, body, out);
                    continue;
                }
            };
            for text in texts {
                for leaf in text.leaves() {
                    out.push((format!("{place} text {:?}", text.plain()), words(leaf)));
                }
            }
        }
    }
    let mut out = Vec::new();
    for lesson in LESSONS {
        out.push((format!("{} title", lesson.slug), lesson.title));
        out.push((format!("{} summary", lesson.slug), lesson.summary));
    }
    for term in GLOSSARY {
        out.push((format!("glossary {}", term.slug), term.term));
    }
    for entry in FAQ {
        out.push((format!("faq {}", entry.slug), entry.question));
    }
    for (place, body) in every_body() {
        blocks(&place, body, &mut out);
    }
    out
}

#[test]
fn no_raw_markup_reaches_the_screen_anywhere_in_the_course() {
    let texts = every_visible_text();
    assert!(texts.len() > 1000, "the walk found only {} texts", texts.len());
    let raw: Vec<String> = texts
        .iter()
        .filter_map(|(place, text)| raw_markup(text).map(|what| format!("{place}: {what} in {text:?}")))
        .collect();
    assert!(raw.is_empty(), "raw markup on screen:\n{}", raw.join("\n"));
    // The check itself sees each kind.
    for text in ["see [this](glossary:x)", "**Integrity**", "*soft* words", "(*soft*)", ":::note"] {
        assert!(raw_markup(text).is_some(), "{text}");
    }
    for text in ["2 * 3 = 6", "a star: *", "plain words"] {
        assert_eq!(raw_markup(text), None, "{text}");
    }
}

#[test]
fn a_link_inside_bold_or_emphasis_is_a_link_in_bold_or_emphasis() {
    let doc =
        markup::parse("- **[Integrity](glossary:integrity).** Their actions match.\n- *see [it](/help)*\n").unwrap();
    let Node::Bullets(items) = &doc.body[0] else { panic!("{:?}", doc.body) };
    assert_eq!(
        items[0],
        vec![
            Span::Strong(vec![
                Span::Link { text: "Integrity".into(), target: "glossary:integrity".into() },
                Span::Text(".".into()),
            ]),
            Span::Text(" Their actions match.".into()),
        ]
    );
    assert_eq!(
        items[1],
        vec![Span::Em(vec![Span::Text("see ".into()), Span::Link { text: "it".into(), target: "/help".into() }])]
    );
    // Links inside bold are checked like any other.
    assert_eq!(markup::links(&doc.body).len(), 2);
    let bad = markup::parse("**A [plan](glossary:nope)** here.").unwrap();
    let none = BTreeSet::new();
    assert_eq!(markup::check_links(&bad.body, &none, &none, &none).len(), 1);
    assert!(markup::plain_text(&doc.body).contains("Integrity. Their actions match."));

    // The compiled form decodes into a strong span holding the link.
    use trust_steps::content::model::Text;
    let text = Text("\u{1}\u{3}Integrity\u{1f}/learn/glossary#integrity\u{3}.\u{1} Their actions match.");
    let spans: Vec<Inline> = text.spans().collect();
    assert_eq!(spans[0], Inline::Strong(Text("\u{3}Integrity\u{1f}/learn/glossary#integrity\u{3}.")));
    let Inline::Strong(inner) = spans[0] else { unreachable!() };
    assert_eq!(
        inner.spans().collect::<Vec<_>>(),
        vec![Inline::Link { text: "Integrity", href: "/learn/glossary#integrity" }, Inline::Text(".")]
    );
    assert_eq!(text.plain(), "Integrity. Their actions match.");

    // The lessons the review found now compile to it.
    let work = lesson_by_slug("trust-at-work").unwrap();
    let bold_links = work
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Bullets(items) => Some(items.iter()),
            _ => None,
        })
        .flatten()
        .filter(|t| matches!(t.spans().next(), Some(Inline::Strong(inner)) if matches!(inner.spans().next(), Some(Inline::Link { .. }))))
        .count();
    assert_eq!(bold_links, 4);
}

#[test]
fn markup_that_would_show_raw_is_a_build_error() {
    for text in [
        "**bold with *emphasis* inside**",
        "*emphasis with **bold** inside*",
        "[**bold link text**](glossary:trust)",
        "[*soft link text*](glossary:trust)",
        "[a [nested] link](glossary:trust)",
        "an empty **** pair",
    ] {
        let error = markup::parse(&format!("fine\n\n{text}")).expect_err(text);
        assert_eq!(error.line, 3, "{text}: {error}");
    }
    let error = markup::parse("[**x**](glossary:trust)").unwrap_err();
    assert!(error.message.contains("**[text](target)**"), "{error}");
}

// ---------------------------------------------------------------------------------------------------------------
// The lesson on abuse and control (issue #18, part 4)
// ---------------------------------------------------------------------------------------------------------------

#[test]
fn the_abuse_lesson_names_the_signs_the_digital_ones_couples_therapy_and_where_to_get_help() {
    let lesson = lesson_by_slug("abuse-and-control").expect("the lesson on abuse and control");
    let text = plain(lesson.body).to_lowercase();
    for needed in [
        // Warning signs of abuse and coercive control.
        "coercive control",
        "threaten",
        "afraid",
        "money",
        "friends or family",
        "sex",
        // The digital kind.
        "passwords",
        "tracking",
        "reading your messages",
        "stalkerware",
        // Couples therapy is not advised then.
        "couples therapy",
        "not advised",
        // Getting help.
        "emergency number",
        "domestic-abuse helpline",
        "safety plan",
        "leaving",
    ] {
        assert!(text.contains(needed), "the lesson does not mention {needed:?}");
    }
    // Fear of a dangerous person is never called a thinking error here.
    assert!(text.contains("not a thinking trap"));
    let mut inlines = Vec::new();
    all_inlines(lesson.body, &mut inlines);
    let hrefs: Vec<&str> = inlines
        .iter()
        .filter_map(|i| match i {
            Inline::Link { href, .. } => Some(*href),
            _ => None,
        })
        .collect();
    for href in [
        "/help",
        "/learn/glossary#coercive-control",
        "/learn/glossary#stalkerware",
        "/learn/professional-help",
        "/settings#lock",
        "/settings#delete-everything",
        "/practice/safety-plan",
    ] {
        assert!(hrefs.contains(&href), "the lesson does not link {href}");
    }
    // The Help page is linked before any section starts: someone in danger need not read on to find it.
    let first_heading = lesson.body.iter().position(|b| matches!(b, Block::Heading { .. })).unwrap();
    let mut opening = Vec::new();
    all_inlines(&lesson.body[..first_heading], &mut opening);
    assert!(opening.iter().any(|i| matches!(i, Inline::Link { href: "/help", .. })));
    assert_eq!(lesson.try_exercises.first(), Some(&"safety-plan"));
}

#[test]
fn the_abuse_lesson_names_the_apps_safety_features_as_the_app_does() {
    // The device-safety section names features by the labels they carry on screen, and links Settings sections
    // by their ids: if a label or id changes in the UI, this fails instead of the lesson quietly going stale.
    let lesson = lesson_by_slug("abuse-and-control").unwrap();
    let section = lesson.body.iter().position(|b| matches!(b, Block::Heading { id: "shared-device", .. })).unwrap();
    let text = plain(&lesson.body[section..]);
    let lock = include_str!("../src/ui/pages/settings/lock.rs");
    let erase = include_str!("../src/ui/pages/settings/erase.rs");
    let layout = include_str!("../src/ui/layout.rs");
    for (label, source) in [
        ("Passphrase lock", lock),
        ("Delete everything", erase),
        ("Hide", layout),
        ("Notes", layout),
        ("Escape", layout),
    ] {
        assert!(text.contains(label), "the lesson does not name {label:?}");
        assert!(source.contains(&format!("\"{label}")), "the app no longer shows {label:?}");
    }
    assert!(lock.contains(r#"id="lock""#) && erase.contains(r#"id="delete-everything""#));
    let lower = text.to_lowercase();
    for needed in ["history", "private", "downloads"] {
        assert!(lower.contains(needed), "the device section does not mention {needed:?}");
    }
}

#[test]
fn search_finds_the_abuse_lesson_by_the_words_a_reader_would_type() {
    let index = SearchIndex::build();
    for query in ["coercive control", "stalkerware", "tracking my location", "couples therapy abuse"] {
        let hits = index.search(query, 10);
        assert!(
            hits.iter().any(|h| h.href.starts_with("/learn/abuse-and-control")),
            "{query:?} does not find the lesson: {:?}",
            hits.iter().map(|h| &h.href).collect::<Vec<_>>()
        );
    }
    let hits = index.search("stalkerware", 10);
    assert_eq!(hits[0].href, "/learn/glossary#stalkerware", "a term's own entry comes first");
    // Typed as a phrase: the small words are left out, and a phone's curly apostrophe matches the text's.
    let hits = index.search("they read my passwords", 10);
    assert!(hits.iter().any(|h| h.href == "/learn/abuse-and-control#control-through-phones-and-screens"), "{hits:?}");
    assert!(hits.iter().all(|h| h.snippet.iter().filter(|(_, m)| *m).all(|(t, _)| !t.eq_ignore_ascii_case("my"))));
    assert_eq!(index.search("don’t", 50).len(), index.search("don't", 50).len());
    assert!(!index.search("don’t", 5).is_empty());
    // A query of small words only is still searched.
    assert!(!index.search("the", 5).is_empty());
    let hits = index.search("coercive control", 10);
    assert!(hits.iter().any(|h| h.href == "/learn/glossary#coercive-control"));
}

#[test]
fn lessons_that_suggest_repair_or_couples_therapy_point_to_safety_first() {
    for slug in ["rebuilding-trust", "where-trust-issues-come-from", "professional-help", "the-science"] {
        let lesson = lesson_by_slug(slug).unwrap();
        let mut inlines = Vec::new();
        all_inlines(lesson.body, &mut inlines);
        assert!(
            inlines.iter().any(|i| matches!(i, Inline::Link { href: "/learn/abuse-and-control", .. })),
            "{slug} does not link the lesson on abuse and control"
        );
    }
    let rebuilding = plain(lesson_by_slug("rebuilding-trust").unwrap().body).to_lowercase();
    assert!(rebuilding.contains("not advised while there is abuse"));
}

// ---------------------------------------------------------------------------------------------------------------
// "What this is based on" (issue #18, part 6)
// ---------------------------------------------------------------------------------------------------------------

#[test]
fn the_sources_page_has_an_entry_for_every_lesson_and_says_the_app_was_not_tested_in_a_trial() {
    let ids: Vec<(&str, &str)> = SOURCES
        .iter()
        .filter_map(|b| match b {
            Block::Heading { text, id } => Some((*text, *id)),
            _ => None,
        })
        .collect();
    for lesson in LESSONS {
        let entry = ids.iter().find(|(_, id)| *id == lesson.slug);
        assert_eq!(entry.map(|(t, _)| *t), Some(lesson.title), "no sources entry for {}", lesson.slug);
    }
    let text = plain(SOURCES);
    assert!(text.contains("Trust Steps itself has not been tested in a trial"));
    assert!(text.contains("not validated tests"));
    for named in ["Declerck", "Stanley and Brown", "NICE", "EMDR", "Bartholomew and Horowitz", "Stark"] {
        assert!(text.contains(named), "the sources do not name {named}");
    }
    // Described in words: nothing to fetch.
    let lower = text.to_lowercase();
    assert!(!lower.contains("http") && !lower.contains("www.") && !lower.contains(".org"));
}

// ---------------------------------------------------------------------------------------------------------------
// Corrections from the review of the course text (issue #18, part 6)
// ---------------------------------------------------------------------------------------------------------------

fn lesson_text(slug: &str) -> String {
    plain(lesson_by_slug(slug).unwrap().body)
}

fn faq_text(question_start: &str) -> String {
    let entry = FAQ.iter().find(|f| f.question.starts_with(question_start)).unwrap();
    plain(entry.body)
}

#[test]
fn the_reviews_corrections_stay_made() {
    let science = lesson_text("the-science");
    assert!(science.contains("*biased*") || science.contains("biased judge"));
    assert!(!science.contains("poor judge"));
    assert!(science.contains("act on them"));
    assert!(science.contains("There is no good evidence"));
    assert!(!science.contains("it is not because you are"));

    let online = lesson_text("trust-online");
    assert!(online.contains("harder to fake") && online.contains("deepfake"));
    assert!(!online.contains("A live call is hard to fake"));
    assert!(online.contains("even after a video call"));

    let rebuilding = lesson_text("rebuilding-trust");
    assert!(rebuilding.contains("Some couples") && !rebuilding.contains("Many couples"));

    let journey = lesson_by_slug("trust-as-a-journey").unwrap();
    let Some(Block::Recap(recap)) = journey.body.last() else { panic!("no recap") };
    let recap = plain(recap);
    assert!(!recap.contains("always available"));
    assert!(recap.contains("Help page") && recap.contains("therapist"));
    assert!(recap.contains("Online and at work"));

    let support = lesson_text("professional-help");
    assert!(support.contains("Ask people you trust"));

    let roots = lesson_text("where-trust-issues-come-from");
    assert!(roots.contains("Fearful-avoidant") && roots.contains("high anxiety and high avoidance"));
    assert!(roots.contains("common after abuse"));

    assert!(faq_text("How do I know if my gut").contains("rough rule of thumb"));
    let technology = faq_text("How does technology change trust");
    assert!(technology.contains("privacy settings") && technology.contains("privacy policy"));
    assert!(faq_text("What if I have a setback").contains("grieve"));

    let attachment = GLOSSARY.iter().find(|g| g.slug == "attachment-style").unwrap();
    let attachment = plain(attachment.body);
    assert!(attachment.contains("often learned early") && attachment.contains("later relationships"));
}

#[test]
fn the_stemmer_brings_forms_of_a_word_together() {
    use trust_steps::content::search::stem;
    let same = |words: &[&str]| {
        let stems: BTreeSet<String> = words.iter().map(|w| stem(w)).collect();
        assert_eq!(stems.len(), 1, "{words:?} → {stems:?}");
    };
    same(&["cheat", "cheats", "cheated", "cheating"]);
    same(&["jealous", "jealousy"]);
    same(&["worry", "worries", "worried", "worrying"]);
    same(&["lie", "lies", "lied", "lying"]);
    same(&["betray", "betrays", "betrayed", "betraying"]);
    same(&["trust", "trusts", "trusted", "trusting"]);
    same(&["hope", "hopes", "hoped", "hoping"]);
    same(&["control", "controls", "controlled", "controlling"]);
    same(&["promise", "promises", "promised"]);
    same(&["feeling", "feelings"]);
    same(&["partner", "partners", "partner's"]);
    same(&["need", "needs", "needed"]);
    same(&["family", "families"]);
    // Different words stay apart, and short words are left as they are.
    assert_ne!(stem("trust"), stem("rust"));
    assert_ne!(stem("this"), stem("thi"));
    assert_eq!(stem("is"), "is");
    assert_eq!(stem("bus"), "bus");
    assert_eq!(stem("jealous"), "jealous");
    for odd in ["", "'s", "ß", "ying", "ies", "sses", "ied", "ééé", "über", "日本語"] {
        let _ = stem(odd);
    }
}

#[test]
fn search_finds_other_forms_of_a_word_and_marks_them() {
    let index = SearchIndex::build();
    // "cheating" finds the lessons that say "cheated" and "cheats".
    let hits = index.search("cheating", 20);
    assert!(hits.iter().any(|h| h.href.starts_with("/learn/where-trust-issues-come-from")), "{hits:?}");
    assert!(hits.iter().any(|h| h.href.starts_with("/learn/trust-as-a-journey")), "{hits:?}");
    let marked: Vec<String> = hits
        .iter()
        .flat_map(|h| h.snippet.iter().chain(h.title.iter()))
        .filter(|(_, m)| *m)
        .map(|(t, _)| t.to_lowercase())
        .collect();
    assert!(marked.iter().any(|t| t == "cheated"), "{marked:?}");
    assert!(marked.iter().all(|t| t.starts_with("cheat")), "{marked:?}");
    // "jealous" finds the jealousy section of lesson 2 and the glossary term, and points on to lesson 3 from there.
    let hits = index.search("jealous", 20);
    assert_eq!(hits[0].href, "/learn/glossary#jealousy");
    assert!(hits.iter().any(|h| h.href == "/learn/where-trust-issues-come-from#jealousy"), "{hits:?}");
    assert_eq!(index.search("jealousy", 20).len(), hits.len());
    assert!(!index.search("jealous partner", 20).is_empty());
    // "worried" finds "worry", "worries" and "worrying".
    let forms: BTreeSet<String> = index
        .search("worried", 50)
        .iter()
        .flat_map(|h| h.snippet.iter().chain(h.title.iter()))
        .filter(|(_, m)| *m)
        .map(|(t, _)| t.to_lowercase())
        .collect();
    assert!(forms.iter().any(|t| t != "worried" && t.starts_with("worr")), "{forms:?}");
    // Prefixes still work, and a word inside another still does not match.
    assert!(!index.search("forgiv", 5).is_empty());
    assert!(index.search("rust", 5).is_empty());
    assert!(index
        .search("eat", 50)
        .iter()
        .all(|h| !h.snippet.iter().any(|(t, m)| *m && t.to_lowercase().starts_with("cheat"))));
}

#[test]
fn the_jealousy_passage_treats_it_as_a_feeling_and_control_as_a_warning_sign() {
    let lesson = lesson_by_slug("where-trust-issues-come-from").unwrap();
    let mut inlines = Vec::new();
    all_inlines(lesson.body, &mut inlines);
    assert!(inlines.iter().any(|i| matches!(i, Inline::Link { href: "/learn/abuse-and-control", .. })));
    assert!(inlines.iter().any(|i| matches!(i, Inline::Link { href: "/help", .. })));
    let hit = SearchIndex::build()
        .search("jealousy warning sign", 5)
        .into_iter()
        .find(|h| h.href == "/learn/where-trust-issues-come-from#jealousy");
    assert!(hit.is_some(), "the section says controlling jealousy is a warning sign");
}
