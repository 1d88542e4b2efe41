import { afterEach, describe, expect, test, vi } from 'vitest';
import { testOutline } from '$lib/machines/fixtures';
import { CourseProgress } from './progress.svelte';
import { memoryStorage } from './storage';

const outline = testOutline(['one', 'two']);
const stored = (lessons: object) =>
	JSON.stringify({
		schema: 2,
		course: 'v1',
		seed: 'stored-seed',
		progress: lessons,
		reflections: {},
		answers: {}
	});

/** A CourseProgress whose persistence code is loaded through a spy, so a test sees whether it was. */
function connected(storage: ReturnType<typeof memoryStorage> | null) {
	const progress = new CourseProgress(outline);
	const loadSession = vi.fn(() => import('./session'));
	const disconnect = progress.connect(storage, { loadSession });
	disconnects.push(disconnect);
	return { progress, loadSession };
}

const disconnects: Array<() => void> = [];
afterEach(() => {
	for (const disconnect of disconnects.splice(0)) disconnect();
});

describe('CourseProgress: persistence loads only when there is something to keep', () => {
	test('a first visit (nothing stored) does not load it, and shows a new learner with a seed', async () => {
		const { progress, loadSession } = connected(memoryStorage());
		await progress.ready;
		expect(loadSession).not.toHaveBeenCalled();
		expect(progress.view.lessons).toEqual({});
		expect(progress.view.seed).toMatch(/^[a-z0-9]+$/);
	});

	test('stored progress is loaded and shown, with its own seed', async () => {
		const storage = memoryStorage(
			stored({ one: { done: ['read'], at: 'watch', complete: false, t: 5 } })
		);
		const { progress, loadSession } = connected(storage);
		await progress.ready;
		expect(loadSession).toHaveBeenCalledTimes(1);
		expect(progress.view.lessons.one.done).toEqual(['read']);
		expect(progress.view.seed).toBe('stored-seed');
	});

	test("a new learner's first action loads it and is saved, keeping the seed already shown", async () => {
		const storage = memoryStorage();
		const { progress, loadSession } = connected(storage);
		await progress.ready;
		const seed = progress.view.seed;
		progress.saveReflection('one', 'reflect', 'words of my own');
		await vi.waitFor(() =>
			expect(progress.view.reflections['one/reflect']?.text).toBe('words of my own')
		);
		expect(loadSession).toHaveBeenCalledTimes(1);
		expect(progress.view.seed).toBe(seed);
		await progress.envelope();
		window.dispatchEvent(new Event('pagehide'));
		await vi.waitFor(() => expect(storage.value).not.toBeNull());
		expect(JSON.parse(storage.value!)).toMatchObject({
			seed,
			reflections: { 'one/reflect': { text: 'words of my own' } }
		});
	});

	test('another tab saving for the first time loads it and shows that progress', async () => {
		const storage = memoryStorage();
		const { progress, loadSession } = connected(storage);
		await progress.ready;
		storage.changeElsewhere(stored({ two: { done: [], at: 'read', complete: false, t: 9 } }));
		await vi.waitFor(() => expect(progress.view.lessons.two).toBeDefined());
		expect(loadSession).toHaveBeenCalledTimes(1);
	});

	test('events sent before the code loads wait in one queue, in order; words are kept first', async () => {
		let release = () => {};
		const gate = new Promise<void>((resolve) => (release = resolve));
		const progress = new CourseProgress(outline);
		const loadEngine = async () => {
			await gate;
			return import('./engine');
		};
		disconnects.push(progress.connect(memoryStorage(), { loadEngine }));
		await progress.ready;
		progress.send('one', { type: 'step.complete', stepId: 'read' });
		progress.send('one', { type: 'video.watched', stepId: 'watch' });
		progress.saveReflection('one', 'reflect', 'words kept at once');
		await vi.waitFor(() =>
			expect(progress.view.reflections['one/reflect']?.text).toBe('words kept at once')
		);
		expect(progress.view.lessons).toEqual({});
		release();
		// In order: 'watch' is only open once 'read' is done.
		await vi.waitFor(() => expect(progress.view.lessons.one?.done).toEqual(['read', 'watch']));
	});

	test('blocked storage says so at once, without loading anything', async () => {
		const { progress, loadSession } = connected(null);
		await progress.ready;
		expect(progress.view.notice).toEqual({ kind: 'unavailable' });
		expect(loadSession).not.toHaveBeenCalled();
	});

	test('unreadable storage loads it, so the problem is reported', async () => {
		const storage = memoryStorage();
		storage.read = async () => {
			throw new Error('SecurityError');
		};
		const { progress, loadSession } = connected(storage);
		await progress.ready;
		expect(loadSession).toHaveBeenCalledTimes(1);
		expect(progress.view.notice).toEqual({ kind: 'unavailable' });
	});
});
