// Learner moments (issue 20): finishing a lesson and the course, a flow that follows the reader,
// coming back on another device, and a certificate an appraiser can check.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { readLessons } from './course';
import { reach } from './islands';

const progressKey = 'coproduction-course:progress';
const journeyKey = 'coproduction-course:journeys';
const day = (d: number, h = 10) => new Date(2026, 10, d, h).getTime();
const lessons = readLessons();
const courseMeta = JSON.parse(readFileSync('lessons/course.json', 'utf8')) as { version: string };
const stepIds = (i: number) => lessons[i].steps.map((s) => s.id);
const words = (n: number) =>
	Array.from({ length: n }, (_, i) => `word${i} ${i % 5 === 0 ? 'patient' : 'clinic'}`)
		.join(' ')
		.split(' ')
		.slice(0, n)
		.join(' ');

function quiz(best: number, t: number, attempts = 1) {
	return {
		answers: {},
		score: best,
		best,
		attempts,
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

function empty(): SeedEnvelope {
	return {
		schema: 2,
		course: courseMeta.version,
		seed: 'e2eseed1',
		progress: {},
		reflections: {},
		answers: {}
	};
}

/** Lessons 0..count-1 complete: quizzes at 100 % (lesson 2 at 75 % after 2 attempts). */
function completeLessons(count: number, envelope = empty()): SeedEnvelope {
	lessons.slice(0, count).forEach((lesson, i) => {
		const ids = stepIds(i);
		envelope.progress[lesson.slug] = {
			done: ids,
			at: ids[ids.length - 1],
			complete: true,
			t: day(20 + i)
		};
		for (const step of lesson.steps) {
			if (step.kind === 'quiz')
				envelope.answers[`${lesson.slug}/${step.id}`] =
					i === 1 ? quiz(75, day(20 + i), 2) : quiz(100, day(20 + i));
			if (step.kind === 'reflect')
				envelope.reflections[`${lesson.slug}/${step.id}`] = {
					text: words(40),
					t: day(20 + i)
				};
		}
	});
	return envelope;
}

/** Lesson 1 done but its last reflection: the next words saved complete it. */
function lessonOneAlmostDone(): SeedEnvelope {
	const envelope = empty();
	const ids = stepIds(0);
	const last = ids[ids.length - 1];
	envelope.progress[lessons[0].slug] = {
		done: ids.slice(0, -1),
		at: last,
		complete: false,
		t: day(20)
	};
	for (const step of lessons[0].steps) {
		if (step.kind === 'quiz')
			envelope.answers[`${lessons[0].slug}/${step.id}`] = quiz(100, day(20));
		if (step.kind === 'reflect' && step.id !== last)
			envelope.reflections[`${lessons[0].slug}/${step.id}`] = { text: words(40), t: day(20) };
	}
	return envelope;
}

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

async function open(page: Page, url: string) {
	await page.goto(url);
	await page.locator('html[data-progress="ready"]').waitFor({ state: 'attached' });
}

test.describe('finishing feels like finishing', () => {
	test('completing a lesson shows the panel at its end and announces it', async ({ page }) => {
		await seed(page, lessonOneAlmostDone());
		const lesson = lessons[0];
		const last = lesson.steps[lesson.steps.length - 1];
		await open(page, `/lessons/${lesson.slug}#${last.id}`);
		await expect(page.getByTestId('lesson-complete')).toHaveCount(0);
		const step = page.locator(`section#${last.id}`);
		await reach(step);
		await step.locator('textarea').fill(words(40));

		const panel = page.getByTestId('lesson-complete');
		await expect(panel).toBeVisible();
		await expect(panel.getByRole('heading', { level: 2 })).toHaveText('✓ Lesson 1 complete');
		await expect(page.getByRole('status').filter({ hasText: 'Lesson 1 complete' })).toHaveText(
			/^Lesson 1 complete\. Your score, reflections and the next lesson are at the end/
		);
		// Typing goes on: the focus stays in the reflection.
		await expect(step.locator('textarea')).toBeFocused();
		await expect(panel).toContainText('100% (1 attempt)');
		await expect(panel).toContainText('2 reflections, kept in your journal');
		await expect(panel).toContainText(/about \d+ minutes/);
		await expect(panel.getByRole('link', { name: 'Open your journal' })).toHaveAttribute(
			'href',
			`/journal#journal-${lesson.slug}`
		);
		await expect(
			panel.getByRole('link', { name: `Next: lesson 2, “${lessons[1].title}”` })
		).toHaveAttribute('href', `/lessons/${lessons[1].slug}`);
		await expect(panel).toContainText('Your progress is kept only in this browser.');
		await expect(panel.getByRole('button', { name: 'Export it to a file' })).toBeVisible();

		// Coming back to the completed lesson: the panel is there, not announced again.
		await open(page, `/lessons/${lesson.slug}`);
		await expect(page.getByTestId('lesson-complete')).toContainText('You completed lesson 1');
		await expect(page.getByRole('status').filter({ hasText: 'Lesson 1 complete' })).toHaveCount(0);
	});

	test('a lesson on its first pass loads none of the panel', async ({ page }) => {
		const files: string[] = [];
		page.on('response', (r) => files.push(new URL(r.url()).pathname));
		await open(page, `/lessons/${lessons[0].slug}`);
		await page.waitForLoadState('networkidle');
		const panelFiles = files.filter((f) => /LessonComplete/.test(f));
		expect(panelFiles).toEqual([]);
		await expect(page.getByTestId('lesson-complete')).toHaveCount(0);
	});

	test('the course-complete home page leads with the certificate and the reflective account', async ({
		page
	}) => {
		await seed(page, completeLessons(lessons.length));
		await open(page, '/');
		const done = page.getByRole('region', { name: 'You have completed every lesson.' });
		await expect(done.getByRole('link', { name: 'Get your certificate' })).toHaveAttribute(
			'href',
			'/certificate'
		);
		await expect(done.getByRole('link', { name: 'Your reflective account' })).toHaveAttribute(
			'href',
			'/journal/account'
		);
		await expect(page.getByRole('link', { name: 'Continue where you left off' })).toHaveCount(0);
		// It comes before the course introduction's lists.
		const doneTop = (await done.boundingBox())!.y;
		const whoTop = (await page.getByRole('heading', { name: 'Who it is for' }).boundingBox())!.y;
		expect(doneTop).toBeLessThan(whoTop);
	});

	for (const path of ['/', `/lessons/${lessons[3].slug}`, '/readings', '/glossary', '/about'])
		test(`journal and certificate are in the header of ${path}`, async ({ page }) => {
			await page.goto(path);
			const header = page.getByRole('navigation', { name: 'Your learning' });
			await expect(header.getByRole('link', { name: 'My journal' })).toHaveAttribute(
				'href',
				/(^|\/)journal$/
			);
			await expect(header.getByRole('link', { name: 'Certificate' })).toHaveAttribute(
				'href',
				/(^|\/)certificate$/
			);
		});
});

/** A lesson at a step: the steps before it done (quizzes passed, reflections saved). */
function lessonAt(index: number, stepId: string, envelope = empty()): SeedEnvelope {
	const lesson = lessons[index];
	const at = lesson.steps.findIndex((s) => s.id === stepId);
	envelope.progress[lesson.slug] = {
		done: stepIds(index).slice(0, at),
		at: stepId,
		complete: false,
		t: day(25)
	};
	for (const step of lesson.steps.slice(0, at)) {
		if (step.kind === 'quiz') envelope.answers[`${lesson.slug}/${step.id}`] = quiz(100, day(25));
		if (step.kind === 'reflect')
			envelope.reflections[`${lesson.slug}/${step.id}`] = { text: words(40), t: day(25) };
	}
	return envelope;
}

test.describe('a flow that follows the reader', () => {
	test('reading ahead: a locked read step marks the steps above as read and goes on', async ({
		page
	}) => {
		const lesson = lessons[0];
		const reads = lesson.steps.filter((s) => s.kind === 'read');
		expect(reads.length).toBeGreaterThanOrEqual(3);
		await open(page, `/lessons/${lesson.slug}`);
		const third = page.locator(`section#${reads[2].id}`);
		await expect(third).toHaveAttribute('data-status', 'locked');
		await third.getByRole('button', { name: 'Mark steps 1–3 as read' }).click();
		for (const step of reads.slice(0, 3))
			await expect(page.locator(`section#${step.id}`)).toHaveAttribute('data-status', 'done');
		const fourth = page.locator(`section#${lesson.steps[3].id}`);
		await expect(fourth).toHaveAttribute('data-status', 'current');
		await expect(fourth).toBeFocused();
		// A step behind a quiz cannot be read past: no such button after the quiz.
		const afterQuiz = lesson.steps.slice(lesson.steps.findIndex((s) => s.kind === 'quiz'));
		for (const step of afterQuiz)
			await expect(
				page.locator(`section#${step.id}`).getByRole('button', { name: /^Mark steps? / })
			).toHaveCount(0);
		// Every read step still ends with its own Continue once it is reached.
		await expect(fourth.getByRole('button', { name: 'Continue' })).toBeVisible();
	});

	test('an explore step is done by its activity, with a skip that says what it skips', async ({
		page
	}) => {
		await seed(page, lessonAt(1, 'two-ways', completeLessons(1)));
		await open(page, `/lessons/${lessons[1].slug}#two-ways`);
		const step = page.locator('section#two-ways');
		await reach(step);
		await expect(step.getByRole('button', { name: 'Continue' })).toHaveCount(0);
		const skip = step.getByRole('button', { name: `Skip “Two ways to get lunch”` });
		await expect(skip).toBeVisible();
		await expect(step.locator('#two-ways-skip')).toHaveText(
			/Skipping marks it done without it; it stays here to try later\./
		);
		await skip.click();
		await expect(step).toHaveAttribute('data-status', 'done');
		await expect(step.getByRole('button', { name: 'Continue' })).toBeVisible();
	});

	test('the explainer keeps its place over a reload', async ({ page }) => {
		await seed(page, lessonAt(1, 'two-ways', completeLessons(1)));
		await open(page, `/lessons/${lessons[1].slug}#two-ways`);
		const step = page.locator('section#two-ways');
		await reach(step);
		await step.getByRole('button', { name: 'I can’t have dairy' }).click();
		await expect(step.getByRole('heading', { name: 'How will you get lunch?' })).toBeVisible();
		await page.reload();
		await page.locator('html[data-progress="ready"]').waitFor({ state: 'attached' });
		await reach(step);
		await expect(step.getByRole('heading', { name: 'How will you get lunch?' })).toBeVisible();
	});

	test('quiz: the error sits on the unanswered question, scrolled to and focused; choices survive a reload', async ({
		page
	}) => {
		const lesson = lessons[0];
		await seed(page, lessonAt(0, 'check'));
		await open(page, `/lessons/${lesson.slug}#check`);
		const check = page.locator('section#check');
		await reach(check);
		const questions = check.locator('fieldset.question');
		await questions.nth(0).locator('input').first().check();
		await check.getByRole('button', { name: 'Submit answers' }).click();
		const second = questions.nth(1);
		await expect(second.locator('.message')).toHaveText('Answer question 2 before submitting.');
		await expect(second.locator('input').first()).toBeFocused();
		await expect(second).toBeInViewport();
		await expect(second).toHaveAttribute('aria-describedby', /-error$/);
		await expect(questions.nth(0).locator('.message')).toHaveCount(0);

		const chosen = await questions.nth(0).locator('input').first().getAttribute('value');
		await page.reload();
		await page.locator('html[data-progress="ready"]').waitFor({ state: 'attached' });
		await reach(check);
		await expect(questions.nth(0).locator(`input[value="${chosen}"]`)).toBeChecked();
	});

	for (const how of ['client navigation', 'a reload'] as const)
		test(`resume lands within 50 px of the step after ${how}`, async ({ page }) => {
			const lesson = lessons[3];
			const target = lesson.steps[lesson.steps.length - 2];
			await seed(page, lessonAt(3, target.id, completeLessons(3)));
			await open(page, '/');
			if (how === 'client navigation')
				await page.getByRole('link', { name: 'Continue where you left off' }).click();
			else await page.goto(`/lessons/${lesson.slug}#${target.id}`);
			await expect(page).toHaveURL(new RegExp(`#${target.id}$`));
			const step = page.locator(`section#${target.id}`);
			// Let the blocks above and around the step load and render.
			await expect(step.locator('[data-island]:not([data-ready])')).toHaveCount(0);
			await page.waitForTimeout(1500);
			const top = (await step.boundingBox())!.y;
			expect(Math.abs(top), `step top at ${top}px`).toBeLessThanOrEqual(50);
		});
});

test.describe('coming back works', () => {
	test('a fresh browser at lesson 4: import from the locked lesson, and it says what it restored', async ({
		browser
	}) => {
		// The first device: lessons 1–3 complete, with a plan; exported to a file.
		const first = await browser.newContext();
		const page = await first.newPage();
		await seed(page, completeLessons(3), {
			v: 1,
			plans: { [lessons[0].slug]: { text: 'Ask what matters first.', t: day(22) } }
		});
		await open(page, '/journal');
		const download = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Export my progress to a file' }).click();
		const path = await (await download).path();
		const exported = readFileSync(path!);
		await first.close();

		const fresh = await browser.newContext();
		const other = await fresh.newPage();
		const lesson = lessons[3];
		await open(other, `/lessons/${lesson.slug}`);
		await expect(other.getByText('This lesson is locked.')).toBeVisible();
		await other.getByText('I’ve done the earlier lessons elsewhere').click();
		const chooser = other.waitForEvent('filechooser');
		await other.getByText('Import your progress from a file').click();
		await (
			await chooser
		).setFiles({
			name: 'progress.json',
			mimeType: 'application/json',
			buffer: exported
		});
		const reflections = lessons
			.slice(0, 3)
			.flatMap((l) => l.steps)
			.filter((s) => s.kind === 'reflect').length;
		await expect(other.getByRole('status').filter({ hasText: 'Imported' })).toContainText(
			`3 lessons complete, ${reflections} reflections, 1 plan`
		);
		await expect(other.getByText('This lesson is locked.')).toHaveCount(0);
		await expect(other.locator(`section#${lesson.steps[0].id}`)).toHaveAttribute(
			'data-status',
			'current'
		);
		await fresh.close();
	});

	test('a fresh browser at lesson 4 can open the lessons here, marked as not counting yet', async ({
		browser
	}) => {
		const fresh = await browser.newContext();
		const page = await fresh.newPage();
		const lesson = lessons[3];
		await open(page, `/lessons/${lesson.slug}`);
		const first = page.locator(`section#${lesson.steps[0].id}`);
		await expect(first).toHaveAttribute('data-status', 'locked');
		await page.getByText('I’ve done the earlier lessons elsewhere').click();
		await expect(page.getByText(/do not count towards your certificate until/)).toBeVisible();
		await page.getByRole('button', { name: 'Open the lessons on this device' }).click();
		await page.locator('html[data-progress="ready"]').waitFor({ state: 'attached' });
		await expect(first).toHaveAttribute('data-status', 'current');
		await expect(page.getByTestId('opened-here')).toContainText(
			'this lesson does not count towards your certificate yet'
		);
		await first.getByRole('button', { name: 'Continue' }).click();
		await expect(first).toHaveAttribute('data-status', 'done');
		// The certificate still lists every lesson as to do.
		await open(page, '/certificate');
		await expect(
			page.getByText('Your certificate is ready when every lesson is complete')
		).toBeVisible();
		await fresh.close();
	});

	test('the browser is asked to keep the storage, and iPhone users are told how to keep a copy', async ({
		browser
	}) => {
		const iphone = await browser.newContext({
			userAgent:
				'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1',
			viewport: { width: 390, height: 844 }
		});
		const page = await iphone.newPage();
		await page.addInitScript(() => {
			const w = window as unknown as { persistAsked: number };
			w.persistAsked = 0;
			Object.defineProperty(navigator, 'storage', {
				value: {
					persisted: async () => false,
					persist: async () => {
						w.persistAsked++;
						return true;
					},
					estimate: async () => ({ usage: 0, quota: 1e9 })
				}
			});
		});
		await seed(page, completeLessons(1));
		await open(page, '/');
		await expect(
			page.getByText(/Safari on iPhone and iPad may delete it after 7 days/)
		).toBeVisible();
		await expect
			.poll(() => page.evaluate(() => (window as unknown as { persistAsked: number }).persistAsked))
			.toBe(1);
		await iphone.close();
	});
});

test.describe('a certificate that holds up in an appraisal', () => {
	const nameLabel = 'Your name, as it should appear on the certificate';

	test('no printing without a name; issuer, version, attempts and outcomes are shown', async ({
		page
	}) => {
		await seed(page, completeLessons(lessons.length));
		await open(page, '/certificate');
		await page.evaluate(() => {
			(window as unknown as { printed: number }).printed = 0;
			window.print = () => (window as unknown as { printed: number }).printed++;
		});
		await page.getByRole('button', { name: 'Print or save as PDF' }).click();
		await expect(page.getByRole('alert')).toHaveText(/Enter your name above before printing/);
		await expect(page.getByLabel(nameLabel)).toBeFocused();
		expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(0);
		await page.emulateMedia({ media: 'print' });
		await expect(page.locator('article.certificate')).toBeHidden();
		await expect(
			page.getByText('Enter your name on the certificate page before printing it.')
		).toBeVisible();
		await page.emulateMedia({ media: 'screen' });

		await page.getByLabel(nameLabel).fill('Dr Ann Lee');
		await expect(page.getByRole('alert')).toHaveText('');
		await page.getByRole('button', { name: 'Print or save as PDF' }).click();
		expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

		const certificate = page.locator('article.certificate');
		await expect(certificate).toContainText(`Course version ${courseMeta.version}`);
		// lessons/course.json names no issuer: the certificate says so rather than invent one.
		await expect(certificate).toContainText(
			'No issuing or accrediting organisation is configured for this course'
		);
		await expect(certificate.getByRole('row', { name: lessons[1].title })).toContainText('75%');
		await expect(
			certificate.getByRole('row', { name: lessons[1].title }).locator('td').nth(1)
		).toHaveText('2');
		await expect(certificate).toContainText(/\/certificate\/verify/);
		const outcomes = page.getByRole('region', { name: 'Learning outcomes' });
		await expect(outcomes).toContainText(lessons[0].objectives[0].text);
	});

	test('the verify page accepts a real certificate and refuses a changed field', async ({
		page
	}) => {
		await seed(page, completeLessons(lessons.length));
		await open(page, '/certificate');
		await page.getByLabel(nameLabel).fill('Dr Ann Lee');
		const code = page.getByTestId('verification-code');
		await expect(code).toHaveText(/^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
		const printed = (await code.textContent())!;
		await expect(page.locator('article.certificate')).toContainText('on 26 November 2026');

		await page.getByRole('link', { name: 'Check a certificate' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check a certificate');
		await expect(page.getByText(/does not show: who took the course/)).toBeVisible();
		await page.getByLabel('Name, as printed').fill('Dr Ann Lee');
		await page.getByLabel('Completion date').fill('2026-11-26');
		for (const [i, lesson] of lessons.entries())
			await page.getByLabel(`${i + 1}. ${lesson.title}`).fill(i === 1 ? '75%' : '100');
		await page.getByLabel('Verification code').fill(printed.toLowerCase());
		await page.getByRole('button', { name: 'Check' }).click();
		const result = page.locator('.result');
		await expect(result).toHaveText(/^The code matches these details: the record is consistent/);

		await page.getByLabel(`2. ${lessons[1].title}`).fill('80');
		await page.getByRole('button', { name: 'Check' }).click();
		await expect(result).toHaveText(/^The code does not match these details/);
		await page.getByLabel(`2. ${lessons[1].title}`).fill('75');
		await page.getByLabel('Name, as printed').fill('Dr Anne Lee');
		await page.getByRole('button', { name: 'Check' }).click();
		await expect(result).toHaveText(/^The code does not match these details/);
	});

	test('the verify page is prerendered', async ({ request }) => {
		const response = await request.get('/certificate/verify');
		expect(response.ok()).toBe(true);
		expect(await response.text()).toContain('Check a certificate');
		expect(
			readFileSync(
				`${process.env.BUILD_DIR ?? 'build'}/prerendered/certificate/verify.html`,
				'utf8'
			)
		).toContain('What a match shows');
	});

	test('the reflective account takes the name and prints its ruled lines', async ({ page }) => {
		const envelope = completeLessons(1);
		await seed(page, envelope);
		await open(page, '/journal/account');
		await page
			.getByLabel('Your name, as it should appear on the account and the certificate')
			.fill('Dr Ann Lee');
		await expect(page.locator('dl.facts')).toContainText('Dr Ann Lee');
		await page.emulateMedia({ media: 'print' });
		const line = page.locator('.lines span').first();
		await expect(line).toBeVisible();
		expect(await line.evaluate((el) => getComputedStyle(el).borderBottomStyle)).toBe('solid');
		expect(await line.evaluate((el) => getComputedStyle(el).borderBottomWidth)).toBe('1px');
	});
});

for (const size of [
	{ name: 'phone', width: 390, height: 844 },
	{ name: 'desktop', width: 1280, height: 800 }
])
	test(`screenshots at ${size.name} size: panel, course-complete home, certificate`, async ({
		page
	}, info) => {
		await page.setViewportSize(size);
		await seed(page, completeLessons(lessons.length), {
			v: 1,
			name: { text: 'Dr Ann Lee', t: day(27) },
			plans: {}
		});
		await open(page, `/lessons/${lessons[1].slug}`);
		const panel = page.getByTestId('lesson-complete');
		await panel.scrollIntoViewIfNeeded();
		await panel.screenshot({ path: info.outputPath(`panel-${size.name}.png`) });
		await open(page, '/');
		await page.screenshot({ path: info.outputPath(`home-complete-${size.name}.png`) });
		await open(page, '/certificate');
		await expect(page.getByTestId('verification-code')).toHaveText(/-/);
		await page.screenshot({
			path: info.outputPath(`certificate-${size.name}.png`),
			fullPage: true
		});
		await page.emulateMedia({ media: 'print' });
		await page.screenshot({
			path: info.outputPath(`certificate-print-${size.name}.png`),
			fullPage: true
		});
	});
