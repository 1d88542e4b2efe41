/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />

// The course offline once visited: every prerendered page and its data, the app's code and the
// static files are cached on the first visit; videos only once played. Live sessions need the
// server, so they are never cached and answer offline with a plain message.
import { base, build, files, prerendered, version } from '$service-worker';
import {
	cacheName,
	cachedOnVisit,
	isLiveRequest,
	isMedia,
	liveOfflineResponse,
	sliceRange
} from './lib/offline/rules';

const sw = self as unknown as ServiceWorkerGlobalScope;

const shell = cacheName('course', version);
/** Media outlives a course version: a played video need not download again after an update. */
const media = cacheName('media', 'v1');

const pages = prerendered.filter((path) => !isLiveRequest(new URL(path, sw.location.href), base));
/** What a learner needs offline is cached on the first visit; presenter decks and the component
 * gallery (facilitators' and authors' tools) only once opened, to keep the first download small. */
const precache = [
	...build,
	...files.filter((path) => !isMedia(path)),
	...pages.filter((path) => !cachedOnVisit(path.slice(base.length)))
];
const onVisit = new Set(pages.filter((path) => cachedOnVisit(path.slice(base.length))));

sw.addEventListener('install', (event) => {
	event.waitUntil(caches.open(shell).then((cache) => cache.addAll(precache)));
	// No skipWaiting: a new version waits until the learner chooses to reload (see UpdateNotice).
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys())
				if (key !== shell && key !== media) await caches.delete(key);
			await sw.clients.claim();
		})()
	);
});

sw.addEventListener('message', (event) => {
	if (event.data === 'skip-waiting') sw.skipWaiting();
});

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;

	if (isLiveRequest(url, base)) {
		event.respondWith(fetch(request).catch(() => liveOfflineResponse(request)));
		return;
	}
	if (isMedia(url.pathname)) {
		event.respondWith(fromMedia(event, request));
		return;
	}
	event.respondWith(fromShell(request, url));
});

/** Precached files first (they are versioned with the worker), the network for anything else. */
async function fromShell(request: Request, url: URL): Promise<Response> {
	const cache = await caches.open(shell);
	const cached =
		(await cache.match(request)) ??
		(request.mode === 'navigate' ? await cache.match(url.pathname) : undefined);
	if (cached) return cached;
	try {
		const response = await fetch(request);
		if (response.ok && onVisit.has(url.pathname)) await cache.put(url.pathname, response.clone());
		return response;
	} catch (error) {
		// Offline and not precached (e.g. /search?q=…): the page without its query still works.
		const fallback = await cache.match(url.pathname, { ignoreSearch: true });
		if (fallback) return fallback;
		throw error;
	}
}

/** A played video is kept whole; range requests (how players ask) are then answered from it. */
async function fromMedia(event: FetchEvent, request: Request): Promise<Response> {
	const cache = await caches.open(media);
	const whole = await cache.match(request.url);
	const range = request.headers.get('range');
	if (whole) return range ? sliceRange(whole, range) : whole;
	const response = await fetch(request);
	if (response.ok) {
		event.waitUntil(
			(response.status === 200 && !range ? Promise.resolve(response.clone()) : fetch(request.url))
				.then((full) => (full.status === 200 ? cache.put(request.url, full) : undefined))
				.catch(() => undefined)
		);
	}
	return response;
}
