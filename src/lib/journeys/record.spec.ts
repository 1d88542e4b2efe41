import { describe, expect, it } from 'vitest';
import { emptyJourney, isJourneyData, mergeJourney, parseJourney, readJourney } from './record';

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

	it('salvages entry by entry: one bad plan costs only that plan', () => {
		const raw = JSON.stringify({
			v: 1,
			name: { text: 'Dr Ada Example', t: 5 },
			completedAt: 1764000000000,
			plans: {
				one: { text: 'KEEP this plan', t: 6 },
				two: { text: 42, t: 7 },
				three: 'nonsense'
			}
		});
		expect(readJourney(raw)).toEqual({
			data: {
				v: 1,
				name: { text: 'Dr Ada Example', t: 5 },
				completedAt: 1764000000000,
				plans: { one: { text: 'KEEP this plan', t: 6 } }
			},
			problem: 'wrongShape',
			dropped: 2
		});
	});

	it('a bad name or date is dropped alone; the plans stay', () => {
		const raw = JSON.stringify({
			v: 1,
			name: { text: ['x'] },
			completedAt: -4,
			plans: { one: { text: 'kept', t: 1 } }
		});
		expect(readJourney(raw)).toMatchObject({
			data: { v: 1, plans: { one: { text: 'kept', t: 1 } } },
			dropped: 2
		});
		expect(readJourney(raw).data.name).toBeUndefined();
	});

	it('reports what it could not read, so the raw value can be backed up', () => {
		expect(readJourney(null)).toEqual({ data: emptyJourney(), dropped: 0 });
		expect(readJourney('{"v":1,"plans":{}}').problem).toBeUndefined();
		expect(readJourney('{not json').problem).toBe('unreadable');
		expect(readJourney('[1]').problem).toBe('wrongShape');
		const proto = readJourney('{"v":1,"plans":{"__proto__":{"text":"x","t":1}}}');
		expect(Object.getPrototypeOf(proto.data.plans)).toBe(Object.prototype);
		expect(proto.dropped).toBe(1);
	});
});
