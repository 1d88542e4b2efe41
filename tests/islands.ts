import { expect, type Locator } from '@playwright/test';

/**
 * Scrolls to `scope` as a learner would, then waits until the lesson blocks in or around it have
 * their code. Quizzes, readings, reflections, videos, the explainer and the case load as the learner
 * nears them (src/lib/components/lesson/island/): until then they are their prerendered HTML, which
 * shows nothing of saved progress and does not yet respond.
 */
export async function reach(scope: Locator) {
	await scope.scrollIntoViewIfNeeded();
	await expect(scope.locator('[data-island]:not([data-ready])')).toHaveCount(0);
	await expect(
		scope.locator('xpath=ancestor-or-self::*[@data-island][not(@data-ready)]')
	).toHaveCount(0);
}
