import { describe, expect, test } from 'vitest';
import { rightAnswers, testOutline, testQuestions, wrongAnswers } from '$lib/machines/fixtures';
import { ProgressSession } from './session';
import { memoryStorage } from './storage';

const outline = testOutline(['one', 'two']);
const quiz = { questions: testQuestions, passMark: 75 };

/** A session whose clock the test moves by hand. */
function session(storage = memoryStorage()) {
	let time = 1000;
	const s = new ProgressSession(outline, storage, { delay: 10, now: () => time++ });
	return { s, storage, tick: (ms: number) => (time += ms) };
}

function completeLessonOne(s: ProgressSession) {
	s.send('one', { type: 'step.complete', stepId: 'read' });
	s.send('one', { type: 'video.watched', stepId: 'watch' });
	s.submitQuiz('one', 'check', quiz, rightAnswers);
	s.saveReflection('one', 'reflect', 'my own three words');
}

describe('ProgressSession', () => {
	test('save → JSON → restore gives back the same progress, words and answers', async () => {
		const { s, storage } = session();
		await s.load();
		await s.startEngine();
		completeLessonOne(s);
		s.send('two', { type: 'step.complete', stepId: 'read' });
		await s.flush();
		const saved = JSON.parse(storage.value!);
		expect(saved).toMatchObject({ schema: 2, course: 'v1' });

		const { s: again } = session(memoryStorage(storage.value));
		await again.load();
		await again.startEngine();
		expect(again.view.lessons).toEqual(s.view.lessons);
		expect(again.view.reflections['one/reflect'].text).toBe('my own three words');
		expect(again.view.answers['one/check']).toMatchObject({ passed: true, best: 100 });
		expect(again.view.seed).toBe(s.view.seed);
		expect(again.view.notice).toBeNull();
	});

	test('a quiz on a locked step is not recorded', async () => {
		const { s } = session();
		await s.load();
		await s.startEngine();
		s.submitQuiz('one', 'check', quiz, rightAnswers);
		expect(s.view.answers['one/check']).toBeUndefined();
	});

	test('a failed retake of a completed lesson keeps it complete and keeps the best score', async () => {
		const { s } = session();
		await s.load();
		await s.startEngine();
		completeLessonOne(s);
		s.retryQuiz('one', 'check', quiz);
		expect(s.view.answers['one/check'].phase).toBe('answering');
		s.submitQuiz('one', 'check', quiz, wrongAnswers);
		expect(s.view.lessons.one.complete).toBe(true);
		expect(s.view.answers['one/check']).toMatchObject({
			score: 0,
			best: 100,
			passed: false,
			everPassed: true,
			attempts: 2
		});
	});

	test('words are kept without the machines; machine events need them loaded first', async () => {
		const { s } = session();
		await s.load();
		expect(s.keepReflection('one', 'reflect', 'words kept at once')).toBe(true);
		expect(s.view.reflections['one/reflect'].text).toBe('words kept at once');
		expect(() => s.send('one', { type: 'step.complete', stepId: 'read' })).toThrow(/startEngine/);
		await s.startEngine();
		s.send('one', { type: 'step.complete', stepId: 'read' });
		expect(s.view.lessons.one.done).toEqual(['read']);
	});

	test('"clear my data" starts the machines again from nothing, still loaded', async () => {
		const { s } = session();
		await s.load();
		await s.startEngine();
		completeLessonOne(s);
		await s.forget();
		expect(s.view.lessons).toEqual({});
		s.send('one', { type: 'step.complete', stepId: 'read' });
		expect(s.view.lessons.one.done).toEqual(['read']);
	});

	test('writes are debounced: many changes, one write', async () => {
		const { s, storage } = session();
		await s.load();
		await s.startEngine();
		for (const words of ['a', 'a b', 'a b c', 'a b c d']) s.saveReflection('one', 'reflect', words);
		expect(storage.writes).toBe(0);
		await new Promise((resolve) => setTimeout(resolve, 30));
		expect(storage.writes).toBe(1);
	});

	test('storage that is full keeps the session working; nothing is called saved until it is', async () => {
		const { s, storage } = session();
		await s.load();
		await s.startEngine();
		storage.fail = true;
		s.send('one', { type: 'step.complete', stepId: 'read' });
		s.saveReflection('one', 'reflect', 'words that do not fit');
		expect(s.view.saving).toEqual({ failure: null, pending: ['one/reflect'] });
		const failed = await s.flush();
		expect(failed).toMatchObject({ ok: false, failure: 'full' });
		expect(s.view.saving).toEqual({ failure: 'full', pending: ['one/reflect'] });
		expect(s.view.lessons.one.done).toEqual(['read']);
		expect(storage.value).toBeNull();

		// Space is freed: the next write (on leaving, hiding the tab or any change) stores it all.
		storage.fail = false;
		expect(await s.flush()).toEqual({ ok: true });
		expect(s.view.saving).toEqual({ failure: null, pending: [] });
		expect(JSON.parse(storage.value!).reflections['one/reflect'].text).toBe(
			'words that do not fit'
		);
	});

	test('no storage at all: the course still works for the session', async () => {
		const s = new ProgressSession(outline, null);
		await s.load();
		await s.startEngine();
		completeLessonOne(s);
		expect(s.view.lessons.one.complete).toBe(true);
		expect(s.view.notice?.kind).toBe('unavailable');
		expect(s.view.saving.failure).toBe('blocked');
	});
});

describe('two tabs', () => {
	test('work in one tab appears in the other, and a newer reflection is never overwritten', async () => {
		const storage = memoryStorage();
		const a = session(storage);
		const b = session(storage);
		await a.s.load();
		await a.s.startEngine();
		await b.s.load();
		await b.s.startEngine();

		a.s.saveReflection('one', 'reflect', 'typed in tab A');
		await a.s.flush();
		storage.changeElsewhere(storage.value!); // the storage event tab B receives
		expect(b.s.view.reflections['one/reflect'].text).toBe('typed in tab A');

		// Tab B types later; tab A, which has not heard yet, saves something else.
		b.tick(50);
		b.s.saveReflection('one', 'reflect', 'typed in tab B, later');
		await b.s.flush();
		a.s.send('one', { type: 'step.complete', stepId: 'read' });
		await a.s.flush();
		const stored = JSON.parse(storage.value!);
		expect(stored.reflections['one/reflect'].text).toBe('typed in tab B, later');
		expect(stored.progress.one.done).toEqual(['read']);
		expect(a.s.view.reflections['one/reflect'].text).toBe('typed in tab B, later');
	});
});
