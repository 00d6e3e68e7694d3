// The first-load size budget, checked by `make test` (fast: sizes only, no browser, no timing).
//
//   node scripts/size-budget.mjs [--dist DIR]     fail (exit 1) when the first load is over perf-budget.json
//   node scripts/size-budget.mjs --update         write the measured size + 10% as the new budget
//
// "First load" is what a first visit transfers: index.html, sw.js and every file sw.js precaches (the service
// worker fetches the whole build on install), each compressed the way scripts/serve.mjs sends it (brotli at
// quality 11 for text and wasm over 256 bytes, PNGs as they are). `make bench` measures the same thing in
// Chromium, on the wire; the two agree within a few hundred bytes (headers are not counted here).
//
// Raising the budget is a decision: run `node scripts/size-budget.mjs --update` after `make build`, and commit
// perf-budget.json with a line in the commit message saying what the extra bytes buy.

import { readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants as zlib } from 'node:zlib';

const BUDGET_FILE = new URL('../perf-budget.json', import.meta.url).pathname;
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.webmanifest', '.json', '.svg', '.txt']);
const HEADROOM = 1.1;

const args = process.argv.slice(2);
const dist = args.includes('--dist') ? args[args.indexOf('--dist') + 1] : 'dist';
const update = args.includes('--update');

/** Bytes of `path` as the server sends it to a browser that accepts brotli. */
function transferred(path) {
  const body = readFileSync(path);
  const ext = extname(path);
  if (!COMPRESSIBLE.has(ext) || body.length <= 256) return body.length;
  return brotliCompressSync(body, {
    params: {
      [zlib.BROTLI_PARAM_QUALITY]: 11,
      [zlib.BROTLI_PARAM_SIZE_HINT]: body.length,
      [zlib.BROTLI_PARAM_MODE]: ext === '.wasm' ? zlib.BROTLI_MODE_GENERIC : zlib.BROTLI_MODE_TEXT,
    },
  }).length;
}

/** Every file a first visit fetches, from the build's own precache list. */
function firstLoadFiles() {
  const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
  const m = sw.match(/^self\.__TS_BUILD__ = (\{.*\});$/m);
  if (!m) throw new Error(`${dist}/sw.js has no precache list: is ${dist} a release build?`);
  const { assets } = JSON.parse(m[1]);
  return [...new Set(['/index.html', '/sw.js', ...assets])];
}

const rows = firstLoadFiles().map((f) => ({ file: f, bytes: transferred(join(dist, f)) }));
const total = rows.reduce((n, r) => n + r.bytes, 0);
const wasm = rows.filter((r) => r.file.endsWith('.wasm')).reduce((n, r) => n + r.bytes, 0);
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

if (update) {
  const budget = {
    first_load_bytes: Math.ceil(total * HEADROOM),
    measured_bytes: total,
    measured_on: new Date().toISOString().slice(0, 10),
    how: 'brotli-11 sizes of index.html, sw.js and every precached file; raise with `node scripts/size-budget.mjs --update`',
  };
  writeFileSync(BUDGET_FILE, `${JSON.stringify(budget, null, 2)}\n`);
  console.log(`size budget: measured ${kib(total)} (${rows.length} files), budget set to ${kib(budget.first_load_bytes)}`);
  process.exit(0);
}

const budget = JSON.parse(readFileSync(BUDGET_FILE, 'utf8'));
const limit = budget.first_load_bytes;
const line = `first load ${kib(total)} (wasm ${kib(wasm)}, ${rows.length} files) of ${kib(limit)} budget`;
if (total > limit) {
  console.error(`size budget: OVER — ${line}, ${kib(total - limit)} too much.`);
  console.error('Largest files:');
  for (const r of [...rows].sort((a, b) => b.bytes - a.bytes).slice(0, 5)) console.error(`  ${kib(r.bytes).padStart(10)}  ${r.file}`);
  console.error(
    'If the growth is intended, run `node scripts/size-budget.mjs --update` and commit perf-budget.json, saying why.',
  );
  process.exit(1);
}
console.log(`size budget: ok — ${line} (${((100 * total) / limit).toFixed(1)}%)`);
