import { describe, expect, it } from 'vitest';
import { hasStarted, timeTotals } from './summary';

describe('dashboard summary', () => {
	it('adds up time done and left from each lesson', () => {
		const views = [
			{ minutes: 20, minutesDone: 20 },
			{ minutes: 12, minutesDone: 3 },
			{ minutes: 10, minutesDone: 0 }
		];
		expect(timeTotals(views)).toEqual({ total: 42, done: 23, left: 19 });
	});

	it('knows a first-time visitor from a started learner', () => {
		expect(hasStarted({ lessons: {}, answers: {}, reflections: {} })).toBe(false);
		const lessons = { one: { done: ['read'], at: 'watch', complete: false, t: 20 } };
		expect(hasStarted({ lessons, answers: {}, reflections: {} })).toBe(true);
		expect(
			hasStarted({ lessons: {}, answers: {}, reflections: { 'one/reflect': { text: 'x', t: 1 } } })
		).toBe(true);
	});
});
