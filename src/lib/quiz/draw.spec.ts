import { describe, expect, test } from 'vitest';
import { canCover, coveringSets, drawItems, drawSize, type PoolItem } from './draw';

const pool: PoolItem[] = [
	{ id: 'a', assesses: ['one'] },
	{ id: 'b', assesses: ['one'] },
	{ id: 'c', assesses: ['two'] },
	{ id: 'd', assesses: ['two', 'three'] },
	{ id: 'e', assesses: ['three'] },
	{ id: 'f', assesses: ['one', 'three'] },
	{ id: 'g', assesses: ['four'] },
	{ id: 'h', assesses: ['two'] }
];

function objectivesOf(ids: string[]) {
	return new Set(ids.flatMap((id) => pool.find((item) => item.id === id)!.assesses));
}

describe('drawItems', () => {
	test('every attempt covers every objective the pool assesses', () => {
		for (let attempt = 1; attempt <= 40; attempt++) {
			const ids = drawItems({ pool, size: 4, seed: `s${attempt % 7}`, attempt });
			expect(ids).toHaveLength(4);
			expect(new Set(ids).size).toBe(4);
			expect(objectivesOf(ids)).toEqual(new Set(['one', 'two', 'three', 'four']));
		}
	});

	test('the same seed and attempt give the same set, in pool order', () => {
		const input = { pool, size: 5, seed: 'k3v9x0qa:lesson/check', attempt: 2, previous: ['a'] };
		const ids = drawItems(input);
		expect(drawItems({ ...input, pool: [...pool] })).toEqual(ids);
		const order = ids.map((id) => pool.findIndex((item) => item.id === id));
		expect(order).toEqual([...order].sort((x, y) => x - y));
	});

	test('a retake shares as few items with the attempt before as the pool allows', () => {
		for (const seed of ['a', 'b', 'c', 'd', 'e']) {
			const first = drawItems({ pool, size: 4, seed, attempt: 1 });
			const second = drawItems({ pool, size: 4, seed, attempt: 2, previous: first });
			expect(second).not.toEqual(first);
			// 'g' is the only item on objective four, so it must come back; here nothing else has to.
			expect(second.filter((id) => first.includes(id))).toEqual(['g']);
		}
	});

	test('different learners get different first sets', () => {
		const firsts = new Set(
			Array.from({ length: 20 }, (_, i) =>
				drawItems({ pool, size: 4, seed: `learner-${i}`, attempt: 1 }).join()
			)
		);
		expect(firsts.size).toBeGreaterThan(1);
	});

	test('a pool no bigger than the draw is shown whole, every time', () => {
		const small = pool.slice(0, 3);
		const first = drawItems({ pool: small, size: 3, seed: 'x', attempt: 1 });
		expect(first).toEqual(['a', 'b', 'c']);
		expect(drawItems({ pool: small, size: 3, seed: 'x', attempt: 2, previous: first })).toEqual(
			first
		);
	});
});

describe('coveringSets and drawSize', () => {
	test('no set of two items covers four objectives; four items can', () => {
		expect(canCover(pool, 2)).toBe(false);
		expect(coveringSets(pool, 2)).toEqual([]);
		expect(canCover(pool, 3)).toBe(true);
		expect(coveringSets(pool, 3).every((set) => set.includes(6))).toBe(true);
	});

	test('the draw defaults to the fallback and never exceeds the pool', () => {
		expect(drawSize(8, undefined, 5)).toBe(5);
		expect(drawSize(3, undefined, 5)).toBe(3);
		expect(drawSize(8, 6, 5)).toBe(6);
		expect(drawSize(4, 6, 5)).toBe(4);
	});
});
