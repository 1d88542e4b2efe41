import { describe, expect, it } from 'vitest';
import {
	answerCounter,
	chooseNeed,
	choosePath,
	counterOutcome,
	initialState,
	isComplete,
	next,
	pickShelf,
	shelfOutcome,
	showMap,
	toMenu,
	type Answer
} from './explainer';
import { counterMoments, ideaOrder, ideas } from './script';

function playCounter(answers: Answer[], from = chooseNeed(initialState(), 'no-dairy')) {
	let state = choosePath(from, 'counter');
	for (const answer of answers) state = next(answerCounter(state, answer));
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
		expect(next(state)).toBe(state);
	});

	it('a shelf sandwich fits only by luck', () => {
		expect(shelfOutcome('gluten-free', 'chicken').fits).toBe(false);
		expect(shelfOutcome('no-dairy', 'chicken').fits).toBe(true);
		expect(shelfOutcome('anything', 'cheese').fits).toBe(true);
		expect(shelfOutcome('no-dairy', 'cheese').text).toMatch(/can’t have dairy/);
	});

	it('the learner’s choices change what the counter makes', () => {
		expect(counterOutcome('no-dairy', { speak: 'good', ask: 'good', build: 'good' })).toMatchObject(
			{ fits: true, together: true }
		);
		expect(counterOutcome('no-dairy', { speak: 'good', ask: 'silent', build: 'good' }).fits).toBe(
			false
		);
		expect(
			counterOutcome('no-dairy', { speak: 'silent', ask: 'silent', build: 'silent' }).ideas
		).toContain('silence');
		expect(
			counterOutcome('no-dairy', { speak: 'silent', ask: 'good', build: 'silent' })
		).toMatchObject({ fits: true, together: false });
	});

	it('every idea has a clinical mapping and a source, and every moment an idea', () => {
		for (const id of ideaOrder) {
			expect(ideas[id].clinic.length).toBeGreaterThan(20);
			expect(ideas[id].source.length).toBeGreaterThan(5);
		}
		for (const moment of counterMoments) expect(ideaOrder).toContain(moment.idea);
	});
});
