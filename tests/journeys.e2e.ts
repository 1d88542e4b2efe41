import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

async function expectNoAxeViolations(page: Page, label: string) {
	const results = await new AxeBuilder({ page }).analyze();
	expect(results.violations, `${label}: ${JSON.stringify(results.violations, null, 2)}`).toEqual(
		[]
	);
}

/** Paths of every JavaScript file a page fetches while loading. */
async function scriptsLoadedBy(page: Page, path: string): Promise<Set<string>> {
	const files = new Set<string>();
	const listener = (response: { url(): string }) => {
		const url = new URL(response.url());
		if (url.pathname.endsWith('.js')) files.add(url.pathname);
	};
	page.on('response', listener);
	await page.goto(path, { waitUntil: 'networkidle' });
	page.off('response', listener);
	return files;
}

test.describe('search', () => {
	test('the header box finds a term that appears only in a reading’s key points', async ({
		page
	}) => {
		await page.goto('/lessons/the-sandwich');
		const header = page.getByRole('search', { name: 'Search the course' });
		await header.getByRole('searchbox').fill('distils');
		await header.getByRole('button', { name: 'Search' }).click();

		await expect(page).toHaveURL(/\/search\?q=distils$/);
		await expect(page.getByRole('status').filter({ hasText: /result/ })).toHaveText(
			'1 result for “distils”'
		);
		const result = page.locator('#search-results li');
		await expect(result).toHaveCount(1);
		await expect(result).toContainText('Reading');
		await expect(result).toContainText('Getting more health from healthcare');
		await expect(result.locator('mark')).toHaveText('Distils');
		await expect(result.getByRole('link')).toHaveAttribute('href', /readings#batalden-p-2018$/);
	});

	test('results are keyboard navigable and searching works offline once loaded', async ({
		page,
		context
	}) => {
		await page.goto('/search');
		const box = page.getByRole('searchbox', { name: /Search lessons, readings/ });
		await box.fill('sandwich');
		await expect(page).toHaveURL(/\?q=sandwich$/);
		const links = page.locator('#search-results a.result-link');
		await expect(links.first()).toBeVisible();
		expect(await links.count()).toBeGreaterThan(1);

		await box.press('ArrowDown');
		await expect(links.nth(0)).toBeFocused();
		await page.keyboard.press('ArrowDown');
		await expect(links.nth(1)).toBeFocused();
		await page.keyboard.press('ArrowUp');
		await page.keyboard.press('ArrowUp');
		await expect(box).toBeFocused();

		await context.setOffline(true);
		await box.fill('unceasing');
		await expect(links.first()).toContainText('Quality improvement');
		await context.setOffline(false);

		await box.press('ArrowDown');
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/\/glossary#quality-improvement$/);
	});

	test('a page that does not search loads none of the search code or index', async ({ page }) => {
		const searchFiles = await scriptsLoadedBy(page, '/search?q=coproduction');
		let indexRequested = false;
		page.on('request', (request) => {
			if (request.url().includes('/search/index.json')) indexRequested = true;
		});
		const lessonFiles = await scriptsLoadedBy(page, '/lessons/what-is-coproduction');
		const homeFiles = await scriptsLoadedBy(page, '/');
		const shared = new Set([...lessonFiles, ...homeFiles]);
		const searchOnly = [...searchFiles].filter((file) => !shared.has(file));
		expect(searchOnly.length, 'the search page has code of its own').toBeGreaterThan(0);
		for (const file of searchOnly) {
			expect(lessonFiles.has(file)).toBe(false);
			expect(homeFiles.has(file)).toBe(false);
		}
		expect(indexRequested).toBe(false);
	});

	test('the search page has no axe violations, with and without results', async ({ page }) => {
		await page.goto('/search');
		await expectNoAxeViolations(page, '/search');
		await page.goto('/search?q=coproduction');
		await expect(page.locator('#search-results li').first()).toBeVisible();
		await expectNoAxeViolations(page, '/search?q=coproduction');
	});
});
