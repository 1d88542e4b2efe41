import { expect, test } from '@playwright/test';

test('the home page lists every lesson with its time and objectives', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Coproduction of Healthcare');
	await expect(page.getByText(/lessons · about/)).toBeVisible();
	const cards = page.locator('.lesson-card');
	expect(await cards.count()).toBeGreaterThanOrEqual(2);
	await expect(cards.first()).toContainText('Healthcare as a coproduced service');
	await expect(cards.first()).toContainText(/About \d+ minutes/);
	await cards.first().getByText('Learning objectives').click();
	await expect(
		cards.first().getByText(/^Explain why healthcare is not a product handed over/)
	).toBeVisible();
});

test('a lesson page has its steps, and prev/next links walk the course', async ({ page }) => {
	await page.goto('/lessons/what-is-coproduction');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Healthcare as a coproduced service'
	);
	const steps = page.getByRole('navigation', { name: 'Steps in this lesson' });
	await steps.getByRole('link', { name: /Not a product, and not only a service/ }).click();
	await expect(page).toHaveURL(/#service-not-product$/);
	await expect(page.locator('#service-not-product')).toBeInViewport();

	await page.getByRole('link', { name: /Next lesson/ }).click();
	await expect(page).toHaveURL(/\/lessons\/the-sandwich$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Making a sandwich together');
	await page.getByRole('link', { name: /Previous lesson/ }).click();
	await expect(page).toHaveURL(/\/lessons\/what-is-coproduction$/);
});

test('an unknown lesson is a 404 with a way back', async ({ page }) => {
	const response = await page.goto('/lessons/no-such-lesson');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('link', { name: /course home/i })).toBeVisible();
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the lesson text is there', async ({ page }) => {
		await page.goto('/lessons/what-is-coproduction');
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expect(
			page.getByText('unlike goods, services are always coproduced', { exact: true })
		).toBeVisible();
		await expect(page.locator('section.step')).toHaveCount(7);
	});
});
