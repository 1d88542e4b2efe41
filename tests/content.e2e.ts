import AxeBuilder from '@axe-core/playwright';
import { readdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { reach } from './islands';

// The course's own interactions: the sandwich explainer and the heart-failure case, by keyboard and
// by mouse, plus axe over every lesson page and the pages that list the course's sources.

const explainer = (page: Page) => page.getByRole('region', { name: 'Sandwich explainer' });

/** Tabs forward until a button whose text starts with `name` has focus, then presses Enter. */
async function pressByKeyboard(page: Page, name: string) {
	for (let i = 0; i < 40; i++) {
		await page.keyboard.press('Tab');
		const text = await page.evaluate(() =>
			document.activeElement?.tagName === 'BUTTON' ? document.activeElement.textContent : null
		);
		if (text?.trim().startsWith(name)) {
			await page.keyboard.press('Enter');
			return;
		}
	}
	throw new Error(`No button "${name}" reached by Tab`);
}

async function expectNoAxeViolations(page: Page, where: string) {
	const results = await new AxeBuilder({ page }).analyze();
	expect(results.violations, `${where}: ${JSON.stringify(results.violations, null, 2)}`).toEqual(
		[]
	);
}

test('the sandwich explainer can be completed by keyboard alone', async ({ page }) => {
	await page.goto('/lessons/the-sandwich');
	const box = explainer(page);
	await expect(box.getByRole('heading', { name: /what do you need today/ })).toBeVisible();
	await page.locator('#two-ways').focus();

	await pressByKeyboard(page, 'I can’t have dairy');
	await expect(box.getByRole('heading', { name: 'How will you get lunch?' })).toBeFocused();
	await pressByKeyboard(page, 'Off the shelf');
	await pressByKeyboard(page, 'Cheese and pickle');
	await expect(box.getByRole('heading', { name: 'Your lunch, off the shelf' })).toBeFocused();
	await expect(box).toContainText('does not suit you, because you can’t have dairy');

	await pressByKeyboard(page, 'Now try the counter');
	await pressByKeyboard(page, 'Say what you need');
	await expect(box.getByText('Whose knowledge is needed')).toBeVisible();
	await pressByKeyboard(page, 'Next moment');
	await pressByKeyboard(page, 'Ask what you can’t eat');
	await pressByKeyboard(page, 'Next moment');
	await pressByKeyboard(page, 'Decide together');
	await pressByKeyboard(page, 'See your lunch');
	await expect(box.getByRole('heading', { name: 'Your lunch, from the counter' })).toBeFocused();
	await expect(box).toContainText('The sandwich suits you.');
	await expect(box.getByRole('status')).toHaveText('Explainer complete: you tried both ways.');

	await pressByKeyboard(page, 'Map it to a clinical encounter');
	await expect(
		box.getByRole('heading', { name: 'From the sandwich shop to the clinic' })
	).toBeFocused();
	await expect(box.getByRole('heading', { name: 'Value lives in the person' })).toBeVisible();
	await expectNoAxeViolations(page, 'explainer, clinic map');
});

test('the sandwich explainer by mouse: silence on both sides spoils lunch', async ({ page }) => {
	await page.goto('/lessons/the-sandwich');
	const box = explainer(page);
	await reach(box);
	await box.getByRole('button', { name: 'I need gluten-free bread' }).click();
	await box.getByRole('button', { name: /At the counter/ }).click();
	await box.getByRole('button', { name: 'Say “just the usual” and wait' }).click();
	await expect(box.getByRole('heading', { name: 'When either side is silent' })).toBeVisible();
	await box.getByRole('button', { name: 'Next moment' }).click();
	await box.getByRole('button', { name: 'Make the bestseller without asking' }).click();
	await box.getByRole('button', { name: 'Next moment' }).click();
	await box.getByRole('button', { name: 'Leave every decision to the maker' }).click();
	await box.getByRole('button', { name: 'See your lunch' }).click();
	await expect(box).toContainText('Neither of you said much');
	await expect(box).toContainText('It does not suit you, because you need gluten-free bread');
	await expectNoAxeViolations(page, 'explainer, counter result');

	await box.getByRole('button', { name: 'Now try the shelf' }).click();
	await box.getByRole('button', { name: 'Chicken salad on wholemeal' }).click();
	await expect(box.getByRole('status')).toHaveText('Explainer complete: you tried both ways.');
	await box.getByRole('button', { name: 'Map it to a clinical encounter' }).click();
	await expect(box.getByRole('listitem')).toHaveCount(6);
});

const casePaths = {
	together: [
		'Co-assess with Jo first',
		'Ask about money, food and housing',
		'Ask what worries Jo',
		'Co-design the plan with Jo'
	],
	managing: [
		'Co-assess with Jo first',
		'Ask about money, food and housing',
		'Record that Jo declined',
		'Add another service'
	],
	overloaded: [
		'Standard discharge',
		'Explain adherence again',
		'Arrange the visit anyway',
		'Add another service'
	]
};

for (const [ending, choices] of Object.entries(casePaths)) {
	test(`the heart-failure case reaches the "${ending}" ending`, async ({ page }) => {
		await page.goto('/lessons/equity-and-context');
		const box = page.getByRole('region', { name: /Living with heart failure/ });
		await reach(box);
		await expect(box.getByRole('note')).toContainText('composite');
		await expect(box).toContainText('Workload 5 of 10, capacity 5 of 10.');
		for (const [i, choice] of choices.entries()) {
			await box.getByRole('button', { name: new RegExp(`^${choice}`) }).click();
			await expect(box.getByRole('heading', { name: 'What happened' })).toBeVisible();
			await box
				.getByRole('button', { name: i < choices.length - 1 ? 'Next moment' : /See where/ })
				.click();
		}
		await expect(box.locator(`[data-ending="${ending}"]`)).toBeVisible();
		await expect(box.getByRole('heading', { level: 3 })).toBeFocused();
		await expect(box.getByRole('listitem')).toHaveCount(choices.length);
		await expectNoAxeViolations(page, `case ending ${ending}`);
	});
}

test('the case can be played by keyboard and started again', async ({ page }) => {
	await page.goto('/lessons/equity-and-context');
	await reach(page.locator('#case'));
	await page.locator('#case').focus();
	for (const choice of casePaths.together) {
		await pressByKeyboard(page, choice);
		await pressByKeyboard(page, choice === casePaths.together.at(-1) ? 'See where' : 'Next moment');
	}
	await expect(page.locator('[data-ending="together"]')).toBeVisible();
	await pressByKeyboard(page, 'Start the case again');
	await expect(page.getByRole('heading', { name: 'Going home from hospital' })).toBeFocused();
});

// Lesson folders on disk, so a new lesson is checked without editing this file.
const lessonRoutes = readdirSync('lessons', { withFileTypes: true })
	.filter((d) => d.isDirectory() && /^\d+-/.test(d.name))
	.map((d) => `/lessons/${d.name.replace(/^\d+-/, '')}`);

test('the course has seven lessons', () => {
	expect(lessonRoutes).toHaveLength(7);
});

for (const route of [...lessonRoutes, '/about', '/readings', '/glossary']) {
	test(`${route} has no axe violations`, async ({ page }) => {
		test.setTimeout(60_000);
		await page.goto(route);
		await expectNoAxeViolations(page, route);
	});
}

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the explainer and the case read as text', async ({ page }) => {
		await page.goto('/lessons/the-sandwich');
		await expect(page.getByRole('heading', { name: 'Way 1: off the shelf' })).toBeVisible();
		await expect(
			page.getByRole('heading', { name: 'From the sandwich shop to the clinic' })
		).toBeVisible();
		await page.goto('/lessons/equity-and-context');
		await expect(page.getByRole('note')).toContainText('composite');
		await expect(page.getByText('Standard discharge')).toBeVisible();
		await expect(page.getByRole('heading', { name: 'How the case can end' })).toBeVisible();
	});
});

for (const size of [
	{ name: 'phone', width: 320, height: 740 },
	{ name: 'desktop', width: 1280, height: 900 }
]) {
	test(`explainer and case fit a ${size.name} screen`, async ({ page }, info) => {
		await page.setViewportSize({ width: size.width, height: size.height });
		const fits = async (where: string) => {
			const overflow = await page.evaluate(
				() => document.documentElement.scrollWidth - document.documentElement.clientWidth
			);
			expect(overflow, `${where} scrolls sideways at ${size.width}px`).toBeLessThanOrEqual(0);
		};
		await page.goto('/lessons/the-sandwich');
		const box = explainer(page);
		await reach(box);
		await box.getByRole('button', { name: 'I can’t have dairy' }).click();
		await box.screenshot({ path: info.outputPath(`${size.name}-explainer-menu.png`) });
		await box.getByRole('button', { name: /At the counter/ }).click();
		await box.getByRole('button', { name: 'Say what you need and what you fancy' }).click();
		await fits('explainer moment');
		await box.screenshot({ path: info.outputPath(`${size.name}-explainer-moment.png`) });
		for (const label of ['Next moment', 'Ask what you can’t eat', 'Next moment', 'Decide together'])
			await box.getByRole('button', { name: new RegExp(`^${label}`) }).click();
		await box.getByRole('button', { name: 'See your lunch' }).click();
		await fits('explainer result');
		await box.screenshot({ path: info.outputPath(`${size.name}-explainer-result.png`) });

		await page.goto('/lessons/equity-and-context');
		const caseBox = page.getByRole('region', { name: /Living with heart failure/ });
		await reach(caseBox);
		await caseBox.getByRole('button', { name: /^Standard discharge/ }).click();
		await fits('case outcome');
		await caseBox.screenshot({ path: info.outputPath(`${size.name}-case-outcome.png`) });
		await caseBox.getByRole('button', { name: 'Next moment' }).click();
		await caseBox.getByRole('button', { name: /^Ask about money/ }).click();
		await caseBox.getByRole('button', { name: 'Next moment' }).click();
		await caseBox.getByRole('button', { name: /^Ask what worries Jo/ }).click();
		await caseBox.getByRole('button', { name: 'Next moment' }).click();
		await caseBox.getByRole('button', { name: /^Co-design the plan/ }).click();
		await caseBox.getByRole('button', { name: /See where/ }).click();
		await fits('case ending');
		await caseBox.screenshot({ path: info.outputPath(`${size.name}-case-ending.png`) });
	});
}
