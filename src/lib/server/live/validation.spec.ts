import { describe, expect, it } from 'vitest';
import type { LiveItem } from '$lib/live/types';
import { RateLimiter } from './rate-limit';
import { cleanAnswer, cleanHandle, normaliseCode } from './validation';

const multiple: LiveItem = {
	key: 'q',
	kind: 'question',
	title: 'Q',
	prompt: 'Pick',
	options: [
		{ id: 'a', text: 'A' },
		{ id: 'b', text: 'B' },
		{ id: 'c', text: 'C' }
	],
	multiple: true,
	correct: ['a', 'b']
};

describe('live input checks', () => {
	it('accept a join code typed loosely, and nothing that cannot be a code', () => {
		expect(normaliseCode('k7p 2qd')).toBe('K7P2QD');
		expect(normaliseCode('K7P-2QD')).toBe('K7P2QD');
		expect(normaliseCode('K7P2Q0')).toBeUndefined(); // 0 is left out of the alphabet
		expect(normaliseCode('join')).toBeUndefined();
	});

	it('clean handles of control and direction characters and extra spaces', () => {
		expect(cleanHandle('  Night\u202e  shift\u0007 ')).toBe('Night shift');
		expect(() => cleanHandle(42)).toThrow(/must be text/);
	});

	it('store multiple-choice answers once each, in option order', () => {
		expect(cleanAnswer(multiple, ['c', 'a', 'c'])).toEqual(['a', 'c']);
		expect(() => cleanAnswer(multiple, [])).toThrow(/Choose an option/);
	});
});

describe('the rate limiter', () => {
	it('allows a burst, then refills over time, per key', () => {
		let now = 0;
		const limiter = new RateLimiter(3, 1, () => now);
		expect([1, 2, 3, 4].map(() => limiter.take('p'))).toEqual([true, true, true, false]);
		expect(limiter.take('other')).toBe(true);
		now = 1000;
		expect(limiter.take('p')).toBe(true);
		expect(limiter.take('p')).toBe(false);
	});
});
