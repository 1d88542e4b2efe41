// Measures the JavaScript a page really loads: opens each path in Chromium against the production
// build, waits for the network to settle, and sums the gzip size of every .js file it fetched.
// Usage: BUILD_DIR=build node scripts/page-js.js /search /lessons/the-sandwich
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

// Same Chromium and flags as playwright.config.ts (a .ts file plain Node cannot import).
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const chromiumArgs = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];
const buildDir = process.env.BUILD_DIR ?? 'build';
const port = Number(process.env.PAGE_JS_PORT ?? 4259);
const paths = process.argv.slice(2);
if (paths.length === 0) paths.push('/');

const server = spawn('node', [buildDir], {
	env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
	stdio: 'ignore'
});
const base = `http://127.0.0.1:${port}`;
for (let i = 0; i < 100; i++) {
	try {
		await fetch(base);
		break;
	} catch {
		await new Promise((r) => setTimeout(r, 100));
	}
}

const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
try {
	for (const path of paths) {
		const page = await browser.newPage();
		const files = new Set();
		page.on('response', (res) => {
			const url = new URL(res.url());
			if (url.pathname.endsWith('.js')) files.add(url.pathname);
		});
		await page.goto(base + path, { waitUntil: 'networkidle' });
		let gzip = 0;
		for (const file of files) {
			gzip += gzipSync(readFileSync(join(buildDir, 'client', file))).length;
		}
		if (process.env.PAGE_JS_VERBOSE)
			for (const f of files)
				console.log(`  ${gzipSync(readFileSync(join(buildDir, 'client', f))).length}\t${f}`);
		console.log(`${path}\t${files.size} JS files\t${(gzip / 1024).toFixed(1)} KB gzip (${gzip} B)`);
		await page.close();
	}
} finally {
	await browser.close();
	server.kill();
}
