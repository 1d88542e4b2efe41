import { expect, test } from '@playwright/test';

const sizes = [
	{ name: 'phone', width: 320, height: 740 },
	{ name: 'desktop', width: 1280, height: 900 }
];

for (const size of sizes) {
	test(`home and a lesson fit a ${size.name} screen`, async ({ page }, info) => {
		await page.setViewportSize({ width: size.width, height: size.height });
		for (const route of ['/', '/lessons/what-is-coproduction']) {
			await page.goto(route);
			const overflow = await page.evaluate(
				() => document.documentElement.scrollWidth - document.documentElement.clientWidth
			);
			expect(overflow, `${route} scrolls sideways at ${size.width}px`).toBeLessThanOrEqual(0);
			const name = `${size.name}${route.replaceAll('/', '-') || '-home'}.png`;
			await page.screenshot({ path: info.outputPath(name), fullPage: true });
		}
	});
}
