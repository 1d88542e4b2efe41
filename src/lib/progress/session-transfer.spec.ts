// Import (merge) and "clear my data on this device", added for the learner journeys.
import { describe, expect, test } from 'vitest';
import { rightAnswers, testOutline, testQuestions } from '$lib/machines/fixtures';
import { ProgressSession } from './session';
import { memoryStorage } from './storage';

const outline = testOutline(['one', 'two']);
const quiz = { questions: testQuestions, passMark: 75 };

function session(storage = memoryStorage(), start = 1000) {
	let time = start;
	return new ProgressSession(outline, storage, { delay: 10, now: () => time++ });
}

function completeLessonOne(s: ProgressSession) {
	s.send('one', { type: 'step.complete', stepId: 'read' });
	s.send('one', { type: 'video.watched', stepId: 'watch' });
	s.submitQuiz('one', 'check', quiz, rightAnswers);
	s.saveReflection('one', 'reflect', 'words from the other device');
}

describe('importing and clearing', () => {
	test('merge adds imported progress without losing newer local words, and saves it', async () => {
		const other = session(memoryStorage(), 1000);
		await other.load();
		await other.startEngine();
		completeLessonOne(other);

		const storage = memoryStorage();
		const here = session(storage, 5000);
		await here.load();
		await here.startEngine();
		here.saveReflection('one', 'reflect', 'newer words written here');
		here.merge(other.envelope());
		await here.flush();

		expect(here.view.lessons.one.complete).toBe(true);
		expect(here.view.answers['one/check'].best).toBe(100);
		expect(here.view.reflections['one/reflect'].text).toBe('newer words written here');
		expect(JSON.parse(storage.value!).progress.one.complete).toBe(true);
	});

	test('forget empties storage and the session, and nothing pending is written back', async () => {
		const storage = memoryStorage();
		const s = session(storage);
		await s.load();
		await s.startEngine();
		completeLessonOne(s);
		await s.flush();
		storage.backups.push('old damaged copy');
		s.saveReflection('two', 'reflect', 'pending, not yet saved');

		await s.forget();
		await s.flush();
		expect(storage.value).toBeNull();
		expect(storage.backups).toEqual([]);
		expect(s.view.lessons).toEqual({});
		expect(s.view.reflections).toEqual({});
		await new Promise((resolve) => setTimeout(resolve, 30));
		expect(storage.value).toBeNull();
	});

	test('a tab sees another tab clear the data and keeps nothing either', async () => {
		const storage = memoryStorage();
		const s = session(storage);
		await s.load();
		await s.startEngine();
		completeLessonOne(s);
		await s.flush();
		storage.changeElsewhere(null as unknown as string);
		expect(s.view.lessons).toEqual({});
		await s.flush();
		expect(storage.value).toBeNull();
	});
});
