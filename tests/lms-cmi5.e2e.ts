import { expect, test, type Browser, type FrameLocator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';
import { fullCourse } from '../src/lib/lms/fixtures/full-course';
import { readLessons } from './course';
import { reach } from './islands';
import { expectNoWorkerFiles } from './lms/no-worker';
import {
	correctIds,
	lessonOne,
	mirrorKey,
	mostOfLessonOne,
	section,
	words,
	writeReflection
} from './lms/sco';
import { lmsPort, servePackage } from './lms/serve';
import { contentPath } from './lms/test-lms';
import {
	cmi5Category,
	masteryExtension,
	moveOnCategory,
	sessionIdExtension,
	startTestLrs,
	type Statement
} from './lms/test-lrs.js';

// The cmi5 package launched by a test LMS whose LRS runs in the test process (tests/lms/test-lrs.js):
// the AU in a frame at a deep path, its statements validated and checked against cmi5's rules,
// its progress in the xAPI State API.

const port = lmsPort(3, 'LMS_PORT_CMI5');
const origin = `http://127.0.0.1:${port}`;
const served = servePackage('cmi5', port, startTestLrs);
const lrs = () => served.server.lrs;
const course = JSON.parse(readFileSync('lessons/course.json', 'utf8')) as {
	passMark: number;
	version: string;
};
const progressState = 'urn:coproduction-course:state:progress';

async function launch(
	page: Page,
	query: {
		registration: string;
		learner?: string;
		moveOn?: string;
		mastery?: string;
		launchMode?: string;
		lrs?: 'cross';
	}
) {
	await page.goto(`${origin}/launch.html?${new URLSearchParams(query)}`);
	const au = page.frameLocator('iframe[title="Course"]');
	await au.locator('html[data-progress="ready"]').waitFor({ state: 'attached' });
	return au;
}
async function close(page: Page) {
	await page.evaluate(() => (window as never as { closeAu(): void }).closeAu());
}
async function elsewhere(browser: Browser, check: (page: Page) => Promise<void>) {
	const context = await browser.newContext();
	try {
		await check(await context.newPage());
	} finally {
		await context.close();
	}
}

const verb = (s: Statement) => String(s.verb.id).split('/').pop();
const verbsOf = (registration: string) => lrs().statementsOf(registration).map(verb);
const sessionsOf = (registration: string) =>
	lrs().sessions.filter((s) => s.registration === registration);
const categories = (s: Statement): string[] =>
	(s.context.contextActivities?.category ?? []).map((a: { id: string }) => a.id);
const saved = (registration: string) => lrs().stateOf(registration, progressState);

/** Each session: initialized first, terminated last, one token fetch; and no rule broken. */
function expectSessionsKeptTheRules(registration: string) {
	expect(lrs().errors).toEqual([]);
	for (const session of sessionsOf(registration)) {
		const list = session.statements.map(verb);
		expect(list[0]).toBe('initialized');
		expect(list.at(-1)).toBe('terminated');
		expect(list.filter((v) => v === 'terminated')).toHaveLength(1);
		expect(session.fetches).toBe(1);
		for (const s of session.statements) {
			expect(s.context.registration).toBe(registration);
			expect(s.context.extensions[sessionIdExtension]).toBe(session.id);
		}
	}
}

test('the zip: cmi5.xml at the root, valid against the cmi5 course structure schema, one AU at index.html; no service worker', async () => {
	const files = served.files;
	const xml = new TextDecoder().decode(files.get('cmi5.xml'));
	const result = await validateXML({
		xml: [{ fileName: 'cmi5.xml', contents: xml }],
		schema: [
			{
				fileName: 'CourseStructure.xsd',
				contents: readFileSync('src/lib/lms/schemas/cmi5/CourseStructure.xsd', 'utf8')
			}
		]
	});
	expect(result.errors.map((e) => e.message)).toEqual([]);
	expect(result.valid).toBe(true);
	expect(xml.match(/<au /g)).toHaveLength(1);
	expect(xml).toContain('moveOn="CompletedAndPassed"');
	expect(xml).toContain(`masteryScore="${(course.passMark / 100).toFixed(2)}"`);
	expect(lrs().course.auUrl).toBe('index.html');
	expect(files.has('index.html')).toBe(true);
	expect(files.has('imsmanifest.xml')).toBe(false);
	expectNoWorkerFiles(files);
});

test('lesson 1 launched from the LMS: initialized, one answered statement per question, terminated last; relaunched with the same registration it resumes at the same step with reflections from the State API, and lesson 1 is completed', async ({
	page,
	browser
}) => {
	const registration = 'a1b2c3d4-0000-4000-8000-000000000001';
	const au = await launch(page, { registration });
	await expect(au.locator('[data-lms-notice]')).toHaveCount(0);
	await expect.poll(() => verbsOf(registration)).toEqual(['initialized']);
	const wrongId = await mostOfLessonOne(au);

	await expect.poll(() => verbsOf(registration).filter((v) => v === 'answered').length).toBe(5);
	const answered = lrs()
		.statementsOf(registration)
		.filter((s) => verb(s) === 'answered');
	for (const s of answered) {
		expect(s.object.id).toMatch(new RegExp(`/question/${lessonOne}\\.check\\.[a-z0-9-]+$`));
		expect(s.object.definition.type).toBe('http://adlnet.gov/expapi/activities/cmi.interaction');
		expect(s.object.definition.interactionType).toMatch(/^(choice|true-false)$/);
		// cmi5 "allowed" statements: the context template, no cmi5 or moveon category.
		expect(categories(s)).not.toContain(cmi5Category);
		expect(categories(s)).not.toContain(moveOnCategory);
		expect(s.context.contextActivities.grouping).toEqual([{ id: lrs().course.auId }]);
	}
	expect(answered.filter((s) => s.result.success)).toHaveLength(4);
	const wrong = answered.find((s) => s.object.id.endsWith(`.${wrongId}`))!;
	expect(wrong.result.success).toBe(false);
	expect(wrong.result.response).not.toBe(wrong.object.definition.correctResponsesPattern[0]);
	const initialized = lrs().statementsOf(registration)[0];
	expect(categories(initialized)).toContain(cmi5Category);
	expect(categories(initialized)).not.toContain(moveOnCategory);

	// The progress envelope is in the State API, reflections and all.
	await expect
		.poll(
			() => saved(registration)?.progress?.reflections?.[`${lessonOne}/reflect-encounter`]?.text
		)
		.toBe(words(30, 'encounter'));
	// Most of one lesson of seven: the course is neither completed nor judged.
	expect(verbsOf(registration)).not.toContain('completed');
	expect(verbsOf(registration)).not.toContain('passed');

	await close(page);
	await expect.poll(() => verbsOf(registration).at(-1)).toBe('terminated');
	const step = saved(registration).progress.progress[lessonOne].at as string;
	expectSessionsKeptTheRules(registration);

	// Relaunched with the same registration on another computer (no browser copy).
	await elsewhere(browser, async (other) => {
		const otherAu = await launch(other, { registration });
		await expect
			.poll(() => sessionsOf(registration)[1]?.statements.map(verb))
			.toEqual(['initialized']);
		await otherAu
			.getByRole('link', { name: /Continue/ })
			.first()
			.click();
		await expect(otherAu.locator(`section#${step}`)).toBeInViewport();
		await reach(otherAu.locator('section#reflect-encounter'));
		await expect(otherAu.locator('section#reflect-encounter textarea')).toHaveValue(
			words(30, 'encounter')
		);
		// The last step completes lesson 1, in the State API.
		await writeReflection(otherAu, 'reflect-outcomes', words(25, 'outcome'));
		await expect
			.poll(() => saved(registration)?.progress?.progress?.[lessonOne]?.complete)
			.toBe(true);
		await close(other);
		await expect
			.poll(() => sessionsOf(registration)[1].statements.map(verb).at(-1))
			.toBe('terminated');
	});
	// No answer is sent twice.
	expect(verbsOf(registration).filter((v) => v === 'answered')).toHaveLength(5);
	expectSessionsKeptTheRules(registration);
});

const fullCourseEnvelope = () => {
	const lessons = readLessons();
	const sources = lessons.map((l) => readFileSync(l.path, 'utf8'));
	return fullCourse(lessons, correctIds, sources, { version: course.version });
};

test('the whole course: completed once and passed with the scaled score and the mastery score, in the moveon category; a relaunch sends neither again', async ({
	page,
	browser
}) => {
	const registration = 'a1b2c3d4-0000-4000-8000-000000000002';
	const full = fullCourseEnvelope();
	// The learner did the whole course in this browser (the LRS has nothing yet, as after an outage).
	await page.goto(`${origin}${contentPath}none`);
	await page.evaluate(
		([k, v]) => localStorage.setItem(k, v),
		[mirrorKey('learner-2'), JSON.stringify(full)]
	);
	await launch(page, { registration, learner: 'learner-2' });
	await expect.poll(() => verbsOf(registration)).toContain('passed');
	const list = lrs().statementsOf(registration);
	const completed = list.filter((s) => verb(s) === 'completed');
	expect(completed).toHaveLength(1);
	expect(completed[0].result).toMatchObject({ completion: true });
	expect(completed[0].result.duration).toMatch(/^PT/);
	const passed = list.find((s) => verb(s) === 'passed')!;
	expect(passed.result).toMatchObject({
		success: true,
		score: { scaled: 1, raw: 100, min: 0, max: 100 }
	});
	expect(passed.context.extensions[masteryExtension]).toBe(course.passMark / 100);
	for (const s of [completed[0], passed]) {
		expect(categories(s)).toContain(cmi5Category);
		expect(categories(s)).toContain(moveOnCategory);
	}
	expect(list.map(verb)).not.toContain('failed');
	// Every question of every quiz, once.
	const questions = Object.values(full.answers).reduce(
		(n, q) => n + Object.keys(q.answers).length,
		0
	);
	expect(list.filter((s) => verb(s) === 'answered')).toHaveLength(questions);
	await expect
		.poll(() => saved(registration)?.sent)
		.toMatchObject({ completed: true, passed: true });
	await close(page);
	await expect.poll(() => verbsOf(registration).at(-1)).toBe('terminated');

	await elsewhere(browser, async (other) => {
		await launch(other, { registration, learner: 'learner-2' });
		await expect(
			other
				.frameLocator('iframe[title="Course"]')
				.getByText(/7 of 7 lessons|complete/i)
				.first()
		).toBeVisible();
		await expect.poll(() => sessionsOf(registration)[1]?.statements.length).toBe(1);
		await close(other);
		await expect
			.poll(() => sessionsOf(registration)[1].statements.map(verb))
			.toEqual(['initialized', 'terminated']);
	});
	expectSessionsKeptTheRules(registration);
});

test('moveOn Completed with no mastery score: the finished course is completed, never judged passed or failed', async ({
	page
}) => {
	const registration = 'a1b2c3d4-0000-4000-8000-000000000005';
	await page.goto(`${origin}${contentPath}none`);
	await page.evaluate(
		([k, v]) => localStorage.setItem(k, v),
		[mirrorKey('learner-5'), JSON.stringify(fullCourseEnvelope())]
	);
	await launch(page, { registration, learner: 'learner-5', moveOn: 'Completed', mastery: 'none' });
	await expect.poll(() => verbsOf(registration)).toContain('completed');
	await expect.poll(() => saved(registration)?.sent?.completed).toBe(true);
	await close(page);
	await expect.poll(() => verbsOf(registration).at(-1)).toBe('terminated');
	expect(verbsOf(registration)).not.toContain('passed');
	expect(verbsOf(registration)).not.toContain('failed');
	expectSessionsKeptTheRules(registration);
});

test('the whole course below the mastery score: failed with its score, not passed; in Browse mode neither completed nor judged', async ({
	page,
	browser
}) => {
	const registration = 'a1b2c3d4-0000-4000-8000-000000000006';
	const low = fullCourseEnvelope();
	for (const quiz of Object.values(low.answers)) Object.assign(quiz, { score: 50, best: 50 });
	await page.goto(`${origin}${contentPath}none`);
	await page.evaluate(
		([k, v]) => localStorage.setItem(k, v),
		[mirrorKey('learner-6'), JSON.stringify(low)]
	);
	await launch(page, { registration, learner: 'learner-6' });
	await expect.poll(() => verbsOf(registration)).toContain('failed');
	const failed = lrs()
		.statementsOf(registration)
		.find((s) => verb(s) === 'failed')!;
	expect(failed.result).toMatchObject({ success: false, score: { scaled: 0.5, raw: 50 } });
	expect(failed.context.extensions[masteryExtension]).toBe(course.passMark / 100);
	expect(categories(failed)).toContain(moveOnCategory);
	await close(page);
	await expect.poll(() => verbsOf(registration).at(-1)).toBe('terminated');
	expect(verbsOf(registration)).not.toContain('passed');
	expect(verbsOf(registration).filter((v) => v === 'completed')).toHaveLength(1);
	expectSessionsKeptTheRules(registration);

	const browsing = 'a1b2c3d4-0000-4000-8000-000000000007';
	await elsewhere(browser, async (other) => {
		await other.goto(`${origin}${contentPath}none`);
		await other.evaluate(
			([k, v]) => localStorage.setItem(k, v),
			[mirrorKey('learner-7'), JSON.stringify(fullCourseEnvelope())]
		);
		await launch(other, { registration: browsing, learner: 'learner-7', launchMode: 'Browse' });
		await expect.poll(() => saved(browsing)?.progress?.progress?.[lessonOne]?.complete).toBe(true);
		await close(other);
		await expect.poll(() => verbsOf(browsing).at(-1)).toBe('terminated');
	});
	expect(verbsOf(browsing).filter((v) => v !== 'answered')).toEqual(['initialized', 'terminated']);
	expectSessionsKeptTheRules(browsing);
});

test('an LRS that rejects statements and state: a calm notice, the learner keeps working, nothing is lost, and it is all sent on retry', async ({
	page
}) => {
	const registration = 'a1b2c3d4-0000-4000-8000-000000000003';
	const au: FrameLocator = await launch(page, { registration, learner: 'learner-3' });
	await expect.poll(() => verbsOf(registration)).toEqual(['initialized']);
	lrs().rejectStatements = true;
	lrs().rejectState = true;
	const wrongId = await mostOfLessonOne(au);
	await expect(au.locator('[data-lms-notice="lost"]')).toContainText('Carry on');
	await section(au, 'reflect-outcomes').scrollIntoViewIfNeeded();
	expect(lrs().rejected).toBeGreaterThan(0);
	expect(verbsOf(registration)).toEqual(['initialized']);
	// Kept in the browser meanwhile, under this learner's id.
	await expect
		.poll(() =>
			page.evaluate(
				([k, key]) => JSON.parse(localStorage.getItem(k) ?? 'null')?.reflections?.[key]?.text,
				[mirrorKey('learner-3'), `${lessonOne}/reflect-encounter`] as const
			)
		)
		.toBe(words(30, 'encounter'));

	lrs().rejectStatements = false;
	lrs().rejectState = false;
	await expect(au.locator('[data-lms-notice="lost"]')).toHaveCount(0, { timeout: 20_000 });
	await expect
		.poll(() => verbsOf(registration).filter((v) => v === 'answered').length, { timeout: 20_000 })
		.toBe(5);
	const wrong = lrs()
		.statementsOf(registration)
		.find((s) => verb(s) === 'answered' && s.object.id.endsWith(`.${wrongId}`))!;
	expect(wrong.result.success).toBe(false);
	await expect
		.poll(
			() => saved(registration)?.progress?.reflections?.[`${lessonOne}/reflect-encounter`]?.text
		)
		.toBe(words(30, 'encounter'));
	await close(page);
	await expect.poll(() => verbsOf(registration).at(-1)).toBe('terminated');
	expectSessionsKeptTheRules(registration);
});

test('a reload inside the AU (at a lesson address, after terminated): no statement follows terminated, progress still reaches the State API, no second token fetch', async ({
	page
}) => {
	const registration = 'a1b2c3d4-0000-4000-8000-000000000004';
	const au = await launch(page, { registration, learner: 'learner-4' });
	await au.getByRole('link', { name: 'Start the course' }).first().click();
	await section(au, 'why-it-matters').getByRole('button', { name: 'Continue' }).click();
	await expect
		.poll(() => saved(registration)?.progress?.progress?.[lessonOne]?.done)
		.toEqual(['why-it-matters']);
	const frame = page.frames().find((f) => f.url().includes(`${contentPath}lessons/`))!;
	expect(frame.url()).not.toContain('registration=');
	await frame.evaluate(() => location.reload());
	await au.locator('html[data-progress="ready"]').waitFor({ state: 'attached' });
	await expect(au.locator('[data-lms-notice]')).toHaveCount(0);
	await expect.poll(() => verbsOf(registration)).toEqual(['initialized', 'terminated']);
	await section(au, 'service-not-product').getByRole('button', { name: 'Continue' }).click();
	await expect
		.poll(() => saved(registration)?.progress?.progress?.[lessonOne]?.done)
		.toEqual(['why-it-matters', 'service-not-product']);
	await close(page);
	expect(verbsOf(registration)).toEqual(['initialized', 'terminated']);
	expectSessionsKeptTheRules(registration);
});

test('an LRS on another origin (CORS): token, launch data, statements and state reach it, terminated too when the AU is closed', async ({
	page
}) => {
	const registration = 'a1b2c3d4-0000-4000-8000-000000000008';
	const au = await launch(page, { registration, learner: 'learner-8', lrs: 'cross' });
	await expect(au.locator('[data-lms-notice]')).toHaveCount(0);
	await mostOfLessonOne(au);
	await expect.poll(() => verbsOf(registration).filter((v) => v === 'answered').length).toBe(5);
	await expect
		.poll(
			() => saved(registration)?.progress?.reflections?.[`${lessonOne}/reflect-encounter`]?.text
		)
		.toBe(words(30, 'encounter'));
	expect(lrs().preflights).toBeGreaterThan(0);
	await close(page);
	await expect.poll(() => verbsOf(registration).at(-1)).toBe('terminated');
	expectSessionsKeptTheRules(registration);
});

test('outside an LMS (no launch parameters) the package is the plain course and says so', async ({
	page
}) => {
	await page.goto(`${origin}${contentPath}index.html`);
	await page.locator('html[data-progress="ready"]').waitFor({ state: 'attached' });
	await expect(page.locator('[data-lms-notice="plain"]')).toContainText(
		'No learning system (LMS) found'
	);
});
