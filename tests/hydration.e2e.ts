import { expect, test, type Page } from '@playwright/test';
import { readLessons } from './course';
import { reach } from './islands';
import { discoverRoutes } from './routes';

// Hydration must take the prerendered HTML as it is. When it cannot, Svelte logs a warning (in a
// production build, a link to svelte.dev/e/hydration_mismatch and friends) and renders the part
// again: the page still works, but blocks flash and lose what the learner had focused. Lesson blocks
// hydrate on their own as islands (src/lib/components/lesson/island/), so a Svelte upgrade that
// changes what they rely on shows up here first.

/** Console warnings and errors, and uncaught errors, that speak of hydration, from now on. */
function hydrationProblems(page: Page): string[] {
	const problems: string[] = [];
	const about = /hydrat|svelte\.dev\/e\//i;
	page.on('console', (message) => {
		if (['warning', 'error'].includes(message.type()) && about.test(message.text()))
			problems.push(`${page.url()}: ${message.text()}`);
	});
	page.on('pageerror', (error) => {
		if (about.test(String(error))) problems.push(`${page.url()}: ${error}`);
	});
	return problems;
}

/** Scrolls a lesson to its end the way a reader does, so every island on it loads and hydrates. */
async function readToTheEnd(page: Page) {
	const islands = page.locator('[data-island]');
	for (let i = 0; i < (await islands.count()); i++) await reach(islands.nth(i));
	await expect(page.locator('[data-island]:not([data-ready])')).toHaveCount(0);
}

test('no page logs a hydration warning or mismatch', async ({ page }) => {
	test.setTimeout(180_000);
	const routes = await discoverRoutes(page);
	const problems = hydrationProblems(page);
	for (const route of routes) {
		await page.goto(route);
		await page.waitForLoadState('networkidle');
	}
	expect(problems).toEqual([]);
});

test('a lesson read to the end hydrates every block without a warning', async ({ page }) => {
	test.setTimeout(180_000);
	const problems = hydrationProblems(page);
	for (const lesson of readLessons()) {
		await page.goto(`/lessons/${lesson.slug}`);
		await page.locator('html[data-progress="ready"]').waitFor({ state: 'attached' });
		await readToTheEnd(page);
	}
	expect(problems).toEqual([]);
});

test('a lesson reached by client-side navigation renders every block without a warning', async ({
	page
}) => {
	const [first, second] = readLessons();
	const problems = hydrationProblems(page);
	await page.goto(`/lessons/${first.slug}`);
	await page.locator('html[data-progress="ready"]').waitFor({ state: 'attached' });
	await readToTheEnd(page);
	await page.getByRole('link', { name: /^Next lesson/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(second.title);
	await readToTheEnd(page);
	expect(problems).toEqual([]);
});
