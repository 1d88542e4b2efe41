import { z } from 'zod';

/** Lower-case words joined by hyphens: used for step, question and option ids. */
const id = z
	.string()
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected lower-case words joined by hyphens');
const text = z.string().trim().min(1, 'expected non-empty text');
/** A percentage from 0 to 100. */
const percent = z.number().min(0).max(100);

const option = z.object({
	id,
	text,
	correct: z.boolean().default(false),
	/** Shown beside this option after the learner submits. */
	feedback: z.string().optional()
});

const questionBase = {
	id,
	prompt: text,
	/** Why the answer is right, in the course's words. */
	explanation: text,
	/** The source the explanation rests on, e.g. "Batalden M et al. 2016". */
	source: text
};

const singleQuestion = z.object({
	...questionBase,
	type: z.literal('single'),
	options: z
		.array(option)
		.min(2)
		.refine((o) => o.filter((x) => x.correct).length === 1, 'expected exactly one correct option')
});

const multipleQuestion = z.object({
	...questionBase,
	type: z.literal('multiple'),
	options: z
		.array(option)
		.min(2)
		.refine((o) => o.some((x) => x.correct), 'expected at least one correct option')
});

const trueFalseQuestion = z.object({
	...questionBase,
	type: z.literal('truefalse'),
	answer: z.boolean({ error: 'expected true or false' })
});

export const questionSchema = z.discriminatedUnion('type', [
	singleQuestion,
	multipleQuestion,
	trueFalseQuestion
]);

const stepBase = { id, title: text };

export const stepKinds = ['read', 'watch', 'explore', 'quiz', 'reflect'] as const;

export const stepSchema = z.discriminatedUnion(
	'kind',
	[
		z.object({ ...stepBase, kind: z.literal('read') }),
		z.object({ ...stepBase, kind: z.literal('watch') }),
		z.object({ ...stepBase, kind: z.literal('explore') }),
		z.object({
			...stepBase,
			kind: z.literal('quiz'),
			/** Overrides the course pass mark for this quiz. */
			passMark: percent.optional(),
			/** Shuffle option order, stable per learner. */
			shuffle: z.boolean().default(false),
			questions: z.array(questionSchema).min(1, 'expected at least one question')
		}),
		z.object({
			...stepBase,
			kind: z.literal('reflect'),
			prompt: text,
			/** Fewest words that count as a saved reflection. */
			minWords: z.number().int().positive().default(20)
		})
	],
	{ error: `expected kind to be one of ${stepKinds.join(', ')}` }
);

export const lessonMetaSchema = z
	.object({
		title: text,
		summary: text,
		minutes: z
			.number({ error: 'expected a positive number' })
			.positive('expected a positive number'),
		objectives: z.array(text).min(1, 'expected at least one learning objective'),
		steps: z.array(stepSchema).min(1, 'expected at least one step')
	})
	.superRefine((lesson, ctx) => {
		const seen = new Set<string>();
		lesson.steps.forEach((step, i) => {
			if (seen.has(step.id))
				ctx.addIssue({
					code: 'custom',
					path: ['steps', i, 'id'],
					message: `expected a unique step id, "${step.id}" is used twice`
				});
			seen.add(step.id);
			if (step.kind !== 'quiz') return;
			const questionIds = new Set<string>();
			step.questions.forEach((q, j) => {
				if (questionIds.has(q.id))
					ctx.addIssue({
						code: 'custom',
						path: ['steps', i, 'questions', j, 'id'],
						message: `expected a unique question id, "${q.id}" is used twice`
					});
				questionIds.add(q.id);
			});
		});
	});

export const courseSchema = z.object({
	title: text,
	/** One or two sentences on what the course is. */
	description: text,
	/** Who the course is for, one line each. */
	audience: z.array(text).min(1),
	/** Continuing professional development hours a completion certifies. */
	cpdHours: z.number().positive(),
	/** Default quiz pass mark in percent. */
	passMark: percent,
	/** Every lesson open from the start (facilitated groups) instead of unlocking in order. */
	openNavigation: z.boolean().default(false),
	/** Bumped when lessons change in a way saved progress should know about. */
	version: z.string().min(1)
});

export type Step = z.infer<typeof stepSchema>;
export type StepKind = Step['kind'];
export type QuizStep = Extract<Step, { kind: 'quiz' }>;
export type ReflectStep = Extract<Step, { kind: 'reflect' }>;
export type Question = z.infer<typeof questionSchema>;
export type LessonMeta = z.infer<typeof lessonMetaSchema>;
export type Course = z.infer<typeof courseSchema>;
