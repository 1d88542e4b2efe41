import { chromium } from '@playwright/test';
const browser = await chromium.launch({
	executablePath: '/usr/bin/chromium',
	args: [
		'--headless',
		'--no-sandbox',
		'--disable-gpu',
		'--disable-quic',
		'--no-first-run',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync'
	]
});
for (const width of [320, 1280]) {
	const page = await browser.newPage({ viewport: { width, height: 900 } });
	await page.goto('http://127.0.0.1:4212/components');
	await page.waitForTimeout(500);
	await page.locator('#video-file').getByText('Transcript', { exact: true }).click();
	await page.locator('#terms button.term').first().click();
	for (const id of process.argv[2].split(',')) {
		await page.locator('#' + id).screenshot({ path: `/tmp/el-${width}-${id}.png` });
	}
}
await browser.close();
