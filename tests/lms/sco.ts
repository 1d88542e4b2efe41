// What the LMS end-to-end tests share (SCORM and cmi5): launching the package in the test LMS
// (test-lms.ts), reading what the LMS stored, and working through lesson 1 in the course's frame.
import { expect, type Browser, type FrameLocator, type Page } from '@playwright/test';
import { inflateRawSync } from 'node:zlib';
import { readLessons, type QuestionMeta } from '../course';
import { shownQuestions } from '../quiz';
import { reach } from '../islands';

export const mirrorKey = (learner: string) => `coproduction-course:progress:lms:${learner}`;
export const lessonOne = 'what-is-coproduction';

export type CmiData = { cmi: Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Helpers bound to one test LMS at `lms` (its origin). */
export function scoHelpers(lms: string) {
	async function launch(
		page: Page,
		{ learner = 'learner-1', saved, commit = 'ok' } = {} as {
			learner?: string;
			saved?: CmiData['cmi'];
			commit?: 'ok' | 'fail';
		}
	) {
		if (saved)
			await page.addInitScript(
				(cmi) => ((window as never as { __savedCmi: unknown }).__savedCmi = cmi),
				saved
			);
		await page.goto(`${lms}/player.html?learner=${learner}&commit=${commit}`);
		const sco = page.frameLocator('iframe[title="Course"]');
		await sco.locator('html[data-progress="ready"]').waitFor({ state: 'attached' });
		return sco;
	}

	const lmsData = (page: Page) =>
		page.evaluate(() => (window as never as { lmsData(): CmiData }).lmsData().cmi);
	const lmsLog = (page: Page) =>
		page.evaluate(() => (window as never as { lmsLog: Record<string, number> }).lmsLog);

	async function relaunchElsewhere(
		browser: Browser,
		saved: CmiData['cmi'],
		check: (page: Page, sco: FrameLocator) => Promise<void>
	) {
		const context = await browser.newContext();
		try {
			const page = await context.newPage();
			const sco = await launch(page, { saved });
			await check(page, sco);
		} finally {
			await context.close();
		}
	}
	return { launch, lmsData, lmsLog, relaunchElsewhere };
}

/** The envelope inside cmi.suspend_data (format B: base64 raw DEFLATE; J: plain JSON). */
export function suspended(text: string) {
	expect(text).toMatch(/^[BJ]/);
	const json = text.startsWith('J')
		? text.slice(1)
		: inflateRawSync(Buffer.from(text.slice(1), 'base64')).toString('utf8');
	return JSON.parse(json);
}

export const section = (sco: FrameLocator, id: string) => sco.locator(`section#${id}`);
export const words = (n: number, word: string) =>
	Array.from({ length: n }, (_, i) => `${word}${i % 7}`).join(' ');

export async function writeReflection(sco: FrameLocator, id: string, text: string) {
	await reach(section(sco, id));
	const box = section(sco, id).getByRole('textbox');
	await box.fill(text);
	await expect(section(sco, id)).toContainText('Saved');
}

/**
 * Lesson 1 up to its last step: its readings, the quiz (the first question shown answered wrong,
 * the rest right: 4 of 5, 80%) and one reflection. Returns the id of the question answered wrong.
 */
export async function mostOfLessonOne(sco: FrameLocator): Promise<string> {
	const lesson = readLessons()[0];
	await sco.getByRole('link', { name: 'Start the course' }).click();
	const quizAt = lesson.steps.findIndex((s) => s.kind === 'quiz');
	for (const step of lesson.steps.slice(0, quizAt)) {
		await section(sco, step.id).scrollIntoViewIfNeeded();
		await section(sco, step.id).getByRole('button', { name: 'Continue' }).click();
	}
	const stepId = lesson.steps[quizAt].id;
	const quiz = section(sco, stepId);
	await reach(quiz);
	const shown = await shownQuestions(quiz, lesson, stepId);
	for (const [i, question] of shown.entries()) {
		const options = correctIds(question);
		const all =
			question.type === 'truefalse' ? ['true', 'false'] : question.options.map((o) => o.id);
		const pick = i === 0 ? [all.find((id) => !options.includes(id))!] : options;
		for (const id of pick)
			await quiz.locator(`fieldset[id="${stepId}-${question.id}"] input[value="${id}"]`).check();
	}
	await quiz.getByRole('button', { name: 'Submit answers' }).click();
	await expect(quiz).toContainText('80');
	await writeReflection(sco, 'reflect-encounter', words(30, 'encounter'));
	return shown[0].id;
}

export function correctIds(q: QuestionMeta): string[] {
	if (q.type === 'truefalse') return [String(q.answer)];
	return q.options.filter((o) => o.correct).map((o) => o.id);
}
