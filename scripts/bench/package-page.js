// The packaged lesson page (README, "Put the course in your LMS"): a SCORM 1.2 package, built as
// `npm run package:scorm12` builds it, launched the way an LMS launches it (the end-to-end tests'
// LMS: scorm-again's runtime in the player page, the package at a deep path in an iframe), and
// measured like a web page: only what the package itself sends counts, not the LMS's own page and
// runtime. What the adapter costs is the difference from the same lesson on the web (bench.js).
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { contentPath, startTestLms } from '../../tests/lms/test-lms.js';
import { buildPackage } from '../package.js';
import { gzipBytes } from './measure.js';

/**
 * Builds the SCORM 1.2 package, launches `lessonPath` (e.g. 'lessons/what-is-coproduction/') in
 * the test LMS on `port`, and returns its first load: what the package sent until the network
 * went quiet.
 * @param {import('@playwright/test').Browser} browser
 * @param {number} port
 * @param {string} lessonPath
 */
export async function measurePackagedLesson(browser, port, lessonPath) {
	const built = buildPackage('scorm12', { quiet: true });
	const packaged = new Map(Object.entries(unzipSync(readFileSync(built.path))));
	const server = await startTestLms(packaged, port, { launch: lessonPath });
	const context = await browser.newContext();
	try {
		const page = await context.newPage();
		/** @type {Promise<{ url: string, type: string, gzip: number, body: Buffer }>[]} */
		const pending = [];
		page.on('response', (response) => {
			const url = new URL(response.url());
			if (!url.pathname.startsWith(contentPath)) return;
			pending.push(
				response.body().then((body) => ({
					url: url.pathname.slice(contentPath.length),
					type: response.headers()['content-type'] ?? '',
					gzip: gzipBytes(body),
					body
				}))
			);
		});
		await page.goto(`http://127.0.0.1:${port}/player.html`, { waitUntil: 'networkidle' });
		await page.frameLocator('iframe').locator('[data-step]').first().waitFor();
		await page.waitForLoadState('networkidle');
		const files = await Promise.all(pending);
		const js = files.filter((f) => f.type.includes('javascript'));
		const html = files.find((f) => f.type.includes('html'));
		const inlineCss = [
			...(html?.body.toString('utf8') ?? '').matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)
		]
			.map((m) => m[1])
			.join('\n');
		/** @param {{ gzip: number }[]} list */
		const sum = (list) => list.reduce((n, f) => n + f.gzip, 0);
		return {
			path: `SCORM 1.2 package: ${lessonPath}`,
			zipBytes: built.bytes,
			jsBytes: sum(js),
			cssBytes:
				sum(files.filter((f) => f.type.includes('css'))) + (inlineCss ? gzipBytes(inlineCss) : 0),
			requests: files.length,
			webFonts: files.filter((f) => /font|woff/.test(f.type)).length,
			files: files.map((f) => ({ path: f.url, gzipBytes: f.gzip }))
		};
	} finally {
		await context.close();
		await new Promise((resolve) => server.close(resolve));
	}
}
