import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Download, type Page } from '@playwright/test';
import { readLessons } from './course';
import { reach } from './islands';

// A learner's words are never lost (issue 16; security review, section 5): full storage, backups
// that do not fit, damaged journey data, huge imports and hostile line breaks, in Chromium, against
// the production build. Each test checks that the words are still somewhere the learner can reach
// and that what the screen says is true.

const progressKey = 'coproduction-course:progress';
const journeyKey = 'coproduction-course:journeys';
const lessons = readLessons();
const version = (JSON.parse(readFileSync('lessons/course.json', 'utf8')) as { version: string })
	.version;
const lessonOne = lessons[0];
const lessonOneUrl = `/lessons/${lessonOne.slug}`;
const reflect = lessonOne.steps.find((s) => s.kind === 'reflect')!.id;
const day = (d: number) => new Date(2026, 10, d, 10).getTime();
const earlierWords =
	'The patient knew what her week looked like; I knew the options. We made the plan together.';

function quiz(best: number, t: number) {
	const passed = best >= 75;
	return {
		answers: {},
		score: best,
		best,
		attempts: 1,
		passed,
		everPassed: passed,
		phase: 'feedback',
		t
	};
}

/** Lesson 1 complete, with a reflection in its first reflect step. */
function lessonOneDone() {
	const ids = lessonOne.steps.map((s) => s.id);
	const envelope = {
		schema: 2,
		course: version,
		seed: 'e2eseed1',
		progress: {
			[lessonOne.slug]: { done: ids, at: ids[ids.length - 1], complete: true, t: day(20) }
		} as Record<string, { done: string[]; at: string; complete: boolean; t: number }>,
		reflections: {} as Record<string, { text: string; t: number }>,
		answers: {} as Record<string, ReturnType<typeof quiz>>
	};
	for (const step of lessonOne.steps) {
		if (step.kind === 'quiz') envelope.answers[`${lessonOne.slug}/${step.id}`] = quiz(100, day(20));
		if (step.kind === 'reflect')
			envelope.reflections[`${lessonOne.slug}/${step.id}`] = { text: earlierWords, t: day(20) };
	}
	return envelope;
}

/** Every lesson complete, so the certificate asks for a name. */
function allDone() {
	const envelope = lessonOneDone();
	for (const lesson of lessons.slice(1)) {
		const ids = lesson.steps.map((s) => s.id);
		envelope.progress[lesson.slug] = {
			done: ids,
			at: ids[ids.length - 1],
			complete: true,
			t: day(24)
		};
		for (const step of lesson.steps) {
			if (step.kind === 'quiz') envelope.answers[`${lesson.slug}/${step.id}`] = quiz(100, day(24));
			if (step.kind === 'reflect')
				envelope.reflections[`${lesson.slug}/${step.id}`] = {
					text: 'Some words here.',
					t: day(24)
				};
		}
	}
	return envelope;
}

/** Writes storage from a page without the app on it, so no running session races the seed. */
async function seed(page: Page, items: Record<string, string>) {
	await page.goto('/robots.txt');
	await page.evaluate((entries) => {
		localStorage.clear();
		for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
	}, items);
}

/**
 * Fills what is left of this origin's storage with another app's keys, to the byte: afterwards
 * not even a one-character item fits. Big pieces first, then ever smaller ones (one big value
 * rewritten again and again would take minutes).
 */
async function fillStorage(page: Page) {
	await page.evaluate(() => {
		let n = 0;
		for (let size = 1 << 20; size >= 1; size = Math.floor(size / 4)) {
			const piece = 'x'.repeat(size);
			for (;;) {
				try {
					localStorage.setItem(`another-app:${n++}`, piece);
				} catch {
					break;
				}
			}
		}
		// The last few bytes: one-character keys (private-use characters no app would pick).
		for (let i = 0; i < 64; i++) {
			try {
				localStorage.setItem(String.fromCharCode(0xe000 + i), '');
			} catch {
				break;
			}
		}
		for (const key of ['z', 'another-app:']) {
			try {
				localStorage.setItem(key, '');
			} catch {
				continue;
			}
			throw new Error('storage is not full');
		}
	});
}

async function freeStorage(page: Page) {
	await page.evaluate(() => {
		for (const key of Object.keys(localStorage))
			if (key.startsWith('another-app:') || /^[\ue000-\ue03f]$/.test(key))
				localStorage.removeItem(key);
	});
}

async function open(page: Page, url: string) {
	await page.goto(url);
	await page.locator('html[data-progress="ready"]').waitFor({ state: 'attached' });
}

const raw = (page: Page, key: string) => page.evaluate((k) => localStorage.getItem(k), key);
const notices = (page: Page) => page.locator('#progress-notice');
const stepItem = (page: Page, id: string) =>
	page
		.getByRole('navigation', { name: 'Steps in this lesson' })
		.locator('li', { has: page.locator(`a[href="#${id}"]`) });

async function readDownload(download: Download): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

async function journalMarkdown(page: Page): Promise<string> {
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download as Markdown' }).click();
	return readDownload(await download);
}

// Filling storage to the byte takes several seconds on a busy machine.
test.describe.configure({ timeout: 120_000 });

test.describe('storage full to the byte', () => {
	test('opening the course: saved work is read and shown, "cannot save" is said, nothing relocks', async ({
		page
	}) => {
		await seed(page, { [progressKey]: JSON.stringify(lessonOneDone()) });
		await fillStorage(page);
		const before = await raw(page, progressKey);
		await open(page, lessonOneUrl);

		await reach(page.locator(`section#${reflect}`));
		const box = page.locator(`#${reflect}-reflection`);
		await expect(box).toHaveValue(earlierWords);
		await expect(box).toBeEnabled();
		await expect(notices(page)).toContainText('storage is full');
		await expect(notices(page)).not.toContainText('private browsing');

		// Typing now: the box says it is not saved, and what to do; the header still warns.
		await box.fill(`${earlierWords} And one more thought.`);
		await box.blur();
		const status = page.locator(`#${reflect}-reflection-status`);
		await expect(status).toContainText('Not saved — this browser’s storage is full');
		await expect(status).toContainText('download your journal');
		await expect(status).not.toContainText('Saved at');
		expect(await raw(page, progressKey)).toBe(before);

		// The new words are still reachable: in the journal (same visit) and its download.
		await page.getByRole('link', { name: 'My journal' }).click();
		const section = page.getByRole('region', { name: /Lesson 1:/ });
		await expect(section).toContainText('And one more thought.');
		await expect(section).toContainText('Not saved — this browser’s storage is full');
		expect(await journalMarkdown(page)).toContain('And one more thought.');

		// Space is freed: the next save is real, and every warning clears.
		await freeStorage(page);
		await page.goBack();
		await reach(page.locator(`section#${reflect}`));
		await page.locator(`#${reflect}-reflection`).fill(`${earlierWords} And a last one.`);
		await page.locator(`#${reflect}-reflection`).blur();
		await expect(page.locator(`#${reflect}-reflection-status`)).toContainText('Saved at');
		await expect(notices(page)).not.toContainText('storage is full');
		expect(
			JSON.parse((await raw(page, progressKey))!).reflections[`${lessonOne.slug}/${reflect}`].text
		).toBe(`${earlierWords} And a last one.`);
	});

	test('"What I will do next" and the certificate name say "Not saved" and keep the words on screen', async ({
		page
	}) => {
		await seed(page, { [progressKey]: JSON.stringify(allDone()) });
		await fillStorage(page);
		await open(page, '/journal');
		const section = page.getByRole('region', { name: /Lesson 1:/ });
		await section.getByRole('button', { name: 'Write it here' }).last().click();
		await section
			.getByLabel('Your text')
			.fill('Ask what matters to the patient first, from Monday.');
		await section.getByRole('button', { name: 'Save' }).click();
		await expect(section).toContainText('Ask what matters to the patient first, from Monday.');
		const planStatus = page.locator(`#${lessonOne.slug}-next-status`);
		await expect(planStatus).toContainText('Not saved — this browser’s storage is full');
		await expect(planStatus).not.toContainText('Saved');
		await expect(notices(page)).toContainText('storage is full');
		expect(await raw(page, journeyKey)).toBeNull();
		expect(await journalMarkdown(page)).toContain('Ask what matters to the patient first');

		await open(page, '/certificate');
		const name = page.getByLabel('Your name, as it should appear on the certificate');
		await name.fill('Dr Ada Example');
		const status = page.locator('#certificate-name-status');
		await expect(status).toContainText('Not saved — this browser’s storage is full');
		await expect(page.locator('.certificate')).toContainText('Dr Ada Example');

		await freeStorage(page);
		await name.fill('Dr Ada Example-Lee');
		await expect(status).toHaveText('Saved in this browser.');
		await expect(notices(page)).not.toContainText('storage is full');
		expect(JSON.parse((await raw(page, journeyKey))!).name.text).toBe('Dr Ada Example-Lee');
	});

	test('storage fills while the lesson is open: the box stops saying "Saved" the moment a save fails', async ({
		page
	}) => {
		await seed(page, { [progressKey]: JSON.stringify(lessonOneDone()) });
		await open(page, lessonOneUrl);
		await reach(page.locator(`section#${reflect}`));
		const box = page.locator(`#${reflect}-reflection`);
		const status = page.locator(`#${reflect}-reflection-status`);
		await box.fill(`${earlierWords} Saved while there was room.`);
		await box.blur();
		await expect(status).toContainText('Saved at');

		await fillStorage(page);
		const before = await raw(page, progressKey);
		await box.fill(
			`${earlierWords} Typed once the storage was full, ninety characters or so of it.`
		);
		await box.blur();
		await expect(status).toContainText('Not saved — this browser’s storage is full');
		await expect(status).not.toContainText('Saved at');
		await expect(notices(page)).toContainText('storage is full');
		expect(await raw(page, progressKey)).toBe(before);
		// Still on screen, and in the journal download, for this visit.
		await expect(box).toHaveValue(/once the storage was full/);
		await page.getByRole('link', { name: 'My journal' }).click();
		expect(await journalMarkdown(page)).toContain('once the storage was full');
	});

	test('an import that cannot be written never says "Imported"', async ({ page }) => {
		await seed(page, { [progressKey]: JSON.stringify(lessonOneDone()) });
		await open(page, '/journal');
		const download = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Export my progress to a file' }).click();
		const file = await readDownload(await download);
		await page.evaluate(() => localStorage.clear());
		await fillStorage(page);

		await page.getByLabel('Import a progress file').setInputFiles({
			name: 'progress.json',
			mimeType: 'application/json',
			buffer: Buffer.from(file)
		});
		const alert = page.getByRole('alert').filter({ hasText: /file|saved/ });
		await expect(alert).toContainText('was not saved in this browser');
		await expect(alert).toContainText('storage is full');
		await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toHaveCount(0);
	});
});

test.describe('damaged stored progress', () => {
	test('too large to back up: left in place, never overwritten, offered as a download', async ({
		page
	}) => {
		// A 3 M-character envelope (one long reflection) with its last character cut off.
		const long = `MY OWN WORDS ${'and more of them '.repeat(180_000)}`;
		const envelope = lessonOneDone();
		envelope.reflections[`${lessonOne.slug}/${reflect}`] = { text: long, t: day(20) };
		const damaged = JSON.stringify(envelope).slice(0, -1);
		await seed(page, { [progressKey]: damaged });
		await open(page, lessonOneUrl);

		const notice = notices(page);
		await expect(notice).toContainText('too large to copy');
		await expect(notice).toContainText('left exactly as it was');
		await expect(notice).not.toContainText('A copy is kept');

		// The learner starts again; nothing is written over the only copy.
		const first = lessonOne.steps[0].id;
		await page.locator(`section#${first}`).getByRole('button', { name: 'Continue' }).click();
		await expect(stepItem(page, first)).toContainText('Done');
		await page.waitForTimeout(1500);
		expect(await raw(page, progressKey)).toBe(damaged);

		const download = page.waitForEvent('download');
		await notice.getByRole('button', { name: 'Download the damaged copy' }).click();
		const file = await download;
		expect(file.suggestedFilename()).toBe('coproduction-progress-damaged.json');
		expect(await readDownload(file)).toBe(damaged);

		// Only once it is downloaded can the learner let the course save in its place.
		await notice.getByRole('button', { name: 'Save my new progress in its place' }).click();
		await expect(notice).not.toContainText('too large');
		await expect
			.poll(async () => JSON.parse((await raw(page, progressKey)) ?? 'null')?.progress)
			.toMatchObject({ [lessonOne.slug]: { done: [first] } });
	});

	test('no room for a copy in full storage: the same, and the notice says why', async ({
		page
	}) => {
		const damaged = '{"schema":2,"reflections":{"a/b":{"text":"ONLY COPY of my words","t":1}},';
		await seed(page, { [progressKey]: damaged });
		await fillStorage(page);
		await open(page, lessonOneUrl);
		await expect(notices(page)).toContainText('no room left in this browser to copy it');
		await expect(notices(page)).not.toContainText('A copy is kept');
		const download = page.waitForEvent('download');
		await notices(page).getByRole('button', { name: 'Download the damaged copy' }).click();
		expect(await readDownload(await download)).toBe(damaged);
		expect(await raw(page, progressKey)).toBe(damaged);
	});

	test('a copy that fits is really kept, in a backup slot, before anything is repaired', async ({
		page
	}) => {
		await seed(page, { [progressKey]: '{"schema":2,"progress":{oops' });
		await open(page, lessonOneUrl);
		await expect(notices(page)).toContainText('A copy is kept in this browser');
		const backups = await page.evaluate(
			(k) =>
				Object.keys(localStorage)
					.filter((key) => key.startsWith(`${k}:backup`))
					.map((key) => localStorage.getItem(key)),
			progressKey
		);
		expect(backups).toEqual(['{"schema":2,"progress":{oops']);
	});
});

test('one malformed plan: the name, completion date and other plans are kept, backed up, and it says so', async ({
	page
}) => {
	const journey = JSON.stringify({
		v: 1,
		name: { text: 'Dr Ada Example', t: day(22) },
		completedAt: day(24),
		plans: {
			[lessonOne.slug]: { text: 'KEEP this plan', t: day(22) },
			[lessons[1].slug]: { text: 42, t: day(22) }
		}
	});
	await seed(page, { [progressKey]: JSON.stringify(allDone()), [journeyKey]: journey });
	await open(page, '/journal');
	const section = page.getByRole('region', { name: /Lesson 1:/ });
	await expect(section).toContainText('KEEP this plan');
	await expect(notices(page)).toContainText(
		'We kept your certificate name, your completion date and 1 “what I will do next” plan.'
	);
	await expect(notices(page)).toContainText('A copy of what was stored is kept');
	const backups = await page.evaluate(
		(k) =>
			Object.keys(localStorage)
				.filter((key) => key.startsWith(`${k}:backup`))
				.map((key) => localStorage.getItem(key)),
		journeyKey
	);
	expect(backups).toEqual([journey]);

	// The next edit keeps everything that was good.
	await section.getByRole('button', { name: 'Edit' }).last().click();
	await section.getByLabel('Your text').fill('KEEP this plan, and start on Monday.');
	await section.getByRole('button', { name: 'Save' }).click();
	const stored = JSON.parse((await raw(page, journeyKey))!);
	expect(stored).toMatchObject({
		name: { text: 'Dr Ada Example' },
		completedAt: day(24),
		plans: { [lessonOne.slug]: { text: 'KEEP this plan, and start on Monday.' } }
	});

	await open(page, '/certificate');
	await expect(page.locator('.certificate')).toContainText('Dr Ada Example');
});

test('a 50 MB import is refused before it is read, saying the limit, and nothing changes', async ({
	page
}) => {
	await seed(page, { [progressKey]: JSON.stringify(lessonOneDone()) });
	await open(page, '/journal');
	const before = await raw(page, progressKey);
	const started = Date.now();
	const huge = test.info().outputPath('progress.json');
	writeFileSync(huge, Buffer.alloc(50 * 1024 * 1024, 'A'));
	await page.getByLabel('Import a progress file').setInputFiles(huge);
	const alert = page.getByRole('alert').filter({ hasText: /file/ });
	await expect(alert).toHaveText(
		'This file is 50 MB. A progress file from this course is at most 2 MB, so it was not read and nothing was changed.'
	);
	expect(Date.now() - started).toBeLessThan(10_000);
	await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toHaveCount(0);
	expect(await raw(page, progressKey)).toBe(before);
	await expect(page.getByRole('region', { name: /Lesson 1:/ })).toContainText(earlierWords);
});

test('a lone CR (and other line breaks) in a reflection cannot forge headings or items in the Markdown', async ({
	page
}) => {
	const envelope = lessonOneDone();
	const hostile =
		'First thought\r# Forged heading\r- forged item\u2028## another\u2029<img src=x onerror=alert(1)>';
	envelope.reflections[`${lessonOne.slug}/${reflect}`] = { text: hostile, t: day(20) };
	await seed(page, { [progressKey]: JSON.stringify(envelope) });
	await open(page, '/journal');
	await expect(page.getByRole('region', { name: /Lesson 1:/ })).toContainText('Forged heading');

	const md = await journalMarkdown(page);
	expect(md).not.toMatch(/[\r\u2028\u2029]/);
	const lines = md.split('\n');
	const start = lines.indexOf('> First thought');
	expect(start).toBeGreaterThan(0);
	expect(lines.slice(start, start + 5)).toEqual([
		'> First thought',
		'> \\# Forged heading',
		'> \\- forged item',
		'> \\#\\# another',
		'> \\<img src=x onerror=alert(1)\\>'
	]);
	expect(lines.filter((line) => /^#+ .*(Forged|another)|^- forged/.test(line))).toEqual([]);
});

test.describe('storage that cannot be written or read', () => {
	test('writes blocked: saved work is still read and shown, and "cannot save" has its own words', async ({
		page
	}) => {
		await seed(page, { [progressKey]: JSON.stringify(lessonOneDone()) });
		await page.addInitScript(() => {
			Storage.prototype.setItem = () => {
				throw new DOMException('blocked', 'SecurityError');
			};
		});
		await open(page, lessonOneUrl);
		await reach(page.locator(`section#${reflect}`));
		const box = page.locator(`#${reflect}-reflection`);
		await expect(box).toHaveValue(earlierWords);
		await expect(box).toBeEnabled();
		await expect(notices(page)).toContainText('not letting the course save');
		await expect(notices(page)).not.toContainText('storage is full');

		await box.fill(`${earlierWords} Blocked words.`);
		await box.blur();
		const status = page.locator(`#${reflect}-reflection-status`);
		await expect(status).toContainText('Not saved — this browser is not letting the course save');
		await expect(status).not.toContainText('Saved at');
	});

	test('storage cannot even be read: the course works and says so, in other words than "full"', async ({
		page
	}) => {
		await page.addInitScript(() => {
			Object.defineProperty(window, 'localStorage', {
				get() {
					throw new DOMException('denied', 'SecurityError');
				}
			});
		});
		await open(page, lessonOneUrl);
		await expect(notices(page)).toContainText('not letting the course read or save its storage');
		await expect(notices(page)).not.toContainText('storage is full');
		const first = lessonOne.steps[0].id;
		await page.locator(`section#${first}`).getByRole('button', { name: 'Continue' }).click();
		await expect(stepItem(page, first)).toContainText('Done');
	});
});
