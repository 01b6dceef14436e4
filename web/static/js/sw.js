// Harbour's service worker: when a page cannot be loaded because the phone is offline, it answers
// with the offline page (the chat as last seen, unsent messages and crisis numbers, filled in from
// this phone's storage by offline.js). It caches only that page and its files, which hold nothing
// personal; pages, the API and the chat socket always go to the network. Pages load static files
// under a version (/static/v/<version>/css/…); the cache keeps them under their plain paths, so the
// offline page finds them whatever version it was drawn with. The chat registers this worker under
// that version (/sw.js?v=<version>), so each release's files are cached afresh, in a cache of its
// own, and the last release's cache is deleted once the new worker takes over.
const CACHE = `harbour-offline-${new URL(self.location.href).searchParams.get("v") || "plain"}`;
const OFFLINE_PAGE = "/offline";
const FILES = [OFFLINE_PAGE, "/static/css/harbour.css", "/static/css/offline.css", "/static/js/offline.js", "/static/js/quick-exit.js"];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()));
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(fetch(request).catch(() => caches.match(OFFLINE_PAGE)));
    return;
  }
  const path = new URL(request.url).pathname.replace(/^\/static\/v\/[^/]+\//, "/static/");
  if (FILES.includes(path)) {
    event.respondWith(fetch(request).catch(() => caches.match(path)));
  }
});
