// The explainer's rules as pure functions over a small state, so the Svelte component only renders
// and the rules are tested in Node. Its words (needs, sandwiches, moments, ideas, outcome sentences)
// are content: lessons/02-the-sandwich/explainer.json, validated at build, given as `c`.
import type { ExplainerContent, ExplainerIdea } from '$lib/content/explainer-types';

export type PathId = 'shelf' | 'counter';
export type Answer = 'good' | 'silent';
export type MomentId = ExplainerContent['counter']['moments'][number]['id'];

export type Screen =
	| { kind: 'need' }
	| { kind: 'menu' }
	| { kind: 'shelf' }
	| { kind: 'counter'; index: number }
	| { kind: 'result'; path: PathId }
	| { kind: 'map' };

export interface ExplainerState {
	screen: Screen;
	need: string | null;
	shelfPick: string | null;
	counter: Partial<Record<MomentId, Answer>>;
	done: Record<PathId, boolean>;
}

export const initialState = (): ExplainerState => ({
	screen: { kind: 'need' },
	need: null,
	shelfPick: null,
	counter: {},
	done: { shelf: false, counter: false }
});

export const chooseNeed = (state: ExplainerState, need: string): ExplainerState => ({
	...state,
	need,
	screen: { kind: 'menu' }
});

export const choosePath = (state: ExplainerState, path: PathId): ExplainerState =>
	path === 'shelf'
		? { ...state, shelfPick: null, screen: { kind: 'shelf' } }
		: { ...state, counter: {}, screen: { kind: 'counter', index: 0 } };

export const pickShelf = (state: ExplainerState, sandwichId: string): ExplainerState => ({
	...state,
	shelfPick: sandwichId,
	done: { ...state.done, shelf: true },
	screen: { kind: 'result', path: 'shelf' }
});

export function answerCounter(
	c: ExplainerContent,
	state: ExplainerState,
	answer: Answer
): ExplainerState {
	if (state.screen.kind !== 'counter') return state;
	const moment = c.counter.moments[state.screen.index];
	return { ...state, counter: { ...state.counter, [moment.id]: answer } };
}

/** After a counter moment has been answered: the next moment, or the result. */
export function next(c: ExplainerContent, state: ExplainerState): ExplainerState {
	if (state.screen.kind !== 'counter') return state;
	const moments = c.counter.moments;
	if (!state.counter[moments[state.screen.index].id]) return state;
	const index = state.screen.index + 1;
	if (index < moments.length) return { ...state, screen: { kind: 'counter', index } };
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

export const showMap = (state: ExplainerState): ExplainerState =>
	isComplete(state) ? { ...state, screen: { kind: 'map' } } : state;

/** The idea with this id (the schema checks every id used exists). */
export const ideaOf = (c: ExplainerContent, id: string): ExplainerIdea =>
	c.ideas.find((i) => i.id === id)!;

const needOf = (c: ExplainerContent, need: string) => c.need.options.find((n) => n.id === need);

/** Fills a sentence's {placeholders}. */
const fill = (sentence: string, values: Record<string, string>) =>
	sentence.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');

export interface Outcome {
	/** Whether the sandwich meets the learner's need. */
	fits: boolean;
	/** Whether it was made together, start to finish. */
	together: boolean;
	text: string;
	/** The ideas this outcome shows, for the "what this means" panel. */
	ideas: string[];
	layers: string[];
}

export function shelfOutcome(c: ExplainerContent, need: string, sandwichId: string): Outcome {
	const shelf = c.shelf;
	const sandwich = shelf.sandwiches.find((s) => s.id === sandwichId) ?? shelf.sandwiches[0];
	const fits = !sandwich.fails.includes(need);
	const text = fill(fits ? shelf.fits : shelf.fails, {
		sandwich: sandwich.name,
		need: needOf(c, need)?.short ?? ''
	});
	return { fits, together: false, text, ideas: shelf.ideas, layers: sandwich.layers };
}

export function counterOutcome(
	c: ExplainerContent,
	need: string,
	answers: ExplainerState['counter']
): Outcome {
	const { outcome: say, layers, ideas } = c.counter;
	const makerAsked = answers.ask === 'good';
	const youSpoke = answers.speak === 'good';
	const builtTogether = answers.build === 'good';
	// The maker's question draws out what a quiet customer knows; a maker who never asks misses it.
	const fits = needOf(c, need)?.restricts === false || makerAsked;
	const together = fits && makerAsked && builtTogether;
	const parts = [
		makerAsked ? (youSpoke ? '' : say.drawnOut) : youSpoke ? say.notAsked : say.guess,
		fits ? say.fits : fill(say.fails, { need: needOf(c, need)?.short ?? '' }),
		builtTogether ? say.together : say.alone
	];
	return {
		fits,
		together,
		text: parts.filter(Boolean).join(' '),
		ideas: together ? ideas.together : ideas.apart,
		layers: fits ? layers.fits : layers.fails
	};
}
