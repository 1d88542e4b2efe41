import type { Page } from '@playwright/test';

/** Every page a learner can reach, discovered from the course home rather than listed by hand. */
export async function discoverRoutes(page: Page): Promise<string[]> {
	await page.goto('/');
	const hrefs = await page
		.locator('main a[href]')
		.evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
	const lessons = [...new Set(hrefs.filter((h) => h.startsWith('/lessons/')))];
	if (lessons.length === 0) throw new Error('No lesson links found on the home page');
	return ['/', ...lessons];
}
