import { describe, expect, test } from 'vitest';
import { newQuizRecord } from './assessment';
import { testOutline } from './fixtures';
import {
	lessonView,
	readStepsUpTo,
	resumeAt,
	stepStatus,
	type LessonRecords,
	type QuizRecord
} from './rules';
describe('lessonView: where the learner stands', () => {
	const outline = testOutline(['one', 'two']);
	const statuses = (lessons: LessonRecords, slug: string) => {
		const view = lessonView(outline, { lessons, answers: {} }, slug)!;
		return view.lesson.steps.map((s) => stepStatus(view, s.id));
	};

	test('a new learner: the first step is current, the rest locked; the next lesson is locked', () => {
		expect(statuses({}, 'one')).toEqual(['current', 'locked', 'locked', 'locked']);
		expect(statuses({}, 'two')).toEqual(['locked', 'locked', 'locked', 'locked']);
		expect(lessonView(outline, { lessons: {}, answers: {} }, 'two')?.blockedBy?.slug).toBe('one');
	});

	test('part way: done steps, the current one, locked after it', () => {
		const lessons = { one: { done: ['read'], at: 'watch', complete: false, t: 1 } };
		expect(statuses(lessons, 'one')).toEqual(['done', 'current', 'locked', 'locked']);
		const view = lessonView(outline, { lessons, answers: {} }, 'one')!;
		expect([view.next?.id, view.nextNumber, view.state]).toEqual(['watch', 2, 'inProgress']);
	});

	test('a completed lesson: every step open, and the next lesson unlocked', () => {
		const lessons = { one: { done: ['check', 'reflect'], at: 'reflect', complete: true, t: 1 } };
		expect(statuses(lessons, 'one')).toEqual(['open', 'open', 'done', 'done']);
		expect(statuses(lessons, 'two')[0]).toBe('current');
	});

	test('open navigation: every lesson open from the start', () => {
		const open = testOutline(['one', 'two'], true);
		expect(lessonView(open, { lessons: {}, answers: {} }, 'two')?.unlocked).toBe(true);
	});

	const three = testOutline(['one', 'two', 'three']);
	three.lessons.forEach((lesson, i) => (lesson.minutes = [20, 12, 10][i]));
	const quiz = (best: number): QuizRecord => ({
		...newQuizRecord(),
		score: best,
		best,
		attempts: 1,
		passed: best >= 75,
		everPassed: best >= 75,
		phase: 'feedback',
		t: 1
	});
	const progress = {
		lessons: {
			one: { done: ['read', 'watch', 'check', 'reflect'], at: 'reflect', complete: true, t: 10 },
			two: { done: ['read', 'gone'], at: 'watch', complete: false, t: 20 }
		},
		answers: { 'one/check': quiz(100), 'two/check': quiz(50) }
	};
	const views = three.lessons.map((l) => lessonView(three, progress, l.slug)!);

	test('gives each lesson its state, best score, next step and minutes', () => {
		expect(views.map((v) => [v.lesson.slug, v.state, v.best])).toEqual([
			['one', 'complete', 100],
			['two', 'inProgress', 50],
			['three', 'notStarted', null]
		]);
		expect(views.map((v) => v.next?.id)).toEqual([undefined, 'watch', 'read']);
		// Steps no longer in the lesson do not count towards the time done.
		expect(views.map((v) => v.minutesDone)).toEqual([20, 3, 0]);
	});

	test('resumes at the latest lesson, or at the next one once that is complete', () => {
		expect(resumeAt(three, {})).toBeUndefined();
		expect(resumeAt(three, progress.lessons)).toEqual({ slug: 'two', stepId: 'watch' });
		const finishedOne = { one: progress.lessons.one };
		expect(resumeAt(three, finishedOne)).toEqual({ slug: 'two', stepId: 'read' });
	});
});

describe('reading ahead and the lesson-complete panel', () => {
	const steps = [
		{ id: 'a', kind: 'read' as const },
		{ id: 'b', kind: 'read' as const },
		{ id: 'c', kind: 'read' as const },
		{ id: 'v', kind: 'watch' as const },
		{ id: 'd', kind: 'read' as const }
	];
	const statuses = (current: string) => (id: string) => {
		const at = steps.findIndex((s) => s.id === current);
		const i = steps.findIndex((s) => s.id === id);
		return i < at ? 'done' : i === at ? 'current' : 'locked';
	};

	test('a locked read step ahead collects the read steps from the current one', () => {
		expect(readStepsUpTo(steps, statuses('a'), 'c')?.map((s) => s.id)).toEqual(['a', 'b', 'c']);
		expect(readStepsUpTo(steps, statuses('b'), 'c')?.map((s) => s.id)).toEqual(['b', 'c']);
	});

	test('not for the current step, a step behind, or past a video', () => {
		expect(readStepsUpTo(steps, statuses('b'), 'b')).toBeUndefined();
		expect(readStepsUpTo(steps, statuses('c'), 'a')).toBeUndefined();
		expect(readStepsUpTo(steps, statuses('a'), 'd')).toBeUndefined();
		expect(readStepsUpTo(steps, () => 'locked', 'c')).toBeUndefined();
	});
});
