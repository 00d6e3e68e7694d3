// The PWA plumbing: manifest and icons, CSP and security headers, service worker, offline start, update flow,
// early theme.
import { CSP, DENIED_FEATURES, NOT_EVERYWHERE, SECURITY_HEADERS } from '../../scripts/serve.mjs';
import { expect, fetchText, nextBuild, test, waitForApp, waitForServiceWorker } from './support.mjs';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes) {
  expect(bytes.subarray(0, 8).toString('latin1')).toBe('\x89PNG\r\n\x1a\n');
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

test('index.html has the CSP, no inline script and the PWA links', async ({ server }) => {
  const { status, headers, text } = await fetchText(server, '/');
  expect(status).toBe(200);
  // The header adds what only a header can say (frame-ancestors); the meta tag holds the rest, the same.
  expect(headers.get('content-security-policy')).toBe(`${CSP}; frame-ancestors 'none'`);
  expect(headers.get('cache-control')).toBe('no-cache');

  const meta = text.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/);
  expect(meta, 'CSP meta tag').not.toBeNull();
  expect(meta[1]).toBe(CSP);

  const scripts = [...text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
  expect(scripts.length).toBeGreaterThan(0);
  for (const [whole, attrs, body] of scripts) {
    expect(attrs, `external script: ${whole}`).toMatch(/\bsrc="\/[^"]+"/);
    expect(body.trim(), `script body: ${whole}`).toBe('');
  }
  expect(text).toContain('<script src="/early.js"></script>');
  // async: boot.js starts compiling the wasm while the page is still parsed (scripts/post-build.mjs).
  expect(text).toContain('<script type="module" async src="/boot.js"></script>');
  const boot = (await fetchText(server, '/boot.js')).text;
  // Compiled from the whole file, off the main thread (not streamed: see scripts/post-build.mjs).
  expect(boot).toMatch(/fetch\('\/trust_steps-[0-9a-f]+_bg\.wasm'\)\.then\(.*WebAssembly\.compile\(b\)/);
  expect(boot).not.toContain('compileStreaming');
  expect(boot).toContain("document.addEventListener('DOMContentLoaded'");
  expect(text).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
  expect(text).toContain('<link rel="manifest" href="/manifest.webmanifest">');
  expect(text).toMatch(/<link rel="apple-touch-icon" href="\/icons\/apple-touch-icon.png">/);
  // `/` is the prerendered Today page (scripts/prerender.mjs); app.html, which the service worker answers
  // every navigation with, is the frame with a loading line. Neither preloads the wasm: boot.js fetches it.
  expect(text).toContain('id="prerendered"');
  expect(text).toContain('<noscript>');
  const app = await fetchText(server, '/app.html');
  expect(app.text).toContain('id="loading-shell"');
  expect(app.text).toContain('<script type="module" async src="/boot.js"></script>');
  for (const html of [text, app.text]) expect(html).not.toMatch(/<link[^>]*rel="preload"/);

  for (const [path, type] of [
    ['/boot.js', 'text/javascript'],
    ['/early.js', 'text/javascript'],
    ['/sw.js', 'text/javascript'],
  ]) {
    const res = await fetchText(server, path);
    expect(res.status, path).toBe(200);
    expect(res.headers.get('content-type'), path).toContain(type);
  }
});

test('every response carries the security headers: no framing, no referrer, no features the app never uses', async ({
  server,
}) => {
  const boot = (await fetchText(server, '/boot.js')).text;
  const wasm = boot.match(/\/trust_steps-[0-9a-f]+_bg\.wasm/)[0];
  expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(`${CSP}; frame-ancestors 'none'`);
  for (const path of ['/', '/journal', '/settings', '/sw.js', wasm, '/manifest.webmanifest', '/no-such-file.txt']) {
    const res = await fetch(new URL(path, server.origin));
    await res.arrayBuffer();
    const h = res.headers;
    expect(h.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
    expect(h.get('content-security-policy'), path).toBe(`${CSP}; frame-ancestors 'none'`);
    expect(h.get('x-frame-options'), path).toBe('DENY');
    expect(h.get('referrer-policy'), path).toBe('no-referrer');
    expect(h.get('x-content-type-options'), path).toBe('nosniff');
    expect(h.get('cross-origin-opener-policy'), path).toBe('same-origin');
    const policy = h.get('permissions-policy');
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'serial', 'bluetooth', 'browsing-topics']) {
      expect(policy, `${path} denies ${feature}`).toContain(`${feature}=()`);
    }
    expect(policy, path).not.toContain('clipboard-write');
  }
});

test('the browser takes the Permissions-Policy as written; the app still copies, installs and works offline', async ({
  page,
  server,
}) => {
  // Chromium warns in the console about a feature name it does not know: none may be reported but the few
  // that only some platforms have (a misspelt name would show here).
  const warnings = [];
  page.on('console', (msg) => warnings.push(msg.text()));
  await page.goto(server.url);
  await waitForApp(page);
  await waitForServiceWorker(page);
  const allowed = await page.evaluate(
    (features) => Object.fromEntries(features.map((f) => [f, document.featurePolicy.allowsFeature(f)])),
    [...DENIED_FEATURES, 'clipboard-write'],
  );
  for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'serial', 'bluetooth']) {
    expect(allowed[feature], feature).toBe(false);
  }
  expect(allowed['clipboard-write'], 'Copy on the message worksheet').toBe(true);
  const unknown = warnings
    .map((text) => text.match(/Unrecognized feature: '([^']+)'/)?.[1])
    .filter((name) => name && !NOT_EVERYWHERE.includes(name));
  expect(unknown).toEqual([]);
  expect(warnings.filter((text) => /Permissions-Policy/i.test(text) && !/Unrecognized feature/.test(text))).toEqual([]);
  const known = await page.evaluate(() => document.featurePolicy.features());
  for (const feature of DENIED_FEATURES.filter((f) => known.includes(f))) expect(allowed[feature], feature).toBe(false);
});

test.describe('framed by another page', () => {
  test.use({ allowConsoleErrors: [/frame-ancestors|X-Frame-Options|Refused to display/] });

  test('the app refuses to be shown inside a frame', async ({ page, server, consoleErrors }) => {
    // A page of another origin (about:blank here) frames the app: the browser refuses, and says why.
    await page.setContent(`<iframe src="${server.url}" width="400" height="400"></iframe>`);
    await expect.poll(() => consoleErrors.some((e) => e.includes("frame-ancestors 'none'"))).toBe(true);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    const text = frame ? await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '') : '';
    expect(text).not.toContain('Trust Steps');
  });
});

test('the manifest is served, complete, and its icons load at their sizes', async ({ server }) => {
  const res = await fetch(`${server.origin}/manifest.webmanifest`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/manifest+json');
  const manifest = await res.json();
  expect(manifest).toMatchObject({
    name: 'Trust Steps',
    short_name: 'Trust Steps',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    background_color: '#f7f5f2',
    theme_color: '#2f5d62',
  });
  expect(manifest.description.length).toBeGreaterThan(10);

  const icons = manifest.icons.map((i) => `${i.sizes} ${i.purpose}`);
  expect(icons).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
  for (const icon of [...manifest.icons, { src: '/icons/apple-touch-icon.png', sizes: '180x180' }]) {
    const img = await fetch(new URL(icon.src, server.origin));
    expect(img.status, icon.src).toBe(200);
    expect(img.headers.get('content-type'), icon.src).toBe('image/png');
    expect(pngSize(Buffer.from(await img.arrayBuffer())), icon.src).toBe(icon.sizes);
  }
});

test('the page starts under the CSP and the service worker takes control', async ({ page, server }) => {
  await page.goto(server.url);
  await waitForApp(page);
  await expect(page.locator('h1').first()).toBeVisible();
  await expect(page.locator('#loading-shell')).toHaveCount(0);
  await waitForServiceWorker(page);

  const state = await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    return {
      scope: reg && reg.scope,
      script: reg && reg.active && reg.active.scriptURL,
      caches: await caches.keys(),
      pwa: { updateReady: window.tsPwa.updateReady, canInstall: window.tsPwa.canInstall },
    };
  });
  expect(state.scope).toBe(server.url);
  expect(state.script).toBe(`${server.origin}/sw.js`);
  expect(state.caches).toHaveLength(1);
  expect(state.caches[0]).toMatch(/^trust-steps-[0-9a-f]{16}$/);
  expect(state.pwa.updateReady).toBe(false);

  // Every file of the build is precached, hashed names included (but the first-visit pages: prerender.spec).
  const cached = await page.evaluate(async (name) => {
    const cache = await caches.open(name);
    return (await cache.keys()).map((r) => new URL(r.url).pathname).sort();
  }, state.caches[0]);
  expect(cached).toEqual(expect.arrayContaining(['/app.html', '/boot.js', '/early.js', '/manifest.webmanifest']));
  expect(cached.some((p) => /_bg\.wasm$/.test(p))).toBe(true);
  expect(cached).not.toContain('/sw.js');
});

test('after one online visit the app works with the server stopped', async ({ page, server }) => {
  await page.goto(server.url);
  await waitForApp(page);
  await waitForServiceWorker(page);

  await server.stop();
  const check = await fetch(server.url).then(
    () => 'reachable',
    () => 'unreachable',
  );
  expect(check).toBe('unreachable');

  await page.reload();
  await waitForApp(page);
  await expect(page.locator('h1').first()).toBeVisible();

  // Client-side navigation to another route.
  await page.locator('a[href="/learn"]').first().click();
  await expect(page).toHaveURL(`${server.origin}/learn`);
  await expect(page.locator('h1').first()).toBeVisible();

  // A deep link opened while offline is answered with this build's app.html.
  await page.goto(`${server.origin}/learn`);
  await waitForApp(page);
  await expect(page.locator('h1').first()).toBeVisible();
});

test('a new build waits until the person chooses to reload', async ({ page, server }) => {
  // A second "build": same files, different build id in sw.js.
  const next = nextBuild(server.dir);
  const { oldId, newId } = next;
  try {
    await page.goto(server.url);
    await waitForApp(page);
    await waitForServiceWorker(page);

    await server.stop();
    server.dir = next.dir;
    await server.start();

    const ready = page.evaluate(
      () => new Promise((resolve) => window.addEventListener('ts:update-ready', () => resolve(true), { once: true })),
    );
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    expect(await ready).toBe(true);
    expect(await page.evaluate(() => window.tsPwa.updateReady)).toBe(true);
    // Still the old build: nothing switched by itself.
    expect(await page.evaluate(() => caches.keys())).toEqual(
      expect.arrayContaining([`trust-steps-${oldId}`, `trust-steps-${newId}`]),
    );

    const reloaded = page.waitForEvent('load');
    await page.evaluate(() => window.tsPwa.applyUpdate());
    await reloaded;
    await waitForApp(page);
    await expect(page.locator('h1').first()).toBeVisible();
    expect(await page.evaluate(() => caches.keys())).toEqual([`trust-steps-${newId}`]);
    expect(await page.evaluate(() => window.tsPwa.updateReady)).toBe(false);
  } finally {
    next.remove();
  }
});

test('the saved theme is applied before the app starts', async ({ page, server }) => {
  await page.addInitScript(() => {
    localStorage.setItem('trust-steps/settings', JSON.stringify({ schema: 1, data: { theme: 'dark' } }));
  });
  await page.goto(server.url, { waitUntil: 'commit' });
  await page.waitForFunction(() => document.body !== null);
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  await waitForApp(page);
});

test.describe('unreadable settings', () => {
  // How the app reports unreadable data is its own business (it may log it); early.js must not throw.
  test.use({ allowConsoleErrors: [/^console: /] });

  test('never break the early script', async ({ page, server }) => {
    await page.addInitScript(() => localStorage.setItem('trust-steps/settings', '{not json'));
    await page.goto(server.url, { waitUntil: 'commit' });
    await page.waitForFunction(() => document.body !== null);
    expect(await page.evaluate(() => typeof window.tsPwa.applyUpdate)).toBe('function');
  });
});

test('Chromium finds the app installable (no installability errors)', async ({ page, server }) => {
  await page.goto(server.url);
  await waitForApp(page);
  await waitForServiceWorker(page);
  const cdp = await page.context().newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  // Playwright's contexts are incognito, where Chromium never offers installation; every other check stands.
  expect(installabilityErrors.filter((e) => e.errorId !== 'in-incognito')).toEqual([]);
  const { url, errors } = await cdp.send('Page.getAppManifest');
  expect(url).toBe(`${server.origin}/manifest.webmanifest`);
  expect(errors).toEqual([]);
});
