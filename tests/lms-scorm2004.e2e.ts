import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fullCourse } from '../src/lib/lms/fixtures/full-course';
import { readLessons } from './course';
import { reach } from './islands';
import { manifestErrors } from './lms/manifest';
import { expectNoWorkerAtRuntime, expectNoWorkerFiles, watchRegistrations } from './lms/no-worker';
import { lmsPort, servePackage } from './lms/serve';
import {
	correctIds,
	lessonOne,
	mirrorKey,
	mostOfLessonOne,
	scoHelpers,
	section,
	suspended,
	words,
	writeReflection
} from './lms/sco';
import { contentPath, startTestLms } from './lms/test-lms';

// The SCORM 2004 4th edition package in a test LMS: scorm-again's Scorm2004API in the parent
// frame (window.API_1484_11), the package's SCO in an iframe at a deep path, served from the zip.

const port = lmsPort(2, 'LMS_PORT_2004');
const lms = `http://127.0.0.1:${port}`;
const { launch, lmsData, lmsLog, relaunchElsewhere } = scoHelpers(lms);
const passMark = JSON.parse(readFileSync('lessons/course.json', 'utf8')).passMark as number;

const served = servePackage('scorm2004', port, startTestLms);

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

test('the zip: a 2004 4th edition manifest valid against the schemas it ships, and no service worker', async ({
	page
}) => {
	expect(await manifestErrors(served.files, '2004')).toEqual([]);
	const manifest = new TextDecoder().decode(served.files.get('imsmanifest.xml'));
	expect(manifest).toContain('<schemaversion>2004 4th Edition</schemaversion>');
	for (const name of ['imscp_v1p1.xsd', 'adlcp_v1p3.xsd', 'adlseq_v1p3.xsd', 'imsss_v1p0.xsd'])
		expect(served.files.has(name)).toBe(true);
	expectNoWorkerFiles(served.files);
	await watchRegistrations(page);
	const sco = await launch(page, { learner: 'learner-4' });
	await sco.getByRole('link', { name: 'Start the course' }).first().click();
	await expect(sco.locator('section#why-it-matters')).toBeVisible();
	await page.waitForLoadState('networkidle');
	await expectNoWorkerAtRuntime(page.frames().find((f) => f.url().includes(contentPath))!);
});

test('lesson 1 in a 2004 LMS: completion, success, scaled score, progress, location, interactions; relaunch resumes', async ({
	page,
	browser
}) => {
	const sco = await launch(page);
	await expect(sco.locator('[data-lms-notice]')).toHaveCount(0);
	// The LMS gave the SCO the manifest's passing score.
	expect((await lmsData(page)).scaled_passing_score).toBe((passMark / 100).toFixed(2));
	expect((await lmsData(page)).completion_status).toBe('incomplete');
	const wrongId = await mostOfLessonOne(sco);

	await expect.poll(async () => Object.keys((await lmsData(page)).interactions).length).toBe(5);
	const cmi = await lmsData(page);
	expect(cmi.completion_status).toBe('incomplete');
	expect(cmi.success_status).toBe('unknown');
	// Course score: mean of each lesson's best quiz score, untaken quizzes 0 → 80 / 7.
	const raw = Math.round(80 / 7);
	expect(cmi.score).toMatchObject({
		raw: String(raw),
		min: '0',
		max: '100',
		scaled: String(raw / 100)
	});
	expect(Number(cmi.progress_measure)).toBeGreaterThan(0);
	expect(Number(cmi.progress_measure)).toBeLessThan(0.2);
	expect(cmi.location).toMatch(new RegExp(`^${lessonOne}#[a-z-]+$`));
	const interactions = Object.values(cmi.interactions) as Row[];
	for (const i of interactions) {
		expect(i.id).toMatch(new RegExp(`^${lessonOne}\\.check\\.[a-z0-9-]+$`));
		expect(i.description.length).toBeGreaterThan(10);
		expect(i.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
	}
	expect(interactions.filter((i) => i.result === 'correct')).toHaveLength(4);
	const wrong = interactions.find((i) => i.id.endsWith(`.${wrongId}`))!;
	expect(wrong.result).toBe('incorrect');
	expect(wrong.learner_response).not.toBe(wrong.correct_responses['0'].pattern);
	for (const i of interactions.filter((x) => x !== wrong)) {
		expect(i.learner_response).toBe(i.correct_responses['0'].pattern);
		expect(i.learner_response).toMatch(
			i.type === 'true-false' ? /^(true|false)$/ : /^[a-z0-9-]+(\[,\][a-z0-9-]+)*$/
		);
	}
	await expect
		.poll(
			async () =>
				suspended((await lmsData(page)).suspend_data).reflections[`${lessonOne}/reflect-encounter`]
					?.text
		)
		.toBe(words(30, 'encounter'));

	// Close the SCO: one Terminate, exit suspend, an ISO 8601 session time.
	await page.evaluate(() => (window as never as { closeSco(): void }).closeSco());
	await expect.poll(async () => (await lmsLog(page)).finishes).toBe(1);
	const closed = await lmsData(page);
	expect(closed.exit).toBe('suspend');
	expect(closed.session_time).toMatch(/^PT(\d+H)?(\d+M)?\d+(\.\d{1,2})?S$/);
	expect(closed.session_time).not.toBe('PT0S');
	const step = String(closed.location).split('#')[1];

	// Relaunch on another computer (no browser copy): everything comes from the LMS's data.
	await relaunchElsewhere(browser, closed, async (other, otherSco) => {
		await otherSco
			.getByRole('link', { name: /Continue/ })
			.first()
			.click();
		await expect(otherSco.locator(`section#${step}`)).toBeInViewport();
		await reach(otherSco.locator('section#reflect-encounter'));
		await expect(otherSco.locator('section#reflect-encounter textarea')).toHaveValue(
			words(30, 'encounter')
		);
		await writeReflection(otherSco, 'reflect-outcomes', words(25, 'outcome'));
		await expect
			.poll(
				async () => suspended((await lmsData(other)).suspend_data).progress[lessonOne]?.complete
			)
			.toBe(true);
		expect(Object.keys((await lmsData(other)).interactions)).toHaveLength(5);
	});
});

test('the whole course with 150-word reflections: every word fits 2004’s 64,000 characters; passed', async ({
	page
}) => {
	const lessons = readLessons();
	const version = JSON.parse(readFileSync('lessons/course.json', 'utf8')).version as string;
	const sources = lessons.map((l) => readFileSync(l.path, 'utf8'));
	const full = fullCourse(lessons, correctIds, sources, { version });
	await page.goto(`${lms}/pluginfile.php/none`);
	await page.evaluate(
		([k, v]) => localStorage.setItem(k, v),
		[mirrorKey('learner-2'), JSON.stringify(full)]
	);
	const sco = await launch(page, { learner: 'learner-2' });

	await expect.poll(async () => (await lmsData(page)).success_status).toBe('passed');
	const cmi = await lmsData(page);
	expect(cmi.completion_status).toBe('completed');
	expect(cmi.score).toMatchObject({ raw: '100', scaled: '1' });
	expect(cmi.progress_measure).toBe('1');
	expect((await lmsLog(page)).maxSuspend).toBeLessThanOrEqual(64_000);
	const inLms = suspended(cmi.suspend_data);
	expect(inLms.progress).toEqual(full.progress);
	expect(inLms.answers).toEqual(full.answers);
	expect(inLms.reflections).toEqual(full.reflections);
	expect(inLms.omitted).toEqual([]);
	console.info(`SCORM 2004 suspend_data ${cmi.suspend_data.length} chars, every reflection inside`);
	await expect(sco.locator('[data-lms-notice]')).toHaveCount(0);

	await page.evaluate(() => (window as never as { closeSco(): void }).closeSco());
	await expect.poll(async () => (await lmsLog(page)).finishes).toBe(1);
	expect((await lmsData(page)).exit).toBe('normal');
});

test('a 2004 LMS whose Commit returns false: a calm notice, and it is sent once the LMS answers', async ({
	page
}) => {
	const sco = await launch(page, { learner: 'learner-3', commit: 'fail' });
	await sco.getByRole('link', { name: 'Start the course' }).first().click();
	await section(sco, 'why-it-matters').getByRole('button', { name: 'Continue' }).click();
	await expect(sco.locator('[data-lms-notice="lost"]')).toContainText('Carry on');
	expect((await lmsLog(page)).refused).toBeGreaterThan(0);
	await page.evaluate(() => ((window as never as { failCommits: boolean }).failCommits = false));
	await expect(sco.locator('[data-lms-notice="lost"]')).toHaveCount(0, { timeout: 15_000 });
	await expect
		.poll(
			async () => {
				const text: string = (await lmsData(page)).suspend_data;
				return text ? suspended(text).progress[lessonOne]?.done : undefined;
			},
			{ timeout: 15_000 }
		)
		.toEqual(['why-it-matters']);
});

test('hiding the tab commits at once, without waiting for the next status change', async ({
	page
}) => {
	const sco = await launch(page, { learner: 'learner-5' });
	await sco.getByRole('link', { name: 'Start the course' }).first().click();
	await section(sco, 'why-it-matters').getByRole('button', { name: 'Continue' }).click();
	// The step reaches the LMS's data (SetValue) but, being no status change, waits to be committed.
	await expect
		.poll(async () => {
			const text: string = (await lmsData(page)).suspend_data;
			return text ? suspended(text).progress[lessonOne]?.done : undefined;
		})
		.toEqual(['why-it-matters']);
	const before = (await lmsLog(page)).commits;
	const frame = page.frames().find((f) => f.url().includes(contentPath))!;
	await frame.evaluate(() => {
		Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
		document.dispatchEvent(new Event('visibilitychange'));
	});
	// Well inside the adapter's 5 s settle delay.
	await expect
		.poll(async () => (await lmsLog(page)).commits, { timeout: 2000 })
		.toBeGreaterThan(before);
});
