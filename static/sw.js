// The service worker: the page opens with no network after one visit (a classroom with bad
// Wi-Fi), and a new version replaces the old one whole, never file by file.
//
// - Installing caches the page's files (PRECACHE: the page, its module, styles, icons, the model
//   notes) in a cache named after VERSION, a hash of every built file. The post-build step
//   (scripts/service-worker.mjs) writes both lines below; a debug build has no service worker.
// - The compute worker's files (Monte Carlo, the map, exports) are not part of a first visit on
//   a phone, so they are cached when first used, in the same versioned cache.
// - Requests are answered from the cache first; a navigation with any query (a share link
//   carries its design there) opens the cached page.
// - A new deployment changes VERSION, so the browser installs this file afresh; the new version
//   waits until the page asks it to take over (register-sw.js offers a reload) or every tab of
//   the old one is closed, so one page never mixes files of two versions. Activating deletes the
//   old caches.
const VERSION = 'dev';
const PRECACHE = [];
const CACHE = `consumption-lab-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(PRECACHE.map((url) => new Request(url, { cache: 'reload' })))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('consumption-lab-') && k !== CACHE).map((k) => caches.delete(k)))),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      const hit = await cache.match(request, { ignoreSearch: request.mode === 'navigate' });
      if (hit) return hit;
      const response = await fetch(request);
      if (response.ok && new URL(request.url).pathname.includes('worker')) await cache.put(request, response.clone());
      return response;
    })(),
  );
});
