import { describe, expect, it } from 'vitest';
import { emptyJourney, isJourneyData, mergeJourney, parseJourney } from './record';

describe('journey data', () => {
	it('merges item by item: newest text wins, earliest completion is kept', () => {
		const a = {
			v: 1 as const,
			name: { text: 'Ann', t: 5 },
			completedAt: 300,
			plans: { one: { text: 'old plan', t: 1 }, two: { text: 'only here', t: 2 } }
		};
		const b = {
			v: 1 as const,
			name: { text: 'Ann Lee', t: 9 },
			completedAt: 200,
			plans: { one: { text: 'new plan', t: 4 } }
		};
		expect(mergeJourney(a, b)).toEqual({
			v: 1,
			name: { text: 'Ann Lee', t: 9 },
			completedAt: 200,
			plans: { one: { text: 'new plan', t: 4 }, two: { text: 'only here', t: 2 } }
		});
		expect(mergeJourney(b, a)).toEqual(mergeJourney(a, b));
	});

	it('accepts only its own shape', () => {
		expect(isJourneyData(emptyJourney())).toBe(true);
		expect(isJourneyData({ v: 2, plans: {} })).toBe(false);
		expect(isJourneyData({ v: 1, plans: { one: { text: 3, t: 1 } } })).toBe(false);
		expect(isJourneyData({ v: 1, plans: {}, completedAt: -1 })).toBe(false);
		expect(isJourneyData(null)).toBe(false);
	});

	it('reads damaged or missing stored text as empty, without throwing', () => {
		expect(parseJourney(null)).toEqual(emptyJourney());
		expect(parseJourney('{not json')).toEqual(emptyJourney());
		expect(parseJourney('{"v":1,"plans":[]}')).toEqual(emptyJourney());
	});
});
