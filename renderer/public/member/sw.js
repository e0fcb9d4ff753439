/*
 * The member app's service worker (scope /member/), registered only in a secure context (HTTPS
 * or localhost). On install it caches the app shell: the page and every script and stylesheet
 * the page names. Then network first for the app's own files, the cache when offline. The sync
 * API is never cached: the app's IndexedDB outbox holds what is unsent.
 */
const CACHE = 'member-shell-v1';

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const page = await fetch('./', { cache: 'reload' });
    const html = await page.clone().text();
    await cache.put('./', page);
    const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]).filter((u) => !/^(data:|https?:|#)/.test(u));
    await cache.addAll(urls);
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/sync/') || url.pathname.startsWith('/api/')) return;
  const navigate = request.mode === 'navigate';
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    try {
      const response = await fetch(request);
      if (response.ok) await cache.put(navigate ? './' : request, response.clone());
      return response;
    } catch {
      const hit = (await cache.match(navigate ? './' : request)) ?? (await cache.match(request, { ignoreSearch: true }));
      return hit ?? new Response('The member app is offline and this file was not saved.', { status: 503, headers: { 'content-type': 'text/plain' } });
    }
  })());
});
