import { expect, test, type Page } from '@playwright/test';

// Moving to another page in the browser loads that page's stylesheets before its code runs
// (the preload helper in config/client-size.js): nothing shows unstyled, and a stylesheet that
// fails is reported as Vite reports it and the lesson still arrives with it.

const cssRequests = (page: Page) => {
	const paths: string[] = [];
	page.on('request', (request) => {
		const { pathname } = new URL(request.url());
		if (pathname.endsWith('.css')) paths.push(pathname);
	});
	return paths;
};

const appliedSheets = (page: Page) =>
	page.evaluate(() =>
		[...document.styleSheets]
			.filter((sheet) => sheet.href)
			.map((sheet) => ({ path: new URL(sheet.href!).pathname, rules: sheet.cssRules.length }))
	);

async function startTheCourse(page: Page) {
	await page.getByRole('link', { name: 'Start the course' }).first().click();
	await expect(page).toHaveURL(/\/lessons\/what-is-coproduction\/?$/);
}

test('home to lesson 1 in the browser: the lesson’s stylesheets load once each and apply', async ({
	page
}) => {
	await page.goto('/', { waitUntil: 'networkidle' });
	const requested = cssRequests(page);
	await startTheCourse(page);
	await expect(page.locator('[data-step]').first()).toBeVisible();
	expect(requested.length).toBeGreaterThan(0);
	expect(new Set(requested).size).toBe(requested.length);
	const sheets = await appliedSheets(page);
	for (const path of requested)
		expect(sheets.find((s) => s.path === path)?.rules, path).toBeGreaterThan(0);
});

test('a stylesheet that fails is reported with vite:preloadError, and the lesson still arrives styled', async ({
	page
}) => {
	await page.goto('/', { waitUntil: 'networkidle' });
	await page.evaluate(() => {
		(window as unknown as { preloadErrors: number }).preloadErrors = 0;
		window.addEventListener('vite:preloadError', () => {
			(window as unknown as { preloadErrors: number }).preloadErrors++;
		});
	});
	let failed = '';
	await page.route(
		'**/*.css',
		(route) => {
			failed = new URL(route.request().url()).pathname;
			return route.abort();
		},
		{ times: 1 }
	);
	await page.getByRole('link', { name: 'Start the course' }).first().click();
	await expect
		.poll(() => page.evaluate(() => (window as unknown as { preloadErrors: number }).preloadErrors))
		.toBe(1);
	expect(failed).not.toBe('');
	// SvelteKit then loads the lesson as a whole page, which brings the stylesheet with it.
	await expect(page).toHaveURL(/\/lessons\/what-is-coproduction\/?$/);
	await expect(page.locator('[data-step]').first()).toBeVisible();
	await expect
		.poll(async () => (await appliedSheets(page)).find((s) => s.path === failed)?.rules ?? 0)
		.toBeGreaterThan(0);
});
