// The facilitator's room (issue 19): the audience screen shows only what the facilitator chose and
// never a control; results stay hidden until revealed; pre-moderated text is not on the screen
// before approval and not in the export after rejection; an offline phone's answer arrives after
// reconnect; the console works from a second device; the QR fits the projector.
import { expect, test, type Browser, type Page } from '@playwright/test';

const question = 'check.exercise-sheet';
const controls = 'button, input, select, textarea, a[href], [role="button"], [tabindex="0"]';

async function startSession(browser: Browser, viewport = { width: 1280, height: 720 }) {
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const console_ = await context.newPage();
	await console_.goto('/facilitate/the-sandwich');
	await console_.getByRole('button', { name: 'Start a live session' }).click();
	await expect(console_).toHaveURL(/\/live\/[A-Z2-9]{6}\/host$/);
	const code = (await console_.getByTestId('code').textContent())!.trim();
	const screen = await context.newPage();
	await screen.setViewportSize(viewport);
	await screen.goto(`/live/${code}/screen`);
	return { context, console: console_, screen, code };
}

async function join(browser: Browser, code: string) {
	const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
	const page = await context.newPage();
	await page.goto(`/live/${code}`);
	await expect(page.getByRole('heading', { name: 'Waiting for the facilitator…' })).toBeVisible();
	return { context, page };
}

/** Nothing on the audience screen can be pressed, typed in or followed. */
async function expectNoControls(screen: Page, label: string) {
	await expect(screen.getByTestId('audience').locator(controls), label).toHaveCount(0);
	await expect(screen.getByRole('button'), label).toHaveCount(0);
}

test('the audience screen shows only what the facilitator chose, and never a control', async ({
	browser
}, info) => {
	test.setTimeout(120_000);
	const room = await startSession(browser);
	const { screen } = room;
	await expectNoControls(screen, 'join screen');
	const phones = [await join(browser, room.code), await join(browser, room.code)];
	const [a, b] = phones.map((p) => p.page);
	await expect(room.console.getByTestId('participants')).toHaveText(
		'2 connected now · 2 have joined'
	);

	// A quiz question: results default hidden; answers counted, not shown.
	await room.console.locator(`[data-item="${question}"]`).click();
	await expect(screen.getByTestId('options').locator('li')).toHaveCount(4);
	await a.getByLabel(/made before the team knew anything/).check();
	await a.getByRole('button', { name: 'Send answer' }).click();
	await b.getByLabel(/It is on paper/).check();
	await b.getByRole('button', { name: 'Send answer' }).click();
	await expect(screen.getByTestId('answered')).toHaveText('2 answers');
	await expect(room.console.getByTestId('sees')).toHaveText('the question; results hidden');
	await expect(screen.getByTestId('result')).toHaveCount(0);
	await expect(screen.locator('li.correct')).toHaveCount(0);
	await expect(
		screen.getByText('Results are hidden until the facilitator shows them.')
	).toBeVisible();
	await expectNoControls(screen, 'question, results hidden');

	// Shown: counts and percentages, still no answer marked.
	await room.console.getByRole('button', { name: 'Show results' }).click();
	await expect(screen.locator('[data-option="made-before"] [data-testid="result"]')).toHaveText(
		'1 · 50%'
	);
	await expect(screen.locator('li.correct')).toHaveCount(0);
	// Revealed: the answer, and answers locked.
	await room.console.getByRole('button', { name: 'Reveal the answer' }).click();
	await expect(screen.locator('li.correct')).toHaveAttribute('data-option', 'made-before');
	await expect(b.getByTestId('locked')).toBeVisible();
	const late = await b.request.post(`/api/live/${room.code}/answer`, {
		data: { itemKey: question, answer: ['made-before'] }
	});
	expect(late.status()).toBe(409);
	await expectNoControls(screen, 'question revealed');

	// A countdown on the screen and the phones; answers close when it ends (server side).
	await room.console.locator('[data-item="reflect"]').click();
	await room.console.getByRole('button', { name: '30 s' }).click();
	await expect(screen.getByTestId('countdown')).toHaveText(/^0:(30|29|28) left$/);
	await expect(a.getByTestId('phone-countdown')).toHaveText(/^0:(30|29|28) left to answer$/);

	// Free text: pre-moderated. Not on the screen before approval; rejected is gone everywhere.
	const reflect = /Think of one routine consultation you run/;
	await a.getByRole('textbox', { name: reflect }).fill('Mrs Jones in bed 4 was never asked');
	await a.getByRole('button', { name: 'Send' }).click();
	await b.getByRole('textbox', { name: reflect }).fill('Ask what matters first');
	await b.getByRole('button', { name: 'Send' }).click();
	const queue = room.console.getByTestId('queue').locator('li');
	await expect(queue).toHaveCount(2);
	await expect(screen.getByText(/Mrs Jones|Ask what matters/)).toHaveCount(0);
	await room.console.screenshot({
		path: info.outputPath('console-queue-1280x800.png'),
		fullPage: true
	});
	await a.screenshot({ path: info.outputPath('phone-prompt-390x844.png') });
	// The screen's own data holds none of it either.
	expect(await screen.content()).not.toContain('Mrs Jones');
	await queue
		.filter({ hasText: 'Mrs Jones' })
		.getByRole('button', { name: /Reject/ })
		.click();
	await queue
		.filter({ hasText: 'Ask what matters' })
		.getByRole('button', { name: /Approve/ })
		.click();
	await expect(screen.getByTestId('cards').locator('li')).toHaveText(['Ask what matters first']);
	// Anonymous by default: no handle on the screen, even after one is chosen.
	await expect(screen.getByTestId('cards').locator('.handle')).toHaveCount(0);
	await expectNoControls(screen, 'cards');
	await screen.screenshot({ path: info.outputPath('audience-cards-1280x720.png') });

	const csv = await (
		await room.console.request.get(`/api/live/${room.code}/export?format=csv`)
	).text();
	const md = await (
		await room.console.request.get(`/api/live/${room.code}/export?format=md`)
	).text();
	for (const text of [csv, md]) {
		expect(text).not.toContain('Mrs Jones');
		expect(text).toContain('Ask what matters first');
	}

	// The phone that left is no longer counted as connected.
	await phones[1].context.close();
	await expect(room.console.getByTestId('participants')).toHaveText(
		'1 connected now · 2 have joined'
	);
	await phones[0].context.close();
	await room.context.close();
});

test('the join screen fits the projector, 1280×720 and 1920×1080, QR code included', async ({
	browser
}, info) => {
	test.setTimeout(90_000);
	for (const viewport of [
		{ width: 1280, height: 720 },
		{ width: 1920, height: 1080 },
		{ width: 3840, height: 2160 }
	]) {
		const room = await startSession(browser, viewport);
		const qr = await room.screen.getByTestId('qr').boundingBox();
		expect(qr, 'QR code').not.toBeNull();
		expect(qr!.y + qr!.height).toBeLessThanOrEqual(viewport.height);
		expect(qr!.x + qr!.width).toBeLessThanOrEqual(viewport.width);
		// Big enough to scan from the back of a room: at least a third of the screen's height.
		expect(qr!.height).toBeGreaterThanOrEqual(viewport.height / 3);
		const code = await room.screen.getByTestId('join-code').boundingBox();
		expect(code!.y + code!.height).toBeLessThanOrEqual(viewport.height);
		const overflow = await room.screen.evaluate(() => ({
			x: document.documentElement.scrollWidth - innerWidth,
			y: document.documentElement.scrollHeight - innerHeight
		}));
		expect(overflow).toEqual({ x: 0, y: 0 });
		if (viewport.width < 3000) {
			await room.screen.screenshot({
				path: info.outputPath(`audience-join-${viewport.width}x${viewport.height}.png`)
			});
			// A question on the screen, at the same size.
			await room.console.locator(`[data-item="${question}"]`).click();
			await room.console.getByRole('button', { name: 'Show results' }).click();
			await expect(room.screen.getByTestId('result').first()).toBeVisible();
			await room.screen.screenshot({
				path: info.outputPath(`audience-question-${viewport.width}x${viewport.height}.png`)
			});
		}
		await room.context.close();
	}
});

test('an offline phone keeps its answer and sends it when the connection is back', async ({
	browser
}) => {
	test.setTimeout(90_000);
	const room = await startSession(browser);
	const phone = await join(browser, room.code);
	const p = phone.page;
	await room.console.locator(`[data-item="${question}"]`).click();
	await expect(p.getByLabel(/made before the team knew anything/)).toBeVisible();
	await expect(p.getByRole('status').first()).toHaveText('Connected');

	await phone.context.setOffline(true);
	await expect(p.getByText('No connection: this phone is offline.')).toBeVisible();
	await p.getByLabel(/made before the team knew anything/).check();
	await p.getByRole('button', { name: 'Send answer' }).click();
	await expect(p.getByText(/Not sent yet: no connection/)).toBeVisible();
	await expect(p.getByText('Failed to fetch')).toHaveCount(0);
	await expect(room.console.getByTestId('answered')).toHaveText(/^0 answers/);

	await phone.context.setOffline(false);
	await expect(p.getByRole('status').first()).toHaveText('Connected');
	await expect(p.getByText('Your answer is in.', { exact: false })).toBeVisible();
	await expect(room.console.getByTestId('answered')).toHaveText(/^1 answer/);
	await expect(
		room.console.locator('.chart li[data-option="made-before"]').getByTestId('count')
	).toHaveText('1');
	await phone.context.close();
	await room.context.close();
});

test('the console opens on a second device from its link, and the phone pages carry no course chrome', async ({
	browser
}) => {
	const room = await startSession(browser);
	const phone = await join(browser, room.code);
	await expect(phone.page.locator('.site-header, .site-footer')).toHaveCount(0);
	// The link is in the console's QR code; its address is the console page's own data.
	const remote = await room.console.evaluate(async () => {
		const html = await (await fetch(location.href)).text();
		return /\/live\/[A-Z2-9]{6}\/remote\?key=[^"&]+/.exec(html.replaceAll('&amp;', '&'))?.[0];
	});
	expect(remote).toBeTruthy();
	const second = await browser.newContext({ viewport: { width: 390, height: 844 } });
	const hand = await second.newPage();
	expect((await hand.goto(`/live/${room.code}/host`))?.status()).toBe(403);
	await hand.goto(remote!);
	await expect(hand).toHaveURL(new RegExp(`/live/${room.code}/host$`));
	await hand.locator(`[data-item="${question}"]`).click();
	await expect(room.screen.getByTestId('options')).toBeVisible();
	// A wrong key opens nothing.
	const other = await browser.newContext();
	const wrong = await other.newPage();
	expect((await wrong.goto(`/live/${room.code}/remote?key=nope`))?.status()).toBe(403);

	for (const c of [second, other, phone.context, room.context]) await c.close();
});

test('one deck: a quiz slide sends its question to phones and shows its results; the guide’s activity has a countdown', async ({
	browser
}, info) => {
	test.setTimeout(120_000);
	const room = await startSession(browser);
	const phone = await join(browser, room.code);
	const deck = await room.context.newPage();
	await deck.setViewportSize({ width: 1280, height: 720 });
	await deck.goto(`/present/the-sandwich?live=${room.code}`);
	await expect(deck.getByTestId('deck-live')).toHaveText(`Live ${room.code} · 1 connected`);
	// To the first question slide.
	for (let i = 0; i < 30 && !(await deck.locator('.question-slide').isVisible()); i++)
		await deck.keyboard.press('ArrowRight');
	const prompt = (await deck.locator('.question-slide h1').textContent())!.trim();
	await deck.getByRole('button', { name: 'Send to phones' }).click();
	await expect(phone.page.getByRole('heading', { name: prompt })).toBeVisible();
	await expect(room.screen.getByRole('heading', { name: prompt })).toBeVisible();
	await phone.page.locator('.option input').first().check();
	await phone.page.getByRole('button', { name: 'Send answer' }).click();
	await expect(deck.getByTestId('slide-answered')).toHaveText('1 answer');
	await expect(deck.getByTestId('slide-result')).toHaveCount(0);
	await deck.keyboard.press('s');
	await expect(deck.getByTestId('slide-result').first()).toHaveText('1 · 100%');
	await expect(room.screen.getByTestId('result').first()).toHaveText('1 · 100%');
	// R reveals on the slide and in the session: the phone is told, and locked.
	await deck.keyboard.press('r');
	await expect(phone.page.getByTestId('locked')).toBeVisible();
	await expect(room.screen.locator('li.correct')).toHaveCount(1);
	const fit = await deck
		.locator('section.slide')
		.evaluate((el) => el.scrollHeight - el.clientHeight);
	expect(fit).toBeLessThanOrEqual(1);
	await deck.screenshot({ path: info.outputPath('deck-live-question.png') });

	// The group activity from the guide, with its countdown.
	for (let i = 0; i < 30 && !(await deck.getByTestId('activity-timer').isVisible()); i++)
		await deck.keyboard.press('ArrowRight');
	await expect(deck.getByTestId('activity-timer')).toHaveText(/Press C to start/);
	await deck.keyboard.press('c');
	await expect(deck.getByTestId('activity-timer')).toHaveText(/^1[45]:\d\d left$/);
	await phone.context.close();
	await room.context.close();
});
