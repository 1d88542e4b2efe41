import { describe, expect, test } from 'vitest';
import { seededShuffle } from './shuffle';

const items = ['a', 'b', 'c', 'd', 'e', 'f'];

describe('seeded shuffle', () => {
	test('is stable for a seed and keeps every item', () => {
		const once = seededShuffle(items, 'learner-1:check:q1');
		expect(seededShuffle(items, 'learner-1:check:q1')).toEqual(once);
		expect([...once].sort()).toEqual(items);
		expect(items).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
	});

	test('different learners get different orders', () => {
		const orders = new Set(
			Array.from({ length: 20 }, (_, i) => seededShuffle(items, `learner-${i}`).join(''))
		);
		expect(orders.size).toBeGreaterThan(10);
	});
});
