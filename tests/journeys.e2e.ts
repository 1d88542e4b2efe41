import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { courseHours, readLessons } from './course';
import { reach } from './islands';
import { answerQuizFromFile, shownQuestions } from './quiz';

async function expectNoAxeViolations(page: Page, label: string) {
	const results = await new AxeBuilder({ page }).analyze();
	expect(results.violations, `${label}: ${JSON.stringify(results.violations, null, 2)}`).toEqual(
		[]
	);
}

/** Paths of every JavaScript file a page fetches while loading. */
async function scriptsLoadedBy(page: Page, path: string): Promise<Set<string>> {
	const files = new Set<string>();
	const listener = (response: { url(): string }) => {
		const url = new URL(response.url());
		if (url.pathname.endsWith('.js')) files.add(url.pathname);
	};
	page.on('response', listener);
	await page.goto(path, { waitUntil: 'networkidle' });
	page.off('response', listener);
	return files;
}

test.describe('search', () => {
	test('the header box finds a term that appears only in a reading’s key points', async ({
		page
	}) => {
		await page.goto('/lessons/the-sandwich');
		const header = page.getByRole('search', { name: 'Search the course' });
		await header.getByRole('searchbox').fill('distils');
		await header.getByRole('button', { name: 'Search' }).click();

		await expect(page).toHaveURL(/\/search\?q=distils$/);
		await expect(page.getByRole('status').filter({ hasText: /result/ })).toHaveText(
			'1 result for “distils”'
		);
		const result = page.locator('#search-results li');
		await expect(result).toHaveCount(1);
		await expect(result).toContainText('Reading');
		await expect(result).toContainText('Getting more health from healthcare');
		await expect(result.locator('mark')).toHaveText('Distils');
		await expect(result.getByRole('link')).toHaveAttribute('href', /readings#batalden-p-2018$/);
	});

	test('results are keyboard navigable and searching works offline once loaded', async ({
		page,
		context
	}) => {
		await page.goto('/search');
		const box = page.getByRole('searchbox', { name: /Search lessons, readings/ });
		await box.fill('sandwich');
		await expect(page).toHaveURL(/\?q=sandwich$/);
		const links = page.locator('#search-results a.result-link');
		await expect(links.first()).toBeVisible();
		expect(await links.count()).toBeGreaterThan(1);

		await box.press('ArrowDown');
		await expect(links.nth(0)).toBeFocused();
		await page.keyboard.press('ArrowDown');
		await expect(links.nth(1)).toBeFocused();
		await page.keyboard.press('ArrowUp');
		await page.keyboard.press('ArrowUp');
		await expect(box).toBeFocused();

		await context.setOffline(true);
		await box.fill('unceasing');
		await expect(links.first()).toContainText('Quality improvement');
		await context.setOffline(false);

		await box.press('ArrowDown');
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/\/glossary#quality-improvement$/);
	});

	test('a page that does not search loads none of the search code or index', async ({ page }) => {
		const searchFiles = await scriptsLoadedBy(page, '/search?q=coproduction');
		let indexRequested = false;
		page.on('request', (request) => {
			if (request.url().includes('/search/index.json')) indexRequested = true;
		});
		const lessonFiles = await scriptsLoadedBy(page, '/lessons/what-is-coproduction');
		const homeFiles = await scriptsLoadedBy(page, '/');
		const shared = new Set([...lessonFiles, ...homeFiles]);
		const searchOnly = [...searchFiles].filter((file) => !shared.has(file));
		expect(searchOnly.length, 'the search page has code of its own').toBeGreaterThan(0);
		for (const file of searchOnly) {
			expect(lessonFiles.has(file)).toBe(false);
			expect(homeFiles.has(file)).toBe(false);
		}
		expect(indexRequested).toBe(false);
	});

	test('the search page has no axe violations, with and without results', async ({ page }) => {
		await page.goto('/search');
		await expectNoAxeViolations(page, '/search');
		await page.goto('/search?q=coproduction');
		await expect(page.locator('#search-results li').first()).toBeVisible();
		await expectNoAxeViolations(page, '/search?q=coproduction');
	});
});

// ---- Seeding saved progress in the shape the progress store keeps (schema 2) ----

const progressKey = 'coproduction-course:progress';
const journeyKey = 'coproduction-course:journeys';
const day = (d: number, h = 10) => new Date(2026, 10, d, h).getTime();

// Seeds and expectations follow the lesson files, so adding a lesson or a step does not break them.
const lessons = readLessons();
const courseMeta = JSON.parse(readFileSync('lessons/course.json', 'utf8')) as { version: string };
const stepIds = (i: number) => lessons[i].steps.map((s) => s.id);
const lessonOneSteps = stepIds(0);

function quiz(best: number, t: number) {
	return {
		answers: {},
		score: best,
		best,
		attempts: 1,
		passed: best >= 75,
		everPassed: best >= 75,
		phase: 'feedback',
		t
	};
}

interface SeedEnvelope {
	schema: number;
	course: string;
	seed: string;
	progress: Record<string, { done: string[]; at: string; complete: boolean; t: number }>;
	reflections: Record<string, { text: string; t: number }>;
	answers: Record<string, ReturnType<typeof quiz>>;
}

/** Lesson 1 complete (quiz 100 %, both reflections), lesson 2 at its second step. */
function partlyDone(): SeedEnvelope {
	return {
		schema: 2,
		course: courseMeta.version,
		seed: 'e2eseed1',
		progress: {
			'what-is-coproduction': {
				done: lessonOneSteps,
				at: 'reflect-outcomes',
				complete: true,
				t: day(20)
			},
			'the-sandwich': { done: ['introduction'], at: 'watch', complete: false, t: day(21) }
		},
		reflections: {
			'what-is-coproduction/reflect-encounter': {
				text: 'The patient knew what her week looked like; I knew the options. We made the plan together and she kept to it.',
				t: day(20)
			},
			'what-is-coproduction/reflect-outcomes': {
				text: 'Most of what we measure lives in clinic, not in daily life. Breathlessness on the stairs is the one that matters.',
				t: day(20, 11)
			}
		},
		answers: { 'what-is-coproduction/check': quiz(100, day(20)) }
	};
}

/** Every lesson complete: lesson 2 with 75 %, the rest with 100 %, the last activity on the 24th. */
function allDone() {
	const envelope = partlyDone();
	lessons.slice(1).forEach((lesson, i) => {
		const ids = stepIds(i + 1);
		envelope.progress[lesson.slug] = {
			done: ids,
			at: ids[ids.length - 1],
			complete: true,
			t: day(24, 9 + i)
		};
		for (const step of lesson.steps) {
			if (step.kind === 'quiz')
				envelope.answers[`${lesson.slug}/${step.id}`] = quiz(i === 0 ? 75 : 100, day(24, 9 + i));
			if (step.kind === 'reflect')
				envelope.reflections[`${lesson.slug}/${step.id}`] = {
					text: 'Medication review is off the shelf today. The counter would be asking what the patient is willing to take, and what their week allows.',
					t: day(24, 9 + i)
				};
		}
	});
	return envelope;
}

/** Writes storage from a page without the app on it, so no running session races the seed. */
async function seed(page: Page, envelope: object, journey?: object) {
	await page.goto('/robots.txt');
	await page.evaluate(
		([pk, pv, jk, jv]) => {
			localStorage.clear();
			localStorage.setItem(pk!, pv!);
			if (jv) localStorage.setItem(jk!, jv);
		},
		[progressKey, JSON.stringify(envelope), journeyKey, journey ? JSON.stringify(journey) : null]
	);
}

/** Opens a page and waits until stored progress is on screen. */
async function open(page: Page, url: string) {
	await page.goto(url);
	await page.locator('html[data-progress="ready"]').waitFor({ state: 'attached' });
}

async function storedRaw(page: Page) {
	return page.evaluate(
		([pk, jk]) => ({ progress: localStorage.getItem(pk), journey: localStorage.getItem(jk) }),
		[progressKey, journeyKey]
	);
}

test.describe('dashboard and revisiting', () => {
	test('a first-time visitor sees the course introduction and no dashboard', async ({ page }) => {
		await open(page, '/');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Coproduction of Healthcare');
		await expect(page.getByRole('link', { name: 'Start the course' })).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Your progress' })).toHaveCount(0);
	});

	test('a partly done course shows the dashboard, and Continue goes to the exact step', async ({
		page
	}) => {
		await seed(page, partlyDone());
		await open(page, '/');
		const dashboard = page.getByRole('region', { name: 'Your progress' });
		await expect(dashboard).toContainText(`1 of ${lessons.length} lessons complete.`);
		await expect(dashboard).toContainText(/About \d+ minutes done and .+ left/);
		const rows = dashboard.locator('tbody tr');
		await expect(rows.nth(0)).toContainText('Complete');
		await expect(rows.nth(0)).toContainText('100%');
		await expect(rows.nth(0)).toContainText(/(\d+) of \1 min/);
		await expect(rows.nth(1)).toContainText(
			'In progress (next: step 2, “Watch: What is coproduction?”)'
		);
		await expect(rows.nth(1)).toContainText('—');
		await expect(page.getByRole('link', { name: 'Start the course' })).toBeHidden();
		await expect(page.getByRole('link', { name: /^Continue/ })).toHaveCount(1);
		await expectNoAxeViolations(page, 'home dashboard');

		await page.getByRole('link', { name: 'Continue where you left off' }).click();
		await expect(page).toHaveURL(/\/lessons\/the-sandwich#watch$/);
		await expect(page.locator('section#watch')).toBeInViewport();
		await expect(page.locator('section#watch')).toHaveAttribute('data-status', 'current');
	});

	test('a deep link on a first pass shows the step and where the guided path stands', async ({
		page
	}) => {
		await open(page, '/lessons/what-is-coproduction#check');
		const note = page.getByRole('complementary', { name: 'Where you are in this lesson' });
		await expect(note).toContainText('You came straight to step 5, “Check your understanding”.');
		await expect(note).toContainText('you are at step 1, “Why this matters in clinic”');
		const firstQuiz = lessons[0].steps.find((s) => s.kind === 'quiz');
		if (firstQuiz?.kind !== 'quiz') throw new Error('lesson 1 has no quiz');
		const [shown] = await shownQuestions(page.locator('section#check'), lessons[0], firstQuiz.id);
		await expect(page.locator('section#check')).toContainText(shown.prompt);
		await expectNoAxeViolations(page, 'deep link');
		await note.getByRole('link', { name: 'Go to step 1' }).click();
		await expect(page.locator('section#why-it-matters')).toBeInViewport();
	});

	test('a completed lesson opens in review; a failed retake keeps completion and best score', async ({
		page
	}) => {
		await seed(page, partlyDone());
		await open(page, '/lessons/what-is-coproduction#check');
		await expect(page.getByText('You have completed this lesson.')).toBeVisible();
		await expect(
			page.getByRole('complementary', { name: 'Where you are in this lesson' })
		).toHaveCount(0);
		// Earlier reflections are shown in review.
		await reach(page.locator('section#reflect-encounter'));
		await expect(page.locator('section#reflect-encounter textarea')).toHaveValue(
			/The patient knew what her week looked like/
		);
		const check = page.locator('section#check');
		await reach(check);
		await check.getByRole('button', { name: 'Try again' }).click();
		// A wrong answer to every question drawn, read from the lesson file.
		await answerQuizFromFile(check, lessons[0], 'check', false);
		await expect(check).toContainText('0%');

		await open(page, '/');
		const first = page.getByRole('region', { name: 'Your progress' }).locator('tbody tr').first();
		await expect(first).toContainText('Complete');
		await expect(first).toContainText('100%');
	});
});

test.describe('journal and reflective account', () => {
	test('a reflection is edited in place, kept, and exported as Markdown', async ({ page }) => {
		await seed(page, partlyDone());
		await open(page, '/journal');
		const lesson = page.getByRole('region', {
			name: 'Lesson 1: Healthcare as a coproduced service'
		});
		await expect(lesson).toContainText('The patient knew what her week looked like');
		await expect(lesson).toContainText('Saved 20 November 2026');
		await expectNoAxeViolations(page, '/journal');

		await lesson.getByRole('button', { name: 'Edit' }).first().click();
		const box = lesson.getByRole('textbox', { name: 'Your text' });
		await expect(box).toBeFocused();
		await box.fill('Edited in the journal: we agreed the plan at the counter, not off the shelf.');
		await lesson.getByRole('button', { name: 'Save' }).click();
		await expect(lesson).toContainText('Edited in the journal');

		const plan = lesson.getByRole('button', { name: 'Write it here' });
		await plan.click();
		await lesson
			.getByRole('textbox', { name: 'Your text' })
			.fill('Ask each patient what matters to them before I suggest a plan.');
		await lesson.getByRole('button', { name: 'Save' }).click();

		await open(page, '/journal');
		await expect(lesson).toContainText('Edited in the journal');
		await expect(lesson).toContainText('Ask each patient what matters');

		const download = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Download as Markdown' }).click();
		const file = await download;
		expect(file.suggestedFilename()).toMatch(/^coproduction-reflections-\d{4}-\d\d-\d\d\.md$/);
		const markdown = await readDownload(file);
		expect(markdown).toContain('# My reflections: Coproduction of Healthcare');
		expect(markdown).toContain('## Lesson 1: Healthcare as a coproduced service');
		expect(markdown).toContain('### Reflect on an encounter that worked');
		expect(markdown).toContain(
			'> Edited in the journal: we agreed the plan at the counter, not off the shelf.'
		);
		expect(markdown).toContain('### Reflect on your outcome measures');
		expect(markdown).toContain('### What I will do next');
		expect(markdown).toContain('> Ask each patient what matters to them before I suggest a plan.');
		expect(markdown).not.toContain('Lesson 2');
	});

	test('the printed reflective account (A4 and Letter)', async ({ page }, info) => {
		await seed(page, allDone(), {
			v: 1,
			name: { text: 'Dr Ann Lee', t: day(25) },
			plans: {
				'what-is-coproduction': {
					text: 'From Monday, open each review by asking what matters most this month.',
					t: day(25)
				}
			}
		});
		await open(page, '/journal/account');
		await expectNoAxeViolations(page, '/journal/account');
		const account = page.locator('.account');
		await expect(account).toContainText('Dr Ann Lee');
		for (const heading of [
			'What the learning was',
			'How it changes my practice',
			'What I will do next'
		])
			await expect(account.getByRole('heading', { name: heading })).toHaveCount(lessons.length);
		await expect(account).toContainText(lessons[0].objectives[0].text);
		await expect(account).toContainText('Breathlessness on the stairs');
		await expect(account).toContainText('From Monday, open each review');

		await page.emulateMedia({ media: 'print' });
		await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
		await expect(page.locator('header.site-header')).toBeHidden();
		for (const [paper, width] of [
			['a4', 794],
			['letter', 816]
		] as const) {
			await page.setViewportSize({ width, height: 1100 });
			await page.screenshot({
				path: info.outputPath(`account-print-${paper}.png`),
				fullPage: true
			});
			const pdf = await page.pdf({ format: paper === 'a4' ? 'A4' : 'Letter' });
			expect(pdfPages(pdf)).toBeGreaterThanOrEqual(1);
		}
	});
});

test.describe('certificate', () => {
	test('before completion it says what is left', async ({ page }) => {
		await seed(page, partlyDone());
		await open(page, '/certificate');
		await expect(
			page.getByText('Your certificate is ready when every lesson is complete')
		).toBeVisible();
		const left = page.getByRole('listitem');
		await expect(left.filter({ hasText: 'Making a sandwich together' })).toContainText(
			'next: step 2, “Watch: What is coproduction?”'
		);
		await expect(left.filter({ hasText: lessons[0].title })).toHaveCount(0);
		await expectNoAxeViolations(page, '/certificate before completion');
	});

	test('when complete: name, date, CPD hours, scores and a stable code, on one printed page', async ({
		page
	}, info) => {
		await seed(page, allDone());
		await open(page, '/certificate');
		await page.getByLabel('Your name, as it should appear on the certificate').fill('Dr Ann Lee');
		const certificate = page.locator('article.certificate');
		await expect(certificate).toContainText('Dr Ann Lee');
		await expect(certificate).toContainText('Coproduction of Healthcare');
		await expect(certificate).toContainText('on 24 November 2026');
		await expect(certificate).toContainText(
			`${courseHours(lessons)} hours of continuing professional development`
		);
		await expect(certificate.getByRole('row', { name: lessons[0].title })).toContainText('100%');
		await expect(certificate.getByRole('row', { name: /Making a sandwich/ })).toContainText('75%');
		const code = page.getByTestId('verification-code');
		await expect(code).toHaveText(/^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
		const first = await code.textContent();
		await expectNoAxeViolations(page, '/certificate');

		await open(page, '/certificate');
		await expect(page.getByLabel('Your name, as it should appear on the certificate')).toHaveValue(
			'Dr Ann Lee'
		);
		await expect(code).toHaveText(first!);
		await page.getByLabel('Your name, as it should appear on the certificate').fill('Dr Ann Leigh');
		await expect(code).not.toHaveText(first!);
		await page.getByLabel('Your name, as it should appear on the certificate').fill('Dr Ann Lee');
		await expect(code).toHaveText(first!);

		await page.emulateMedia({ media: 'print' });
		await expect(page.getByLabel('Your name, as it should appear on the certificate')).toBeHidden();
		for (const [paper, width] of [
			['a4', 794],
			['letter', 816]
		] as const) {
			await page.setViewportSize({ width, height: 1100 });
			await page.screenshot({
				path: info.outputPath(`certificate-print-${paper}.png`),
				fullPage: true
			});
			const pdf = await page.pdf({ format: paper === 'a4' ? 'A4' : 'Letter' });
			// The certificate on one page; its learning outcomes on the next, for the appraiser.
			expect(pdfPages(pdf), `${paper}: certificate, then outcomes`).toBe(2);
		}
	});
});

test.describe('shared-PC safety and moving devices', () => {
	test('export → clear → import restores everything', async ({ page }) => {
		await seed(page, partlyDone(), { v: 1, name: { text: 'Dr Ann Lee', t: day(22) }, plans: {} });
		await open(page, '/');
		const before = await storedRaw(page);
		const dashboard = page.getByRole('region', { name: 'Your progress' });
		const rowsBefore = await dashboard.locator('tbody tr').allInnerTexts();

		const download = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Export my progress to a file' }).click();
		const file = await download;
		expect(file.suggestedFilename()).toMatch(/^coproduction-progress-\d{4}-\d\d-\d\d\.json$/);
		const exported = await readDownload(file);
		expect(JSON.parse(exported)).toMatchObject({ format: 'coproduction-course/progress-export' });

		await page.getByRole('button', { name: 'Clear my data on this device' }).click();
		const yes = page.getByRole('button', { name: 'Yes, clear my data' });
		await expect(yes).toBeFocused();
		await yes.click();
		await expect(page.getByRole('status').filter({ hasText: 'cleared' })).toHaveText(
			'Your data has been cleared from this browser.'
		);
		await expect(page.getByRole('heading', { name: 'Your progress' })).toHaveCount(0);
		expect(await storedRaw(page)).toEqual({ progress: null, journey: null });
		await open(page, '/');
		await expect(page.getByRole('heading', { name: 'Your progress' })).toHaveCount(0);
		expect((await storedRaw(page)).progress).toBeNull();

		// On the "other device": the home page's import opens the file picker where it is offered.
		const chooser = page.waitForEvent('filechooser');
		await page.getByText('Import your progress from a file').click();
		await (
			await chooser
		).setFiles({
			name: 'progress.json',
			mimeType: 'application/json',
			buffer: Buffer.from(exported)
		});
		// It says what it restored, and the dashboard takes the import control's place.
		await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toContainText(
			'1 lesson complete, 2 reflections, 0 plans'
		);
		await expect(page.getByRole('heading', { name: 'Your progress' })).toBeVisible();
		await open(page, '/journal');
		await expect(page.getByRole('region', { name: /Lesson 1:/ })).toContainText(
			'The patient knew what her week looked like'
		);

		await open(page, '/');
		expect(await dashboard.locator('tbody tr').allInnerTexts()).toEqual(rowsBefore);
		const after = await storedRaw(page);
		// Everything the learner did or wrote comes back. The shuffle seed is the device's own: the
		// merge keeps the local one, as it does for two tabs.
		const { seed: _seedAfter, ...progressAfter } = JSON.parse(after.progress!);
		const { seed: _seedBefore, ...progressBefore } = JSON.parse(before.progress!);
		expect(progressAfter).toEqual(progressBefore);
		expect(JSON.parse(after.journey!)).toEqual(JSON.parse(before.journey!));
	});

	test('a damaged import file is refused with a message and changes nothing', async ({ page }) => {
		await seed(page, partlyDone());
		await open(page, '/journal');
		const before = await storedRaw(page);

		const download = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Export my progress to a file' }).click();
		const good = JSON.parse(await readDownload(await download));
		good.progress.progress['the-sandwich'].complete = true; // edited by hand: checksum fails
		const files = [
			JSON.stringify(good),
			'{"format":"coproduction-course/progress-export","version":1,"progress":', // cut short
			'not a progress file at all'
		];
		for (const content of files) {
			await page.getByLabel('Import a progress file').setInputFiles({
				name: 'progress.json',
				mimeType: 'application/json',
				buffer: Buffer.from(content)
			});
			await expect(page.getByRole('alert').filter({ hasText: /file/ })).toBeVisible();
		}
		await expect(page.getByRole('alert').filter({ hasText: /file/ })).toContainText(
			'not a progress file from this course'
		);
		await open(page, '/');
		expect(await storedRaw(page)).toEqual(before);
		await expect(
			page.getByRole('region', { name: 'Your progress' }).locator('tbody tr').nth(1)
		).toContainText('In progress');
	});

	test('the data controls have no axe violations, confirmation included', async ({ page }) => {
		await seed(page, partlyDone());
		await open(page, '/');
		await page.getByRole('button', { name: 'Clear my data on this device' }).click();
		await expectNoAxeViolations(page, 'clear confirmation');
		await page.getByRole('button', { name: 'Cancel' }).click();
		await expect(page.getByRole('button', { name: 'Clear my data on this device' })).toBeFocused();
		expect((await storedRaw(page)).progress).not.toBeNull();
	});
});

async function readDownload(download: import('@playwright/test').Download): Promise<string> {
	const stream = await download.createReadStream();
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

/** Pages in a PDF Chromium made: one "/Type /Page" object per page. */
function pdfPages(pdf: Buffer): number {
	return (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

for (const size of [
	{ name: 'phone', width: 320, height: 740 },
	{ name: 'desktop', width: 1280, height: 900 }
]) {
	test(`the journey pages fit a ${size.name} screen`, async ({ page }, info) => {
		await seed(page, allDone(), { v: 1, name: { text: 'Dr Ann Lee', t: day(25) }, plans: {} });
		await page.setViewportSize({ width: size.width, height: size.height });
		for (const route of [
			'/',
			'/journal',
			'/journal/account',
			'/certificate',
			'/search?q=patient'
		]) {
			await open(page, route);
			if (route === '/')
				await expect(page.getByRole('heading', { name: 'Your progress' })).toBeVisible();
			if (route.startsWith('/search'))
				await expect(page.locator('#search-results li').first()).toBeVisible();
			const overflow = await page.evaluate(
				() => document.documentElement.scrollWidth - document.documentElement.clientWidth
			);
			expect(overflow, `${route} scrolls sideways at ${size.width}px`).toBeLessThanOrEqual(0);
			const name = `${size.name}${route.replace(/[/?=]+/g, '-')}.png`;
			await page.screenshot({ path: info.outputPath(name), fullPage: true });
		}
	});
}
