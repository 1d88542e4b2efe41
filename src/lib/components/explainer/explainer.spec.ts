import { describe, expect, it } from 'vitest';
import { explainerSchema } from '$lib/content/explainer-schema';
import raw from '../../../../lessons/02-the-sandwich/explainer.json';
import {
	answerCounter,
	chooseNeed,
	choosePath,
	counterOutcome,
	ideaOf,
	initialState,
	isComplete,
	next,
	pickShelf,
	shelfOutcome,
	showMap,
	toMenu,
	type Answer
} from './explainer';

const c = explainerSchema.parse(raw);

function playCounter(answers: Answer[], from = chooseNeed(initialState(), 'no-dairy')) {
	let state = choosePath(from, 'counter');
	for (const answer of answers) state = next(c, answerCounter(c, state, answer));
	return state;
}

describe('sandwich explainer rules', () => {
	it('completes only when both ways of ordering have been tried', () => {
		let state = chooseNeed(initialState(), 'gluten-free');
		state = pickShelf(choosePath(state, 'shelf'), 'egg');
		expect(isComplete(state)).toBe(false);
		expect(showMap(state).screen.kind).toBe('result');
		expect(toMenu(state).screen.kind).toBe('menu');
		expect(isComplete(playCounter(['good', 'good', 'good']))).toBe(false);
		state = playCounter(['good', 'good', 'good'], toMenu(state));
		expect(state.screen).toEqual({ kind: 'result', path: 'counter' });
		expect(isComplete(state)).toBe(true);
		expect(showMap(state).screen.kind).toBe('map');
	});

	it('does not move on from a counter moment that has not been answered', () => {
		const state = choosePath(chooseNeed(initialState(), 'soft'), 'counter');
		expect(next(c, state)).toBe(state);
	});

	it('a shelf sandwich fits only by luck', () => {
		expect(shelfOutcome(c, 'gluten-free', 'chicken').fits).toBe(false);
		expect(shelfOutcome(c, 'no-dairy', 'chicken').fits).toBe(true);
		expect(shelfOutcome(c, 'anything', 'cheese').fits).toBe(true);
		expect(shelfOutcome(c, 'no-dairy', 'cheese').text).toBe(
			'You read the label after paying: Cheese and pickle on a crusty roll does not suit you, because you can’t have dairy. It is sealed, so you can swap it or leave it, but not change it.'
		);
		expect(shelfOutcome(c, 'anything', 'egg').text).toMatch(/^Egg mayonnaise on white suits you/);
	});

	it('the learner’s choices change what the counter makes', () => {
		expect(counterOutcome(c, 'no-dairy', { speak: 'good', ask: 'good', build: 'good' })).toEqual({
			fits: true,
			together: true,
			text: 'The sandwich suits you. You decided the rest together, so it is made the way you will eat it.',
			ideas: ['cycle', 'value'],
			layers: c.counter.layers.fits
		});
		const unasked = counterOutcome(c, 'no-dairy', { speak: 'good', ask: 'silent', build: 'good' });
		expect(unasked.fits).toBe(false);
		expect(unasked.text).toMatch(/^You spoke up, but the maker did not ask back/);
		expect(unasked.text).toContain('because you can’t have dairy: that was knowledge only you had');
		const silent = counterOutcome(c, 'no-dairy', {
			speak: 'silent',
			ask: 'silent',
			build: 'silent'
		});
		expect(silent.ideas).toContain('silence');
		expect(silent.text).toMatch(/^Neither of you said much/);
		expect(
			counterOutcome(c, 'no-dairy', { speak: 'silent', ask: 'good', build: 'silent' })
		).toMatchObject({ fits: true, together: false, layers: c.counter.layers.fits });
		// A need nothing can fail is met even when nobody asks.
		expect(
			counterOutcome(c, 'anything', { speak: 'silent', ask: 'silent', build: 'silent' }).fits
		).toBe(true);
	});

	it('every idea has a clinical mapping and a source, and every moment an idea', () => {
		for (const idea of c.ideas) {
			expect(idea.clinic.length).toBeGreaterThan(20);
			expect(idea.source.length).toBeGreaterThan(5);
		}
		for (const moment of c.counter.moments) expect(ideaOf(c, moment.idea)).toBeDefined();
		expect(c.counter.moments.map((m) => m.id)).toEqual(['speak', 'ask', 'build']);
	});
});
