import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { readLessons } from './course';
import { reach } from './islands';

// Progress through the real pages, in Chromium, against the production build.
const key = 'coproduction-course:progress';
const lessonOne = '/lessons/what-is-coproduction';

const stepList = (page: Page) => page.getByRole('navigation', { name: 'Steps in this lesson' });
const stepItem = (page: Page, id: string) =>
	stepList(page).locator('li', { has: page.locator(`a[href="#${id}"]`) });
const section = (page: Page, id: string) => page.locator(`section#${id}`);

async function stored(page: Page) {
	return page.evaluate((k) => {
		try {
			return JSON.parse(localStorage.getItem(k) ?? 'null');
		} catch {
			return null;
		}
	}, key);
}

/** Waits until the debounced write has happened and holds what `check` wants. */
async function expectStored(
	page: Page,
	check: (value: Awaited<ReturnType<typeof stored>>) => unknown
) {
	await expect.poll(async () => check(await stored(page))).toBeTruthy();
}

/** Opens a page and waits until stored progress is loaded and the page responds. */
async function open(page: Page, url: string) {
	await page.goto(url);
	await page.locator('html[data-progress="ready"]').waitFor({ state: 'attached' });
}

/** Writes the store from a page without the app on it, so no running session races the test. */
async function seedStore(page: Page, value: string) {
	await page.goto('/robots.txt');
	await page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, value]);
}

async function continueFrom(page: Page, id: string) {
	await section(page, id).getByRole('button', { name: 'Continue' }).click();
}

test('a new learner sees step 1 open, later steps locked with the reason, and no layout shift', async ({
	page
}) => {
	await open(page, lessonOne);
	await expect(stepItem(page, 'why-it-matters')).toHaveAttribute('aria-current', 'step');
	const locked = stepItem(page, 'service-not-product');
	await expect(locked).toContainText('Locked');
	// The reason is in the link's accessible name, for screen readers too.
	await expect(locked.getByRole('link')).toHaveAccessibleName(
		/Locked\W+Opens when you finish step 1, “Why this matters in clinic”/
	);
	await expect(section(page, 'check')).toContainText('Locked.');
	await expect(section(page, 'check')).toHaveAttribute('aria-describedby', 'check-lock');
	const shift = await page.evaluate(
		() =>
			new Promise<number>((resolve) => {
				let total = 0;
				new PerformanceObserver((list) => {
					for (const entry of list.getEntries() as PerformanceEntry[] & { value?: number }[])
						total += (entry as unknown as { value: number }).value;
				}).observe({ type: 'layout-shift', buffered: true });
				setTimeout(() => resolve(total), 500);
			})
	);
	expect(shift).toBeLessThan(0.01);
	expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});

test('Continue marks a step done, moves focus to the next step and survives a reload', async ({
	page
}) => {
	await open(page, lessonOne);
	await continueFrom(page, 'why-it-matters');
	await expect(section(page, 'service-not-product')).toBeFocused();
	await expect(stepItem(page, 'why-it-matters')).toContainText('Done');
	await expect(stepItem(page, 'service-not-product')).toHaveAttribute('aria-current', 'step');
	await continueFrom(page, 'service-not-product');
	await expect(section(page, 'roles-relationships-aims')).toBeFocused();
	await expect(page).toHaveURL(/#roles-relationships-aims$/);
	await expect(page.getByText('2 of 7 steps done')).toBeVisible();
	await expectStored(page, (v) => v?.progress?.['what-is-coproduction']?.done?.length === 2);

	await page.reload();
	await page.locator('html[data-progress="ready"]').waitFor({ state: 'attached' });
	await expect(page).toHaveURL(/#roles-relationships-aims$/);
	await expect(stepItem(page, 'roles-relationships-aims')).toHaveAttribute('aria-current', 'step');
	await expect(stepItem(page, 'service-not-product')).toContainText('Done');
});

test('leaving the page straight after a change still saves it (flush on pagehide)', async ({
	page
}) => {
	await page.clock.install();
	await open(page, lessonOne);
	// Stop the page's clock: the debounced write can now only happen through the pagehide flush.
	await page.clock.pauseAt(Date.now() + 60_000);
	await continueFrom(page, 'why-it-matters');
	await expect(stepItem(page, 'why-it-matters')).toContainText('Done');
	expect(await stored(page)).toBeNull();
	await page.goto('/robots.txt');
	expect((await stored(page))?.progress?.['what-is-coproduction']?.done).toEqual([
		'why-it-matters'
	]);
});

test('the home page continues at the exact step', async ({ page }) => {
	await open(page, '/');
	await expect(page.getByRole('link', { name: 'Start the course' })).toBeVisible();
	await open(page, lessonOne);
	await continueFrom(page, 'why-it-matters');
	await expectStored(page, (v) => v?.progress?.['what-is-coproduction']);
	await open(page, '/');
	const resume = page.getByRole('link', { name: 'Continue where you left off' });
	await expect(resume).toHaveAttribute(
		'href',
		/lessons\/what-is-coproduction#service-not-product$/
	);
	await expect(page.locator('#resume-where')).toContainText(
		'step 2, “Not a product, and not only a service”'
	);
	expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
	await resume.click();
	await expect(page).toHaveURL(/#service-not-product$/);
	await expect(page.locator('#service-not-product')).toBeInViewport();
});

test('two pages of one browser: progress in one appears in the other', async ({ context }) => {
	const a = await context.newPage();
	const b = await context.newPage();
	await open(a, lessonOne);
	await open(b, lessonOne);
	await continueFrom(a, 'why-it-matters');
	await expect(stepItem(b, 'why-it-matters')).toContainText('Done');
	await continueFrom(b, 'service-not-product');
	await expect(stepItem(a, 'service-not-product')).toContainText('Done');
	await expectStored(a, (v) => v?.progress?.['what-is-coproduction']?.done?.length === 2);
});

test('corrupt storage: the course loads, says so, and keeps the raw value under a backup key', async ({
	page
}) => {
	await seedStore(page, '{"schema":2,"progress":{oops');
	await open(page, lessonOne);
	await expect(page.locator('#progress-notice')).toContainText('could not be read');
	expect(await page.evaluate((k) => localStorage.getItem(`${k}:backup`), key)).toBe(
		'{"schema":2,"progress":{oops'
	);
	await continueFrom(page, 'why-it-matters');
	await expectStored(page, (v) => v?.schema === 2);
});

test('a wrong-shaped store keeps what can be salvaged', async ({ page }) => {
	await seedStore(
		page,
		JSON.stringify({
			schema: 2,
			course: 'old',
			seed: 'abc',
			progress: {
				'what-is-coproduction': {
					done: ['why-it-matters'],
					at: 'service-not-product',
					complete: false,
					t: 1
				},
				'the-sandwich': 'broken'
			},
			reflections: {},
			answers: {}
		})
	);
	await open(page, lessonOne);
	await expect(page.locator('#progress-notice')).toContainText('Part of your saved progress');
	await expect(stepItem(page, 'why-it-matters')).toContainText('Done');
});

test.describe('storage blocked', () => {
	test.beforeEach(async ({ page }) => {
		await page.addInitScript(() => {
			Storage.prototype.setItem = () => {
				throw new DOMException('blocked', 'SecurityError');
			};
		});
	});

	test('the course works for the session and says progress will not be kept', async ({ page }) => {
		await open(page, lessonOne);
		await expect(page.locator('#progress-notice')).toContainText('will not be kept');
		await continueFrom(page, 'why-it-matters');
		await expect(stepItem(page, 'why-it-matters')).toContainText('Done');
	});
});

test('the next lesson is locked until this one is complete, and says why', async ({ page }) => {
	await open(page, lessonOne);
	const next = page.getByRole('link', { name: /Next lesson/ });
	await expect(next).toHaveAccessibleDescription(/Locked until you complete this lesson/);
	await next.click();
	await expect(page.getByText('This lesson is locked.')).toBeVisible();
	expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
	await expect(section(page, 'introduction')).toContainText(
		'Complete lesson 1, “Healthcare as a coproduced service”, first: pass its quiz and save its 2 reflections.'
	);
	await expect(section(page, 'introduction').getByRole('button')).toHaveCount(0);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('every step reads in full, with no progress controls or lock notices', async ({ page }) => {
		await page.goto(lessonOne);
		await expect(
			page.getByText('unlike goods, services are always coproduced', { exact: true })
		).toBeVisible();
		await expect(page.getByText('Locked.').filter({ visible: true })).toHaveCount(0);
		await expect(page.getByRole('button', { name: 'Continue' })).toHaveCount(0); // hidden: not in the accessibility tree
		await page.goto('/');
		await expect(page.getByRole('link', { name: 'Start the course' })).toBeVisible();
	});
});

// These drive the Quiz and Reflection components: lesson one must have both.
async function needsComponents(page: Page) {
	await open(page, lessonOne);
	await expect(
		section(page, 'check').getByRole('button', { name: 'Submit answers' })
	).toBeVisible();
	await expect(section(page, 'reflect-encounter').getByRole('textbox')).toBeVisible();
}

const encounter = 'Think of an encounter that went well';
const outcomes =
	"Which of the outcomes your team measures are actually made in patients' daily lives";
const words = (n: number, word: string) => Array.from({ length: n }, () => word).join(' ');

async function answerQuiz(quiz: Locator, right: boolean) {
	// Right or wrong answers to the questions shown, read from lesson 1's file, not written out here.
	const step = readLessons()[0].steps.find((s) => s.kind === 'quiz');
	if (step?.kind !== 'quiz') throw new Error('lesson 1 has no quiz');
	for (const question of step.questions) {
		const group = quiz.getByRole('group', { name: question.prompt, exact: false });
		if ((await group.count()) === 0) continue; // not in this attempt's draw
		if (question.type === 'truefalse') {
			const pick = right === question.answer ? 'True' : 'False';
			await group.getByRole('radio', { name: pick }).check();
			continue;
		}
		const role = question.type === 'multiple' ? 'checkbox' : 'radio';
		const picks = right
			? question.options.filter((o) => o.correct)
			: [question.options.find((o) => !o.correct)!];
		for (const option of picks)
			await group.getByRole(role, { name: option.text, exact: true }).check();
	}
	await quiz.getByRole('button', { name: 'Submit answers' }).click();
}

async function readFirstSteps(page: Page) {
	for (const id of [
		'why-it-matters',
		'service-not-product',
		'roles-relationships-aims',
		'outcomes-live-in-people'
	])
		await continueFrom(page, id);
}

async function writeReflection(page: Page, prompt: string, text: string) {
	const box = page.getByRole('textbox', { name: new RegExp(prompt) });
	await box.fill(text);
	await expect(box.locator('xpath=ancestor::section[1]')).toContainText('Saved');
}

test('answer a quiz and type a reflection, reload mid-lesson: same step, same words', async ({
	page
}) => {
	await needsComponents(page);
	await readFirstSteps(page);
	await answerQuiz(section(page, 'check'), true);
	const text = words(30, 'together');
	await writeReflection(page, encounter, text);
	await expectStored(page, (v) => v?.reflections?.['what-is-coproduction/reflect-encounter']);
	await page.reload();
	await page.locator('html[data-progress="ready"]').waitFor({ state: 'attached' });
	await expect(page).toHaveURL(/#reflect-encounter$/);
	await expect(page.getByRole('textbox', { name: new RegExp(encounter) })).toHaveValue(text);
	await expect(stepItem(page, 'check')).toContainText('Done');
});

test('two pages: a reflection typed in one appears in the other, and neither loses text', async ({
	context
}) => {
	const a = await context.newPage();
	await needsComponents(a);
	await readFirstSteps(a);
	await answerQuiz(section(a, 'check'), true);
	const b = await context.newPage();
	await open(b, lessonOne);
	await writeReflection(a, encounter, words(30, 'alpha'));
	await reach(section(b, 'reflect-encounter'));
	await expect(b.getByRole('textbox', { name: new RegExp(encounter) })).toHaveValue(
		words(30, 'alpha')
	);
	await writeReflection(b, outcomes, words(25, 'beta'));
	await reach(section(a, 'reflect-outcomes'));
	await expect(a.getByRole('textbox', { name: new RegExp(outcomes) })).toHaveValue(
		words(25, 'beta')
	);
	await expectStored(a, (v) => {
		const r = v?.reflections ?? {};
		return (
			r['what-is-coproduction/reflect-encounter']?.text === words(30, 'alpha') &&
			r['what-is-coproduction/reflect-outcomes']?.text === words(25, 'beta')
		);
	});
});

test('complete a lesson, revisit it, fail the retake: still complete', async ({ page }) => {
	await needsComponents(page);
	await readFirstSteps(page);
	await answerQuiz(section(page, 'check'), true);
	await writeReflection(page, encounter, words(30, 'together'));
	await writeReflection(page, outcomes, words(25, 'outcomes'));
	await expect(page.getByText('You have completed this lesson.')).toBeVisible();
	await expect(page.getByText('1 of 7 lessons complete')).toBeVisible();

	await page.reload();
	await page.locator('html[data-progress="ready"]').waitFor({ state: 'attached' });
	const quiz = section(page, 'check');
	await reach(quiz);
	await quiz.getByRole('button', { name: 'Try again' }).click();
	await answerQuiz(quiz, false);
	await expectStored(page, (v) => v?.answers?.['what-is-coproduction/check']?.attempts === 2);
	await page.reload();
	await page.locator('html[data-progress="ready"]').waitFor({ state: 'attached' });
	await expect(page.getByText('You have completed this lesson.')).toBeVisible();
	await expect(page.getByText('1 of 7 lessons complete')).toBeVisible();
	const answers = (await stored(page)).answers['what-is-coproduction/check'];
	expect(answers).toMatchObject({ passed: false, everPassed: true, best: 100 });
});
