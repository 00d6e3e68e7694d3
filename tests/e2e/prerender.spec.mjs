// The first visit (scripts/prerender.mjs, boot.js, public/early.js): what it paints before the wasm has arrived,
// that it is the page the app then draws, that nothing can be typed into it, that a returning visit (or the
// quick-hide cover) does not show a first visit's page, and that the wasm is downloaded once.
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { expect, fetchText, test, waitForApp, waitForServiceWorker } from './support.mjs';

/** Holds every request for the wasm until the returned function is called. */
async function holdWasm(page) {
  let release;
  const released = new Promise((r) => (release = r));
  await page.route('**/*_bg.wasm', async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** The routes the build prerendered, from the files in its directory. */
function prerenderedRoutes(server) {
  const walk = (dir) =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : e.name === 'index.html' ? [join(dir, e.name)] : [],
    );
  return walk(server.dir).map((f) => '/' + relative(server.dir, f).split(sep).slice(0, -1).join('/'));
}

/** Normalised text of `<main>` in an HTML document. */
function mainText(page, html) {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'text/html');
    return doc.querySelector('main').textContent.replace(/\s+/g, ' ').trim();
  }, html);
}

// Without the service worker (a first visit has none yet), so the wasm is fetched from the network and can be held.
test.describe('before the app starts', () => {
  test.use({ serviceWorkers: 'block' });

  test('a first visit paints the page from HTML before the wasm arrives, and nothing in it takes input', async ({
    page,
    server,
  }) => {
    const release = await holdWasm(page);
    await page.goto(server.origin + '/people');
    // The wasm is held: what shows is the prerendered page.
    await expect(page.locator('#prerendered h1')).toHaveText('People');
    await expect(page).toHaveTitle('People · Trust Steps');
    await expect(page.locator('#prerendered main')).toBeVisible();
    expect(await page.locator('#prerendered main').evaluate((m) => m.inert)).toBe(true);
    // Nothing can be typed into it (it would be lost when the app replaces it) …
    await page.locator('#person-name').click({ force: true });
    await page.keyboard.type('Sam');
    expect(await page.locator('#person-name').inputValue()).toBe('');
    // … but the Help link works as a plain link before the app starts.
    await expect(page.locator('#prerendered a.help-link')).not.toHaveAttribute('inert');

    release();
    await waitForApp(page);
    await expect(page.locator('#prerendered')).toHaveCount(0);
    await expect(page.locator('.app-frame')).toHaveCount(1);
    await expect(page.locator('h1')).toHaveCount(1);
    await page.locator('#person-name').fill('Sam');
    await expect(page.locator('#person-name')).toHaveValue('Sam');
  });

  test('the app is built hidden behind the prerendered page and replaces it in one step, its page drawn', async ({
    page,
    server,
  }) => {
    // src/ui/start_up.rs: the shell and the first page are built in separate tasks; until both are done the
    // prerendered page stays and the app's frame is not displayed, so no frame shows an empty page or both.
    await page.addInitScript(() => {
      window.__swap = null;
      window.__bothShown = false;
      const appFrame = () => [...document.querySelectorAll('.app-frame')].find((f) => f.id !== 'prerendered');
      // Runs after every task that changed the document (the app's mount, its page, the swap).
      new MutationObserver((records) => {
        const app = appFrame();
        const shown = app?.querySelector('header')?.getClientRects().length > 0; // the frame itself is display: contents
        if (document.getElementById('prerendered') && shown) window.__bothShown = true;
        for (const r of records) {
          for (const node of r.removedNodes) {
            if (node.id === 'prerendered') window.__swap = { heading: app?.querySelector('main h1')?.textContent ?? null };
          }
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(server.origin + '/people');
    await waitForApp(page);
    // Removed with the app's page already built.
    expect(await page.evaluate(() => window.__swap)).toEqual({ heading: 'People' });
    expect(await page.evaluate(() => window.__bothShown)).toBe(false);
    await expect(page.locator('.app-frame')).toBeVisible();
  });

  test('the locale\'s date data is loaded by a worker, off the main thread', async ({ page, server }) => {
    // public/warm-dates.js, started by public/early.js once the page is parsed (it ends itself).
    const worker = page.waitForEvent('worker');
    await page.goto(server.origin + '/');
    expect(new URL((await worker).url()).pathname).toBe('/warm-dates.js');
    await waitForApp(page);
  });

  test('every prerendered page shows what the app then draws on a first visit', async ({ page, server }) => {
    test.setTimeout(180_000);
    const routes = prerenderedRoutes(server);
    expect(routes).toEqual(
      expect.arrayContaining(['/', '/learn', '/learn/what-trust-is', '/learn/abuse-and-control', '/learn/sources', '/people', '/help']),
    );
    expect(routes.length).toBeGreaterThan(30);
    for (const route of routes) {
      const { status, text } = await fetchText(server, route);
      expect(status, route).toBe(200);
      expect(text, route).toContain('id="prerendered"');
      const prerendered = await mainText(page, text);
      await page.goto(server.origin + route);
      await waitForApp(page);
      // Parts drawn after the first paint, as the prerender waits for them.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))));
      const drawn = (await page.locator('main').textContent()).replace(/\s+/g, ' ').trim();
      expect(drawn, route).toBe(prerendered);
      expect(await page.title(), route).toBe(text.match(/<title>([^<]*)<\/title>/)[1].replace(/&amp;/g, '&'));
      // Each visit starts as a first one.
      await page.evaluate(() => localStorage.clear());
    }
  });

  test('a returning visit hides the first visit page content until the app draws its own', async ({ page, server }) => {
    await page.goto(server.origin + '/');
    await waitForApp(page);
    await page.evaluate(() =>
      localStorage.setItem('trust-steps/settings', JSON.stringify({ schema: 1, data: { theme: 'system' } })),
    );
    const release = await holdWasm(page);
    await page.goto(server.origin + '/people');
    await expect(page.locator('#prerendered header')).toBeVisible();
    await expect(page.locator('#prerendered h1')).toBeHidden();
    await expect(page.locator('#prerendered .empty-state')).toBeHidden();
    release();
    await waitForApp(page);
    await expect(page.locator('h1')).toBeVisible();
  });

  test('when the quick-hide cover is coming back, nothing of the app is painted first', async ({ page, server }) => {
    await page.goto(server.origin + '/');
    await waitForApp(page);
    await page.evaluate(() => sessionStorage.setItem('ts-covered', '1'));
    await holdWasm(page);
    await page.goto(server.origin + '/learn');
    await expect(page.locator('#prerendered h1')).toHaveText('Learn');
    await expect(page.locator('#prerendered')).toBeHidden();
    await expect(page.locator('#prerendered .brand')).toBeHidden();
  });
});

test('with the service worker, every route opens on the frame of app.html, not a first visit page', async ({
  page,
  server,
}) => {
  await page.goto(server.origin + '/');
  await waitForApp(page);
  await waitForServiceWorker(page);
  const response = await page.goto(server.origin + '/learn/what-trust-is');
  expect(response.fromServiceWorker()).toBe(true);
  const html = await response.text();
  expect(html).toContain('<p id="loading-shell" class="loading-shell">Opening Trust Steps…</p>');
  expect(html).not.toContain('<h1>');
  await waitForApp(page);
  await expect(page.locator('h1')).toHaveText('What trust is made of');
  // The first-visit pages are not precached; app.html is.
  const cached = await page.evaluate(async () => {
    const [name] = await caches.keys();
    return (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname);
  });
  expect(cached).toContain('/app.html');
  expect(cached.filter((p) => p.endsWith('/index.html'))).toEqual([]);
});

test('a first visit downloads the wasm once: the service worker registers after the app has started', async ({
  page,
  server,
}) => {
  const earlier = server.requests.length;
  // Notes, at each register() call, whether the app had started by then.
  await page.addInitScript(() => {
    const container = navigator.serviceWorker;
    const register = container.register.bind(container);
    window.__registeredAfterStart = [];
    container.register = (...args) => {
      window.__registeredAfterStart.push(performance.getEntriesByName('ts-ready').length > 0);
      return register(...args);
    };
  });
  await page.goto(server.origin + '/learn');
  await waitForApp(page);
  await waitForServiceWorker(page);
  // Installed: its cache holds the wasm, taken from the HTTP cache rather than downloaded again.
  const cachedWasm = await page.evaluate(async () => {
    const [name] = await caches.keys();
    return (await (await caches.open(name)).keys()).filter((r) => r.url.endsWith('_bg.wasm')).length;
  });
  expect(cachedWasm).toBe(1);
  expect(await page.evaluate(() => window.__registeredAfterStart)).toEqual([true]);
  expect(server.requests.slice(earlier).filter((p) => p.endsWith('_bg.wasm'))).toHaveLength(1);
});
