// Zod schema for an interactive case (lessons/NN-slug/case.json). Server-side only; client code
// imports the CaseStudyData type from case-types.ts.
import { z } from 'zod';

const id = z
	.string()
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected lower-case words joined by hyphens');
const text = z.string().trim().min(1, 'expected non-empty text');
const delta = z.number().int().min(-10).max(10);

const option = z.object({
	id,
	/**
	 * product: done to the person; coproduced: done with them; left: left to the person alone
	 * (a decision respected but not explored, or a problem handed back).
	 */
	style: z.enum(['product', 'coproduced', 'left']),
	label: text,
	action: text,
	effect: text,
	/** Change on the illustrative workload and capacity scale. */
	workload: delta,
	capacity: delta,
	concept: text,
	/** The source the effect rests on, in words. */
	source: text,
	/** An id in lessons/references.json, for a link to the reading. */
	referenceId: id.optional()
});

const scene = z.object({
	id,
	title: text,
	situation: text,
	question: text,
	options: z
		.array(option)
		.min(2)
		.refine(
			(o) => o.some((x) => x.style === 'product') && o.some((x) => x.style === 'coproduced'),
			'expected at least one product-style and one coproduced option'
		),
	reflect: text
});

const ending = z.object({
	id,
	/** Reached when capacity minus workload is at least this; the last ending has none. */
	minBalance: z.number().int().optional(),
	title: text,
	text,
	reflect: text
});

/** After the ending: how the person's path bears on the study the case illustrates. */
const debrief = z.object({
	title: text,
	intro: text,
	domains: z
		.array(z.object({ id, domain: text, text }))
		.min(1)
		.refine((d) => new Set(d.map((x) => x.id)).size === d.length, 'expected unique domain ids'),
	/** The sources the debrief rests on, in words. */
	source: text,
	/** Ids in lessons/references.json, for links to the readings. */
	referenceIds: z.array(id).default([])
});

export const caseStudySchema = z
	.object({
		title: text,
		/** Shown on screen: the person is a composite, not a real patient. */
		composite: text.refine(
			(t) => /composite/i.test(t),
			'expected to say the person is a composite'
		),
		person: z.object({ name: text, summary: text }),
		scale: z.object({ max: z.number().int().positive(), note: text }),
		start: z.object({ workload: z.number().int().min(0), capacity: z.number().int().min(0) }),
		scenes: z.array(scene).min(1),
		endings: z.array(ending).min(2),
		debrief: debrief.optional()
	})
	.superRefine((c, ctx) => {
		const last = c.endings.length - 1;
		c.endings.forEach((e, i) => {
			if ((i === last) !== (e.minBalance === undefined))
				ctx.addIssue({
					code: 'custom',
					path: ['endings', i, 'minBalance'],
					message: 'expected minBalance on every ending except the last, which catches the rest'
				});
			const prev = c.endings[i - 1]?.minBalance;
			if (i > 0 && e.minBalance !== undefined && prev !== undefined && e.minBalance >= prev)
				ctx.addIssue({
					code: 'custom',
					path: ['endings', i, 'minBalance'],
					message: 'expected endings ordered from the highest minBalance down'
				});
		});
	});

export type CaseStudyData = z.infer<typeof caseStudySchema>;
export type CaseScene = CaseStudyData['scenes'][number];
export type CaseOption = CaseScene['options'][number];
export type CaseEnding = CaseStudyData['endings'][number];
export type CaseDebrief = NonNullable<CaseStudyData['debrief']>;
