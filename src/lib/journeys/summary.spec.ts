import { describe, expect, it } from 'vitest';
import { testOutline } from '$lib/machines/fixtures';
import { completionTime, hasStarted, lessonSummaries, timeTotals } from './summary';

const outline = testOutline(['one', 'two', 'three']);
const minutes = { one: 20, two: 12, three: 10 };
const quiz = (best: number) => ({
	answers: {},
	score: best,
	best,
	attempts: 1,
	passed: best >= 75,
	everPassed: best >= 75,
	phase: 'feedback' as const,
	t: 1
});

describe('dashboard summary', () => {
	const progress = {
		lessons: {
			one: { done: ['read', 'watch', 'check', 'reflect'], at: 'reflect', complete: true, t: 10 },
			two: { done: ['read'], at: 'watch', complete: false, t: 20 }
		},
		answers: { 'one/check': quiz(100), 'two/check': quiz(50) },
		reflections: {}
	};
	const summaries = lessonSummaries(outline, minutes, progress);

	it('gives each lesson its state, best score and next step', () => {
		expect(summaries.map((s) => [s.slug, s.state, s.best])).toEqual([
			['one', 'complete', 100],
			['two', 'inProgress', 50],
			['three', 'notStarted', null]
		]);
		expect(summaries[0].next).toBeUndefined();
		expect(summaries[1].next?.id).toBe('watch');
		expect(summaries[2].next?.id).toBe('read');
	});

	it('estimates time done and left from the steps done', () => {
		expect(summaries.map((s) => s.minutesDone)).toEqual([20, 3, 0]);
		expect(timeTotals(summaries)).toEqual({ total: 42, done: 23, left: 19 });
	});

	it('knows a first-time visitor from a started learner', () => {
		expect(hasStarted({ lessons: {}, answers: {}, reflections: {} })).toBe(false);
		expect(hasStarted(progress)).toBe(true);
		expect(
			hasStarted({ lessons: {}, answers: {}, reflections: { 'one/reflect': { text: 'x', t: 1 } } })
		).toBe(true);
	});

	it('gives a completion time only when every lesson is complete', () => {
		expect(completionTime(outline, progress.lessons)).toBeUndefined();
		const all = {
			...progress.lessons,
			two: { ...progress.lessons.one, t: 40 },
			three: { ...progress.lessons.one, t: 30 }
		};
		expect(completionTime(outline, all)).toBe(40);
	});
});
