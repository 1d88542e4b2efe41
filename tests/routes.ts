import type { Page } from '@playwright/test';

/** Files a link may point at that are downloads, not pages. */
const download =
	/\.(pdf|zip|json|txt|xml|csv|ics|vtt|mp4|webm|png|jpe?g|svg|webp|docx?|pptx?|scorm)$/i;

let cached: Promise<string[]> | undefined;

/**
 * Every page a learner can reach, found by following internal links breadth-first from the home page
 * (header, body and footer), never from a hand-written list. Downloads, fragments and other origins
 * are skipped; /components is added when it exists even if nothing links to it. A link that does not
 * answer with an HTML page fails the crawl. Results are cached per test worker.
 */
export function discoverRoutes(page: Page): Promise<string[]> {
	cached ??= crawl(page);
	return cached;
}

async function crawl(page: Page, limit = 300): Promise<string[]> {
	await page.goto('/');
	const origin = new URL(page.url()).origin;
	const found: string[] = [];
	const queue = ['/'];
	const seen = new Set(queue);
	const broken: string[] = [];

	if ((await page.request.get(`${origin}/components`)).ok() && !seen.has('/components')) {
		queue.push('/components');
		seen.add('/components');
	}

	while (queue.length > 0) {
		const path = queue.shift() as string;
		if (found.length >= limit) throw new Error(`more than ${limit} pages: is the crawl looping?`);
		const response = await page.goto(path);
		const type = response?.headers()['content-type'] ?? '';
		if (!response?.ok() || !type.includes('text/html')) {
			broken.push(`${path} (${response?.status()} ${type})`);
			continue;
		}
		found.push(path);
		const links = await page
			.locator('a[href]')
			.evaluateAll((anchors) =>
				anchors.filter((a) => !a.hasAttribute('download')).map((a) => (a as HTMLAnchorElement).href)
			);
		for (const href of links) {
			const url = new URL(href);
			if (url.origin !== origin || download.test(url.pathname)) continue;
			const next = url.pathname;
			if (!seen.has(next)) {
				seen.add(next);
				queue.push(next);
			}
		}
	}
	if (broken.length) throw new Error(`links to pages that do not load:\n${broken.join('\n')}`);
	if (!found.some((p) => p.startsWith('/lessons/'))) throw new Error('no lesson pages found');
	return found;
}
