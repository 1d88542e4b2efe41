import { describe, expect, it } from 'vitest';
import { wordCloud } from './cloud';

const cards = (...texts: string[]) => texts.map((text, i) => ({ id: String(i), text }));

describe('the audience screen’s word cloud', () => {
	it('groups short answers case-blind, most frequent first', () => {
		expect(wordCloud(cards('Trust', 'time', 'trust', 'Listening'))).toEqual([
			{ text: 'Trust', count: 2 },
			{ text: 'Listening', count: 1 },
			{ text: 'time', count: 1 }
		]);
	});

	it('gives way to cards when any answer is long', () => {
		expect(wordCloud(cards('Trust', 'We agreed the plan together at the counter'))).toBeNull();
		expect(wordCloud([])).toBeNull();
	});
});
