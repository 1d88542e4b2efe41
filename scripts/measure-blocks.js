// Measures the gzip JavaScript each lesson component adds to a lesson page that uses it.
// For a baseline lesson (steps and text only) and for the same lesson plus one component, it builds
// the app, loads the page in Chromium, sums the gzip size of every JS file the page fetched, and
// prints the differences. Usage: node scripts/measure-blocks.js   (about 20 s per build)
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

// The same Debian Chromium and flags as playwright.config.ts.
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
const port = Number(process.env.MEASURE_PORT ?? 4213);
const folder = 'lessons/98-measure-blocks';
const outDir = 'build-measure';
const reference = JSON.parse(readFileSync('lessons/references.json', 'utf8'))[0].id;
const term = JSON.parse(readFileSync('lessons/glossary.json', 'utf8'))[0].id;
const video = JSON.parse(readFileSync('lessons/videos.json', 'utf8'))[0].id;

const frontmatter = `---
title: Measuring components
summary: A temporary lesson for measuring component sizes.
minutes: 1
objectives:
  - Measure.
steps:
  - id: read
    kind: read
    title: Read
  - id: watch
    kind: watch
    title: Watch
  - id: check
    kind: quiz
    title: Quiz
    questions:
      - id: one
        type: single
        prompt: One?
        options:
          - id: a
            text: A
            correct: true
          - id: b
            text: B
        explanation: Because.
        source: Nobody 2026
  - id: reflect
    kind: reflect
    title: Reflect
    prompt: Why?
---
`;

const variants = {
	baseline: {},
	Callout: { read: '<Callout kind="key">A key point.</Callout>' },
	Term: { read: `Some <Term id="${term}">words</Term> here.` },
	Reading: { read: `<Reading id="${reference}" />` },
	Video: { watch: `<Video id="${video}" />` },
	Quiz: { check: '<Quiz />' },
	Reflection: { reflect: '<Reflection />' }
};

function lesson(parts) {
	const step = (id) => `<Step id="${id}">\n\nText.\n\n${parts[id] ?? ''}\n\n</Step>\n`;
	return frontmatter + ['read', 'watch', 'check', 'reflect'].map(step).join('\n');
}

async function measure(browser) {
	const server = spawn('node', [outDir], {
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
		stdio: 'ignore'
	});
	try {
		const page = await browser.newPage();
		const bodies = [];
		page.on('response', async (response) => {
			if (response.request().resourceType() === 'script') bodies.push(response.body());
		});
		for (let i = 0; i < 50; i++) {
			try {
				await page.goto(`http://127.0.0.1:${port}/lessons/measure-blocks`);
				break;
			} catch {
				await new Promise((r) => setTimeout(r, 200));
			}
		}
		await page.waitForLoadState('networkidle');
		const files = await Promise.all(bodies);
		await page.close();
		return files.reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0);
	} finally {
		server.kill();
	}
}

const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
const sizes = {};
try {
	mkdirSync(folder, { recursive: true });
	for (const [name, parts] of Object.entries(variants)) {
		writeFileSync(`${folder}/index.md`, lesson(parts));
		const build = spawnSync('npx', ['vite', 'build'], {
			env: { ...process.env, BUILD_DIR: outDir, SVELTEKIT_OUT: '.svelte-kit-measure' },
			encoding: 'utf8'
		});
		if (build.status !== 0) throw new Error(`build failed for ${name}:\n${build.stderr}`);
		sizes[name] = await measure(browser);
		console.error(`${name}: ${sizes[name]} B gzip JS on the page`);
	}
} finally {
	await browser.close();
	rmSync(folder, { recursive: true, force: true });
	rmSync(outDir, { recursive: true, force: true });
}

console.log('| component | gzip JS it adds to a lesson page |');
console.log('| --- | --- |');
for (const [name, size] of Object.entries(sizes)) {
	if (name === 'baseline') continue;
	console.log(`| ${name} | ${((size - sizes.baseline) / 1024).toFixed(1)} KB |`);
}
console.log(`| (baseline lesson page) | ${(sizes.baseline / 1024).toFixed(1)} KB total |`);
