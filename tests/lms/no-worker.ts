// Issue 18 point 4: an LMS package has no offline service worker. The LMS owns the page and its
// caching, so the package ships no worker file and its code never registers one.
import { expect, type Page } from '@playwright/test';

/** The package's files hold no worker, and none of its scripts would register one. */
export function expectNoWorkerFiles(files: Map<string, Uint8Array>) {
	const paths = [...files.keys()];
	expect(paths.length).toBeGreaterThan(100);
	expect(paths.filter((p) => /service-worker/i.test(p))).toEqual([]);
	// The web app's registration (src/lib/offline/register.ts) names the worker's file.
	const registering = paths.filter(
		(p) => p.endsWith('.js') && new TextDecoder().decode(files.get(p)).includes('service-worker.js')
	);
	expect(registering).toEqual([]);
}

/** Counts every navigator.serviceWorker.register call in every frame, from before any script. */
export async function watchRegistrations(page: Page) {
	await page.addInitScript(() => {
		const w = window as unknown as { __swRegistrations: number };
		w.__swRegistrations = 0;
		const sw = navigator.serviceWorker;
		if (!sw) return;
		const register = sw.register.bind(sw);
		sw.register = (...args: Parameters<ServiceWorkerContainer['register']>) => {
			w.__swRegistrations++;
			return register(...args);
		};
	});
}

/** In the page (or the SCO's frame) after it has loaded: nothing registered, no worker in control. */
export async function expectNoWorkerAtRuntime(target: Pick<Page, 'evaluate'>) {
	const state = await target.evaluate(async () => ({
		calls: (window as unknown as { __swRegistrations: number }).__swRegistrations,
		registrations: (await navigator.serviceWorker.getRegistrations()).length,
		controlled: Boolean(navigator.serviceWorker.controller)
	}));
	expect(state).toEqual({ calls: 0, registrations: 0, controlled: false });
}
