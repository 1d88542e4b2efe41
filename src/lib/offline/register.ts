// Registers the course's service worker (src/service-worker.ts) once the page has loaded, and
// offers a new course version when one is waiting. It never reloads by itself: the learner may be
// mid-quiz or mid-reflection, so the new version takes over only when they choose it. Every page
// loads this file (its budget is 0.5 KB gzip, README "Offline and installable"), so it is written
// small: plain DOM for the notice (styled by .update-notice in app.css), and listeners that last
// the whole visit, as the layout that starts it does.

/** `root` is the course's root as `resolve('/')` gives it: the worker sits there, however deep
 * this page is and wherever the course is served. */
export function startOfflineWorker(root: string) {
	const sw = navigator.serviceWorker;
	if (!sw) return;
	let offered = false;
	const offer = (waiting: ServiceWorker | null) => {
		// Only an update waits behind a controller; the very first install just takes over.
		if (!waiting || !sw.controller || offered) return;
		offered = true;
		// The live region is on the page before its words, so screen readers announce them.
		const notice = document.createElement('div');
		notice.className = 'update-notice no-print';
		notice.role = 'status';
		document.body.append(notice);
		setTimeout(() => {
			notice.innerHTML =
				'<p>A new version of the course is ready. <button>Reload to use it</button> <span>Your progress and your words are kept.</span></p>';
			notice.querySelector('button')!.onclick = () => {
				sw.addEventListener('controllerchange', () => location.reload());
				waiting.postMessage('skip-waiting');
			};
		}, 50);
	};
	const start = async () => {
		const registration = await sw.register(root.replace(/\/?$/, '/service-worker.js'));
		offer(registration.waiting);
		registration.onupdatefound = () => {
			const installing = registration.installing;
			if (installing)
				installing.onstatechange = () => installing.state === 'installed' && offer(installing);
		};
		// An open course asks for a new version whenever the learner comes back to its tab (a full
		// page load asks by itself).
		document.addEventListener(
			'visibilitychange',
			() => !document.hidden && registration.update().catch(() => {})
		);
	};
	const later = () => setTimeout(() => start().catch(console.warn));
	if (document.readyState === 'complete') later();
	else addEventListener('load', later, { once: true });
}
