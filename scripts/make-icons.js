// `node scripts/make-icons.js`: the app icons in static/icons/ from their one source,
// static/favicon.svg (the same mark as the page icon in src/app.html), drawn by Debian's Chromium.
// The "any" icons are the rounded mark edge to edge; the maskable one keeps the mark inside the
// central 80 % safe zone on a full-bleed background, so a launcher may crop it to any shape.
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { chromiumArgs, chromiumPath } from '../config/chromium.js';

const source = readFileSync(new URL('../static/favicon.svg', import.meta.url), 'utf8');
const background = /<rect[^>]*fill="([^"]+)"/.exec(source)?.[1] ?? '#1f5f8b';
const dataUrl = `data:image/svg+xml,${encodeURIComponent(source)}`;

const icons = [
	{ file: 'icon-192.png', size: 192, inset: 0 },
	{ file: 'icon-512.png', size: 512, inset: 0 },
	{ file: 'icon-maskable-512.png', size: 512, inset: 0.2 }
];

const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
try {
	for (const { file, size, inset } of icons) {
		const page = await browser.newPage({ viewport: { width: size, height: size } });
		const mark = Math.round(size * (1 - 2 * inset));
		await page.setContent(
			`<body style="margin:0;width:${size}px;height:${size}px;display:grid;place-items:center;background:${inset ? background : 'transparent'}"><img src="${dataUrl}" width="${mark}" height="${mark}"></body>`
		);
		await page.screenshot({
			path: new URL(`../static/icons/${file}`, import.meta.url).pathname,
			omitBackground: !inset
		});
		await page.close();
		console.log(`static/icons/${file}: ${size}×${size}`);
	}
} finally {
	await browser.close();
}
