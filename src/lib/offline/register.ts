// Registers the course's service worker (src/service-worker.ts) once the page has loaded, and
// offers a new course version when one is waiting. It never reloads by itself: the learner may be
// mid-quiz or mid-reflection, so the new version takes over only when they choose it. The notice's
// code loads only when there is something to offer, so first load pays for this file alone.
import { mount } from 'svelte';

/** How often an open course asks whether a new version has been deployed. */
const checkEvery = 30 * 60_000;

/** `root` is the course's root as `resolve('/')` gives it: the worker sits there, however deep
 * this page is and wherever the course is served. */
export function startOfflineWorker(root: string): () => void {
	if (!('serviceWorker' in navigator)) return () => {};
	const base = new URL(root, location.href);
	base.pathname = base.pathname.replace(/\/?$/, '/');
	const scriptUrl = new URL('service-worker.js', base).href;
	const sw = navigator.serviceWorker;
	let stop = () => {};
	let stopped = false;
	let offered = false;

	const offer = (waiting: ServiceWorker | null) => {
		// Only an update waits behind a controller; the very first install just takes over.
		if (!waiting || !sw.controller || offered || stopped) return;
		offered = true;
		const apply = () => {
			sw.addEventListener('controllerchange', () => location.reload(), { once: true });
			waiting.postMessage('skip-waiting');
		};
		import('./UpdateNotice.svelte').then(({ default: UpdateNotice }) =>
			mount(UpdateNotice, { target: document.body, props: { apply } })
		);
	};

	const begin = async () => {
		if (stopped) return;
		const registration = await sw.register(scriptUrl).catch((error) => {
			console.warn('The course could not be made available offline:', error);
		});
		if (!registration || stopped) return;
		offer(registration.waiting);
		const onFound = () => {
			const installing = registration.installing;
			installing?.addEventListener('statechange', () => {
				if (installing.state === 'installed') offer(installing);
			});
		};
		const check = () => void registration.update().catch(() => undefined);
		const onVisible = () => document.visibilityState === 'visible' && check();
		registration.addEventListener('updatefound', onFound);
		document.addEventListener('visibilitychange', onVisible);
		const timer = setInterval(check, checkEvery);
		stop = () => {
			registration.removeEventListener('updatefound', onFound);
			document.removeEventListener('visibilitychange', onVisible);
			clearInterval(timer);
		};
	};

	// After the page's own loading, so the precache never competes with it.
	if (document.readyState === 'complete') setTimeout(begin, 0);
	else window.addEventListener('load', () => setTimeout(begin, 0), { once: true });
	return () => {
		stopped = true;
		stop();
	};
}
