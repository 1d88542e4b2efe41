// The packaged lesson page (README, "Put the course in your LMS"): a SCORM 1.2 package, built as
// `npm run package:scorm12` builds it, launched the way an LMS launches it (scorm-again's runtime
// in the player page, the package at a deep path in an iframe), and measured like a web page:
// only what the package itself sends counts, not the LMS's own page and runtime.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { buildPackage } from '../package.js';
import { gzipBytes } from './measure.js';

const contentPath = '/pluginfile.php/27/mod_scorm/content/3/';
const types = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.xml': 'application/xml'
};

const player = (launch) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Bench LMS</title>
<script src="/runtime.js"></script></head><body>
<script>
window.API = new Scorm12API({ autocommit: false, logLevel: 5 });
API.loadFromJSON({ core: { student_id: 'bench', student_name: 'Bench, B', entry: 'ab-initio' } }, '');
const frame = document.createElement('iframe');
frame.title = 'Course';
frame.src = ${JSON.stringify(contentPath + launch)};
document.body.append(frame);
</script></body></html>`;

/** Serves the package folder under contentPath, files exactly as named, as an LMS does. */
function startLms(dir, port, launch) {
	const runtime = readFileSync('node_modules/scorm-again/dist/scorm12.min.js');
	const server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://lms');
		if (url.pathname === '/player.html') {
			res.writeHead(200, { 'content-type': types['.html'] });
			return res.end(player(launch));
		}
		if (url.pathname === '/runtime.js') {
			res.writeHead(200, { 'content-type': types['.js'] });
			return res.end(runtime);
		}
		if (url.pathname.startsWith(contentPath)) {
			let path = normalize(decodeURIComponent(url.pathname.slice(contentPath.length)));
			if (path === '.' || path.endsWith('/')) path = join(path, 'index.html');
			if (!path.startsWith('..'))
				try {
					const body = readFileSync(join(dir, path));
					res.writeHead(200, {
						'content-type': types[extname(path)] ?? 'application/octet-stream'
					});
					return res.end(body);
				} catch {
					// not a file of the package
				}
		}
		res.writeHead(404, { 'content-type': 'text/plain' });
		res.end('Not found');
	});
	return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

/**
 * The JS files the LMS adapter brings to this page (src/lib/lms/scorm.ts and what it imports),
 * from the package build's Vite manifest: its closure minus what the page loads without it (the
 * entries this page loaded and the lesson's body, with their static imports).
 * @param {string} svelteKitOut
 * @param {Set<string>} loaded the files the page loaded, as `_app/…` paths
 * @param {string} slug
 */
function adapterFiles(svelteKitOut, loaded, slug) {
	const manifest = JSON.parse(
		readFileSync(join(svelteKitOut, 'output/client/.vite/manifest.json'), 'utf8')
	);
	const closure = (keys) => {
		const seen = new Set();
		const visit = (key) => {
			if (seen.has(key) || !manifest[key]) return;
			seen.add(key);
			for (const next of manifest[key].imports ?? []) visit(next);
		};
		keys.forEach(visit);
		return seen;
	};
	const keys = Object.keys(manifest);
	const page = closure(
		keys.filter(
			(k) =>
				(manifest[k].isEntry && loaded.has(manifest[k].file)) ||
				new RegExp(`^lessons/\\d+-${slug}/index\\.md$`).test(k)
		)
	);
	const adapter = closure(['src/lib/lms/scorm.ts']);
	return new Set([...adapter].filter((k) => !page.has(k)).map((k) => manifest[k].file));
}

/**
 * Builds the SCORM 1.2 package, launches `lessonPath` (e.g. 'lessons/what-is-coproduction/') in
 * the bench LMS on `port`, and returns its first load: what the package sent until the network
 * went quiet, and the part of it that is the LMS adapter.
 * @param {import('@playwright/test').Browser} browser
 */
export async function measurePackagedLesson(browser, port, lessonPath) {
	const built = buildPackage('scorm12', { quiet: true });
	const server = await startLms(built.dir, port, lessonPath);
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
		const appPath = (url) => url.slice(url.indexOf('_app/'));
		const adapter = adapterFiles(
			`.svelte-kit-package-scorm12`,
			new Set(js.map((f) => appPath(f.url))),
			lessonPath.split('/').filter(Boolean).at(-1)
		);
		const sum = (list) => list.reduce((n, f) => n + f.gzip, 0);
		return {
			path: `SCORM 1.2 package: ${lessonPath}`,
			zipBytes: built.bytes,
			jsBytes: sum(js),
			adapterJsBytes: sum(js.filter((f) => adapter.has(appPath(f.url)))),
			cssBytes:
				sum(files.filter((f) => f.type.includes('css'))) + (inlineCss ? gzipBytes(inlineCss) : 0),
			requests: files.length,
			webFonts: files.filter((f) => /font|woff/.test(f.type)).length,
			files: files.map((f) => ({
				path: f.url,
				gzipBytes: f.gzip,
				adapter: adapter.has(appPath(f.url))
			}))
		};
	} finally {
		await context.close();
		await new Promise((resolve) => server.close(resolve));
	}
}
