// `npm run bench`: build the production app, serve it on loopback, measure the home page and every
// lesson page against bench/budgets.json, print one table, save it as JSON in bench-results/, and
// exit non-zero when a budget fails. `--no-build` reuses the last bench build; `--no-lighthouse`
// skips Lighthouse (quicker while working on bytes; its budgets then show as not measured).
// `--page /search` (repeatable) measures the pages named instead of the home page and the lessons.
// The first lesson is measured again in each LMS package (SCORM 1.2, SCORM 2004, cmi5;
// scripts/bench/package-page.js), against the same budgets; what it loads beyond the same lesson on
// the web is that package's LMS adapter's share (budget lmsAdapterKB). `--no-package` skips them.
import { chromium } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { chromiumArgs, chromiumPath } from '../config/chromium.js';
import { runLighthouse } from './bench/lighthouse.js';
import {
	discoverLessons,
	measureFirstLoad,
	measureNextLesson,
	measureRepeatVisits
} from './bench/measure.js';
import { measurePackagedLesson, packageNames } from './bench/package-page.js';
import { countingProxy } from './bench/proxy.js';
import { evaluate, formatTable, withinBudget } from './bench/report.js';
import { buildApp, serve } from './bench/server.js';

const buildDir = process.env.BENCH_BUILD_DIR ?? 'build-bench';
const port = Number(process.env.BENCH_PORT ?? 4240);
const runs = Number(process.env.BENCH_RUNS ?? 5);
const budgetsFile = new URL('../bench/budgets.json', import.meta.url);
const resultsDir = new URL('../bench-results/', import.meta.url);

/** The paths given with --page, in order. */
function pagesAsked(argv) {
	const paths = [];
	for (let i = 0; i < argv.length; i++) {
		if (argv[i] === '--page' && argv[i + 1]) paths.push(argv[++i]);
		else if (argv[i].startsWith('--page=')) paths.push(argv[i].slice('--page='.length));
	}
	return paths;
}
const asked = pagesAsked(process.argv);

const started = Date.now();
const budgets = JSON.parse(readFileSync(budgetsFile, 'utf8'));

if (!process.argv.includes('--no-build')) {
	console.log(`Building into ${buildDir}/ …`);
	buildApp(buildDir, `.svelte-kit-bench`);
}

const server = await serve(buildDir, port);
for (const signal of ['SIGINT', 'SIGTERM'])
	process.on(signal, () => {
		server.stop();
		process.exit(130);
	});

let pages;
let browserVersion;
/** @type {Awaited<ReturnType<typeof measureRepeatVisits>> | undefined} */
let offline;
/** @type {(Awaited<ReturnType<typeof measurePackagedLesson>> & { webJsBytes: number, adapterJsBytes: number })[]} */
const lmsPackages = [];
try {
	const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
	browserVersion = browser.version();
	try {
		const lessons = await discoverLessons(browser, server.origin);
		const paths = asked.length ? asked : ['/', ...lessons];
		console.log(`Measuring ${paths.length} pages in Chromium ${browserVersion} …`);
		pages = [];
		for (const path of paths) {
			const url = server.origin + path;
			const lesson = lessons.includes(path);
			const firstLoad = await measureFirstLoad(browser, url);
			const next = lesson ? await measureNextLesson(browser, url) : undefined;
			pages.push({ path, lesson, firstLoad, next: next ?? undefined });
		}
		// Offline once visited: what the worker precaches, and what coming back still downloads.
		const proxy = await countingProxy(server.origin, port + 1);
		try {
			const lessonPages = pages.filter((p) => p.lesson);
			offline = await measureRepeatVisits(
				browser,
				proxy,
				lessonPages.map((p) => p.path)
			);
			for (const visit of offline.visits)
				lessonPages.find((p) => p.path === visit.path).repeat = visit;
		} finally {
			await proxy.close();
		}
		if (!asked.length && !process.argv.includes('--no-package')) {
			const web = pages.find((p) => p.path === lessons[0]);
			for (const target of /** @type {const} */ (['scorm12', 'scorm2004', 'cmi5'])) {
				console.log(
					`Building the ${packageNames[target]} package and measuring its first lesson …`
				);
				const packaged = await measurePackagedLesson(
					browser,
					port + 2,
					`${lessons[0].slice(1)}/`,
					target
				);
				pages.push({ path: packaged.path, lesson: false, packaged: true, firstLoad: packaged });
				lmsPackages.push({
					...packaged,
					webJsBytes: web.firstLoad.jsBytes,
					adapterJsBytes: packaged.jsBytes - web.firstLoad.jsBytes
				});
			}
		}
	} finally {
		await browser.close();
	}

	// Lighthouse on the home page and the lesson that costs most on first load.
	const heaviest = [pages[0], ...pages.filter((p) => p.lesson)].reduce((a, b) =>
		b.firstLoad.jsBytes + b.firstLoad.cssBytes > a.firstLoad.jsBytes + a.firstLoad.cssBytes ? b : a
	);
	const audited = process.argv.includes('--no-lighthouse')
		? []
		: [...new Set([pages[0], heaviest])];
	if (audited.length) {
		console.log(
			`Lighthouse mobile, ${runs} runs each: ${audited.map((p) => p.path).join(' and ')}${heaviest.lesson ? ' (the heaviest lesson)' : ''}`
		);
		const lighthouse = await runLighthouse(
			audited.map((p) => server.origin + p.path),
			runs
		);
		for (const page of audited) page.lighthouse = lighthouse[server.origin + page.path];
	}
} finally {
	server.stop();
}

const { rows, failures } = evaluate(pages, budgets);
const precacheMB = offline ? offline.precache.bytes / 1e6 : NaN;
if (!withinBudget(budgets.precacheMB, precacheMB))
	failures.push(
		`${budgets.precacheMB.label} is ${precacheMB.toFixed(2)} MB, budget ≤ ${budgets.precacheMB.max}`
	);
for (const lmsPackage of lmsPackages)
	if (!withinBudget(budgets.lmsAdapterKB, lmsPackage.adapterJsBytes / 1000))
		failures.push(
			`${budgets.lmsAdapterKB.label} (${packageNames[lmsPackage.target]}) is ${(lmsPackage.adapterJsBytes / 1000).toFixed(1)} KB, budget ≤ ${budgets.lmsAdapterKB.max}`
		);
if (process.argv.includes('--no-lighthouse'))
	failures.push('Lighthouse was skipped (--no-lighthouse)');
const table = formatTable(rows, budgets);
const seconds = Math.round((Date.now() - started) / 1000);
const cpus = os.cpus();
const machine = `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, ${os.type()} ${os.release()}, Node ${process.version}, Chromium ${browserVersion}`;
const date = new Date().toISOString();

console.log(`\n${table}\n`);
console.log(
	'KB = 1,000 bytes after gzip -9 of each response body: JS = script files; CSS = stylesheets plus inline <style>; HTML = the document, hydration data included. Requests until network idle, video excluded. Lighthouse 12.2.3 mobile preset, median of 5 runs of each figure.'
);
if (offline)
	console.log(
		`Offline precache: ${offline.precache.files} files, ${precacheMB.toFixed(2)} MB uncompressed (budget ≤ ${budgets.precacheMB.max} MB, video excluded). Repeat visit: JS and CSS bytes that crossed the network once the worker is installed.`
	);
if (lmsPackages.length)
	console.log(
		`LMS packages, launched in an iframe by the end-to-end tests' LMS (scorm-again's API for SCORM; an LRS for cmi5); only the package's own files count. The LMS adapter's share is the packaged lesson's first-load JS beyond the same lesson's on the web (${(lmsPackages[0].webJsBytes / 1000).toFixed(1)} KB), budget ≤ ${budgets.lmsAdapterKB.max}:\n${lmsPackages
			.map(
				(p) =>
					`  ${packageNames[p.target]}: adapter ${(p.adapterJsBytes / 1000).toFixed(1)} KB; zip ${(p.zipBytes / 1e6).toFixed(2)} MB${p.lmsCalls ? `; ${p.lmsCalls} calls to the LRS, not counted as page requests` : ''}`
			)
			.join('\n')}`
	);
console.log(`${date} · ${machine} · ${seconds} s`);

mkdirSync(resultsDir, { recursive: true });
const report = { date, machine, seconds, budgets, table, failures, pages, offline, lmsPackages };
const json = JSON.stringify(report, null, '\t');
const stamp = date.replaceAll(':', '-').replace(/\..*/, '');
writeFileSync(new URL(`bench-${stamp}.json`, resultsDir), json);
writeFileSync(new URL('latest.json', resultsDir), json);
console.log(`Saved bench-results/bench-${stamp}.json (and latest.json)`);

if (failures.length) {
	console.error(`\n${failures.length} budget(s) failed:\n  ${failures.join('\n  ')}`);
	process.exit(1);
}
console.log('Every budget passes.');
