import { describe, expect, test } from 'vitest';
import { testOutline } from '$lib/machines/fixtures';
import { lessonView } from '$lib/machines/rules';
import { lessonLockReason, lessonRequirements, stepLockReason } from './strings';

const outline = testOutline(['one', 'two']);

describe('what progress says to the learner', () => {
	test('a locked step says what opens it', () => {
		const lessons = { one: { done: ['read'], at: 'watch', complete: false, t: 1 } };
		const view = lessonView(outline, { lessons, answers: {} }, 'one')!;
		expect(stepLockReason(view.lesson, view.next!)).toBe(
			'Opens when you have watched step 2, “Watch”, or said you have.'
		);
	});

	test('lock reasons say what unlocks, in plain words', () => {
		expect(lessonRequirements(outline.lessons[0])).toBe('pass its quiz and save its reflection');
		expect(lessonLockReason(outline.lessons[0])).toBe(
			'Complete lesson 1, “Lesson one”, first: pass its quiz and save its reflection.'
		);
	});
});
