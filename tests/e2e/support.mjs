// Shared fixtures and helpers for the e2e specs. Import `test` and `expect` from here, not from
// @playwright/test:
//
//   import { test, expect, waitForApp } from './support.mjs';
//   test('…', async ({ page, server, consoleErrors, foreignRequests }) => { … });
//
// Fixtures
//   server           this worker's static server for dist/ (scripts/serve.mjs, own free port, 127.0.0.1).
//                    `await server.stop()` makes the site unreachable (drops keep-alive connections too);
//                    `await server.start()` brings it back on the same origin; set `server.dir` in between to
//                    serve another build there. Every test starts with it up, serving dist/.
//   consoleErrors    console.error messages and uncaught page errors seen during the test (live array).
//   foreignRequests  URLs of every request (pages and service worker) whose origin is not the server's.
//   allowConsoleErrors  option: RegExps of console errors a test expects, e.g.
//                    test.use({ allowConsoleErrors: [/Failed to load resource/] }).
// After every test, `consoleErrors` (minus the allowed ones) and `foreignRequests` must be empty: the app
// fetches nothing from anywhere else and logs no errors.
//
// Every test gets a fresh browser context: empty storage, no service worker, empty HTTP cache.

import { test as base, expect } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../scripts/serve.mjs';

export { expect };

const DIST = process.env.DIST_DIR || 'dist';

/** A restartable server on one fixed port, so its origin (and the browser's storage for it) stays the same. */
class Site {
  constructor() {
    this.handle = null;
    this.port = 0;
    /** Directory served; change it between stop() and start() to serve another build on the same origin. */
    this.dir = DIST;
  }
  get origin() {
    return `http://127.0.0.1:${this.port}`;
  }
  get url() {
    return `${this.origin}/`;
  }
  get running() {
    return this.handle !== null;
  }
  /** Paths requested from the server since it last started. */
  get requests() {
    return this.handle ? this.handle.requests : [];
  }
  async start() {
    if (this.handle) return;
    for (let attempt = 0; ; attempt++) {
      try {
        this.handle = await startServer({ dir: this.dir, port: this.port });
        break;
      } catch (err) {
        // The port may linger for a moment after stop(); any other error is real.
        if (err.code !== 'EADDRINUSE' || attempt >= 20) throw err;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    this.port = this.handle.port;
  }
  async stop() {
    if (!this.handle) return;
    const handle = this.handle;
    this.handle = null;
    await handle.close();
  }
}

export const test = base.extend({
  allowConsoleErrors: [[], { option: true }],

  // One server per worker (started lazily, stopped when the worker ends).
  site: [
    async ({}, use) => {
      const site = new Site();
      await site.start();
      await use(site);
      await site.stop();
    },
    { scope: 'worker' },
  ],

  server: async ({ site }, use) => {
    await site.start();
    await use(site);
    if (site.dir !== DIST) {
      await site.stop();
      site.dir = DIST;
    }
    await site.start(); // leave it up, serving dist/, for the next test
  },

  consoleErrors: async ({ context }, use) => {
    const errors = [];
    context.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(`console: ${msg.text()} (${msg.location().url || 'unknown'})`);
    });
    context.on('weberror', (webError) => errors.push(`page error: ${webError.error().message}`));
    await use(errors);
  },

  foreignRequests: async ({ context, server }, use) => {
    const foreign = [];
    context.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol === 'data:' || url.protocol === 'blob:') return;
      if (url.origin !== server.origin) foreign.push(request.url());
    });
    await use(foreign);
  },

  // Checked after every test, whether or not it asked for these fixtures.
  _guard: [
    async ({ consoleErrors, foreignRequests, allowConsoleErrors }, use) => {
      await use();
      const unexpected = consoleErrors.filter((e) => !allowConsoleErrors.some((re) => re.test(e)));
      expect(unexpected, 'console errors during the test').toEqual([]);
      expect(foreignRequests, 'requests to another origin').toEqual([]);
    },
    { auto: true },
  ],
});

/**
 * Waits until the app is on screen: it removes the static page (the prerendered `#prerendered`, or app.html's
 * `#loading-shell`) in the task that shows it and marks `ts-ready`. Call it after every goto/reload before
 * looking at the page: during start-up the app's first page is drawn hidden while the static copy is still
 * there, so a text or label can match twice, and the static copy cannot be typed into. Reads the document from
 * Playwright's side, so it works under `page.clock` too (which fakes `performance`).
 */
export async function waitForApp(page, timeout = 30_000) {
  await expect(page.locator('#prerendered, #loading-shell')).toHaveCount(0, { timeout });
}

/**
 * Waits until what a page draws right after its first paint is drawn too (src/ui/dom.rs: after_first_paint,
 * e.g. a person's evidence log): the app's animation-frame callback was registered first, so its timer runs
 * before this one.
 */
export async function waitForRest(page) {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
}

/**
 * Clicks the element `linkSelector` and reports what the page holds when the first frame after the click is
 * drawn (the first animation-frame callback, registered before the app's own, which starts what comes after the
 * first paint): the text of `main h1` and, for each name in `counts`, how many elements match its selector.
 */
export function atFirstFrame(page, linkSelector, counts) {
  return page.evaluate(
    ([link, selectors]) =>
      new Promise((resolve) => {
        document.querySelector(link).click();
        requestAnimationFrame(() =>
          resolve({
            h1: document.querySelector('main h1')?.textContent.trim(),
            ...Object.fromEntries(Object.entries(selectors).map(([name, s]) => [name, document.querySelectorAll(s).length])),
          }),
        );
      }),
    [linkSelector, counts],
  );
}

/**
 * Whether the first element matching `selector` starts below the screen the page showed first (the scroll
 * position is set in the first frame, when focus moves to the heading, and is kept).
 */
export function belowFirstScreen(page, selector) {
  return page.evaluate((s) => document.querySelector(s).getBoundingClientRect().top >= innerHeight, selector);
}

/** Opens `path` of the served build and waits for the app (see waitForApp). */
export async function openPage(page, server, path) {
  await page.goto(server.origin + path);
  await waitForApp(page);
}

/** Waits until a service worker controls the page (first visit: after install + activate + clients.claim). */
export async function waitForServiceWorker(page, timeout = 30_000) {
  await page.waitForFunction(() => !!navigator.serviceWorker && !!navigator.serviceWorker.controller, null, {
    timeout,
  });
}

/** Reads a file of the build as the server sends it (text), e.g. to inspect index.html. */
export async function fetchText(server, path) {
  const res = await fetch(new URL(path, server.origin));
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/**
 * A "new build" of `dir` in a temporary folder: the same files with another build id in sw.js, so the browser
 * sees a new service-worker version. Serve it with `server.stop(); server.dir = next.dir; server.start()`.
 * Returns `{ dir, oldId, newId, remove() }`.
 */
export function nextBuild(dir) {
  const next = mkdtempSync(join(tmpdir(), 'ts-next-build-'));
  cpSync(dir, next, { recursive: true });
  const swPath = join(next, 'sw.js');
  const sw = readFileSync(swPath, 'utf8');
  const oldId = sw.match(/self\.__TS_BUILD__ = \{"id":"([0-9a-f]+)"/)[1];
  const newId = 'f'.repeat(16) === oldId ? 'e'.repeat(16) : 'f'.repeat(16);
  writeFileSync(swPath, sw.replace(`"id":"${oldId}"`, `"id":"${newId}"`));
  return { dir: next, oldId, newId, remove: () => rmSync(next, { recursive: true, force: true }) };
}

/** The schema-1 backup fixture (tests/fixtures/backup-v1.json), parsed. */
export const FIXTURE = JSON.parse(readFileSync(new URL('../fixtures/backup-v1.json', import.meta.url), 'utf8'));

/** Opens the app and puts the fixture backup's entries straight into localStorage (no import). */
export async function seedFixture(page, server) {
  await page.goto(server.url);
  await waitForApp(page);
  await page.evaluate((data) => {
    for (const [key, envelope] of Object.entries(data)) localStorage.setItem(key, JSON.stringify(envelope));
  }, FIXTURE.data);
}

/** Every `trust-steps/` key in this tab's localStorage with its text as stored, in key order. */
export async function appStorage(page) {
  return page.evaluate(() =>
    Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('trust-steps/')).sort().map((k) => [k, localStorage.getItem(k)])),
  );
}

/** Turns the passphrase lock on in Settings (opening Settings first when `server` is given) and waits until it is on. */
export async function turnOnLock(page, passphrase, server) {
  if (server) {
    await page.goto(server.origin + '/settings');
    await waitForApp(page);
  }
  await page.getByLabel('New passphrase', { exact: true }).fill(passphrase);
  await page.getByLabel('Type it again').fill(passphrase);
  await page.getByLabel(/I understand that a forgotten passphrase/).check();
  await page.getByRole('button', { name: 'Turn on the lock' }).click();
  await expect(page.getByTestId('lock-status')).toContainText('The lock is on', { timeout: 30_000 });
}

/** Types `passphrase` at the lock screen and, unless `opens` is false (a wrong one), waits until the app is open. */
export async function unlockWith(page, passphrase, { opens = true } = {}) {
  const locked = page.getByRole('heading', { name: 'Trust Steps is locked' });
  await expect(locked).toBeVisible({ timeout: 30_000 });
  await page.getByLabel('Passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
  if (opens) await expect(locked).toHaveCount(0, { timeout: 30_000 });
}

/** Adds lesson progress only this device has (the "forgiveness" lesson done), which a backup of the fixture lacks. */
export async function markLessonDoneOnlyHere(page) {
  await page.evaluate(() => {
    const key = 'trust-steps/lesson-progress';
    const progress = JSON.parse(localStorage.getItem(key));
    progress.data.lessons.forgiveness = { done_at: '2026-11-20T10:00:00.000Z', opened_at: '2026-11-20T09:00:00.000Z', updated_at: '2026-11-20T10:00:00.000Z' };
    localStorage.setItem(key, JSON.stringify(progress));
  });
}
