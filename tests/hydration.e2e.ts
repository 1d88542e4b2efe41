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

// A lesson's prose reaches the browser once on first load, as HTML (content/lesson-prose.js):
// hydration adopts it, and the body's code carries only what it needs to draw it again later.
test('a lesson body hydrates its prose from the HTML and draws it again after client navigation', async ({
	page
}) => {
	const [first, second] = readLessons();
	const scripts: string[] = [];
	page.on('response', async (response) => {
		if (response.request().resourceType() === 'script') scripts.push(await response.text());
	});
	const problems = hydrationProblems(page);
	const firstParagraph = page.locator(`[data-lesson-body="${first.slug}"] .step > p`).first();
	await page.goto(`/lessons/${first.slug}`);
	await page.waitForLoadState('networkidle');
	const opening = ((await firstParagraph.textContent()) ?? '').split('\n')[0];
	expect(opening.length).toBeGreaterThan(30);
	expect(scripts.length).toBeGreaterThan(3);
	expect(scripts.filter((s) => s.includes(opening))).toEqual([]);

	// Client navigation: the next body is drawn in the browser, prose and all.
	const escaped = second.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	await page
		.getByRole('navigation', { name: 'Lessons' })
		.getByRole('link', { name: new RegExp(escaped) })
		.click();
	await expect(page).toHaveURL(new RegExp(`/lessons/${second.slug}`));
	await expect(page.locator(`[data-lesson-body="${second.slug}"] .step > p`).first()).toHaveText(
		/\w{3,}/
	);
	// And back: the first body is drawn from its own prose, loaded now, not from the page it replaced.
	await page.goBack();
	await expect(firstParagraph).toContainText(opening);
	expect(problems).toEqual([]);
});
