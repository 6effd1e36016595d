// Service worker: caches the app shell so Callwise starts with the network off after a first
// visit. The cache name carries the build id (stamped at build time), so a new build fills a
// new cache and the old ones are deleted on activation.
const CACHE = 'callwise-@BUILD_ID@';
const SHELL = ['./', 'index.html', 'index.js', 'index.wasm', 'index.data', 'platform.js',
               'text_input.js', 'automation.js', 'files.js', 'manifest.webmanifest', 'icon.svg'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('callwise-') && k !== CACHE)
                                      .map((k) => caches.delete(k))))
      .then(() => self.clients.claim()));
});

// Cache first for the shell; everything else goes to the network untouched.
self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then((c) => c.match(req, { ignoreSearch: true }).then((hit) => hit || fetch(req))));
});
