// What one page costs a learner, measured in Chromium with an empty cache: bytes of JS and CSS
// (gzip), requests until the network is idle, web fonts, and the JS the next lesson adds; and,
// once the offline worker is installed, what a repeat visit still fetches.
import { constants, gzipSync } from 'node:zlib';

/** Video and its captions are excluded from request counts: a learner chooses to load them. */
const videoFile = /\.(mp4|m4v|webm|ogv|mov|m3u8|mpd|vtt)(\?|$)/i;

/**
 * Bytes of `body` after gzip at level 9, what adapter-node's `precompress` writes to the `.gz` files
 * it serves. We gzip each body ourselves so the figure does not depend on which encoding the browser
 * negotiates (Chromium asks for brotli, which would be smaller).
 * @param {Buffer | string} body
 */
export function gzipBytes(body) {
	return gzipSync(body, { level: constants.Z_BEST_COMPRESSION }).length;
}

/** @param {import('@playwright/test').Request} request */
function isVideo(request) {
	return request.resourceType() === 'media' || videoFile.test(new URL(request.url()).pathname);
}

/**
 * @param {import('@playwright/test').Response} response
 * @returns {'js' | 'css' | 'font' | 'other'}
 */
function kindOf(response) {
	const type = response.request().resourceType();
	const contentType = response.headers()['content-type'] ?? '';
	if (type === 'script' || contentType.includes('javascript')) return 'js';
	if (type === 'stylesheet' || contentType.includes('text/css')) return 'css';
	if (type === 'font' || contentType.startsWith('font/')) return 'font';
	return 'other';
}

/** @param {import('@playwright/test').Response} response */
async function describe(response) {
	const kind = kindOf(response);
	const file = { url: response.url(), status: response.status(), kind, gzipBytes: 0, bytes: 0 };
	if (kind === 'other') return file;
	const body = await response.body().catch(() => null);
	if (body) {
		file.bytes = body.length;
		file.gzipBytes = gzipBytes(body);
	}
	return file;
}

/**
 * Inline <script> and <style> text in the HTML. Inline CSS counts towards the CSS budget (it replaces
 * a stylesheet file); inline script is mostly SvelteKit's hydration data and is reported, with the
 * rest of the document, as HTML: the JS budget, like the peers' figures, is JavaScript files.
 */
function inlineCode(html) {
	const pick = (re) => [...html.matchAll(re)].map((m) => m[1]).join('\n');
	return {
		js: pick(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi),
		css: pick(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)
	};
}

/** Resolves when no request has been in flight for `quietMs` (Playwright's networkidle is 500 ms). */
function networkQuiet(page, quietMs = 500, timeoutMs = 20_000) {
	let inFlight = 0;
	let lastChange = Date.now();
	page.on('request', () => ((inFlight += 1), (lastChange = Date.now())));
	const settle = () => ((inFlight = Math.max(0, inFlight - 1)), (lastChange = Date.now()));
	page.on('requestfinished', settle);
	page.on('requestfailed', settle);
	return async () => {
		const start = Date.now();
		while (Date.now() - start < timeoutMs) {
			if (inFlight === 0 && Date.now() - lastChange >= quietMs) return;
			await new Promise((r) => setTimeout(r, 50));
		}
		throw new Error(`network did not go quiet within ${timeoutMs} ms on ${page.url()}`);
	};
}

/**
 * Opens `url` in a fresh context (empty cache) and waits for network idle.
 * @param {import('@playwright/test').Browser} browser
 * @param {string} url
 */
export async function measureFirstLoad(browser, url) {
	const context = await browser.newContext();
	try {
		const page = await context.newPage();
		/** @type {import('@playwright/test').Request[]} */
		const requests = [];
		/** @type {Promise<Awaited<ReturnType<typeof describe>>>[]} */
		const pending = [];
		page.on('request', (request) => requests.push(request));
		page.on('response', (response) => pending.push(describe(response)));
		const response = await page.goto(url, { waitUntil: 'networkidle' });
		if (!response?.ok()) throw new Error(`${url} answered ${response?.status()}`);
		const files = await Promise.all(pending);
		const inline = inlineCode(await response.text());
		const sum = (kind) => files.filter((f) => f.kind === kind).reduce((n, f) => n + f.gzipBytes, 0);
		const counted = requests.filter((r) => !isVideo(r));
		return {
			url,
			jsBytes: sum('js'),
			htmlBytes: gzipBytes(await response.body()),
			cssBytes: sum('css') + (inline.css ? gzipBytes(inline.css) : 0),
			requests: counted.length,
			webFonts: files.filter((f) => f.kind === 'font').length,
			fontBytes: sum('font'),
			inlineJsBytes: inline.js ? gzipBytes(inline.js) : 0,
			inlineCssBytes: inline.css ? gzipBytes(inline.css) : 0,
			excludedVideoRequests: requests.length - counted.length,
			files: files
				.filter((f) => f.kind !== 'other')
				.map(({ url, kind, gzipBytes, bytes }) => ({
					path: new URL(url).pathname,
					kind,
					gzipBytes,
					bytes
				})),
			otherRequests: counted
				.map((r) => new URL(r.url()).pathname)
				.filter((p) => !files.some((f) => f.kind !== 'other' && new URL(f.url).pathname === p))
		};
	} finally {
		await context.close();
	}
}

/**
 * Loads `url`, then follows its "Next lesson" link by client-side navigation and sums the gzip bytes
 * of JS files that were not already loaded. Returns null on the last lesson.
 * @param {import('@playwright/test').Browser} browser
 * @param {string} url
 */
export async function measureNextLesson(browser, url) {
	const context = await browser.newContext();
	try {
		const page = await context.newPage();
		const seen = new Set();
		let loaded = false;
		page.on('response', (response) => {
			if (!loaded && kindOf(response) === 'js') seen.add(response.url());
		});
		await page.goto(url, { waitUntil: 'networkidle' });
		loaded = true;
		const link = page.getByRole('link', { name: /^Next lesson/ });
		if ((await link.count()) === 0) return null;
		const target = new URL((await link.getAttribute('href')) ?? '', page.url()).href;

		/** @type {Promise<Awaited<ReturnType<typeof describe>>>[]} */
		const added = [];
		page.on('response', (response) => {
			if (kindOf(response) === 'js' && !seen.has(response.url())) {
				seen.add(response.url());
				added.push(describe(response));
			}
		});
		const quiet = networkQuiet(page);
		// A marker on window survives only a client-side navigation, which is what we mean to measure.
		await page.evaluate(() => Object.assign(window, { __benchMarker: true }));
		await link.click();
		await page.waitForURL(target);
		await quiet();
		const clientSide = await page.evaluate(() => '__benchMarker' in window);
		if (!clientSide) throw new Error(`${url} → ${target} was a full page load, not client-side`);
		const files = await Promise.all(added);
		return {
			from: url,
			to: target,
			jsBytes: files.reduce((n, f) => n + f.gzipBytes, 0),
			files: files.map((f) => ({ path: new URL(f.url).pathname, gzipBytes: f.gzipBytes }))
		};
	} finally {
		await context.close();
	}
}

/**
 * Lesson pages, in course order, from the links on the home page.
 * @param {import('@playwright/test').Browser} browser
 * @param {string} origin
 */
export async function discoverLessons(browser, origin) {
	const context = await browser.newContext({ javaScriptEnabled: false });
	try {
		const page = await context.newPage();
		await page.goto(`${origin}/`);
		const hrefs = await page
			.locator('a[href]')
			.evaluateAll((links) => links.map((a) => /** @type {HTMLAnchorElement} */ (a).href));
		const paths = hrefs
			.map((href) => new URL(href))
			.filter((u) => u.origin === origin && /^\/lessons\/[^/]+\/?$/.test(u.pathname))
			.map((u) => u.pathname);
		const lessons = [...new Set(paths)];
		if (lessons.length === 0) throw new Error(`no lesson links found on ${origin}/`);
		return lessons;
	} finally {
		await context.close();
	}
}

/**
 * Visits the home page through `proxy` (a countingProxy), waits until the offline worker has
 * precached the course, then opens each of `paths` as a returning learner would (a new load of the
 * page) and counts the JS and CSS bytes that still crossed the network. Also sums the precache.
 * @param {import('@playwright/test').Browser} browser
 * @param {Awaited<ReturnType<typeof import('./proxy.js').countingProxy>>} proxy
 * @param {string[]} paths
 */
export async function measureRepeatVisits(browser, proxy, paths) {
	const context = await browser.newContext();
	try {
		const page = await context.newPage();
		await page.goto(`${proxy.origin}/`, { waitUntil: 'networkidle' });
		await page.evaluate(async () => {
			await navigator.serviceWorker.ready;
			if (!navigator.serviceWorker.controller)
				await new Promise((r) =>
					navigator.serviceWorker.addEventListener('controllerchange', r, { once: true })
				);
		});
		const precache = await page.evaluate(async () => {
			let bytes = 0;
			let files = 0;
			for (const name of await caches.keys()) {
				if (!name.includes('-course-')) continue;
				const cache = await caches.open(name);
				for (const request of await cache.keys()) {
					const response = await cache.match(request);
					bytes += (await response?.arrayBuffer())?.byteLength ?? 0;
					files += 1;
				}
			}
			return { bytes, files };
		});
		const visits = [];
		for (const path of paths) {
			proxy.reset();
			await page.goto(`${proxy.origin}${path}`, { waitUntil: 'networkidle' });
			const taken = proxy.taken();
			const code = taken.filter((r) => /javascript|text\/css/.test(r.type));
			visits.push({
				path,
				jsCssBytes: code.reduce((n, r) => n + r.bytes, 0),
				requests: taken.map((r) => r.path)
			});
		}
		return { precache, visits };
	} finally {
		await context.close();
	}
}
