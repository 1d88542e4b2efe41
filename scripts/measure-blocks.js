// Measures the gzip JavaScript each lesson component adds to a lesson page that uses it.
// For a baseline lesson (steps and text only) and for the same lesson plus one component, it builds
// the app, measures the page's JS as `npm run bench` does (gzip of every script fetched until the
// network is idle), and prints the differences. The lesson is short, so an island block (one that
// loads its code as the learner nears it, components/lesson/island/) is near enough to load at once.
// Usage: node scripts/measure-blocks.js   (about 20 s per build)
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../config/chromium.js';
import { isInline } from '../src/lib/components/lesson/island/blocks.js';
import { measureFirstLoad } from './bench/measure.js';
import { buildApp, serve } from './bench/server.js';

// Builds without the shared 'lesson' chunk, so a page loads only the components it uses (client-size.js).
process.env.LESSON_BLOCKS_UNGROUPED = '1';
const port = Number(process.env.MEASURE_PORT ?? 4213);
const folder = 'lessons/98-measure-blocks';
const outDir = 'build-measure';
const reference = JSON.parse(readFileSync('lessons/references.json', 'utf8'))[0].id;
const term = JSON.parse(readFileSync('lessons/glossary.json', 'utf8'))[0].id;
const video = JSON.parse(readFileSync('lessons/videos.json', 'utf8'))[0].id;

const frontmatter = `---
title: Measuring components
summary: A temporary lesson for measuring component sizes.
objectives:
  - id: measure
    text: Measure.
effort:
  quiz: 1
  reflect: 1
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
        assesses: [measure]
        type: single
        prompt: One?
        options:
          - id: a
            text: A
            correct: true
          - id: b
            text: B
            feedback: Not B.
          - id: c
            text: C
            feedback: Not C.
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

/** Gzip JS the measuring lesson loads, by the benchmark's own first-load measurement. */
async function measure(browser) {
	const server = await serve(outDir, port);
	try {
		const { jsBytes } = await measureFirstLoad(browser, `${server.origin}/lessons/measure-blocks`);
		return jsBytes;
	} finally {
		server.stop();
	}
}

const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
const sizes = {};
try {
	mkdirSync(folder, { recursive: true });
	for (const [name, parts] of Object.entries(variants)) {
		writeFileSync(`${folder}/index.md`, lesson(parts));
		buildApp(outDir, '.svelte-kit-measure');
		sizes[name] = await measure(browser);
		console.error(`${name}: ${sizes[name]} B gzip JS on the page`);
	}
} finally {
	await browser.close();
	rmSync(folder, { recursive: true, force: true });
	rmSync(outDir, { recursive: true, force: true });
}

console.log('| component | loads | gzip JS it adds to a lesson page |');
console.log('| --- | --- | --- |');
for (const [name, size] of Object.entries(sizes)) {
	if (name === 'baseline') continue;
	const loads = isInline(name) ? 'with the page' : 'as the learner nears it (island)';
	console.log(`| ${name} | ${loads} | ${((size - sizes.baseline) / 1000).toFixed(1)} KB |`);
}
console.log(`| (baseline lesson page) | | ${(sizes.baseline / 1000).toFixed(1)} KB total |`);
