// What the SCORM end-to-end tests share: launching the package in the test LMS (test-lms.ts),
// reading what the LMS stored, and working through lesson 1 in the SCO's frame.
import { expect, type Browser, type FrameLocator, type Page } from '@playwright/test';
import { inflateRawSync } from 'node:zlib';
import type { QuestionMeta } from '../course';
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

/** Lesson 1 up to its last step: three readings, the quiz (4 of 5 right) and one reflection. */
export async function mostOfLessonOne(sco: FrameLocator) {
	await sco.getByRole('link', { name: 'Start the course' }).click();
	await expect(section(sco, 'why-it-matters')).toBeVisible();
	for (const id of ['why-it-matters', 'service-not-product', 'outcomes-live-in-people']) {
		await section(sco, id).scrollIntoViewIfNeeded();
		await section(sco, id).getByRole('button', { name: 'Continue' }).click();
	}
	const quiz = section(sco, 'check');
	await reach(quiz);
	// One wrong answer (the true/false), four right: 80%, above the pass mark.
	for (const name of [
		'always coproduced',
		'Either a product or a service',
		'professional development (learning)',
		'False'
	])
		await quiz.getByRole('radio', { name, exact: false }).first().check();
	for (const name of [
		'Healthcare professionals',
		'Patients and their families',
		'Researchers, payers'
	])
		await quiz.getByRole('checkbox', { name, exact: false }).check();
	await quiz.getByRole('button', { name: 'Submit answers' }).click();
	await expect(quiz).toContainText('80');
	await writeReflection(sco, 'reflect-encounter', words(30, 'encounter'));
}

export function correctIds(q: QuestionMeta): string[] {
	if (q.type === 'truefalse') return [String(q.answer)];
	return q.options.filter((o) => o.correct).map((o) => o.id);
}
