import { describe, expect, it } from 'vitest';
import { firstSentence, plain, summariseStep } from './summary';

describe('step summaries for slides', () => {
	it('read Markdown and lesson components as plain text', () => {
		expect(
			plain('A <Term id="x">co-production\nof health</Term> and **bold** [link](http://a.b) *it*')
		).toBe('A co-production of health and bold link it');
	});

	it('take the opening sentence, cut at a word when long', () => {
		expect(firstSentence('Short one. Then the second sentence follows here. Third.')).toBe(
			'Short one. Then the second sentence follows here.'
		);
		const long = firstSentence(`${'word '.repeat(60)}end.`);
		expect(long.length).toBeLessThanOrEqual(150);
		expect(long.endsWith('…')).toBe(true);
	});

	it('keep the key point, the cards in order and every paragraph for the notes', () => {
		const s = summariseStep(
			'\n\nFirst paragraph that is long enough to be a point. More.\n\n<Callout kind="key">\n\nThe key idea.\n\n</Callout>\n\n<Video id="v1" />\n\n<Reading id="r1" />\n\n<SandwichExplainer />\n'
		);
		expect(s.key).toBe('The key idea.');
		expect(s.points).toEqual(['First paragraph that is long enough to be a point.']);
		expect(s.cards).toEqual([
			{ kind: 'video', id: 'v1' },
			{ kind: 'reading', id: 'r1' }
		]);
		expect(s.interactive).toBe(true);
		expect(s.text).toContain('First paragraph that is long enough to be a point. More.');
	});
});
