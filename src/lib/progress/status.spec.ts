import { describe, expect, test } from 'vitest';
import { testOutline } from '$lib/machines/fixtures';
import type { LessonRecords } from '$lib/machines/rules';
import { lessonStanding, stepStatus } from './status';
import { lessonLockReason, lessonRequirements, stepLockReason } from './strings';

const outline = testOutline(['one', 'two']);
const statuses = (lessons: LessonRecords, slug: string) => {
	const standing = lessonStanding(outline, lessons, slug)!;
	return standing.lesson.steps.map((s) => stepStatus(standing, s.id));
};

describe('where the learner stands', () => {
	test('a new learner: the first step is current, the rest locked; the next lesson is locked', () => {
		expect(statuses({}, 'one')).toEqual(['current', 'locked', 'locked', 'locked']);
		expect(statuses({}, 'two')).toEqual(['locked', 'locked', 'locked', 'locked']);
		expect(lessonStanding(outline, {}, 'two')?.blockedBy?.slug).toBe('one');
	});

	test('part way: done steps, the current one, locked after it', () => {
		const lessons = { one: { done: ['read'], at: 'watch', complete: false, t: 1 } };
		expect(statuses(lessons, 'one')).toEqual(['done', 'current', 'locked', 'locked']);
		const standing = lessonStanding(outline, lessons, 'one')!;
		expect(stepLockReason(standing.lesson, standing.next!)).toBe(
			'Opens when you have watched step 2, “Watch”, or said you have.'
		);
	});

	test('a completed lesson: every step open, and the next lesson unlocked', () => {
		const lessons = { one: { done: ['check', 'reflect'], at: 'reflect', complete: true, t: 1 } };
		expect(statuses(lessons, 'one')).toEqual(['open', 'open', 'done', 'done']);
		expect(statuses(lessons, 'two')[0]).toBe('current');
	});

	test('open navigation: every lesson open from the start', () => {
		const open = testOutline(['one', 'two'], true);
		expect(lessonStanding(open, {}, 'two')?.unlocked).toBe(true);
	});

	test('lock reasons say what unlocks, in plain words', () => {
		expect(lessonRequirements(outline.lessons[0])).toBe('pass its quiz and save its reflection');
		expect(lessonLockReason(outline.lessons[0])).toBe(
			'Complete lesson 1, “Lesson one”, first: pass its quiz and save its reflection.'
		);
	});
});
