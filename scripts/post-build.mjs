// Trunk post_build hook (see Trunk.toml). Runs in the repo root with TRUNK_STAGING_DIR set, before the
// staging dir replaces dist/. It
//   1. moves Trunk's inline `<script type="module">` start-up code into /boot.js, because the CSP
//      (`script-src 'self' 'wasm-unsafe-eval'`) blocks inline scripts, and fails the build if any other
//      inline script is left in index.html; boot.js is async and starts compiling the wasm at once;
//   2. prerenders the app's pages as a first visitor sees them (scripts/prerender.mjs): `<route>/index.html`;
//   3. writes the precache list (every file of this build but those first-visit pages, hashed names kept) and
//      a build id into sw.js, replacing the `self.__TS_BUILD__ = ...;` marker line.
// Steps 2 and 3 are for release builds only. A debug build (`make dev`: Trunk sets TRUNK_PROFILE=debug) starts no
// Chromium, and its sw.js keeps the marker's empty list, so the service worker caches nothing and every reload
// gets the latest build from `trunk serve`; `trunk serve`'s live-reload script goes into /dev-reload.js, as the
// CSP allows no inline script.
// Plain Node, plus @playwright/test and Debian's Chromium for step 2 (scripts/setup.sh installs both).

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) fail('TRUNK_STAGING_DIR is not set (this script is a Trunk post_build hook)');

/** False for `trunk serve` / `trunk build` without --release (a debug build). */
const release = process.env.TRUNK_PROFILE !== 'debug';
const indexPath = join(staging, 'index.html');
const swPath = join(staging, 'sw.js');
const bootName = 'boot.js';

// 1. Inline start-up script -> boot.js (and in a debug build, `trunk serve`'s live-reload script -> dev-reload.js)
let html = readFileSync(indexPath, 'utf8');
const inlineModule = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
let boot = null;
html = html.replace(inlineModule, (whole, attrs, body) => {
  if (/\bsrc\s*=/.test(attrs)) return whole; // external script: keep
  if (!release && body.includes('.well-known/trunk/ws')) return devReload(body);
  if (!/\btype\s*=\s*["']?module/.test(attrs)) fail(`inline non-module script in index.html: ${whole.slice(0, 120)}`);
  if (boot !== null) fail('more than one inline module script in index.html');
  boot = earlyCompile(body.trim()) + '\n';
  return `<script type="module" async src="/${bootName}"></script>`;
});
if (boot === null) fail('no inline module script found in index.html: did Trunk change how it starts the app?');
if (/<[^>]*\son[a-z]+\s*=/i.test(html.replace(/<!--[\s\S]*?-->/g, ''))) fail('inline event handler attribute in index.html');
// Trunk's `<link rel="preload" as="fetch">` of the wasm goes: boot.js fetches it itself, at once when the
// service worker answers, else after the first paint (see earlyCompile).
const preloads = html.match(/<link\b[^>]*\bas="fetch"[^>]*>\s*/g) ?? [];
if (preloads.length !== 1) fail(`expected one <link rel="preload" as="fetch"> (the wasm) in index.html, found ${preloads.length}`);
html = html.replace(preloads[0], '');
writeFileSync(join(staging, bootName), `// Starts the app. Written by scripts/post-build.mjs from Trunk's loader.\n${boot}`);
writeFileSync(indexPath, html);

if (!release) {
  console.log('post-build: debug build: boot.js written; no prerendering, and the service worker caches nothing');
  process.exit(0);
}

// 2. Prerendered first-visit pages
// Imported here: it loads Playwright, which a debug build does without.
const { prerender } = await import('./prerender.mjs');
const pages = await prerender(staging).catch((e) => fail(`prerendering failed: ${e.stack || e}`));
console.log(
  `post-build: prerendered ${pages.written.length} pages` +
    (pages.skipped.length ? ` (not ${pages.skipped.join(', ')}: they show today's date)` : ''),
);

// 3. Precache list + build id -> sw.js
const firstVisitPages = new Set(pages.pageFiles);
const files = walk(staging)
  .map((p) => relative(staging, p).split(sep).join('/'))
  .filter((p) => p !== 'sw.js' && !p.endsWith('.map') && !firstVisitPages.has(p))
  .sort();
const hash = createHash('sha256');
for (const f of files) {
  hash.update(f);
  hash.update('\0');
  hash.update(readFileSync(join(staging, f)));
  hash.update('\0');
}
const sw = readFileSync(swPath, 'utf8');
hash.update(sw);
const buildId = hash.digest('hex').slice(0, 16);
const assets = files.map((f) => `/${f}`);
const marker = /^self\.__TS_BUILD__ = .*;$/m;
if (!marker.test(sw)) fail('sw.js has no `self.__TS_BUILD__ = ...;` marker line');
const build = { id: buildId, assets };
writeFileSync(swPath, sw.replace(marker, () => `self.__TS_BUILD__ = ${JSON.stringify(build)};`));

const total = files.reduce((n, f) => n + statSync(join(staging, f)).size, 0);
console.log(`post-build: boot.js written, sw.js build ${buildId} precaches ${assets.length} files (${total} bytes)`);

/**
 * Trunk's loader waits for the whole page to be parsed before it even fetches the wasm (a module script is
 * deferred). boot.js is loaded `async` instead and starts compiling the wasm while the page is still being
 * parsed; the app is mounted once the document is ready, with the compiled module (or, if compiling fails,
 * the URL as before). The module is compiled from the whole file, not streamed: Chromium hands a streamed
 * response to the compiler on the main thread (a 20 ms task here, 80 ms at 4x CPU, measured in a trace),
 * while `WebAssembly.compile` of the bytes decodes them on a background thread. V8 compiles each function
 * when it is first called, so streaming saved no compile time.
 * When the service worker answers (every visit after the first), the wasm comes from its cache and is fetched
 * at once. On a first visit it comes over the network: it is fetched once the prerendered page is on screen
 * (see firstPaintSource), so its half-megabyte does not compete with the HTML and CSS that paint it.
 */
function earlyCompile(loader) {
  const call = /const wasm = await init\(\{ module_or_path: ('[^']+_bg\.wasm') \}\);/;
  const found = loader.match(call);
  if (!found) fail("Trunk's loader has no `const wasm = await init({ module_or_path: '…_bg.wasm' });`: update earlyCompile()");
  const url = found[1];
  return loader.replace(
    call,
    [
      firstPaintSource(),
      `const parsed = () => document.readyState === 'loading' ? new Promise((ready) => document.addEventListener('DOMContentLoaded', ready, { once: true })) : null;`,
      `if (!navigator.serviceWorker?.controller) { await parsed(); await firstPaint(); }`,
      `const compiling = fetch(${url}).then((r) => r.ok ? r.arrayBuffer() : Promise.reject()).then((b) => WebAssembly.compile(b)).catch(() => ${url});`,
      `await parsed();`,
      `const wasm = await init({ module_or_path: await compiling });`,
    ].join('\n'),
  );
}

/**
 * Source of boot.js's wait for the parsed page's first paint: its largest-contentful-paint entry, which
 * Chromium reports once the frame is on screen (a text the app replaced before then would not be counted as
 * painted, measured: 1 load in 6 here); one frame where that entry type is missing; nothing in a hidden tab
 * (no frames run there); and never more than 500 ms.
 */
function firstPaintSource() {
  return `const firstPaint = () => new Promise((painted) => {
  if (document.visibilityState === 'hidden') return painted();
  setTimeout(painted, 500);
  const after = performance.getEntriesByType('navigation')[0]?.domContentLoadedEventStart ?? 0;
  if (PerformanceObserver.supportedEntryTypes?.includes('largest-contentful-paint')) {
    new PerformanceObserver((list) => list.getEntries().some((e) => e.startTime >= after) && painted())
      .observe({ type: 'largest-contentful-paint', buffered: true });
  } else {
    requestAnimationFrame(() => setTimeout(painted, 0));
  }
});`;
}

/**
 * Writes `trunk serve`'s live-reload script (debug builds only) to /dev-reload.js and returns the tag that loads
 * it. `trunk serve` fills in the script's address and base only inside HTML, so they are filled in here: the
 * page's own host and the public URL.
 */
function devReload(body) {
  const script = body
    .replace(/'\{\{__TRUNK_ADDRESS__\}\}'|`\{\{__TRUNK_ADDRESS__\}\}`/g, 'window.location.host')
    .replace(/\{\{__TRUNK_WS_BASE__\}\}/g, process.env.TRUNK_PUBLIC_URL || '/');
  writeFileSync(join(staging, 'dev-reload.js'), `// trunk serve's live reload (debug builds only; scripts/post-build.mjs).\n${script.trim()}\n`);
  return '<script src="/dev-reload.js"></script>';
}

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : [],
  );
}

function fail(message) {
  console.error(`post-build: ${message}`);
  process.exit(1);
}
