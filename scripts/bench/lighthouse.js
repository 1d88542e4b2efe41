// Lighthouse 12 with its default config: the mobile preset (emulated mid-range phone, simulated
// slow 4G and 4x CPU slowdown). One Chromium serves all runs; Lighthouse resets storage per run.
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumArgs, chromiumPath } from '../../config/chromium.js';
import { median } from './report.js';

/**
 * Runs Lighthouse `runs` times on each URL and takes the median of each figure separately.
 * @param {string[]} urls
 * @param {number} runs
 */
export async function runLighthouse(urls, runs) {
	const chrome = await launch({ chromePath: chromiumPath, chromeFlags: chromiumArgs });
	try {
		/** @type {Record<string, ReturnType<typeof summarise>>} */
		const results = {};
		for (const url of urls) {
			const samples = [];
			for (let i = 0; i < runs; i++) {
				const result = await lighthouse(url, {
					port: chrome.port,
					logLevel: 'error',
					output: 'json',
					onlyCategories: ['performance', 'accessibility']
				});
				const lhr = result?.lhr;
				if (!lhr) throw new Error(`Lighthouse returned nothing for ${url}`);
				if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.message}`);
				samples.push({
					performance: Math.round((lhr.categories.performance.score ?? 0) * 100),
					accessibility: Math.round((lhr.categories.accessibility.score ?? 0) * 100),
					tbtMs: lhr.audits['total-blocking-time'].numericValue ?? NaN,
					lcpMs: lhr.audits['largest-contentful-paint'].numericValue ?? NaN,
					failedAccessibilityAudits: lhr.categories.accessibility.auditRefs
						.filter((ref) => ref.weight > 0 && lhr.audits[ref.id].score === 0)
						.map((ref) => ref.id)
				});
				process.stdout.write('.');
			}
			results[url] = summarise(samples);
		}
		process.stdout.write('\n');
		return results;
	} finally {
		chrome.kill();
	}
}

/** @param {{ performance: number, accessibility: number, tbtMs: number, lcpMs: number, failedAccessibilityAudits: string[] }[]} samples */
function summarise(samples) {
	return {
		performance: median(samples.map((s) => s.performance)),
		accessibility: median(samples.map((s) => s.accessibility)),
		tbtMs: median(samples.map((s) => s.tbtMs)),
		lcpMs: median(samples.map((s) => s.lcpMs)),
		runs: samples
	};
}
