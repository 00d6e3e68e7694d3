// Tiny static server for the built app (no dependencies), used by `make serve`, the e2e tests and the bench.
//
//   node scripts/serve.mjs [dir=dist] [port=8080]      (port 0 picks a free one)
//
// Binds 127.0.0.1 only. Serves brotli (or gzip) when the browser accepts it, compressed once per file version
// and kept in memory; unknown extensionless paths get their prerendered page or app.html (client-side
// routes); HTML pages, sw.js and other unhashed files are `no-cache` (revalidated by ETag), Trunk's hashed
// files are immutable. Every response carries SECURITY_HEADERS: index.html's CSP plus `frame-ancestors 'none'`
// (which only a header can set), X-Frame-Options, nosniff, no referrer, a Permissions-Policy denying what the app
// never uses, and Cross-Origin-Opener-Policy.
//
// Also importable: `startServer({ dir, port })` resolves to `{ url, origin, port, requests, close() }`.

import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';

/** The Content-Security-Policy of index.html's meta tag. */
export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; " +
  "font-src 'self'; connect-src 'self'; manifest-src 'self'; worker-src 'self'; object-src 'none'; " +
  "base-uri 'none'; form-action 'none'";

/** Browser features Trust Steps never uses, denied to the page and anything it could embed. Not in the list:
 * clipboard-write (Copy on the message worksheet); service workers, install and downloads need no feature. */
export const DENIED_FEATURES = [
  'accelerometer', 'ambient-light-sensor', 'autoplay', 'bluetooth', 'browsing-topics', 'camera',
  'clipboard-read', 'display-capture', 'encrypted-media', 'fullscreen', 'gamepad', 'geolocation', 'gyroscope',
  'hid', 'idle-detection', 'local-fonts', 'magnetometer', 'microphone', 'midi', 'otp-credentials', 'payment',
  'picture-in-picture', 'publickey-credentials-create', 'publickey-credentials-get', 'screen-wake-lock', 'serial',
  'usb', 'web-share', 'window-management', 'xr-spatial-tracking',
];

/** Denied features that some Chromium builds do not know (Linux has no Web Share, Web Bluetooth or light sensor):
 * there they only cause a console warning, elsewhere they are denied. */
export const NOT_EVERYWHERE = ['ambient-light-sensor', 'bluetooth', 'web-share'];

/** The security headers every response carries (the README tells a host to send the same). Only a header can
 * forbid framing: a meta CSP ignores `frame-ancestors`. */
export const SECURITY_HEADERS = {
  'Content-Security-Policy': `${CSP}; frame-ancestors 'none'`,
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': DENIED_FEATURES.map((feature) => `${feature}=()`).join(', '),
  'Cross-Origin-Opener-Policy': 'same-origin',
};

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.webmanifest', '.json', '.svg', '.txt']);
const HASHED = /-[0-9a-f]{8,}(_bg)?\.[a-z0-9]+$/;

// path -> { key, body, br, gz, etag }; survives stop/start of servers in the same process (tests, bench).
const files = new Map();

function load(path) {
  const st = statSync(path);
  if (!st.isFile()) return null;
  const key = `${st.size}:${st.mtimeMs}`;
  const cached = files.get(path);
  if (cached && cached.key === key) return cached;
  const body = readFileSync(path);
  const ext = extname(path);
  const entry = {
    key,
    body,
    etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
    br: null,
    gz: null,
  };
  if (COMPRESSIBLE.has(ext) && body.length > 256) {
    entry.br = brotliCompressSync(body, {
      params: {
        [zlibConstants.BROTLI_PARAM_QUALITY]: 11,
        [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length,
        [zlibConstants.BROTLI_PARAM_MODE]: ext === '.wasm' ? zlibConstants.BROTLI_MODE_GENERIC : zlibConstants.BROTLI_MODE_TEXT,
      },
    });
    entry.gz = gzipSync(body, { level: 9 });
  }
  files.set(path, entry);
  return entry;
}

function resolvePath(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const full = normalize(join(root, decoded));
  if (full !== root && !full.startsWith(root + sep)) return null;
  return full;
}

function handler(root) {
  return (req, res) => {
    const send = (status, headers, body) => {
      res.writeHead(status, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    const base = { ...SECURITY_HEADERS };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(405, { ...base, Allow: 'GET, HEAD', 'Content-Type': 'text/plain' }, 'method not allowed\n');
    }
    const urlPath = new URL(req.url, 'http://localhost').pathname;
    let path = resolvePath(root, urlPath === '/' ? '/index.html' : urlPath);
    let entry = null;
    try {
      entry = path && load(path);
    } catch {
      entry = null;
    }
    if (!entry && path && extname(urlPath) === '') {
      // Client-side route such as /learn/what-trust-is: its prerendered page (scripts/prerender.mjs) when the
      // build has one, else app.html (the frame); the app's router takes it from there.
      for (const candidate of [join(path, 'index.html'), join(root, 'app.html')]) {
        try {
          entry = load(candidate);
        } catch {
          entry = null;
        }
        if (entry) {
          path = candidate;
          break;
        }
      }
    }
    if (!entry) return send(404, { ...base, 'Content-Type': 'text/plain; charset=utf-8' }, 'not found\n');

    const ext = extname(path);
    const headers = {
      ...base,
      'Content-Type': TYPES[ext] || 'application/octet-stream',
      'Cache-Control': HASHED.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
      ETag: entry.etag,
      Vary: 'Accept-Encoding',
    };
    if (req.headers['if-none-match'] === entry.etag) return send(304, headers);
    const accept = String(req.headers['accept-encoding'] || '');
    let body = entry.body;
    if (entry.br && /\bbr\b/.test(accept)) {
      body = entry.br;
      headers['Content-Encoding'] = 'br';
    } else if (entry.gz && /\bgzip\b/.test(accept)) {
      body = entry.gz;
      headers['Content-Encoding'] = 'gzip';
    }
    headers['Content-Length'] = body.length;
    send(200, headers, body);
  };
}

/** Starts a server for `dir` on 127.0.0.1:`port` (0 = any free port). */
export function startServer({ dir = 'dist', port = 0, quiet = true } = {}) {
  const root = resolve(dir);
  try {
    statSync(join(root, 'index.html'));
  } catch {
    return Promise.reject(new Error(`${join(root, 'index.html')} not found: run \`make build\` first`));
  }
  const server = createServer(handler(root));
  server.keepAliveTimeout = 5000;
  const requests = [];
  server.on('request', (req) => requests.push(req.url));
  return new Promise((resolveStart, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const actual = server.address().port;
      const origin = `http://127.0.0.1:${actual}`;
      if (!quiet) console.log(`Serving ${root} at ${origin}/`);
      resolveStart({
        url: `${origin}/`,
        origin,
        port: actual,
        /** The path of every request received, in order (tests count downloads with it). */
        requests,
        /** Stops listening and drops open keep-alive connections, so the browser really sees it gone. */
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir = 'dist', port = '8080'] = process.argv.slice(2);
  startServer({ dir, port: Number(port), quiet: false }).catch((err) => {
    console.error(`serve: ${err.message}`);
    process.exit(1);
  });
}
