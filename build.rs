//! Compiles the course (`src/content/*.md`) into Rust data, so the browser never needs a Markdown parser.
//! Any markup error, broken link or missing part fails the build with the file and line.

#[path = "src/domain/exercise_catalog.rs"]
#[allow(dead_code)]
mod catalog;
#[path = "src/content/markup.rs"]
#[allow(dead_code)]
mod markup;

use markup::{Node, Span, Value};
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

fn main() {
    println!("cargo:rerun-if-changed=src/content");
    println!("cargo:rerun-if-changed=src/domain/exercise_catalog.rs");
    let content = Path::new("src/content");
    let out = env::var("OUT_DIR").unwrap_or_else(|_| fail("OUT_DIR is not set"));
    let code = generate(content).unwrap_or_else(|e| fail(&e));
    fs::write(Path::new(&out).join("course.rs"), code).unwrap_or_else(|e| fail(&e.to_string()));
}

fn fail(message: &str) -> ! {
    eprintln!("course content error: {message}");
    std::process::exit(1)
}

struct LessonFile {
    file: String,
    number: i64,
    slug: String,
    title: String,
    summary: String,
    module: String,
    sections: Vec<i64>,
    try_exercises: Vec<String>,
    body: Vec<Node>,
}

fn read(path: &Path) -> Result<markup::Doc, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    markup::parse(&text).map_err(|e| format!("{}: {e}", path.display()))
}

fn front_str(doc: &markup::Doc, key: &str, file: &str) -> Result<String, String> {
    match doc.front.iter().find(|(k, _)| k == key) {
        Some((_, Value::Str(s))) => Ok(s.clone()),
        _ => Err(format!("{file}: front matter needs {key} = \"...\"")),
    }
}

fn front_list(doc: &markup::Doc, key: &str, file: &str) -> Result<Vec<Value>, String> {
    match doc.front.iter().find(|(k, _)| k == key) {
        Some((_, Value::List(items))) => Ok(items.clone()),
        _ => Err(format!("{file}: front matter needs {key} = [...]")),
    }
}

fn generate(content: &Path) -> Result<String, String> {
    let mut lesson_files: Vec<_> = fs::read_dir(content.join("lessons"))
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    lesson_files.sort();

    let mut lessons = Vec::new();
    for path in &lesson_files {
        let file = path.display().to_string();
        let doc = read(path)?;
        let number = match doc.front.iter().find(|(k, _)| k == "number") {
            Some((_, Value::Int(n))) => *n,
            _ => return Err(format!("{file}: front matter needs number = N")),
        };
        let sections = front_list(&doc, "sections", &file)?
            .into_iter()
            .map(|v| match v {
                Value::Int(n) if (1..=15).contains(&n) => Ok(n),
                _ => Err(format!("{file}: sections are article section numbers 1-15 (or none: sections = [])")),
            })
            .collect::<Result<_, _>>()?;
        let try_exercises = front_list(&doc, "try", &file)?
            .into_iter()
            .map(|v| match v {
                Value::Str(s) if catalog::exercise_by_slug(&s).is_some() => Ok(s),
                other => Err(format!("{file}: unknown exercise in try: {other:?}")),
            })
            .collect::<Result<_, _>>()?;
        let lesson = LessonFile {
            file: file.clone(),
            number,
            slug: front_str(&doc, "slug", &file)?,
            title: front_str(&doc, "title", &file)?,
            summary: front_str(&doc, "summary", &file)?,
            module: front_str(&doc, "module", &file)?,
            sections,
            try_exercises,
            body: doc.body,
        };
        if !lesson.body.iter().any(|n| matches!(n, Node::Example { .. })) {
            return Err(format!("{file}: every lesson needs at least one :::example"));
        }
        if !matches!(lesson.body.last(), Some(Node::Recap(_))) {
            return Err(format!("{file}: every lesson ends with one :::recap"));
        }
        if lesson.body.iter().filter(|n| matches!(n, Node::Recap(_))).count() != 1 {
            return Err(format!("{file}: exactly one :::recap per lesson"));
        }
        lessons.push(lesson);
    }
    lessons.sort_by_key(|l| l.number);
    check_course_order(&lessons)?;

    let glossary = entries(&read(&content.join("glossary.md"))?.body, "glossary.md")?;
    let faq = entries(&read(&content.join("faq.md"))?.body, "faq.md")?;
    let help = read(&content.join("help.md"))?.body;
    let sources = read(&content.join("sources.md"))?.body;
    check_sources(&sources, &lessons)?;

    // Links may name a lesson (`/learn/slug`) or one of its sections (`/learn/slug#section-id`).
    let mut lesson_slugs: BTreeSet<String> = lessons.iter().map(|l| l.slug.clone()).collect();
    for lesson in &lessons {
        for node in &lesson.body {
            if let Node::H2 { id, .. } = node {
                lesson_slugs.insert(format!("{}#{id}", lesson.slug));
            }
        }
    }
    let glossary_slugs: BTreeSet<String> = glossary.iter().map(|(_, id, _)| id.clone()).collect();
    let exercise_slugs: BTreeSet<String> = catalog::EXERCISES.iter().map(|e| e.slug.to_owned()).collect();
    let mut problems = Vec::new();
    let mut check = |name: &str, nodes: &[Node]| {
        for problem in markup::check_links(nodes, &lesson_slugs, &glossary_slugs, &exercise_slugs) {
            problems.push(format!("{name}: {problem}"));
        }
    };
    for lesson in &lessons {
        check(&lesson.slug, &lesson.body);
    }
    for (term, _, body) in glossary.iter().chain(faq.iter()) {
        check(term, body);
    }
    check("help", &help);
    check("sources", &sources);
    for lesson in &lessons {
        check_markers(&lesson.body, &lesson.slug)?;
    }
    for (term, _, body) in glossary.iter().chain(faq.iter()) {
        check_markers(body, term)?;
    }
    check_markers(&help, "help")?;
    check_markers(&sources, "sources")?;
    if !problems.is_empty() {
        return Err(problems.join("\n"));
    }

    let mut code = String::from("// Generated by build.rs from src/content. Do not edit.\n\n");
    code.push_str("/// Every lesson, in course order.\npub static LESSONS: &[Lesson] = &[\n");
    for l in &lessons {
        let words = markup::plain_text(&l.body).split_whitespace().count();
        let minutes = words.div_ceil(200).max(1);
        let module = match l.module.as_str() {
            "understanding" => "Understanding",
            "first-steps" => "FirstSteps",
            "relationships" => "Relationships",
            "wider-world" => "WiderWorld",
            other => return Err(format!("lesson {}: unknown module {other}", l.slug)),
        };
        let _ = writeln!(
            code,
            "Lesson {{ number: {}, slug: {:?}, title: {:?}, summary: {:?}, module: Module::{module}, minutes: {minutes}, article_sections: &{:?}, try_exercises: &{:?}, body: {} }},",
            l.number, l.slug, l.title, l.summary, l.sections, l.try_exercises, blocks(&l.body)
        );
    }
    code.push_str("];\n\n/// The glossary, alphabetical.\npub static GLOSSARY: &[GlossaryTerm] = &[\n");
    let mut sorted_glossary = glossary.clone();
    sorted_glossary.sort_by_key(|(term, _, _)| term.to_lowercase());
    for (term, id, body) in &sorted_glossary {
        let _ = writeln!(code, "GlossaryTerm {{ slug: {id:?}, term: {term:?}, body: {} }},", blocks(body));
    }
    code.push_str("];\n\n/// Frequently asked questions.\npub static FAQ: &[FaqEntry] = &[\n");
    for (question, id, body) in &faq {
        let _ = writeln!(code, "FaqEntry {{ slug: {id:?}, question: {question:?}, body: {} }},", blocks(body));
    }
    let _ = writeln!(code, "];\n\n/// The Help page.\npub static HELP: &[Block] = {};", blocks(&help));
    let _ = writeln!(
        code,
        "\n/// The \"What this is based on\" page.\npub static SOURCES: &[Block] = {};",
        blocks(&sources)
    );
    Ok(code)
}

/// The module of a lesson, by its name in the front matter, as its position in course order.
fn module_rank(module: &str) -> Option<usize> {
    ["understanding", "first-steps", "relationships", "wider-world"].iter().position(|m| *m == module)
}

/// Lessons (sorted by number) are numbered 1..=N without gaps, each in a file `NN-slug.md` naming its number and
/// slug (so the file order, which the e2e tests read, is the course order), with unique slugs that are not
/// `/learn/` pages, and each module's lessons follow one another in module order. Lesson progress is stored by
/// slug, so numbers can change when a lesson is added; slugs must not.
fn check_course_order(lessons: &[LessonFile]) -> Result<(), String> {
    let mut slugs = BTreeSet::new();
    let mut last_rank = 0;
    for (index, lesson) in lessons.iter().enumerate() {
        let file = &lesson.file;
        if lesson.number != index as i64 + 1 {
            return Err(format!(
                "{file}: lesson numbers run 1..={} without gaps; found {}",
                lessons.len(),
                lesson.number
            ));
        }
        let name = Path::new(file).file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let expected = format!("{:02}-{}.md", lesson.number, lesson.slug);
        if name != expected {
            return Err(format!("{file}: the file of lesson {} ({}) is named {expected}", lesson.number, lesson.slug));
        }
        let well_formed = !lesson.slug.is_empty()
            && lesson
                .slug
                .split('-')
                .all(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()));
        if !well_formed {
            return Err(format!("{file}: slug {:?} is lower-case words joined by -", lesson.slug));
        }
        if markup::LEARN_PAGES.contains(&lesson.slug.as_str()) {
            return Err(format!("{file}: slug {:?} is taken by the page /learn/{}", lesson.slug, lesson.slug));
        }
        if !slugs.insert(lesson.slug.clone()) {
            return Err(format!("{file}: slug {:?} is used twice", lesson.slug));
        }
        let rank = module_rank(&lesson.module).ok_or_else(|| format!("{file}: unknown module {}", lesson.module))?;
        if rank < last_rank {
            return Err(format!("{file}: module {} comes after a later module's lessons", lesson.module));
        }
        last_rank = rank;
    }
    Ok(())
}

/// `sources.md` has an entry (`## Title {#slug}`) for every lesson, titled as the lesson and in course order.
fn check_sources(nodes: &[Node], lessons: &[LessonFile]) -> Result<(), String> {
    let headings: Vec<(&str, &str)> = nodes
        .iter()
        .filter_map(|n| match n {
            Node::H2 { text, id } => Some((text.as_str(), id.as_str())),
            _ => None,
        })
        .collect();
    let mut last = 0;
    for lesson in lessons {
        let Some(at) = headings.iter().position(|(_, id)| *id == lesson.slug) else {
            return Err(format!("sources.md: no entry {{#{}}} for lesson {}", lesson.slug, lesson.number));
        };
        if headings[at].0 != lesson.title {
            return Err(format!(
                "sources.md: the entry {{#{}}} is titled {:?}, as the lesson",
                lesson.slug, lesson.title
            ));
        }
        if at < last {
            return Err(format!("sources.md: the entry {{#{}}} is out of course order", lesson.slug));
        }
        last = at;
    }
    Ok(())
}

/// Splits a glossary or FAQ file into (heading, id, body) entries.
fn entries(nodes: &[Node], file: &str) -> Result<Vec<(String, String, Vec<Node>)>, String> {
    let mut out: Vec<(String, String, Vec<Node>)> = Vec::new();
    for node in nodes {
        match node {
            Node::H2 { text, id } => out.push((text.clone(), id.clone(), Vec::new())),
            other => match out.last_mut() {
                Some(entry) => entry.2.push(other.clone()),
                None => return Err(format!("{file}: text before the first ## entry")),
            },
        }
    }
    let mut seen = BTreeSet::new();
    for (_, id, body) in &out {
        if !seen.insert(id.clone()) {
            return Err(format!("{file}: duplicate entry id {id}"));
        }
        if body.is_empty() {
            return Err(format!("{file}: entry {id} has no text"));
        }
    }
    Ok(out)
}

fn href(target: &str) -> String {
    match target.strip_prefix("glossary:") {
        Some(slug) => format!("/learn/glossary#{slug}"),
        None => target.to_owned(),
    }
}

/// Writes a run of spans as one compact `Text` (see `src/content/model.rs` for the markers).
fn spans(items: &[Span]) -> String {
    format!("Text({:?})", compact(items))
}

/// The compact form of `items`: bold and emphasis hold the compact form of what is inside them (plain text and
/// links; the parser allows no deeper nesting).
fn compact(items: &[Span]) -> String {
    let mut text = String::new();
    for span in items {
        match span {
            Span::Text(t) => text.push_str(t),
            Span::Strong(inner) => text.push_str(&format!("\u{1}{}\u{1}", compact(inner))),
            Span::Em(inner) => text.push_str(&format!("\u{2}{}\u{2}", compact(inner))),
            Span::Link { text: t, target } => text.push_str(&format!("\u{3}{t}\u{1f}{}\u{3}", href(target))),
        }
    }
    text
}

/// Content may not contain the characters the compact text format uses as markers.
fn check_markers(nodes: &[Node], place: &str) -> Result<(), String> {
    let plain = markup::plain_text(nodes);
    match plain.chars().find(|c| ['\u{1}', '\u{2}', '\u{3}', '\u{1f}'].contains(c)) {
        Some(c) => Err(format!("{place}: control character {:?} is not allowed in course text", c)),
        None => Ok(()),
    }
}

fn blocks(nodes: &[Node]) -> String {
    let parts: Vec<String> = nodes
        .iter()
        .map(|n| match n {
            Node::H2 { text, id } => format!("Block::Heading {{ text: {text:?}, id: {id:?} }}"),
            Node::H3(text) => format!("Block::Subheading({text:?})"),
            Node::Para(s) => format!("Block::Paragraph({})", spans(s)),
            Node::Bullets(items) => {
                format!("Block::Bullets(&[{}])", items.iter().map(|i| spans(i)).collect::<Vec<_>>().join(", "))
            }
            Node::Numbered(items) => {
                format!("Block::Numbered(&[{}])", items.iter().map(|i| spans(i)).collect::<Vec<_>>().join(", "))
            }
            Node::Example { title, body } => format!("Block::Example {{ title: {title:?}, body: {} }}", blocks(body)),
            Node::Note(body) => format!("Block::Note({})", blocks(body)),
            Node::Recap(body) => format!("Block::Recap({})", blocks(body)),
        })
        .collect();
    format!("&[{}]", parts.join(", "))
}
