import { expect, test, type Page } from '@playwright/test';
import { readLessons } from './course';
import { reach } from './islands';
import { shownQuestions } from './quiz';

// Lesson blocks other than Step, Term and Callout are islands (src/lib/components/lesson/island/):
// prerendered in full, their code loads as the learner nears them.

const [first, second] = readLessons();

/** Script files the page requests from now on. */
function scriptsFrom(page: Page): string[] {
	const urls: string[] = [];
	page.on('request', (request) => {
		if (request.resourceType() === 'script') urls.push(request.url());
	});
	return urls;
}

test('a block below the fold loads its code on approach and hydrates its prerendered HTML', async ({
	page
}) => {
	await page.goto(`/lessons/${first.slug}`);
	await page.locator('html[data-progress="ready"]').waitFor({ state: 'attached' });
	await page.waitForLoadState('networkidle');
	const quizStep = first.steps.find((s) => s.kind === 'quiz');
	if (quizStep?.kind !== 'quiz') throw new Error(`${first.path}: no quiz step`);
	const quiz = page.locator(`section#${quizStep.id} [data-island="Quiz"]`);
	await expect(quiz).not.toHaveAttribute('data-ready');
	const [shown] = await shownQuestions(quiz, first, quizStep.id);
	await expect(quiz).toContainText(shown.prompt);
	// A mark on the prerendered form: hydration keeps the element, a fresh render would replace it.
	await quiz.locator('form').evaluate((form) => (form.dataset.prerendered = 'kept'));

	const later = scriptsFrom(page);
	await reach(page.locator(`section#${quizStep.id}`));
	expect(later.length, 'the quiz fetched its code when the learner reached it').toBeGreaterThan(0);
	await expect(quiz.locator('form')).toHaveAttribute('data-prerendered', 'kept');
	await expect(quiz.locator('form')).toHaveCount(1);
});

test('after moving to the next lesson in the page, blocks already loaded render at once, others on approach', async ({
	page
}) => {
	await page.goto(`/lessons/${first.slug}`);
	await page.locator('html[data-progress="ready"]').waitFor({ state: 'attached' });
	const firstQuiz = first.steps.find((s) => s.kind === 'quiz');
	if (!firstQuiz) throw new Error(`${first.path}: no quiz step`);
	await reach(page.locator(`section#${firstQuiz.id}`));
	await page.getByRole('link', { name: /^Next lesson/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(second.title);

	// The quiz's code came with lesson 1, so lesson 2's quiz is there without scrolling to it.
	const quizStep = second.steps.find((s) => s.kind === 'quiz');
	if (quizStep?.kind !== 'quiz') throw new Error(`${second.path}: no quiz step`);
	const quiz = page.locator(`section#${quizStep.id} [data-island="Quiz"]`);
	await expect(quiz).toHaveAttribute('data-ready', '');
	const [shown] = await shownQuestions(quiz, second, quizStep.id);
	await expect(quiz.getByRole('group', { name: shown.prompt })).toBeAttached();

	// The explainer's has not loaded yet: it renders as the learner nears it.
	const explainer = page.locator('[data-island="SandwichExplainer"]');
	await expect(explainer).not.toHaveAttribute('data-ready');
	await expect(explainer).toBeEmpty();
	await reach(explainer);
	await expect(explainer.getByRole('region', { name: 'Sandwich explainer' })).toBeVisible();
});
