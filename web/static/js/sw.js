// Harbour's service worker: when a page cannot be loaded because the phone is offline, it answers
// with the offline page (the chat as last seen, unsent messages and crisis numbers, filled in from
// this phone's storage by offline.js). It caches only that page and its files, which hold nothing
// personal; pages, the API and the chat socket always go to the network.
const CACHE = "harbour-offline-v1";
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
  if (FILES.includes(new URL(request.url).pathname)) {
    event.respondWith(fetch(request).catch(() => caches.match(request)));
  }
});
