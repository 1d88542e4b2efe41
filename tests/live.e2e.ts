import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

const question = 'check.exercise-sheet';

async function expectNoAxeViolations(page: Page, label: string) {
	const results = await new AxeBuilder({ page }).analyze();
	expect(results.violations, `${label}: ${JSON.stringify(results.violations, null, 2)}`).toEqual(
		[]
	);
}

async function startSession(browser: Browser) {
	const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
	const page = await context.newPage();
	await page.goto('/facilitate/the-sandwich');
	await page.getByRole('button', { name: 'Start a live session' }).click();
	await expect(page).toHaveURL(/\/live\/[A-Z2-9]{6}\/host$/);
	const code = (await page.getByTestId('code').textContent())!.trim();
	// The audience screen, as the projector shows it, from the facilitator's own browser.
	const screen = await context.newPage();
	await screen.goto(`/live/${code}/screen`);
	await expect(screen.getByTestId('join-code')).toHaveText(code);
	return { context, page, code, screen };
}

async function join(browser: Browser, code: string) {
	const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
	const page = await context.newPage();
	await page.goto('/live');
	// Typed loosely, as people do: lower case with a space.
	await page.getByLabel('Join code').fill(`${code.slice(0, 3).toLowerCase()} ${code.slice(3)}`);
	await page.getByRole('button', { name: 'Join' }).click();
	await expect(page).toHaveURL(new RegExp(`/live/${code}$`));
	await expect(page.getByRole('heading', { name: 'Waiting for the facilitator…' })).toBeVisible();
	return { context, page };
}

test('a facilitator and three participants run a live session from join to delete', async ({
	browser
}, info) => {
	test.setTimeout(90_000);
	const host = await startSession(browser);
	await expectNoAxeViolations(host.page, 'facilitator console');
	await expectNoAxeViolations(host.screen, 'audience join screen');
	await host.screen.screenshot({ path: info.outputPath('projector-join.png') });

	const people = [];
	for (let i = 0; i < 3; i++) people.push(await join(browser, host.code));
	const [a, b, c] = people.map((p) => p.page);
	await expect(host.page.getByTestId('participants')).toHaveText('3 connected now · 3 have joined');
	await expect(a.getByTestId('handle')).toHaveText(/^\w+ \w+ \d\d$/);

	// A participant changes their random handle.
	await a.getByRole('button', { name: /Change/ }).click();
	await a.getByLabel('Your handle').fill('Ward 7');
	await a.getByRole('button', { name: 'Save' }).click();
	await expect(a.getByTestId('handle')).toHaveText('Ward 7');

	// Push a question: everyone answers, one changes their mind, the chart follows live.
	await host.page.locator(`[data-item="${question}"]`).click();
	const prompt =
		'What makes this part of the service more like a product than a coproduced service?';
	for (const p of [a, b, c]) await expect(p.getByRole('heading', { name: prompt })).toBeVisible();
	await expectNoAxeViolations(a, 'participant question');
	const shelf = /made before the team knew anything/;
	const counter = /It is on paper/;
	await a.getByLabel(shelf).check();
	await a.getByRole('button', { name: 'Send answer' }).click();
	await b.getByLabel(shelf).check();
	await b.getByRole('button', { name: 'Send answer' }).click();
	await c.getByLabel(counter).check();
	await c.getByRole('button', { name: 'Send answer' }).click();
	await expect(c.getByText('Your answer is in.')).toBeVisible();
	const count = (option: string) =>
		host.page.locator(`.chart li[data-option="${option}"]`).getByTestId('count');
	await expect(count('made-before')).toHaveText('2');
	await expect(count('printed')).toHaveText('1');
	await c.getByLabel(shelf).check();
	await c.getByRole('button', { name: 'Change answer' }).click();
	await expect(count('made-before')).toHaveText('3');
	await expect(count('printed')).toHaveText('0');
	// The room sees the question, not the results, until the facilitator shows them.
	await expect(host.screen.getByRole('heading', { name: prompt })).toBeVisible();
	await expect(host.screen.getByTestId('answered')).toHaveText('3 answers');
	await expect(host.screen.getByTestId('result')).toHaveCount(0);
	await a.screenshot({ path: info.outputPath('phone-question.png') });

	// A reload rejoins the same participant, with the answer kept.
	await a.reload();
	await expect(a.getByTestId('handle')).toHaveText('Ward 7');
	await expect(a.getByLabel(shelf)).toBeChecked();
	await expect(a.getByRole('button', { name: 'Change answer' })).toBeVisible();
	await expect(host.page.getByTestId('participants')).toHaveText('3 connected now · 3 have joined');

	await host.page.getByRole('button', { name: 'Reveal the answer' }).click();
	await expect(host.screen.locator('li.correct')).toHaveAttribute('data-option', 'made-before');
	await expect(host.screen.getByTestId('result')).toHaveCount(
		await host.screen.locator('li[data-option]').count()
	);
	// Answers are locked once the answer is shown.
	await expect(c.getByTestId('locked')).toBeVisible();
	await expect(c.getByRole('button', { name: 'Change answer' })).toHaveCount(0);
	await expect(host.page.locator('.chart li.correct')).toHaveAttribute(
		'data-option',
		'made-before'
	);
	await expect(b.getByText('✓ Correct answer')).toBeVisible();
	await expectNoAxeViolations(host.page, 'console chart');
	await expectNoAxeViolations(host.screen, 'audience chart');
	await host.screen.screenshot({ path: info.outputPath('projector-chart.png') });

	// Participants cannot use the facilitator's controls, even with their own session cookie.
	const push = await a.request.post(`/api/live/${host.code}/host`, {
		data: { action: 'push', itemKey: null }
	});
	expect(push.status()).toBe(403);
	expect((await a.request.get(`/api/live/${host.code}/export?format=csv`)).status()).toBe(403);
	expect((await a.request.delete(`/api/live/${host.code}`)).status()).toBe(403);
	expect((await a.goto(`/live/${host.code}/host`))?.status()).toBe(403);
	expect((await a.goto(`/live/${host.code}/screen`))?.status()).toBe(403);
	await a.goto(`/live/${host.code}`);

	// A prompt: answers wait for approval; approved ones reach the screen as text; a rejected one
	// is gone.
	const script = '<script>window.pwned = true</script> <b>bold</b>';
	for (const p of [a, b, c]) p.on('dialog', (d) => d.dismiss());
	await host.page.locator('[data-item="reflect"]').click();
	const reflect = /Think of one routine consultation you run/;
	for (const p of [a, b, c]) await expect(p.getByRole('textbox', { name: reflect })).toBeVisible();
	await a.getByRole('textbox', { name: reflect }).fill(script);
	await a.getByRole('button', { name: 'Send' }).click();
	await b.getByRole('textbox', { name: reflect }).fill('Agree the plan together');
	await b.getByRole('button', { name: 'Send' }).click();
	await c.getByRole('textbox', { name: reflect }).fill('Mrs Jones in bed 4 was never asked');
	await c.getByRole('button', { name: 'Send' }).click();
	const queue = host.page.getByTestId('queue').locator('li');
	await expect(queue).toHaveCount(3);
	await expect(
		host.screen.getByText('Answers appear here once the facilitator has read them.')
	).toBeVisible();
	await expect(host.screen.getByText(/Mrs Jones/)).toHaveCount(0);
	await queue
		.filter({ hasText: 'Mrs Jones' })
		.getByRole('button', { name: /Reject/ })
		.click();
	await queue
		.filter({ hasText: script })
		.getByRole('button', { name: /Approve/ })
		.click();
	await queue
		.filter({ hasText: 'Agree the plan' })
		.getByRole('button', { name: /Approve/ })
		.click();
	const cards = host.screen.getByTestId('cards').locator('li');
	await expect(cards).toHaveCount(2);
	await expect(cards.filter({ hasText: script })).toHaveCount(1);
	expect(await host.screen.locator('.cards script, .cards b').count()).toBe(0);
	expect(await host.screen.evaluate(() => (window as { pwned?: boolean }).pwned)).toBeUndefined();
	await expect(a.getByTestId('my-response')).toHaveText(script);
	await c.screenshot({ path: info.outputPath('phone-prompt.png') });

	const approved = host.page.getByTestId('approved').locator('li');
	await approved
		.filter({ hasText: 'Agree the plan' })
		.getByRole('button', { name: /Hide/ })
		.click();
	await expect(cards).toHaveCount(1);
	await expect(host.page.getByText('Hidden (1)')).toBeVisible();
	await expectNoAxeViolations(host.page, 'console cards');
	await expectNoAxeViolations(host.screen, 'audience cards');
	await host.screen.screenshot({ path: info.outputPath('projector-cards.png') });

	// Export: one CSV row per response kept, the hidden one flagged, the rejected one gone, and no
	// handles (the session is anonymous by default).
	const [download] = await Promise.all([
		host.page.waitForEvent('download'),
		host.page.getByRole('link', { name: 'Download CSV' }).click()
	]);
	const csv = readFileSync((await download.path())!, 'utf8')
		.trimEnd()
		.split('\r\n');
	// Every field is quoted (a `;` or a formula trigger cannot split or run a cell).
	expect(csv[0]).toBe(
		'"item","kind","title","prompt","participant","handle","answer","correct","status","answered_at"'
	);
	expect(csv).toHaveLength(1 + 3 + 2);
	const questionRows = csv.filter((row) => row.startsWith(`"${question}","question",`));
	expect(questionRows).toHaveLength(3);
	for (const row of questionRows)
		expect(row).toMatch(/,"[123]","",".*","yes","shown","\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC"$/);
	expect(csv.some((row) => row.includes('Ward 7'))).toBe(false);
	expect(csv.some((row) => row.includes('Mrs Jones'))).toBe(false);
	expect(csv.find((row) => row.includes('Agree the plan together'))).toMatch(/,"hidden","[^"]+"$/);
	expect(csv.some((row) => row.includes('<script>window.pwned = true</script>'))).toBe(true);
	const md = await (await host.page.request.get(`/api/live/${host.code}/export?format=md`)).text();
	expect(md).toContain('1 response hidden by the facilitator.');
	expect(md).toContain('3 participants joined.');
	expect(md).toContain('| 3 | 100% | yes |');
	expect(md).not.toContain('Mrs Jones');

	// Delete: phones are told, and the code no longer works.
	host.page.once('dialog', (d) => d.accept());
	await host.page.getByRole('button', { name: 'Delete this session' }).click();
	await expect(host.page.getByText('The session has been deleted.')).toBeVisible();
	await expect(b.getByText('This session has ended.')).toBeVisible();
	await expect(b.getByRole('button', { name: /Change/ })).toBeHidden();
	await b.goto(`/live/${host.code}`);
	await expect(b.getByRole('alert')).toHaveText(/no live session with that code/);
	await expect(b.getByLabel('Join code')).toHaveValue(host.code);

	for (const ctx of [host.context, ...people.map((p) => p.context)]) await ctx.close();
});

test('the presenter view is driven by the keyboard, with speaker notes kept in step', async ({
	page,
	context
}, info) => {
	test.setTimeout(90_000);
	await page.setViewportSize({ width: 1920, height: 1080 });
	await page.goto('/present/what-is-coproduction');
	const counter = page.getByTestId('counter');
	await expect(counter).toHaveText(/^1 \/ \d+$/);
	const total = Number((await counter.textContent())!.split('/')[1]);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Healthcare as a coproduced service'
	);
	await expectNoAxeViolations(page, 'presenter title');
	await page.screenshot({ path: info.outputPath('projector-title.png') });

	const notes = await context.newPage();
	await notes.goto('/present/what-is-coproduction/notes');
	await expect(notes.getByTestId('notes-slide')).toHaveText(`Slide 1 of ${total}`);

	// The session plan from the facilitator guide comes after the title.
	await page.keyboard.press('ArrowRight');
	await expect(counter).toHaveText(`2 / ${total}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Session plan');
	await page.keyboard.press('ArrowRight');
	await expect(counter).toHaveText(`3 / ${total}`);
	await expect(page.locator('#why-it-matters')).toBeVisible();
	await expect(page.locator('#service-not-product')).toBeHidden();
	await expect(notes.getByTestId('notes-slide')).toHaveText(`Slide 3 of ${total}`);
	await page.keyboard.press('Space');
	await expect(page.locator('#service-not-product')).toBeVisible();
	await expect(page.locator('#why-it-matters')).toBeHidden();
	await page.screenshot({ path: info.outputPath('projector-step.png') });

	// The notes window drives the deck too.
	await notes.getByRole('button', { name: 'Next slide' }).click();
	await expect(counter).toHaveText(`5 / ${total}`);
	await page.keyboard.press('ArrowRight');
	await expect(counter).toHaveText(`6 / ${total}`);
	await page.keyboard.press('ArrowRight');
	await expect(page.locator('.question-slide').getByText(/Question 1 of \d+/)).toBeVisible();
	await expect(notes.getByText(/^Answer: Ask what has changed in her days/)).toBeVisible();
	await page.keyboard.press('r');
	await expect(page.locator('.question-slide').getByText('✓ Correct')).toBeVisible();
	await expectNoAxeViolations(page, 'presenter question');
	await page.screenshot({ path: info.outputPath('projector-question.png') });

	await page.keyboard.press('ArrowLeft');
	await expect(counter).toHaveText(`6 / ${total}`);
	await page.keyboard.press('End');
	await expect(counter).toHaveText(`${total} / ${total}`);
	// The deck ends with the guide's discussion questions.
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		/outcome measures is actually made in the patient's life/
	);

	await page.keyboard.press('b');
	await expect(page.getByTestId('blank')).toBeVisible();
	await expect(notes.getByText('The screen is blank')).toBeVisible();
	await page.keyboard.press('b');
	await expect(page.getByTestId('blank')).toBeHidden();

	await page.keyboard.press('?');
	await expect(page.getByRole('dialog', { name: 'Presenter keys' })).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(page.getByRole('dialog')).toBeHidden();

	await expect(page.getByTestId('timer')).toHaveText(/^\d+:\d\d of 60 min$/);
	await expectNoAxeViolations(notes, 'speaker notes');

	await page.reload();
	await expect(counter).toHaveText(`${total} / ${total}`);
});

test('the facilitator guide lists every lesson and its plan reads as a handout', async ({
	page
}, info) => {
	test.setTimeout(90_000);
	await page.goto('/facilitate');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Facilitator guide');
	await expectNoAxeViolations(page, '/facilitate');
	await page.getByRole('link', { name: 'Session plan: Making a sandwich together' }).click();
	await expect(page).toHaveURL(/\/facilitate\/the-sandwich$/);
	for (const name of ['Timeline', 'What to prepare', 'Discussion questions', 'Quiz answers'])
		await expect(page.getByRole('heading', { name })).toBeVisible();
	await expect(page.getByRole('heading', { name: /^Group activity: / })).toBeVisible();
	expect(await page.locator('tbody tr').count()).toBeGreaterThan(2);
	await expectNoAxeViolations(page, '/facilitate/the-sandwich');

	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('button', { name: 'Start a live session' })).toBeHidden();
	await expect(page.locator('.site-header')).toBeHidden();
	await page.emulateMedia({ media: 'screen' });

	for (const size of [
		{ width: 320, height: 740 },
		{ width: 390, height: 844 },
		{ width: 1280, height: 900 }
	]) {
		await page.setViewportSize(size);
		for (const route of ['/facilitate/the-sandwich', '/live']) {
			await page.goto(route);
			const overflow = await page.evaluate(
				() => document.documentElement.scrollWidth - document.documentElement.clientWidth
			);
			expect(overflow, `${route} at ${size.width}px`).toBeLessThanOrEqual(0);
			await page.screenshot({
				path: info.outputPath(`${size.width}${route.replaceAll('/', '-')}.png`),
				fullPage: true
			});
		}
	}
	await page.goto('/live');
	await expectNoAxeViolations(page, '/live');
});

test('an unknown join code says so', async ({ page }) => {
	await page.goto('/live');
	await page.getByLabel('Join code').fill('zzzzzz');
	await page.getByRole('button', { name: 'Join' }).click();
	// Back on the join form, the code kept to fix, the reason beside it.
	await expect(page.getByRole('alert')).toHaveText(/no live session with that code/);
	await expect(page.getByLabel('Join code')).toHaveValue('zzzzzz');
	await expect(page.locator('.site-header')).toHaveCount(0);
	await page.getByLabel('Join code').fill('');
	await page.getByRole('button', { name: 'Join' }).click();
	await expect(page.getByRole('alert')).toHaveText(/Type the code/);
});
