//! Microscope's service worker: the app works offline and updates only when the user says so.
//!
//! scripts/post-build.mjs (trunk's post_build hook) rewrites the BUILD line below with the release
//! build's file list, their hashes and a version derived from them, so every deploy changes this
//! file and the browser installs the new worker next to the old one. The new worker precaches the
//! new files, then waits: app.js shows "A new version is available" and only the user's click
//! sends SKIP_WAITING. Old versions' caches are deleted on activation.
//!
//! As committed (and in `trunk serve` builds, whose autoreload would fight a cache) BUILD.enabled
//! is false: the worker then clears its caches and unregisters itself.
"use strict";

const BUILD = { version: "unbuilt", enabled: false, precache: [] };

// The folder sw.js is served from: "/" locally, "/<repository>/" on GitHub Pages.
const SCOPE = new URL("./", self.location.href).href;
// GitHub Pages serves every project of a user from one origin, so one origin's CacheStorage can
// hold other apps' caches: ours are named after this scope and only ours are ever deleted.
const PREFIX = `microscope ${SCOPE} `;
const PRECACHE = `${PREFIX}precache ${BUILD.version}`;
const RUNTIME = `${PREFIX}runtime ${BUILD.version}`;
const SHELL = new URL("index.html", SCOPE).href;

self.addEventListener("install", (event) => {
  if (!BUILD.enabled) {
    self.skipWaiting();
    return;
  }
  event.waitUntil(precache());
});

/** Fetches every file of the build, checked against its hash, so a half-deployed site fails the
 *  install (the old version keeps working and the browser retries later) instead of mixing.
 *  The page has just loaded most of them: the HTTP cache is tried first, so a first visit does not
 *  download the app twice; a copy that fails its hash there is fetched again from the server. */
async function precache() {
  const cache = await caches.open(PRECACHE);
  await Promise.all(
    BUILD.precache.map(async ({ url, integrity }) => {
      const absolute = new URL(url, SCOPE).href;
      const get = (mode) => fetch(new Request(absolute, { cache: mode, integrity }));
      const response = await get("default").catch(() => get("reload"));
      if (!response.ok || response.redirected) {
        throw new Error(`precaching ${absolute}: HTTP ${response.status}`);
      }
      await cache.put(absolute, response);
    }),
  );
}

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const keep = BUILD.enabled ? [PRECACHE, RUNTIME] : [];
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && !keep.includes(name)) {
          await caches.delete(name);
        }
      }
      if (BUILD.enabled) {
        // Controls the page that installed it, so files it loads lazily get cached too. An
        // update only activates after the user's click, so this never swaps code under them.
        await self.clients.claim();
        return;
      }
      await self.registration.unregister();
      for (const client of await self.clients.matchAll({ type: "window" })) {
        client.navigate(client.url);
      }
    })(),
  );
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "SKIP_WAITING") {
    self.skipWaiting();
  }
});

self.addEventListener("fetch", (event) => {
  if (!BUILD.enabled) {
    return;
  }
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(SCOPE) || request.headers.has("range")) {
    return;
  }
  if (request.cache === "only-if-cached" && request.mode !== "same-origin") {
    return;
  }
  const url = new URL(request.url);
  const path = url.origin + url.pathname;
  if (request.mode === "navigate" && (path === SCOPE || path === SHELL)) {
    event.respondWith(shell(request));
    return;
  }
  event.respondWith(cacheFirst(event, request));
});

/** The page shell from the precache (the hash routes and any query string share it). */
async function shell(request) {
  const cached = await (await caches.open(PRECACHE)).match(SHELL);
  return cached || fetch(request);
}

/** Precached or earlier fetched files from the cache; anything else (such as the sentiment
 *  lexicon, fetched only when used) from the network, kept for next time and for offline use. */
async function cacheFirst(event, request) {
  for (const name of [PRECACHE, RUNTIME]) {
    const cached = await (await caches.open(name)).match(request, { ignoreVary: true });
    if (cached) {
      return cached;
    }
  }
  const response = await fetch(request);
  const cacheControl = response.headers.get("cache-control") || "";
  if (response.ok && response.type === "basic" && !cacheControl.includes("no-store")) {
    const copy = response.clone();
    event.waitUntil(caches.open(RUNTIME).then((cache) => cache.put(request, copy)));
  }
  return response;
}
