// The packaged lesson page (README, "Put the course in your LMS"): each LMS package, built as
// `npm run package:<target>` builds it, launched the way an LMS launches it, and measured like a
// web page: only what the package itself sends counts, not the LMS's own page and runtime.
//   SCORM 1.2 and 2004: the end-to-end tests' LMS (scorm-again's runtime in the player page, the
//   package at a deep path in an iframe);
//   cmi5: the end-to-end tests' LMS and LRS (launch parameters, a fetch URL, the State API); the
//   calls to the LRS are counted apart from the page's requests, as its API calls are for SCORM.
// What the adapter costs is the difference from the same lesson on the web (bench.js).
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { contentPath, startTestLms } from '../../tests/lms/test-lms.js';
import { startTestLrs } from '../../tests/lms/test-lrs.js';
import { buildPackage } from '../package.js';
import { gzipBytes } from './measure.js';

/** @typedef {'scorm12' | 'scorm2004' | 'cmi5'} Target */
/** @type {Record<Target, string>} */
export const packageNames = { scorm12: 'SCORM 1.2', scorm2004: 'SCORM 2004', cmi5: 'cmi5' };

/**
 * The test LMS for `target`, launching `lessonPath`, and the address of its launch page.
 * @param {Target} target
 * @param {Map<string, Uint8Array>} files
 * @param {number} port
 * @param {string} lessonPath
 */
async function startLms(target, files, port, lessonPath) {
	const origin = `http://127.0.0.1:${port}`;
	if (target === 'cmi5') {
		const server = await startTestLrs(files, port, { launch: lessonPath });
		return { server, url: `${origin}/launch.html?registration=${randomUUID()}` };
	}
	return {
		server: await startTestLms(files, port, { launch: lessonPath }),
		url: `${origin}/player.html`
	};
}

/**
 * Builds the `target` package, launches `lessonPath` (e.g. 'lessons/what-is-coproduction/') in
 * its test LMS on `port`, and returns its first load: what the package sent until the network
 * went quiet.
 * @param {import('@playwright/test').Browser} browser
 * @param {number} port
 * @param {string} lessonPath
 * @param {Target} target
 */
export async function measurePackagedLesson(browser, port, lessonPath, target) {
	const built = buildPackage(target, { quiet: true });
	const packaged = new Map(Object.entries(unzipSync(readFileSync(built.path))));
	const { server, url } = await startLms(target, packaged, port, lessonPath);
	const context = await browser.newContext();
	try {
		const page = await context.newPage();
		/** @type {Promise<{ url: string, type: string, gzip: number, body: Buffer }>[]} */
		const pending = [];
		let lmsCalls = 0;
		page.on('response', (response) => {
			const { pathname } = new URL(response.url());
			if (/^\/(xapi|fetch)\//.test(pathname)) lmsCalls++;
			if (!pathname.startsWith(contentPath)) return;
			pending.push(
				response.body().then((body) => ({
					url: pathname.slice(contentPath.length),
					type: response.headers()['content-type'] ?? '',
					gzip: gzipBytes(body),
					body
				}))
			);
		});
		await page.goto(url, { waitUntil: 'networkidle' });
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
			path: `${packageNames[target]} package: ${lessonPath}`,
			target,
			zipBytes: built.bytes,
			jsBytes: sum(js),
			cssBytes:
				sum(files.filter((f) => f.type.includes('css'))) + (inlineCss ? gzipBytes(inlineCss) : 0),
			requests: files.length,
			lmsCalls,
			webFonts: files.filter((f) => /font|woff/.test(f.type)).length,
			files: files.map((f) => ({ path: f.url, gzipBytes: f.gzip }))
		};
	} finally {
		await context.close();
		await new Promise((resolve) => server.close(resolve));
	}
}
