import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Download, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { discoverRoutes } from './routes';

// The lesson building blocks, mostly on the /components gallery (fixture data, in-memory progress
// mirrored to localStorage). Each test starts from a fresh page context, so from the fixture state.

const providerHosts = /youtube|ytimg|vimeo|vimeocdn|googlevideo|doubleclick/;

async function eventsSent(page: Page): Promise<string> {
	return (await page.getByTestId('events').textContent()) ?? '';
}

test.describe('video', () => {
	test('plays the test clip with a captions track and reports when 90% is played', async ({
		page
	}) => {
		await page.goto('/components');
		const section = page.locator('#video-file');
		const video = section.locator('video');
		await expect(video.locator('track[kind="captions"]')).toHaveAttribute(
			'src',
			/media\/test\/captions\.vtt$/
		);
		await expect(video.locator('track[kind="chapters"]')).toHaveCount(1);
		await expect(video).toHaveAttribute('preload', 'metadata');

		// Muted so autoplay rules allow play() without a click; the clip is six seconds.
		await video.evaluate((v: HTMLVideoElement) => {
			v.muted = true;
			v.playbackRate = 2;
			return v.play();
		});
		await expect
			.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 10_000 })
			.toBeGreaterThan(1);
		const captions = await video.evaluate((v: HTMLVideoElement) => {
			const track = [...v.textTracks].find((t) => t.kind === 'captions');
			return { mode: track?.mode, cues: track?.cues?.length ?? 0 };
		});
		expect(captions).toEqual({ mode: 'showing', cues: 3 });

		await expect(video).toHaveJSProperty('ended', true, { timeout: 10_000 });
		await expect(section.getByText('Marked as watched', { exact: true })).toBeVisible();
		expect(await eventsSent(page)).toContain(
			'"type":"video.watched","stepId":"video-file","how":"played"'
		);
	});

	test('clicking a transcript line seeks there and highlights it; search narrows the lines', async ({
		page
	}) => {
		await page.goto('/components');
		const section = page.locator('#video-file');
		const video = section.locator('video');
		await section.getByText('Transcript', { exact: true }).click();
		expect(await eventsSent(page)).toContain('"how":"transcript"');

		const line = section.getByRole('button', { name: /Neither can make a good plan alone/ });
		await line.click();
		await expect
			.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime))
			.toBeGreaterThanOrEqual(4);
		await expect(line).toHaveAttribute('aria-current', 'true');

		await section.getByLabel('Search the transcript').fill('plan');
		await expect(section.getByRole('status').filter({ hasText: 'match' })).toHaveText(
			'2 lines match'
		);
		await expect(section.locator('mark')).toHaveCount(2);

		await section.getByRole('button', { name: /Introduction/ }).click();
		await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeLessThan(2);
	});

	test('the provider facade makes no request to the provider before play', async ({ page }) => {
		const providerRequests: string[] = [];
		await page.route(providerHosts, (route) => {
			providerRequests.push(route.request().url());
			return route.fulfill({ contentType: 'text/html', body: '<title>player</title>' });
		});
		await page.goto('/components');
		await page.waitForLoadState('networkidle');
		const section = page.locator('#video-youtube');
		await expect(
			section.getByText(/Nothing is loaded from YouTube until you press play/)
		).toBeVisible();
		expect(providerRequests).toEqual([]);
		await expect(page.locator('iframe')).toHaveCount(0);

		await section.getByRole('button', { name: 'Play “A YouTube video”' }).click();
		const frame = section.locator('iframe');
		await expect(frame).toHaveAttribute(
			'src',
			/^https:\/\/www\.youtube-nocookie\.com\/embed\/aqz-KE-bpKQ/
		);
		await expect(frame).toBeFocused();
		await expect.poll(() => providerRequests.length).toBeGreaterThan(0);
		expect(providerRequests.every((u) => u.startsWith('https://www.youtube-nocookie.com/'))).toBe(
			true
		);
	});

	test('a video with no embed is a watch-at-source card opening in a new tab', async ({ page }) => {
		await page.goto('/components');
		const section = page.locator('#video-source');
		const link = section.getByRole('link', {
			name: /Watch “A video that is only published elsewhere” where it is published \(opens in a new tab\)/
		});
		await expect(link).toHaveAttribute('target', '_blank');
		await expect(link).toHaveAttribute('rel', /noopener/);
		await expect(section.getByText('What to watch for:')).toBeVisible();
		await section.getByRole('button', { name: 'I’ve watched this' }).click();
		await expect(section.getByText('Marked as watched', { exact: true })).toBeVisible();
		expect(await eventsSent(page)).toContain('"stepId":"video-source","how":"declared"');
	});
});

test.describe('quiz', () => {
	test('answered by keyboard alone, it announces the feedback and moves focus to it', async ({
		page
	}) => {
		await page.goto('/components');
		const quiz = page.locator('#quiz-answering');
		await expect(quiz.getByRole('button', { name: 'Submit answers' })).toBeEnabled();
		await quiz.focus();
		// Question 1 (radios): Tab into the group, Space picks the focused option.
		await page.keyboard.press('Tab');
		await page.keyboard.press('Space');
		// Question 2 (checkboxes): tick the first, skip the other two.
		await page.keyboard.press('Tab');
		await page.keyboard.press('Space');
		await page.keyboard.press('Tab');
		await page.keyboard.press('Tab');
		// Question 3 (true/false radios), then the submit button.
		await page.keyboard.press('Tab');
		await page.keyboard.press('Space');
		await page.keyboard.press('Tab');
		await expect(page.locator(':focus')).toHaveText('Submit answers');
		await page.keyboard.press('Enter');

		const status = quiz.getByRole('status');
		await expect(status).toContainText(
			/You scored \d+% \(\d of 3 right\)\. The pass mark is 75%\./
		);
		const result = quiz.locator('.result');
		await expect(result).toBeFocused();
		await expect(quiz.getByText(/^Source: /).first()).toBeVisible();
		await expect(quiz.locator('input:checked')).toHaveCount(3);

		await page.keyboard.press('Tab');
		await expect(page.locator(':focus')).toHaveText('Try again');
		await page.keyboard.press('Enter');
		await expect(quiz.getByRole('button', { name: 'Submit answers' })).toBeVisible();
		await expect(quiz.locator('input:checked')).toHaveCount(0);
		await expect(page.locator(':focus')).toHaveAttribute('type', 'radio');
	});

	test('submitting with a question unanswered says which and focuses it', async ({ page }) => {
		await page.goto('/components');
		const quiz = page.locator('#quiz-answering');
		await quiz.getByRole('button', { name: 'Submit answers' }).click();
		await expect(quiz.getByText('Answer question 1 before submitting.').first()).toBeVisible();
		await expect(page.locator(':focus')).toHaveAttribute('name', 'quiz-answering-services');
	});

	test('feedback and answers are restored from saved progress after a reload', async ({ page }) => {
		await page.goto('/components');
		const quiz = page.locator('#quiz-answering');
		await quiz.getByRole('radio', { name: 'always coproduced' }).check();
		await quiz.getByRole('checkbox', { name: 'What matters to them' }).check();
		await quiz.getByRole('radio', { name: 'False' }).check();
		const order = await quiz.locator('.question').first().locator('label').allTextContents();
		await quiz.getByRole('button', { name: 'Submit answers' }).click();
		await expect(quiz.locator('.result')).toContainText('You scored 67% (2 of 3 right)');

		await page.reload();
		await expect(quiz.locator('.result')).toContainText('You scored 67% (2 of 3 right)');
		await expect(quiz.getByRole('radio', { name: 'always coproduced' })).toBeChecked();
		await expect(quiz.getByRole('checkbox', { name: 'What matters to them' })).toBeChecked();
		await expect(quiz.getByRole('button', { name: 'Try again' })).toBeVisible();
		// The shuffled order is the same for this learner after the reload.
		expect(await quiz.locator('.question').first().locator('label').allTextContents()).toEqual(
			order
		);
	});
});

test.describe('reflection', () => {
	test('survives a reload, saved on page hide before the autosave delay', async ({ page }) => {
		await page.goto('/components');
		const box = page.getByLabel(
			'What did you and the patient each bring to your last consultation?'
		);
		const text = 'I brought the evidence; she brought <script>alert(1)</script> her week.';
		await box.fill(text);
		// Reload at once: the debounce has not fired, so only the pagehide save can keep the text.
		await page.reload();
		await expect(box).toHaveValue(text);
		await expect(page.locator('#reflect-empty')).toContainText('12 words · at least 20 to count');
		// Rendered as text, never as markup.
		await expect(page.locator('#reflect-empty script')).toHaveCount(0);
		await expect(page.locator('#reflect-empty').getByText(/^Saved at \d/)).toBeVisible();
	});

	test('autosaves after typing pauses and shows the saved time', async ({ page }) => {
		await page.goto('/components');
		const step = page.locator('#reflect-empty');
		await step.getByRole('textbox').pressSequentially('Listening first.');
		await expect(step.getByText('Not saved yet')).toBeVisible();
		await expect(step.getByText(/^Saved at \d/)).toBeVisible();
		expect(await eventsSent(page)).toContain(
			'"type":"reflection.save","stepId":"reflect-empty","text":"Listening first."'
		);
	});
});

async function downloadText(download: Download): Promise<string> {
	return readFile((await download.path())!, 'utf8');
}

/** A minimal RIS reader: records of "TAG  - value" lines ended by "ER  - ". */
function parseRis(text: string): Record<string, string[]>[] {
	const records: Record<string, string[]>[] = [];
	let current: Record<string, string[]> = {};
	for (const line of text.split(/\r\n/)) {
		if (!line) continue;
		const match = /^([A-Z][A-Z0-9]) {2}- ?(.*)$/.exec(line);
		if (!match) throw new Error(`Not a RIS line: ${line}`);
		const [, tag, value] = match;
		if (tag === 'ER') {
			records.push(current);
			current = {};
		} else (current[tag] ??= []).push(value);
	}
	return records;
}

/** A minimal BibTeX reader: @type{key, field = {value}, …} with balanced braces. */
function parseBibtex(
	text: string
): { type: string; key: string; fields: Record<string, string> }[] {
	const entries = [];
	for (const chunk of text.split(/^@/m).slice(1)) {
		const head = /^(\w+)\{([^,]+),\n/.exec(chunk);
		if (!head) throw new Error(`Not a BibTeX entry: ${chunk.slice(0, 40)}`);
		const fields: Record<string, string> = {};
		for (const m of chunk.matchAll(/^ {2}(\w+) = \{(.*)\},?$/gm)) fields[m[1]] = m[2];
		let depth = 0;
		for (const c of chunk.replace(/\\[{}]/g, '')) depth += c === '{' ? 1 : c === '}' ? -1 : 0;
		if (depth !== 0) throw new Error(`Unbalanced braces in ${head[2]}`);
		entries.push({ type: head[1], key: head[2], fields });
	}
	return entries;
}

test.describe('readings', () => {
	test('RIS and BibTeX downloads of the whole list parse, with every field', async ({ page }) => {
		await page.goto('/readings');
		const cards = await page.locator('article.reading').count();
		expect(cards).toBeGreaterThan(0);

		const [ris] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('link', { name: 'All readings as RIS' }).click()
		]);
		expect(ris.suggestedFilename()).toBe('coproduction-readings.ris');
		const records = parseRis(await downloadText(ris));
		expect(records).toHaveLength(cards);
		for (const record of records) {
			expect(['JOUR', 'BOOK', 'RPRT', 'ELEC']).toContain(record.TY[0]);
			for (const tag of ['AU', 'TI', 'PY', 'ID']) expect(record[tag], tag).toBeDefined();
			expect(record.T2 ?? record.PB, `${record.ID}: journal or publisher`).toHaveLength(1);
			expect(record.PY[0]).toMatch(/^\d{4}$/);
		}
		const batalden = records.find((r) => r.ID[0] === 'batalden-m-2016');
		expect(batalden?.TY).toEqual(['JOUR']);
		expect(batalden?.T2).toEqual(['BMJ Quality & Safety']);
		expect(batalden?.DO).toEqual(['10.1136/bmjqs-2015-004315']);
		expect(batalden?.AU[0]).toBe('Batalden, M.');

		const [bib] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('link', { name: 'All readings as BibTeX' }).click()
		]);
		expect(bib.suggestedFilename()).toBe('coproduction-readings.bib');
		const entries = parseBibtex(await downloadText(bib));
		expect(entries).toHaveLength(cards);
		for (const entry of entries) {
			const source = {
				article: 'journal',
				book: 'publisher',
				techreport: 'institution',
				misc: 'howpublished'
			}[entry.type];
			expect(source, `${entry.key}: entry type ${entry.type}`).toBeDefined();
			for (const field of ['author', 'title', 'year', source!])
				expect(entry.fields[field], `${entry.key}.${field}`).toBeTruthy();
		}
		expect(entries.find((e) => e.key === 'batalden-m-2016')?.fields.pages).toBe('509--517');
	});

	test('one reading downloads on its own, and its Vancouver citation copies', async ({
		page,
		context
	}) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		await page.goto('/readings');
		const card = page.getByRole('article', {
			name: 'Coproduction of healthcare service',
			exact: true
		});
		const [ris] = await Promise.all([
			page.waitForEvent('download'),
			card.getByRole('link', { name: /Download RIS/ }).click()
		]);
		expect(ris.suggestedFilename()).toBe('batalden-m-2016.ris');
		const [record] = parseRis(await downloadText(ris));
		expect(record.TI).toEqual(['Coproduction of healthcare service']);
		expect(record.AU).toHaveLength(7);

		const [bib] = await Promise.all([
			page.waitForEvent('download'),
			card.getByRole('link', { name: /Download BibTeX/ }).click()
		]);
		const [entry] = parseBibtex(await downloadText(bib));
		expect(entry.fields.doi).toBe('10.1136/bmjqs-2015-004315');

		await card.getByRole('button', { name: 'Copy citation' }).click();
		await expect(card.getByRole('status')).toHaveText('Citation copied to the clipboard.');
		const copied = await page.evaluate(() => navigator.clipboard.readText());
		expect(copied).toMatch(
			/^Batalden M, Batalden P, .* et al\. Coproduction of healthcare service\. BMJ Qual Saf\. 2016;25\(7\):509-17\. doi:10\.1136\/bmjqs-2015-004315$/
		);
	});
});

test('a glossary term opens and closes its definition from the keyboard', async ({ page }) => {
	await page.goto('/components');
	const term = page.locator('#terms button.term').first();
	const definition = page.locator(`#${await term.getAttribute('popovertarget')}`);
	await expect(definition).toBeHidden();
	await term.focus();
	await page.keyboard.press('Enter');
	await expect(definition).toBeVisible();
	await expect(definition).toContainText('Source:');
	await page.keyboard.press('Escape');
	await expect(definition).toBeHidden();
	await expect(term).toBeFocused();
	// Tab moves from the term into its open definition; Close shuts it and focus goes back.
	await page.keyboard.press('Enter');
	await page.keyboard.press('Tab');
	await expect(definition.getByRole('link', { name: 'See the glossary' })).toBeFocused();
	await page.keyboard.press('Tab');
	await page.keyboard.press('Enter');
	await expect(definition).toBeHidden();
});

test('the gallery has no axe violations, with transcript, term and quiz feedback open', async ({
	page
}) => {
	test.setTimeout(90_000); // axe runs twice over a long page
	await page.route(providerHosts, (route) => route.fulfill({ contentType: 'text/html', body: '' }));
	await page.goto('/components');
	await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
	let results = await new AxeBuilder({ page }).analyze();
	expect(results.violations, JSON.stringify(results.violations, null, 2)).toEqual([]);

	await page.locator('#video-file').getByText('Transcript', { exact: true }).click();
	await page.locator('#terms button.term').first().click();
	await page.locator('#video-vimeo').getByRole('button', { name: /Play/ }).click();
	results = await new AxeBuilder({ page }).exclude('iframe').analyze();
	expect(results.violations, JSON.stringify(results.violations, null, 2)).toEqual([]);
});

test('the readings and glossary pages have no axe violations', async ({ page }) => {
	test.setTimeout(120_000); // axe takes a while over a long reading list
	for (const route of ['/readings', '/glossary', '/lessons/the-sandwich']) {
		await page.goto(route);
		const results = await new AxeBuilder({ page }).analyze();
		expect(results.violations, `${route}: ${JSON.stringify(results.violations, null, 2)}`).toEqual(
			[]
		);
	}
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a glossary term in a lesson still opens its definition', async ({ page }) => {
		await page.goto('/lessons/roots-and-words');
		const term = page.locator('button.term').first();
		const definition = page.locator(`#${await term.getAttribute('popovertarget')}`);
		await expect(definition).toBeHidden();
		await term.click();
		await expect(definition).toBeVisible();
		await expect(definition).toContainText('Source:');
		await definition.getByRole('button', { name: 'Close' }).click();
		await expect(definition).toBeHidden();
	});

	test('every lesson quiz is a readable form; videos and reflection prompts are there', async ({
		page
	}) => {
		test.setTimeout(90_000); // it walks every lesson page
		const lessons = (await discoverRoutes(page)).filter((r) => r.startsWith('/lessons/'));
		let quizzes = 0;
		for (const route of lessons) {
			await page.goto(route);
			for (const quiz of await page.locator('section[data-kind="quiz"]:has(form.quiz)').all()) {
				quizzes++;
				await expect(quiz.getByRole('group', { name: /^Question 1 of \d+/ })).toBeVisible();
				const inputs = quiz.locator('input[type="radio"], input[type="checkbox"]');
				expect(await inputs.count(), route).toBeGreaterThan(1);
				// Every option is a native input inside its own label, so it reads as a form.
				await expect(quiz.locator('label > input')).toHaveCount(await inputs.count());
				await expect(quiz.getByRole('button', { name: 'Submit answers' })).toBeVisible();
				// The <noscript> note is there (Playwright's script switch does not reach the parser).
				expect(await quiz.innerHTML()).toContain('Answering this quiz needs JavaScript.');
			}
			for (const video of await page.locator('section.video').all())
				await expect(video.getByRole('link', { name: /where it is published/ })).toBeVisible();
			for (const box of await page.locator('section[data-kind="reflect"] textarea').all())
				await expect(box).toBeVisible();
		}
		expect(quizzes).toBeGreaterThan(0);
	});

	test('the video transcript and chapters are readable, and terms link to the glossary', async ({
		page
	}) => {
		await page.goto('/components');
		const section = page.locator('#video-file');
		await section.getByText('Transcript', { exact: true }).click();
		await expect(section.getByText('Neither can make a good plan alone.')).toBeVisible();
		await expect(section.getByText('Making the plan together')).toBeVisible();
		// A term opens its definition natively, with the link to the glossary inside.
		await page.locator('#terms button.term').first().click();
		await expect(page.locator('#terms a[href*="glossary#"]:visible').first()).toBeVisible();
		await expect(
			page.locator('#video-youtube').getByRole('link', { name: /Watch on YouTube/ })
		).toBeVisible();
	});
});
