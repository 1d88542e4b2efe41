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
