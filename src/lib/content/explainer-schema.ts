// Zod schema for the sandwich explainer's words (lessons/NN-slug/explainer.json). Server-side only;
// client code imports the ExplainerContent type from explainer-types.ts. The rules that use it are
// in src/lib/components/explainer/explainer.ts.
import { z } from 'zod';

const id = z
	.string()
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected lower-case words joined by hyphens');
const text = z.string().trim().min(1, 'expected non-empty text');
const colour = z.string().regex(/^#[0-9a-f]{6}$/i, 'expected a colour such as #6aa84f');
const layers = z.array(colour).min(1).max(4);
/** A sentence with {name} placeholders: each must be one of `names`. */
const sentence = (...names: string[]) =>
	text.refine(
		(t) => [...t.matchAll(/\{(\w+)\}/g)].every((m) => names.includes(m[1])),
		`expected only the placeholders ${names.map((n) => `{${n}}`).join(' and ') || '(none)'}`
	);
const screen = z.object({ title: text, intro: text });

const need = z.object({
	id,
	/** The button: what the learner says they need. */
	label: text,
	/** How the need reads inside an outcome sentence ("because you can’t have dairy"). */
	short: text,
	/** false for a need nothing can fail ("anything is fine"). */
	restricts: z.boolean().default(true)
});

const sandwich = z.object({
	id,
	name: text,
	/** Ids of the needs this sandwich does not meet. */
	fails: z.array(id),
	/** Filling colours for the drawing, top to bottom. */
	layers
});

/** The three counter moments the rules know: the customer speaks, the maker asks, both build. */
export const momentIds = ['speak', 'ask', 'build'] as const;

const moment = z.object({
	id: z.enum(momentIds),
	/** Whose choice it is. */
	who: text,
	prompt: text,
	/** The choice that speaks up, and the one that stays silent. */
	good: text,
	silent: text,
	/** The idea shown after the good choice. */
	idea: id
});

const idea = z.object({
	id,
	title: text,
	/** The moment at the sandwich shop. */
	sandwich: text,
	/** What it looks like in a consultation. */
	clinic: text,
	/** The source it rests on, in words. */
	source: text
});

const ideaPair = z.array(id).min(1);

export const explainerSchema = z
	.object({
		need: screen.extend({ options: z.array(need).min(2) }),
		menu: screen,
		shelf: screen.extend({
			/** The way's name and hint on the menu. */
			name: text,
			hint: text,
			sandwiches: z.array(sandwich).min(2),
			/** The result heading. */
			result: text,
			fits: sentence('sandwich'),
			fails: sentence('sandwich', 'need'),
			ideas: ideaPair,
			/** The button on the other way's result that leads here. */
			tryOther: text,
			staticTitle: text,
			staticText: text
		}),
		counter: z.object({
			name: text,
			hint: text,
			moments: z
				.array(moment)
				.refine(
					(m) =>
						m.length === momentIds.length && momentIds.every((id) => m.some((x) => x.id === id)),
					`expected the moments ${momentIds.join(', ')}, each once`
				),
			/** The idea shown after a silent choice. */
			silentIdea: id,
			result: text,
			outcome: z.object({
				/** The learner stayed quiet but the maker asked. */
				drawnOut: sentence(),
				/** The learner spoke but the maker did not ask. */
				notAsked: sentence(),
				/** Neither spoke. */
				guess: sentence(),
				fits: sentence(),
				fails: sentence('need'),
				together: sentence(),
				alone: sentence()
			}),
			layers: z.object({ fits: layers, fails: layers }),
			ideas: z.object({ together: ideaPair, apart: ideaPair }),
			tryOther: text,
			staticTitle: text,
			staticGood: text,
			staticSilent: text
		}),
		/** In the order the clinic map shows them. */
		ideas: z.array(idea).min(1),
		map: screen,
		staticIntro: text
	})
	.superRefine((c, ctx) => {
		const needIds = new Set(c.need.options.map((n) => n.id));
		const ideaIds = new Set(c.ideas.map((i) => i.id));
		const check = (ok: boolean, path: (string | number)[], message: string) => {
			if (!ok) ctx.addIssue({ code: 'custom', path, message });
		};
		const idea = (value: string, path: (string | number)[]) =>
			check(ideaIds.has(value), path, `unknown idea "${value}": expected an id from "ideas"`);
		c.shelf.sandwiches.forEach((s, i) =>
			s.fails.forEach((n, j) =>
				check(
					needIds.has(n),
					['shelf', 'sandwiches', i, 'fails', j],
					`unknown need "${n}": expected an id from "need.options"`
				)
			)
		);
		c.shelf.ideas.forEach((v, i) => idea(v, ['shelf', 'ideas', i]));
		c.counter.moments.forEach((m, i) => idea(m.idea, ['counter', 'moments', i, 'idea']));
		idea(c.counter.silentIdea, ['counter', 'silentIdea']);
		for (const key of ['together', 'apart'] as const)
			c.counter.ideas[key].forEach((v, i) => idea(v, ['counter', 'ideas', key, i]));
		for (const [list, path] of [
			[c.need.options, 'need.options'],
			[c.shelf.sandwiches, 'shelf.sandwiches'],
			[c.ideas, 'ideas']
		] as const) {
			const seen = new Set<string>();
			list.forEach((x, i) => {
				check(!seen.has(x.id), [...path.split('.'), i, 'id'], `duplicate id "${x.id}"`);
				seen.add(x.id);
			});
		}
	});

export type ExplainerContent = z.infer<typeof explainerSchema>;
export type ExplainerIdea = ExplainerContent['ideas'][number];
