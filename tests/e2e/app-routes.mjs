// Every page of the app as concrete URLs, read from the source so that a new route, lesson or exercise is
// covered by the quality gates (a11y, zoom, keyboard) without editing them:
//   - route patterns: every `path!("…")` in src/app.rs;
//   - `:lesson`: the slug of every src/content/lessons/*.md; `:exercise`: every slug of src/domain/exercise_catalog.rs;
//   - other `:params` (record ids such as /journal/:id, /people/:id): taken from the links the app draws for the
//     seeded data (see seed.mjs), so only the seeded run visits them.
// `uncoveredPatterns()` names the patterns no URL matches, so a route with a new kind of parameter fails loudly.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('../../', import.meta.url).pathname;

/** Route patterns of the router, in source order, e.g. ['/', '/learn', '/learn/:lesson', …]. */
export function routePatterns() {
  const app = readFileSync(join(ROOT, 'src/app.rs'), 'utf8');
  const patterns = [...app.matchAll(/path!\("([^"]*)"\)/g)].map((m) => m[1]);
  if (patterns.length < 5) throw new Error('app-routes: could not read the route table from src/app.rs');
  return patterns;
}

/** Lesson slugs from the front matter of src/content/lessons/*.md, in file order. */
export function lessonSlugs() {
  const dir = join(ROOT, 'src/content/lessons');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => {
      const m = readFileSync(join(dir, f), 'utf8').match(/^slug = "([^"]+)"$/m);
      if (!m) throw new Error(`app-routes: no slug in ${f}`);
      return m[1];
    });
}

/** Exercise slugs of the catalogue (src/domain/exercise_catalog.rs), in course order. */
export function exerciseSlugs() {
  const catalog = readFileSync(join(ROOT, 'src/domain/exercise_catalog.rs'), 'utf8');
  const slugs = [...catalog.matchAll(/\bexercise\(\s*"([a-z0-9-]+)"/g)].map((m) => m[1]);
  if (slugs.length < 5) throw new Error('app-routes: could not read the exercise catalogue');
  return slugs;
}

/**
 * Concrete URLs for every pattern whose parameters come from the source (no record ids), plus a 404 path;
 * `lessons` limits how many lessons are listed.
 */
export function staticUrls({ lessons = Infinity } = {}) {
  const fill = { lesson: lessonSlugs().slice(0, lessons), exercise: exerciseSlugs() };
  const urls = [];
  for (const pattern of routePatterns()) {
    const params = [...pattern.matchAll(/:([a-z_]+)/g)].map((m) => m[1]);
    if (params.length === 0) urls.push(pattern);
    else if (params.length === 1 && fill[params[0]]) for (const v of fill[params[0]]) urls.push(pattern.replace(`:${params[0]}`, v));
  }
  urls.push('/no/such/page');
  return [...new Set(urls)];
}

/** Patterns that have a record id (or another parameter the source does not list). */
export function recordPatterns() {
  return routePatterns().filter((p) => /:(?!lesson\b|exercise\b)[a-z_]+/.test(p));
}

/** True when `url` matches the route `pattern` (`:name` matches one path segment). */
export function matches(pattern, url) {
  const re = new RegExp(`^${pattern.replace(/:[a-z_]+/g, '[^/]+')}$`);
  return re.test(url);
}

/** Route patterns that none of `urls` matches (ignoring patterns another, more specific pattern takes). */
export function uncoveredPatterns(urls) {
  const patterns = routePatterns();
  // The router prefers static segments: /learn/glossary is not a lesson, /journal/new is not a record.
  const owner = (url) => patterns.find((p) => p === url) ?? patterns.find((p) => matches(p, url));
  const covered = new Set(urls.map(owner).filter(Boolean));
  return patterns.filter((p) => !covered.has(p));
}

/**
 * Record URLs the app links to from the pages listed in `from` (default: every static, parameter-free page),
 * one per record pattern (the first link found), e.g. { '/journal/:id': '/journal/3fa…', … }.
 */
export async function recordUrls(page, origin, waitForApp) {
  const wanted = recordPatterns();
  const found = {};
  const pages = routePatterns().filter((p) => !p.includes(':'));
  const isStatic = (href) => pages.includes(href);
  for (const from of pages) {
    if (wanted.every((p) => found[p])) break;
    await page.goto(origin + from);
    await waitForApp(page);
    const hrefs = await page.$$eval('a[href^="/"]', (as) => as.map((a) => a.getAttribute('href').split('#')[0]));
    for (const href of hrefs.filter((h) => !isStatic(h))) {
      for (const p of wanted) if (!found[p] && matches(p, href)) found[p] = href;
    }
  }
  // Edit pages are reached from their record page (e.g. /journal/:id/edit from /journal/:id).
  for (const p of wanted) {
    if (found[p]) continue;
    const parent = wanted.find((q) => found[q] && p.startsWith(q + '/'));
    if (parent) found[p] = found[parent] + p.slice(parent.length);
  }
  return found;
}

/** `urls` grouped by the route pattern that serves them (the 404 path under '404'), in route-table order. */
export function groupByPattern(urls) {
  const patterns = routePatterns();
  const owner = (url) => (patterns.includes(url) ? url : (patterns.find((p) => matches(p, url)) ?? '404'));
  const byPattern = new Map();
  for (const url of urls) byPattern.set(owner(url), [...(byPattern.get(owner(url)) ?? []), url]);
  return [...byPattern].map(([pattern, list]) => ({ pattern, urls: list }));
}
