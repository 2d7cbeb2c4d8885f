// kWhich's service worker: offline after one visit; online, every request goes to the
// network as if it were not here, unless the network fails it.
//
// This is a template: scripts/post-build.mjs copies it into each build as sw.js, with the
// two values marked /* KWHICH_… */ filled in for that build (the build's hash, and the
// files to precache). As it stands it is valid JavaScript (`node --check scripts/sw.js`),
// and tests/browser/offline.test.mjs checks the filled copy too.

const BUILD = /* KWHICH_BUILD */ "template";
const FILES = /* KWHICH_FILES */ [];

// Caches are shared by every path of an origin: name them after this scope, so that two
// builds at two paths never delete each other's.
const PREFIX = "kwhich " + self.registration.scope + " ";
const CACHE = PREFIX + BUILD;
const INDEX = new URL("./", self.location).href;
const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/;
// A page that the network has not answered in this long opens from the cache: a very slow
// network would otherwise keep the reader waiting for ever.
const NAVIGATION_WAIT_MS = 3000;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      // A name with Trunk's content hash is that content: the copy the page has just loaded
      // (HTTP cache) will do, so a first visit does not download the Wasm twice. Any other
      // file comes from the server as it is now ("reload").
      .then((cache) =>
        cache.addAll(
          FILES.map((f) => new Request(new URL(f, self.location), { cache: HASHED.test(f) ? "default" : "reload" })),
        ),
      )
      // A new build takes over at once: the network answers first, so no page mixes builds.
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// A navigation may not be answered with a redirected response: copy it if it was one.
const plain = (response) =>
  response.redirected ? new Response(response.body, { status: response.status, headers: response.headers }) : response;

/** The cached copy of `request` (any page address, whatever its query, is index.html), or null. */
async function cached(request, navigation) {
  const cache = await caches.open(CACHE);
  const hit = navigation ? await cache.match(INDEX) : await cache.match(request, { ignoreSearch: true });
  return hit ? (navigation ? plain(hit) : hit) : null;
}

/** A server error (HTTP 5xx), carried as a failure so that the cache answers instead. */
class ServerError extends Error {
  constructor(response) {
    super(`HTTP ${response.status}`);
    this.response = response;
  }
}

/**
 * The network's answer, unless it fails outright, answers with a server error (a 503 from
 * a host in trouble), or, for a page, has not answered within NAVIGATION_WAIT_MS: then the
 * cached copy. Without a cached copy the network's own answer (or error) stands.
 */
async function answer(request, navigation) {
  const network = fetch(request).then((response) => {
    if (response.status >= 500) throw new ServerError(response);
    return response;
  });
  // Settled here too: once the cache has answered, a late failure is nobody's business.
  network.catch(() => {});
  // For a page, whichever comes first: the network, or the cached copy after the wait.
  const slow = () =>
    new Promise((resolve) => setTimeout(resolve, NAVIGATION_WAIT_MS))
      .then(() => cached(request, true))
      .then((hit) => hit ?? network);
  try {
    return await (navigation ? Promise.race([network, slow()]) : network);
  } catch (error) {
    const hit = await cached(request, navigation);
    if (hit) return hit;
    if (error instanceof ServerError) return error.response;
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  // Another origin (the API) or anything but a read: not this worker's business.
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  event.respondWith(answer(request, request.mode === "navigate"));
});
