// Prerenders the app's pages as a first visitor sees them, so a first visit paints the real page (frame,
// heading, lesson text) from HTML while the wasm is still on its way, instead of a "Loading…" line.
//
// Called by scripts/post-build.mjs on Trunk's staging dir (release builds only: `make dev` skips it), after boot.js
// is written and before the service worker's precache list is made. It serves the build on loopback, opens each page in headless Chromium with
// empty storage (the app itself renders it: no second renderer to keep in step), and writes from the build's
// index.html (the template):
//   - `<route>/index.html` (and `index.html` for `/`): the page's title and rendered frame in place of the
//     loading shell. The server answers a route with its page when there is one. These pages are for a first
//     visit only, which never has the service worker yet; they are not precached.
//   - `app.html`: the frame with an empty page and a loading line, which the service worker answers every
//     navigation with (and the server every route without a page of its own): a returning visit shows the
//     frame at once and its own page when the app has started.
//
// The copy is only a picture of the page until the app starts:
//   - its `<main>` and the header's buttons are `inert`: nothing can be typed into it and lost when the app
//     replaces it; the header and footer links (Help, the navigation) work as plain links;
//   - the app removes it (src/ui/start_up.rs, `ui::dom::remove_static_page`) in the same task as it shows
//     its own frame, so no frame shows both;
//   - public/early.js hides its `<main>` when this browser already holds Trust Steps data (the page then shows
//     that data, not a first visit's empty state) and hides all of it when the quick-hide cover is coming back;
//   - a page whose first render holds today's date (date fields, "today" lines) is not prerendered: the date
//     would be the build's.
// Pages are found from the app: the navigation, the lesson list, the practice hub and the links in lessons.

import { writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from '../playwright.config.mjs';
import { startServer } from './serve.mjs';

/** Routes never prerendered: their first render depends on the device (storage figures) or on the date. */
const SKIP = new Set(['/settings', '/progress']);

/**
 * Prerenders the build in `dir` (a Trunk staging dir holding index.html). Returns the routes written, the ones
 * skipped, and the first-visit page files (paths relative to `dir`), which the precache leaves out.
 */
export async function prerender(dir) {
  const template = readFileSync(join(dir, 'index.html'), 'utf8');
  const shell = /<div id="loading-shell"[^>]*>[\s\S]*?<\/div>/;
  if (!shell.test(template)) throw new Error('index.html has no <div id="loading-shell">…</div> to replace');
  const server = await startServer({ dir, port: 0 });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const written = [];
  const skipped = [];
  const pageFiles = [];
  const fill = (title, frame) =>
    template
      .replace(/<title>[\s\S]*?<\/title>/, () => `<title>${escapeText(title)}</title>`)
      .replace(shell, () => frame);
  try {
    // No service worker: each page is rendered by this build's files, served fresh.
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const queue = ['/', '/learn', '/practice', '/journal', '/people', '/help', '/privacy'];
    const seen = new Set(queue);
    while (queue.length) {
      const route = queue.shift();
      await page.goto(server.origin + route);
      await page.waitForFunction(() => performance.getEntriesByName('ts-ready').length > 0);
      // Parts drawn after the first paint (below the fold) are drawn by then.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))));
      if (errors.length) throw new Error(`${route}: ${errors.join('; ')}`);
      const found = await page.evaluate(readPage);
      // Opening a page can store something (a lesson notes that it was opened): each page is a first visit.
      await page.evaluate(() => localStorage.clear());
      if (route === '/') writeFileSync(join(dir, 'app.html'), fill('Trust Steps', found.emptyFrame));
      for (const link of found.links) {
        if (!seen.has(link) && !SKIP.has(link)) {
          seen.add(link);
          queue.push(link);
        }
      }
      if (found.dated) {
        skipped.push(route);
        continue;
      }
      // The CSP allows no inline script or style: a page needing one would break (and is a bug in the app).
      const unsafe = found.frame.match(/<script\b|<[^>]*\s(on[a-z]+|style)\s*=/i);
      if (unsafe) throw new Error(`${route}: the rendered page has ${unsafe[0].slice(0, 80)}, which the CSP forbids`);
      const file = route === '/' ? 'index.html' : `${route.slice(1)}/index.html`;
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), fill(found.title, found.frame));
      written.push(route);
      pageFiles.push(file);
    }
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
  return { written, skipped, pageFiles };
}

/**
 * Runs in the page: the frame as static HTML (Leptos's empty `<!---->` markers dropped, the parts that must not
 * be used before the app starts made inert), the same frame with an empty page for app.html, the title,
 * whether the page shows today's date, and the app's links to further pages worth prerendering.
 */
function readPage() {
  const frame = document.querySelector('.app-frame').cloneNode(true);
  frame.id = 'prerendered';
  frame.querySelector('main').setAttribute('inert', '');
  for (const button of frame.querySelectorAll('header button')) button.setAttribute('inert', '');
  for (const region of frame.querySelectorAll('.banners, .toast-region')) region.replaceChildren();
  const empty = frame.cloneNode(true);
  for (const current of empty.querySelectorAll('[aria-current]')) current.removeAttribute('aria-current');
  const loading = document.createElement('p');
  loading.id = 'loading-shell';
  loading.className = 'loading-shell';
  loading.textContent = 'Opening Trust Steps…';
  empty.querySelector('main').replaceChildren(loading);
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  const iso = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  const text = frame.querySelector('main').innerHTML;
  const dated =
    frame.querySelector('input[type="date"], input[type="datetime-local"], time') !== null ||
    text.includes(iso) ||
    text.includes(now.toLocaleDateString());
  const links = [...document.querySelectorAll('main a[href^="/learn/"], main a[href^="/practice/"]')]
    .map((a) => new URL(a.href).pathname)
    .filter((p) => /^\/(learn|practice)\/[a-z0-9-]+$/.test(p));
  return {
    frame: frame.outerHTML.replace(/<!---->/g, ''),
    emptyFrame: empty.outerHTML.replace(/<!---->/g, ''),
    title: document.title,
    dated,
    links: [...new Set(links)],
  };
}

function escapeText(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
