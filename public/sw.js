// Trust Steps service worker: keeps the app working offline.
//
// Every file of one build is precached into its own cache, `trust-steps-<build id>`, and only that cache is
// ever read, so one page never mixes files of two builds. A new build's worker installs in the background and
// then waits; the page shows "Update ready — reload" and, when the person chooses it, posts SKIP_WAITING
// (see public/early.js). On activation the caches of older builds are deleted.
//
// The line below is a marker: scripts/post-build.mjs replaces it with this build's id and file list.
self.__TS_BUILD__ = { id: 'dev', assets: [] };

const BUILD = self.__TS_BUILD__;
const CACHE_PREFIX = 'trust-steps-';
const CACHE = CACHE_PREFIX + BUILD.id;
const ASSETS = new Set(BUILD.assets);
// Trunk's content-hashed names (e.g. trust_steps-0123abcd_bg.wasm) never change content, so the HTTP cache
// may answer for them; everything else is revalidated so the precache never stores an older build's file.
const HASHED = /-[0-9a-f]{8,}(_bg)?\.[a-z0-9]+$/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(BUILD.assets.map((url) => new Request(url, { cache: HASHED.test(url) ? 'default' : 'no-cache' }))),
    ),
  );
  // No skipWaiting() here: a running page must not get a new build under its feet.
});

self.addEventListener('message', (event) => {
  const type = event.data && event.data.type;
  if (type === 'SKIP_WAITING') {
    self.skipWaiting();
  } else if (type === 'GET_BUILD' && event.source) {
    event.source.postMessage({ type: 'BUILD', id: BUILD.id });
  }
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(CACHE_PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && !ASSETS.has(url.pathname)) {
    // Every route of the single-page app is answered with this build's app.html: the frame, drawn at once,
    // with the page the app renders (the prerendered first-visit pages are for browsers without this worker).
    event.respondWith(fromCache('/app.html', request));
  } else {
    event.respondWith(fromCache(request, request));
  }
});

/** This build's cached copy of `key`, else the network. */
async function fromCache(key, request) {
  try {
    const cache = await caches.open(CACHE);
    const hit = await cache.match(key, { ignoreVary: true });
    if (hit) return hit;
  } catch (_) {
    // Cache storage can be unavailable (private mode, storage pressure): fall through to the network.
  }
  return fetch(request);
}
