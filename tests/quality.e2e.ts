// Quality gates that hold for the whole course, whatever its content: every page axe-clean and
// 320 px wide without sideways scrolling, every lesson readable without JavaScript, and the whole
// course completable with the keyboard alone. Expectations come from the lesson files themselves.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import {
	componentIds,
	proseSample,
	readJson,
	readLessons,
	stepBody,
	type QuestionMeta,
	type Reference
} from './course';
import { shownQuestions } from './quiz';
import { discoverRoutes } from './routes';

const lessons = readLessons();

test.describe('every page', () => {
	// No timings: the time allowed grows with the number of pages (axe can take seconds a page on a
	// busy 2-core machine).
	test.describe.configure({ timeout: 120_000 });

	test('has no axe violations', async ({ page }) => {
		const routes = await discoverRoutes(page);
		test.setTimeout(60_000 + routes.length * 45_000);
		const violations: Record<string, string[]> = {};
		for (const route of routes) {
			await page.goto(route);
			const results = await new AxeBuilder({ page }).analyze();
			if (results.violations.length)
				violations[route] = results.violations.map(
					(v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
				);
		}
		expect(violations).toEqual({});
	});

	test('fits a 320 px screen without scrolling sideways', async ({ page }) => {
		const routes = await discoverRoutes(page);
		await page.setViewportSize({ width: 320, height: 740 });
		const overflowing: Record<string, number> = {};
		for (const route of routes) {
			await page.goto(route);
			const overflow = await page.evaluate(
				() => document.documentElement.scrollWidth - document.documentElement.clientWidth
			);
			if (overflow > 0) overflowing[route] = overflow;
		}
		expect(overflowing, 'pixels each page scrolls sideways at 320 px').toEqual({});
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });
	const references = new Map(readJson<Reference[]>('references.json').map((r) => [r.id, r]));
	const videos = new Map(readJson<Reference[]>('videos.json').map((v) => [v.id, v]));

	for (const lesson of lessons) {
		test(`lesson "${lesson.slug}" shows its text, readings, videos and quiz questions`, async ({
			page
		}) => {
			await page.goto(`/lessons/${lesson.slug}`);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(lesson.title);
			for (const step of lesson.steps) {
				const section = page.locator(`section#${step.id}`);
				await expect(section.getByRole('heading', { level: 2 })).toContainText(step.title);
				const markdown = stepBody(lesson, step.id);
				const sample = proseSample(markdown);
				if (sample) await expect(section, `prose of step ${step.id}`).toContainText(sample);
				for (const id of componentIds(markdown, 'Reading')) {
					const reading = references.get(id);
					expect(reading, `${lesson.path}: <Reading id="${id}">`).toBeDefined();
					await expect(section).toContainText(reading?.title ?? id);
				}
				for (const id of componentIds(markdown, 'Video')) {
					const video = videos.get(id);
					expect(video, `${lesson.path}: <Video id="${id}">`).toBeDefined();
					await expect(section).toContainText(video?.title ?? id);
				}
				if (step.kind === 'quiz')
					for (const question of await shownQuestions(section, lesson, step.id))
						await expectQuestion(section, question);
				if (step.kind === 'reflect')
					await expect(section.getByRole('textbox', { name: step.prompt })).toBeVisible();
			}
		});
	}
});

/** A question is its prompt with one labelled native input per option. */
async function expectQuestion(section: Locator, question: QuestionMeta) {
	const group = section.getByRole('group', { name: question.prompt });
	await expect(group, `question ${question.id}`).toBeVisible();
	if (question.type === 'truefalse') {
		await expect(group.getByRole('radio', { name: 'True', exact: true })).toBeVisible();
		await expect(group.getByRole('radio', { name: 'False', exact: true })).toBeVisible();
		return;
	}
	const role = question.type === 'multiple' ? 'checkbox' : 'radio';
	for (const option of question.options)
		await expect(group.getByRole(role, { name: option.text, exact: true })).toBeVisible();
}

test.describe('with the keyboard alone', () => {
	test('a learner completes the whole course: every step, quiz and reflection', async ({
		page
	}) => {
		test.setTimeout(300_000);
		await page.goto('/');
		await tabTo(page, page.getByRole('link', { name: lessons[0].title }).first());
		await page.keyboard.press('Enter');

		for (const [n, lesson] of lessons.entries()) {
			await expect(page).toHaveURL(new RegExp(`/lessons/${lesson.slug}(#.*)?$`));
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(lesson.title);
			for (const step of lesson.steps) {
				const section = page.locator(`section#${step.id}`);
				if (step.kind === 'quiz') {
					for (const question of await shownQuestions(section, lesson, step.id))
						await answer(page, section, question);
					await tabTo(page, section.getByRole('button', { name: 'Submit answers' }));
					await page.keyboard.press('Enter');
					await expect(section, `${lesson.slug} quiz`).toContainText('Passed.');
				}
				if (step.kind === 'reflect') {
					await tabTo(page, section.getByRole('textbox', { name: step.prompt }));
					await page.keyboard.type(reflection(step.minWords ?? 20));
				}
				// An explore step is done by its activity; a keyboard run through the course skips it.
				const button = section.getByRole('button', {
					name: step.kind === 'explore' ? /^Skip “/ : /^(Continue|Mark as read)$/
				});
				// A reflection saves on blur; the step then offers Continue (unless it is the last step).
				if (step.kind === 'reflect') await page.keyboard.press('Tab');
				if (step === lesson.steps.at(-1) && (step.kind === 'quiz' || step.kind === 'reflect')) {
					await expect(section).toHaveAttribute('data-status', 'done');
					continue;
				}
				await tabTo(page, button);
				await page.keyboard.press('Enter');
				await expect(section).toHaveAttribute('data-status', 'done');
			}
			await expect(page.getByText('You have completed this lesson')).toBeVisible();

			const next = lessons[n + 1];
			if (!next) break;
			await tabTo(page, page.getByRole('link', { name: /^Next lesson/ }));
			await page.keyboard.press('Enter');
		}

		await tabTo(page, page.getByRole('link', { name: /Back to the course home/ }));
		await page.keyboard.press('Enter');
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		for (const lesson of lessons)
			await expect(
				page.locator('.lesson-card', { hasText: lesson.title }),
				`${lesson.slug} on the home page`
			).toContainText('Complete');
	});
});

/** Enough plain words to count as a reflection. */
function reflection(minWords: number): string {
	const words =
		'I asked what mattered to her this week and we agreed one change she could manage'.split(' ');
	return Array.from({ length: minWords + 5 }, (_, i) => words[i % words.length]).join(' ');
}

/** Chooses the correct answers of one question with Tab, arrow keys and Space. */
async function answer(page: Page, section: Locator, question: QuestionMeta) {
	const group = section.getByRole('group', { name: question.prompt });
	if (question.type === 'multiple') {
		for (const option of question.options.filter((o) => o.correct)) {
			await tabTo(page, group.getByRole('checkbox', { name: option.text, exact: true }));
			await page.keyboard.press('Space');
		}
		return;
	}
	const label =
		question.type === 'truefalse'
			? question.answer
				? 'True'
				: 'False'
			: (question.options.find((o) => o.correct)?.text ?? '');
	const target = group.getByRole('radio', { name: label, exact: true });
	// A radio group is one Tab stop; the arrow keys move through it and check what they land on.
	await tabTo(page, group.getByRole('radio'), { within: group });
	const count = await group.getByRole('radio').count();
	for (let i = 0; i <= count && !(await isFocused(target)); i++)
		await page.keyboard.press('ArrowDown');
	await expect(target).toBeFocused();
	if (!(await target.isChecked())) await page.keyboard.press('Space');
	await expect(target).toBeChecked();
}

async function isFocused(target: Locator): Promise<boolean> {
	return target.evaluate((el) => el === document.activeElement);
}

/**
 * Presses Tab (or Shift+Tab when the target lies before the focus) until `target` — or, with
 * `within`, anything matching `target` inside that container — has the focus. Never clicks.
 */
async function tabTo(
	page: Page,
	target: Locator,
	options: { within?: Locator; max?: number } = {}
) {
	const { within, max = 400 } = options;
	const anchor = within ?? target.first();
	await expect(anchor).toBeVisible();
	const focused = () =>
		within
			? within.evaluate(
					(el) => el.contains(document.activeElement) && el !== document.activeElement
				)
			: isFocused(target);
	for (let i = 0; i < max; i++) {
		if (await focused()) return;
		const before = await anchor.evaluate((el) => {
			const active = document.activeElement;
			if (!active || active === document.body) return false;
			return Boolean(el.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING);
		});
		await page.keyboard.press(before ? 'Shift+Tab' : 'Tab');
	}
	throw new Error(`could not reach ${target} with Tab in ${max} presses`);
}
