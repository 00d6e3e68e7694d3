// Size and load-time benchmark of the release build in dist/ (`make bench` builds it first).
//
//   node scripts/bench.mjs [--runs N] [--json FILE] [--empty-course DIR]
//
// Prints one table:
//   - raw, gzip and brotli sizes of the wasm, the JS glue, boot.js, early.js, sw.js, the CSS, index.html and
//     the manifest (compressed with node's zlib at maximum levels, as scripts/serve.mjs serves them);
//   - the first-load transfer: every response Chromium receives from the server on a first visit (page and
//     service worker precache), summed as brotli sizes, against BUDGET_KIB;
//   - with the CPU throttled 4x (CDP Emulation.setCPUThrottlingRate), the median over the runs of
//     (a) a cold load to interactive in a fresh browser context and
//     (b) a reload to interactive with the server stopped (the service worker serves everything).
//     "Interactive" is performance.getEntriesByName('ts-ready')[0].startTime: the app marks it once mounted.
// With --empty-course DIR (a build made with TRUST_STEPS_EMPTY_COURSE=1, as `make bench` does), it also shows
// the wasm without the course text and what the course text adds.

import { chromium } from '@playwright/test';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { CHROMIUM_ARGS } from '../playwright.config.mjs';
import { startServer } from './serve.mjs';

/** Budget for everything transferred on a first visit, brotli-compressed. */
const BUDGET_KIB = 90;
const CPU_THROTTLE = 4;
const DIST = 'dist';

const args = process.argv.slice(2);
const RUNS = Number(argValue('--runs') || 5);
const JSON_OUT = argValue('--json');
const EMPTY_COURSE_DIST = argValue('--empty-course');

function argValue(name) {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const ms = (n) => `${n.toFixed(0)} ms`;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function compressed(body) {
  return {
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, {
      params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length },
    }).length,
  };
}

// --- Static sizes -----------------------------------------------------------------------------------------
const walk = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
let files;
try {
  files = walk(DIST).map((p) => `/${relative(DIST, p).split(sep).join('/')}`);
} catch {
  console.error(`bench: ${DIST}/ not found: run \`make build\` first`);
  process.exit(1);
}
const sizes = new Map(files.map((f) => [f, compressed(readFileSync(join(DIST, f)))]));

const pick = (label, test) => {
  const matched = files.filter(test);
  const sum = (k) => matched.reduce((n, f) => n + sizes.get(f)[k], 0);
  return { label, files: matched, raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli') };
};
const rows = [
  pick('wasm', (f) => f.endsWith('.wasm')),
  pick('JS glue', (f) => /^\/[^/]+-[0-9a-f]{8,}\.js$/.test(f)),
  pick('boot.js', (f) => f === '/boot.js'),
  pick('early.js', (f) => f === '/early.js'),
  pick('sw.js', (f) => f === '/sw.js'),
  pick('CSS', (f) => f.endsWith('.css')),
  pick('index.html', (f) => f === '/index.html'),
  pick('manifest', (f) => f === '/manifest.webmanifest'),
];

let emptyCourse = null;
if (EMPTY_COURSE_DIST) {
  const wasm = readdirSync(EMPTY_COURSE_DIST).filter((f) => f.endsWith('.wasm'));
  if (wasm.length !== 1) {
    console.error(`bench: expected one .wasm in ${EMPTY_COURSE_DIST}, found ${wasm.length}`);
    process.exit(1);
  }
  emptyCourse = { label: 'wasm without the course text', files: wasm, ...compressed(readFileSync(join(EMPTY_COURSE_DIST, wasm[0]))) };
}

// --- Browser measurements ---------------------------------------------------------------------------------
let server = await startServer({ dir: DIST, port: 0 });
const port = server.port;
const origin = server.origin;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: CHROMIUM_ARGS,
  headless: true,
});

async function readyTime(page) {
  await page.waitForFunction(() => performance.getEntriesByName('ts-ready').length > 0, null, { timeout: 60_000 });
  return page.evaluate(() => performance.getEntriesByName('ts-ready')[0].startTime);
}

async function controlled(page) {
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 60_000 });
}

let firstLoad;
let cold = [];
let offline = [];
try {
  // First-load transfer: every response from the server during a first visit, unthrottled.
  {
    const context = await browser.newContext();
    const seen = new Map();
    const foreign = [];
    const pending = [];
    context.on('requestfinished', (request) => pending.push(record(request)));
    async function record(request) {
      const url = new URL(request.url());
      if (url.origin !== origin) {
        if (url.protocol === 'http:' || url.protocol === 'https:') foreign.push(request.url());
        return;
      }
      const response = await request.response();
      if (!response || response.fromServiceWorker()) return;
      const s = await request.sizes();
      // '/' and client-side routes are answered with index.html.
      const path = sizes.has(url.pathname) ? url.pathname : '/index.html';
      const prev = seen.get(path) || { wire: 0, encoding: null, status: 0 };
      seen.set(path, {
        wire: Math.max(prev.wire, s.responseBodySize),
        encoding: prev.encoding || response.headers()['content-encoding'] || null,
        status: response.status(),
      });
    }
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    await readyTime(page);
    await controlled(page);
    await page.waitForLoadState('networkidle');
    await Promise.all(pending);
    await context.close();
    const loaded = [...seen.keys()].sort();
    firstLoad = {
      files: loaded.map((p) => ({ path: p, brotli: sizes.get(p).brotli, wire: seen.get(p).wire, encoding: seen.get(p).encoding })),
      brotli: loaded.reduce((n, p) => n + sizes.get(p).brotli, 0),
      wire: loaded.reduce((n, p) => n + seen.get(p).wire, 0),
      foreign,
    };
  }

  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE });
    await page.goto(`${origin}/`);
    cold.push(await readyTime(page));
    await controlled(page);
    await page.waitForLoadState('networkidle');

    await server.close();
    await page.reload();
    offline.push(await readyTime(page));
    server = await startServer({ dir: DIST, port });
    await context.close();
    process.stderr.write(`bench: run ${run + 1}/${RUNS}: cold ${ms(cold.at(-1))}, offline reload ${ms(offline.at(-1))}\n`);
  }
} finally {
  await browser.close();
  await server.close();
}

// --- Report -----------------------------------------------------------------------------------------------
const table = [['what', 'raw', 'gzip', 'brotli']];
for (const r of rows) {
  const label = r.files.length === 1 || r.files.length === 0 ? r.label : `${r.label} (${r.files.length} files)`;
  table.push([label, kib(r.raw), kib(r.gzip), kib(r.brotli)]);
}
if (emptyCourse) {
  const full = rows[0];
  table.push([emptyCourse.label, kib(emptyCourse.raw), kib(emptyCourse.gzip), kib(emptyCourse.brotli)]);
  table.push([
    'course text adds',
    kib(full.raw - emptyCourse.raw),
    kib(full.gzip - emptyCourse.gzip),
    kib(full.brotli - emptyCourse.brotli),
  ]);
}
const over = firstLoad.brotli > BUDGET_KIB * 1024;
table.push([
  `first-load transfer (${firstLoad.files.length} files)`,
  '',
  '',
  `${kib(firstLoad.brotli)} of ${BUDGET_KIB} KiB budget: ${over ? 'OVER' : 'ok'}`,
]);
table.push(['  measured on the wire (body bytes)', '', '', kib(firstLoad.wire)]);
table.push([`cold load to ts-ready (CPU ${CPU_THROTTLE}x slower, median of ${RUNS})`, '', '', ms(median(cold))]);
table.push([`offline reload to ts-ready (CPU ${CPU_THROTTLE}x slower, median of ${RUNS})`, '', '', ms(median(offline))]);

const widths = table[0].map((_, c) => Math.max(...table.map((row) => row[c].length)));
const line = (row) => `| ${row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join(' | ')} |`;
console.log(line(table[0]));
console.log(`|${widths.map((w, c) => (c === 0 ? ':' : '') + '-'.repeat(w + 1) + (c === 0 ? '' : ':')).join('|')}|`);
for (const row of table.slice(1)) console.log(line(row));

if (firstLoad.foreign.length) console.log(`\nWARNING: requests to other origins: ${firstLoad.foreign.join(', ')}`);
const uncompressed = firstLoad.files.filter((f) => !f.encoding && f.wire > 1024 && !f.path.endsWith('.png'));
if (uncompressed.length) console.log(`\nWARNING: sent uncompressed: ${uncompressed.map((f) => f.path).join(', ')}`);

if (JSON_OUT) {
  writeFileSync(
    JSON_OUT,
    JSON.stringify(
      {
        sizes: rows,
        emptyCourse,
        firstLoad,
        budgetKiB: BUDGET_KIB,
        cpuThrottle: CPU_THROTTLE,
        coldMs: cold,
        offlineMs: offline,
        coldMedianMs: median(cold),
        offlineMedianMs: median(offline),
      },
      null,
      2,
    ),
  );
}
