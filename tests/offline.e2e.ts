import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readLessons, type StepMeta } from './course';
import { reach } from './islands';
import { answerQuizFromFile } from './quiz';

// The course offline once visited (src/service-worker.ts). Each test runs its own server, so it can
// stop it: then nothing can come from the network, whatever the browser's offline emulation covers.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

const buildDir = process.env.BUILD_DIR ?? 'build';
const port = Number(process.env.E2E_PORT ?? 4173) + 60;
const origin = `http://127.0.0.1:${port}`;

function serve(dir: string): Promise<ChildProcess> {
	const server = spawn(process.execPath, [dir], {
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: origin,
			LIVE_DB_PATH: join(tmpdir(), `live-offline-${port}-${Date.now()}.sqlite`)
		},
		stdio: 'ignore'
	});
	return new Promise((resolve, reject) => {
		const deadline = Date.now() + 20_000;
		const poll = () =>
			fetch(origin)
				.then(() => resolve(server))
				.catch(() =>
					Date.now() > deadline ? reject(new Error('server did not start')) : setTimeout(poll, 100)
				);
		poll();
	});
}

function stop(server: ChildProcess): Promise<void> {
	return new Promise((resolve) => {
		if (server.exitCode !== null) return resolve();
		server.once('exit', () => resolve());
		server.kill('SIGKILL');
	});
}

/** Waits until the worker has precached the course and controls the page. */
async function workerReady(page: Page) {
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller)
			await new Promise((r) =>
				navigator.serviceWorker.addEventListener('controllerchange', r, { once: true })
			);
	});
}

const lesson = readLessons()[0];
const firstQuiz = lesson.steps.findIndex((s) => s.kind === 'quiz');
const readSteps = lesson.steps.slice(0, firstQuiz).filter((s) => s.kind !== 'reflect');
const reflection = lesson.steps.find((s, i) => i > firstQuiz && s.kind === 'reflect') as Extract<
	StepMeta,
	{ kind: 'reflect' }
>;
const words = (n: number, word: string) => Array.from({ length: n }, () => word).join(' ');

let server: ChildProcess | undefined;
test.afterEach(async () => {
	if (server) await stop(server);
	server = undefined;
});

async function goOffline(context: BrowserContext) {
	if (server) await stop(server);
	server = undefined;
	await context.setOffline(true);
}

test('once visited, a lesson never opened works offline, and what is typed there is kept', async ({
	context,
	page
}) => {
	server = await serve(buildDir);
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	await page.goto(`${origin}/`);
	await workerReady(page);

	await goOffline(context);
	await page.goto(`${origin}/lessons/${lesson.slug}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(lesson.title);
	await page.locator('html[data-progress="ready"]').waitFor({ state: 'attached' });
	for (const step of readSteps)
		await page.locator(`section#${step.id}`).getByRole('button', { name: 'Continue' }).click();
	const quiz = page.locator(`section#${lesson.steps[firstQuiz].id}`);
	await reach(quiz);
	await answerQuizFromFile(quiz, lesson, lesson.steps[firstQuiz].id, true);
	const text = words(reflection.minWords ?? 30, 'offline') + ' ' + words(10, 'offline');
	const box = page.locator(`section#${reflection.id}`).getByRole('textbox');
	await reach(page.locator(`section#${reflection.id}`));
	await box.fill(text);
	await expect(page.locator(`section#${reflection.id}`)).toContainText('Saved');

	await page.reload();
	await reach(page.locator(`section#${reflection.id}`));
	await expect(box).toHaveValue(text);

	// Back online: the same page, the same words, and nothing went wrong on the way.
	server = await serve(buildDir);
	await context.setOffline(false);
	await page.reload();
	await reach(page.locator(`section#${reflection.id}`));
	await expect(box).toHaveValue(text);
	expect(errors).toEqual([]);
});

test('offline, the live-session pages say they need a connection', async ({ context, page }) => {
	server = await serve(buildDir);
	await page.goto(`${origin}/`);
	await workerReady(page);
	await goOffline(context);
	await page.goto(`${origin}/live`);
	await expect(
		page.getByRole('heading', { name: 'Live sessions need a connection' })
	).toBeVisible();
	const api = await page.evaluate(() =>
		fetch('/api/live/ABCDEF/join', { method: 'GET' }).then(async (r) => ({
			status: r.status,
			body: await r.json()
		}))
	);
	expect(api.status).toBe(503);
	expect(api.body.message).toContain('Live sessions need a connection');
});

test('a new version waits: the learner is told, and the page never reloads by itself mid-quiz', async ({
	page
}) => {
	// The second deployment: the same build with a new version string, as `vite build` writes it.
	const next = join(tmpdir(), `course-next-${port}-${Date.now()}`);
	cpSync(buildDir, next, { recursive: true });
	const version = JSON.parse(
		readFileSync(join(buildDir, 'client/_app/version.json'), 'utf8')
	).version;
	const worker = join(next, 'client/service-worker.js');
	writeFileSync(worker, readFileSync(worker, 'utf8').replaceAll(version, `${version}-next`));
	rmSync(`${worker}.gz`, { force: true });
	rmSync(`${worker}.br`, { force: true });

	try {
		server = await serve(buildDir);
		await page.goto(`${origin}/lessons/${lesson.slug}`);
		await workerReady(page);
		await page.locator('html[data-progress="ready"]').waitFor({ state: 'attached' });
		for (const step of readSteps)
			await page.locator(`section#${step.id}`).getByRole('button', { name: 'Continue' }).click();
		const quiz = page.locator(`section#${lesson.steps[firstQuiz].id}`);
		await reach(quiz);
		const choice = quiz.locator('fieldset.question input').first();
		await choice.check();
		await page.evaluate(() => Object.assign(window, { __sameDocument: true }));

		await stop(server);
		server = await serve(next);
		// What an open tab does when the learner comes back to it: ask whether there is a new version.
		await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));

		const notice = page
			.getByRole('status')
			.filter({ hasText: 'A new version of the course is ready' });
		await expect(notice).toBeVisible();
		await page.screenshot({ path: test.info().outputPath('update-notice.png') });
		await page.setViewportSize({ width: 390, height: 844 });
		await page.screenshot({ path: test.info().outputPath('update-notice-phone.png') });
		await page.waitForTimeout(1500);
		expect(await page.evaluate(() => '__sameDocument' in window)).toBe(true);
		await expect(choice).toBeChecked();

		await notice.getByRole('button', { name: 'Reload to use it' }).click();
		await page.waitForFunction(() => !('__sameDocument' in window));
		const caches = await page.evaluate(() => globalThis.caches.keys());
		expect(caches).toContain(`coproduction-course-course-${version}-next`);
		expect(caches).not.toContain(`coproduction-course-course-${version}`);
	} finally {
		rmSync(next, { recursive: true, force: true });
	}
});
