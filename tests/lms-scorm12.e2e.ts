import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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
	writeReflection,
	type CmiData
} from './lms/sco';
import { contentPath, startTestLms } from './lms/test-lms';

// The SCORM 1.2 package in a test LMS: scorm-again's Scorm12API in the parent frame, the package's
// SCO in an iframe at a deep path, served from the zip by a plain file server.

const port = lmsPort(1, 'LMS_PORT');
const lms = `http://127.0.0.1:${port}`;
const { launch, lmsData, lmsLog, relaunchElsewhere } = scoHelpers(lms);

const served = servePackage('scorm12', port, startTestLms);

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

test('lesson 1 in the LMS: status, score, location, interactions; relaunch resumes at the same step with reflections', async ({
	page,
	browser
}) => {
	const sco = await launch(page);
	await expect(sco.locator('[data-lms-notice]')).toHaveCount(0);
	expect((await lmsData(page)).core.lesson_status).toBe('incomplete');
	const wrongId = await mostOfLessonOne(sco);

	await expect.poll(async () => Object.keys((await lmsData(page)).interactions).length).toBe(5);
	const cmi = await lmsData(page);
	expect(cmi.core.lesson_status).toBe('incomplete');
	// Course score: mean of each lesson's best quiz score, untaken quizzes 0 → 80 / 7.
	expect(cmi.core.score).toMatchObject({ raw: String(Math.round(80 / 7)), min: '0', max: '100' });
	expect(cmi.core.lesson_location).toMatch(new RegExp(`^${lessonOne}#[a-z-]+$`));
	const interactions = Object.values(cmi.interactions) as Row[];
	for (const i of interactions)
		expect(i.id).toMatch(new RegExp(`^${lessonOne}\\.check\\.[a-z0-9-]+$`));
	expect(interactions.filter((i) => i.result === 'correct')).toHaveLength(4);
	const wrong = interactions.find((i) => i.id.endsWith(`.${wrongId}`))!;
	expect(wrong.result).toBe('wrong');
	expect(wrong.student_response).not.toBe(wrong.correct_responses['0'].pattern);
	for (const i of interactions) {
		expect(i.type).toMatch(/^(choice|true-false)$/);
		expect(i.student_response).toMatch(i.type === 'true-false' ? /^[tf]$/ : /^[a-z](,[a-z])*$/);
		expect(i.time).toMatch(/^\d\d:\d\d:\d\d$/);
	}
	expect(cmi.suspend_data.length).toBeLessThanOrEqual(4096);
	await expect
		.poll(
			async () =>
				suspended((await lmsData(page)).suspend_data).reflections[`${lessonOne}/reflect-encounter`]
					?.text
		)
		.toBe(words(30, 'encounter'));

	// Close the SCO: one LMSFinish, exit suspend, a session time.
	await page.evaluate(() => (window as never as { closeSco(): void }).closeSco());
	await expect.poll(async () => (await lmsLog(page)).finishes).toBe(1);
	const closed = await lmsData(page);
	expect(closed.core.exit).toBe('suspend');
	expect(closed.core.session_time).toMatch(/^\d{2,4}:\d\d:\d\d(\.\d{1,2})?$/);
	expect(closed.core.session_time).not.toMatch(/^0+:00:00(\.0+)?$/);
	const step = cmiLocation(closed);

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
		// No answer is recorded twice: the five interactions are still five.
		expect(Object.keys((await lmsData(other)).interactions)).toHaveLength(5);
	});
});

const cmiLocation = (cmi: CmiData['cmi']) => String(cmi.core.lesson_location).split('#')[1];

test('the whole course with 150-word reflections fits 4,096 characters; the learner is told where the rest are kept', async ({
	page,
	browser
}) => {
	const lessons = readLessons();
	const version = JSON.parse(readFileSync('lessons/course.json', 'utf8')).version as string;
	const sources = lessons.map((l) => readFileSync(l.path, 'utf8'));
	const full = fullCourse(lessons, correctIds, sources, { version });
	// The learner did the whole course in this browser (the LMS copy is empty, as after a dropped commit).
	await page.goto(`${lms}/pluginfile.php/none`);
	await page.evaluate(
		([k, v]) => localStorage.setItem(k, v),
		[mirrorKey('learner-2'), JSON.stringify(full)]
	);
	const sco = await launch(page, { learner: 'learner-2' });

	await expect.poll(async () => (await lmsData(page)).core.lesson_status).toBe('passed');
	const cmi = await lmsData(page);
	expect(cmi.core.score.raw).toBe('100');
	expect(cmi.core.exit).toBe('');
	const log = await lmsLog(page);
	expect(log.maxSuspend).toBeLessThanOrEqual(4096);
	expect(cmi.suspend_data.length).toBeLessThanOrEqual(4096);
	const inLms = suspended(cmi.suspend_data);
	expect(inLms.progress).toEqual(full.progress);
	expect(inLms.answers).toEqual(full.answers);
	const keptInLms = Object.keys(inLms.reflections);
	expect(keptInLms.length + inLms.omitted.length).toBe(Object.keys(full.reflections).length);
	console.info(
		`suspend_data ${cmi.suspend_data.length} chars; ${keptInLms.length} reflections inside, ${inLms.omitted.length} kept in the browser`
	);

	// Told plainly, once, where the other reflections are, and the journal download has every word.
	const notice = sco.locator('[data-lms-notice="kept-here"]');
	await expect(notice).toContainText('kept in this browser, on this computer');
	await notice.getByRole('link', { name: 'Download your journal' }).click();
	const download = page.waitForEvent('download');
	await sco.getByRole('button', { name: 'Download as Markdown' }).click();
	const markdown = readFileSync(await (await download).path(), 'utf8');
	// The journal writes the learner's text as inert Markdown (syntax characters escaped), so
	// compare with the escapes read back, as a Markdown viewer shows them.
	const shown = markdown.replace(/\\([\\`*_[\]{}<>#|~&+=.)-])/g, '$1');
	for (const { text } of Object.values(full.reflections)) expect(shown).toContain(text.trim());

	// On another computer: progress and scores are there, and the learner is told where the rest are.
	await page.evaluate(() => (window as never as { closeSco(): void }).closeSco());
	await expect.poll(async () => (await lmsLog(page)).finishes).toBe(1);
	await relaunchElsewhere(browser, await lmsData(page), async (_, other) => {
		await expect(other.locator('[data-lms-notice="kept-elsewhere"]')).toContainText(
			'kept in the browser of the computer where you wrote'
		);
		await expect(other.getByText(/7 of 7 lessons|complete/i).first()).toBeVisible();
	});
});

test('an LMS whose commit returns false: a calm notice, the learner keeps working, and it is sent once the LMS answers', async ({
	page
}) => {
	const sco = await launch(page, { learner: 'learner-3', commit: 'fail' });
	await sco.getByRole('link', { name: 'Start the course' }).first().click();
	await section(sco, 'why-it-matters').getByRole('button', { name: 'Continue' }).click();
	await expect(sco.locator('[data-lms-notice="lost"]')).toContainText('Carry on');
	await section(sco, 'service-not-product').getByRole('button', { name: 'Continue' }).click();
	await expect(
		section(sco, readLessons()[0].steps[2].id).getByRole('button', { name: 'Continue' })
	).toBeEnabled();
	expect((await lmsLog(page)).refused).toBeGreaterThan(0);
	// Kept in the browser meanwhile, under this learner's id (once the debounced save runs).
	await expect
		.poll(() =>
			page.evaluate(
				([k, lesson]) => JSON.parse(localStorage.getItem(k) ?? 'null')?.progress?.[lesson]?.done,
				[mirrorKey('learner-3'), lessonOne] as const
			)
		)
		.toEqual(['why-it-matters', 'service-not-product']);

	await page.evaluate(() => ((window as never as { failCommits: boolean }).failCommits = false));
	await expect(sco.locator('[data-lms-notice="lost"]')).toHaveCount(0, { timeout: 15_000 });
	expect((await lmsLog(page)).commits).toBeGreaterThan(0);
	const data = suspended((await lmsData(page)).suspend_data);
	expect(data.progress[lessonOne].done).toEqual(['why-it-matters', 'service-not-product']);
});

test('outside an LMS the package is the plain course and says so once', async ({ page }) => {
	await page.goto(`${lms}${contentPath}index.html`);
	await page.locator('html[data-progress="ready"]').waitFor({ state: 'attached' });
	await expect(page.locator('[data-lms-notice="plain"]')).toContainText(
		'No learning system (LMS) found'
	);
	await page.reload();
	await page.locator('html[data-progress="ready"]').waitFor({ state: 'attached' });
	await expect(page.locator('[data-lms-notice]')).toHaveCount(0);
	// Pages are folders with an index.html, so a plain file server serves every address.
	await page.getByRole('link', { name: 'Start the course' }).first().click();
	await expect(page).toHaveURL(new RegExp(`${contentPath}lessons/${lessonOne}/`));
	await page.reload();
	await expect(page.locator('section#why-it-matters')).toBeVisible();
});

test('the zip: a manifest valid against the schemas it ships, and no service worker (none in the zip, none registered in the LMS)', async ({
	page
}) => {
	expect(await manifestErrors(served.files, '1.2')).toEqual([]);
	expectNoWorkerFiles(served.files);
	await watchRegistrations(page);
	const sco = await launch(page, { learner: 'learner-4' });
	await sco.getByRole('link', { name: 'Start the course' }).first().click();
	await expect(sco.locator('section#why-it-matters')).toBeVisible();
	await page.waitForLoadState('networkidle');
	const frame = page.frames().find((f) => f.url().includes(contentPath));
	await expectNoWorkerAtRuntime(frame!);
});

test('the web app (./build) carries none of the LMS code: the adapter and its notice are package-only', () => {
	const dir = join(process.env.BUILD_DIR ?? 'build', 'client', '_app');
	const scripts = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) =>
		f.endsWith('.js')
	);
	expect(scripts.length).toBeGreaterThan(10);
	const withLms = scripts.filter((f) =>
		/quiz-key\.json|No learning system|cmi\.suspend_data|LMS\.LaunchData/.test(
			readFileSync(join(dir, f), 'utf8')
		)
	);
	expect(withLms).toEqual([]);
});

test('facilitator pages stay in the package; with no live server configured, "Start a live session" is absent', async ({
	page
}) => {
	await page.goto(`${lms}${contentPath}facilitate/${lessonOne}/`);
	await expect(page.getByRole('link', { name: 'Presenter view' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Start a live session' })).toHaveCount(0);
	await page.goto(`${lms}${contentPath}facilitate/`);
	await expect(page.getByText('Live sessions need the course’s own server')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Joining a session as a participant?' })).toHaveCount(
		0
	);
});
