// The explainer's rules as pure functions over a small state, so the Svelte component only renders
// and the rules are tested in Node.
import {
	counterMoments,
	needs,
	shelf,
	type CounterMoment,
	type IdeaId,
	type Need,
	type PathId
} from './script';

export type Screen =
	| { kind: 'need' }
	| { kind: 'menu' }
	| { kind: 'shelf' }
	| { kind: 'counter'; index: number }
	| { kind: 'result'; path: PathId }
	| { kind: 'map' };

export type Answer = 'good' | 'silent';

export interface ExplainerState {
	screen: Screen;
	need: Need | null;
	shelfPick: string | null;
	counter: Partial<Record<CounterMoment['id'], Answer>>;
	done: Record<PathId, boolean>;
}

export const initialState = (): ExplainerState => ({
	screen: { kind: 'need' },
	need: null,
	shelfPick: null,
	counter: {},
	done: { shelf: false, counter: false }
});

export function chooseNeed(state: ExplainerState, need: Need): ExplainerState {
	return { ...state, need, screen: { kind: 'menu' } };
}

export function choosePath(state: ExplainerState, path: PathId): ExplainerState {
	if (path === 'shelf') return { ...state, shelfPick: null, screen: { kind: 'shelf' } };
	return { ...state, counter: {}, screen: { kind: 'counter', index: 0 } };
}

export function pickShelf(state: ExplainerState, sandwichId: string): ExplainerState {
	return {
		...state,
		shelfPick: sandwichId,
		done: { ...state.done, shelf: true },
		screen: { kind: 'result', path: 'shelf' }
	};
}

export function answerCounter(state: ExplainerState, answer: Answer): ExplainerState {
	if (state.screen.kind !== 'counter') return state;
	const moment = counterMoments[state.screen.index];
	return { ...state, counter: { ...state.counter, [moment.id]: answer } };
}

/** After a counter moment has been answered: the next moment, or the result. */
export function next(state: ExplainerState): ExplainerState {
	if (state.screen.kind !== 'counter') return state;
	const moment = counterMoments[state.screen.index];
	if (!state.counter[moment.id]) return state;
	const index = state.screen.index + 1;
	if (index < counterMoments.length) return { ...state, screen: { kind: 'counter', index } };
	return {
		...state,
		done: { ...state.done, counter: true },
		screen: { kind: 'result', path: 'counter' }
	};
}

export const toMenu = (state: ExplainerState): ExplainerState => ({
	...state,
	screen: { kind: 'menu' }
});

export const isComplete = (state: ExplainerState): boolean =>
	state.done.shelf && state.done.counter;

export function showMap(state: ExplainerState): ExplainerState {
	return isComplete(state) ? { ...state, screen: { kind: 'map' } } : state;
}

const needText = (need: Need) => needs.find((n) => n.id === need)?.short ?? '';

export interface Outcome {
	/** Whether the sandwich meets the learner's need. */
	fits: boolean;
	/** Whether it was made together, start to finish. */
	together: boolean;
	text: string;
	/** The ideas this outcome shows, for the "what this means" panel. */
	ideas: IdeaId[];
	layers: string[];
}

export function shelfOutcome(need: Need, sandwichId: string): Outcome {
	const sandwich = shelf.find((s) => s.id === sandwichId) ?? shelf[0];
	const fits = !sandwich.fails.includes(need);
	const text = fits
		? `${sandwich.name} suits you this time, by luck: it was made this morning for nobody in particular.`
		: `You read the label after paying: ${sandwich.name} does not suit you, because ${needText(need)}. It is sealed, so you can swap it or leave it, but not change it.`;
	return { fits, together: false, text, ideas: ['product', 'value'], layers: sandwich.layers };
}

export function counterOutcome(need: Need, answers: ExplainerState['counter']): Outcome {
	const makerAsked = answers.ask === 'good';
	const youSpoke = answers.speak === 'good';
	const builtTogether = answers.build === 'good';
	// The maker's question draws out what a quiet customer knows; a maker who never asks misses it.
	const fits = need === 'anything' || makerAsked;
	const together = fits && makerAsked && builtTogether;
	const parts: string[] = [];
	if (!youSpoke && makerAsked)
		parts.push('You said little, but the maker’s question drew out what you know.');
	if (youSpoke && !makerAsked)
		parts.push(
			'You spoke up, but the maker did not ask back or check, and went with the bestseller.'
		);
	if (!youSpoke && !makerAsked)
		parts.push('Neither of you said much, so you got the maker’s guess.');
	parts.push(
		fits
			? 'The sandwich suits you.'
			: `It does not suit you, because ${needText(need)}: that was knowledge only you had.`
	);
	parts.push(
		builtTogether
			? 'You decided the rest together, so it is made the way you will eat it.'
			: 'The rest was the maker’s choice, made for you rather than with you.'
	);
	const ideas: IdeaId[] = together ? ['cycle', 'value'] : ['silence', 'value'];
	const layers = fits ? ['#6aa84f', '#e06666', '#f3e2c7'] : ['#f2c14e', '#7a4e2d'];
	return { fits, together, text: parts.join(' '), ideas, layers };
}
