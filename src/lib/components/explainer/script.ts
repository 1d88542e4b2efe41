// The sandwich explainer's content: the learner's need, the two ways of ordering, and what each
// moment means for a clinical encounter. Every idea names its source; nothing here quotes the video.

export type Need = 'no-dairy' | 'gluten-free' | 'soft' | 'anything';
export type PathId = 'shelf' | 'counter';

export interface NeedOption {
	id: Need;
	label: string;
	/** How the need reads in an outcome sentence. */
	short: string;
}

export const needs: NeedOption[] = [
	{ id: 'no-dairy', label: 'I can’t have dairy', short: 'you can’t have dairy' },
	{ id: 'gluten-free', label: 'I need gluten-free bread', short: 'you need gluten-free bread' },
	{
		id: 'soft',
		label: 'Crusty bread is hard for me to chew',
		short: 'crusty bread is hard to chew'
	},
	{ id: 'anything', label: 'Anything’s fine, I’m just hungry', short: 'anything is fine' }
];

/** A sandwich, and which needs it fails. */
export interface Sandwich {
	id: string;
	name: string;
	fails: Need[];
	/** Filling colours for the drawing, top to bottom. */
	layers: string[];
}

export const shelf: Sandwich[] = [
	{
		id: 'cheese',
		name: 'Cheese and pickle on a crusty roll',
		fails: ['no-dairy', 'gluten-free', 'soft'],
		layers: ['#f2c14e', '#7a4e2d']
	},
	{
		id: 'chicken',
		name: 'Chicken salad on wholemeal',
		fails: ['gluten-free'],
		layers: ['#6aa84f', '#f3e2c7']
	},
	{
		id: 'egg',
		name: 'Egg mayonnaise on white',
		fails: ['gluten-free'],
		layers: ['#f6e27a', '#8fce00']
	}
];

/** The clinical meaning of a moment: shown after a choice and collected in the clinic map. */
export interface Idea {
	id: string;
	title: string;
	sandwich: string;
	clinic: string;
	source: string;
}

export const ideas = {
	product: {
		id: 'product',
		title: 'A product is made before you arrive',
		sandwich:
			'The shelf sandwich was made this morning, for nobody in particular. You can only choose it and receive it.',
		clinic:
			'A fixed pathway or a standard leaflet handed over: the patient can take it, swap it or leave it, but not shape it.',
		source: 'Batalden M et al. 2016: unlike goods, services are always coproduced.'
	},
	knowledge: {
		id: 'knowledge',
		title: 'Whose knowledge is needed',
		sandwich: 'Only you know what you can eat and what you want today.',
		clinic:
			'Only the patient knows their body, their daily life and what matters to them; the clinician cannot supply that.',
		source:
			'Batalden M et al. 2016: patient and professional bring different, interdependent contributions.'
	},
	interface: {
		id: 'interface',
		title: 'The counter is a shared interface',
		sandwich:
			'The maker brings skill, safe handling and what is fresh; you bring what you need. The counter is where they meet.',
		clinic:
			'The consultation is the counter: clinical knowledge, safety and options meet the patient’s knowledge in conversation.',
		source: 'Batalden M et al. 2016, model of healthcare service coproduction.'
	},
	cycle: {
		id: 'cycle',
		title: 'Co-assess, co-decide, co-design, co-deliver',
		sandwich:
			'Check what is needed and what is fresh, choose together, decide how it is put together, hand it over safely.',
		clinic:
			'Assess together how the person is and how treatment is working; decide next steps; design a plan that keeps treatment burden low; deliver it together.',
		source: 'Dartmouth Coproduction Laboratory.'
	},
	value: {
		id: 'value',
		title: 'Value lives in the person',
		sandwich:
			'A sandwich is only good if you can eat it. Its value is made in your lunch, not on the counter.',
		clinic:
			'Outcomes are made in the patient’s life: Maren Batalden says her HbA1c “lives in my body”.',
		source: 'Betsy Lehman Center interview with Maren Batalden.'
	},
	silence: {
		id: 'silence',
		title: 'When either side is silent',
		sandwich:
			'A silent customer gets the maker’s guess; a silent maker leaves out what the customer cannot know, such as what is safe and fresh.',
		clinic:
			'A plan made without the patient’s knowledge often fails at home; a patient left without clinical input misses safety and options.',
		source: 'Batalden P 2018: modelling care as a product neglects coproduction.'
	}
} satisfies Record<string, Idea>;

export type IdeaId = keyof typeof ideas;

/** The order the clinic map shows the ideas in. */
export const ideaOrder: IdeaId[] = [
	'product',
	'knowledge',
	'interface',
	'cycle',
	'value',
	'silence'
];

export interface Choice {
	id: string;
	label: string;
}

/** One moment of the counter path: the learner chooses for the customer or for the maker. */
export interface CounterMoment {
	id: 'speak' | 'ask' | 'build';
	who: string;
	prompt: string;
	good: Choice;
	silent: Choice;
	idea: IdeaId;
}

export const counterMoments: CounterMoment[] = [
	{
		id: 'speak',
		who: 'You, the customer',
		prompt: 'The maker says: “What can I get you?”',
		good: { id: 'tell', label: 'Say what you need and what you fancy' },
		silent: { id: 'quiet', label: 'Say “just the usual” and wait' },
		idea: 'knowledge'
	},
	{
		id: 'ask',
		who: 'The sandwich maker',
		prompt: 'Now choose for the maker behind the counter.',
		good: { id: 'ask', label: 'Ask what you can’t eat, and say what is fresh today' },
		silent: { id: 'bestseller', label: 'Make the bestseller without asking' },
		idea: 'interface'
	},
	{
		id: 'build',
		who: 'Both of you',
		prompt: 'The bread, the filling and how it is cut are still open.',
		good: { id: 'together', label: 'Decide together, step by step' },
		silent: { id: 'maker-decides', label: 'Leave every decision to the maker' },
		idea: 'cycle'
	}
];
