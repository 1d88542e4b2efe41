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

// Authored as `answer: true|false`; normalised here, once, into the two options every other
// question has, so scoring, the quiz, the live session, the slides and the facilitator's key all
// read `options` and none of them special-cases true/false.
const trueFalseQuestion = z
	.object({
		...questionBase,
		type: z.literal('truefalse'),
		answer: z.boolean({ error: 'expected true or false' })
	})
	.transform(({ answer, ...question }) => ({
		...question,
		options: [
			{ id: 'true', text: 'True', correct: answer },
			{ id: 'false', text: 'False', correct: !answer }
		] as z.infer<typeof option>[]
	}));

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
			/** Overrides the course pass mark for this quiz; resolved when the course is indexed. */
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

type ParsedStep = z.infer<typeof stepSchema>;
/** A quiz step as the course uses it: `passMark` is resolved (its own, else the course's) by build-index.ts. */
export type QuizStep = Extract<ParsedStep, { kind: 'quiz' }> & { passMark: number };
export type Step = Exclude<ParsedStep, { kind: 'quiz' }> | QuizStep;
export type StepKind = Step['kind'];
export type ReflectStep = Extract<Step, { kind: 'reflect' }>;
/** A question after parsing: true/false questions have the options 'true' and 'false'. */
export type Question = z.infer<typeof questionSchema>;
export type ParsedLessonMeta = z.infer<typeof lessonMetaSchema>;
export type LessonMeta = Omit<ParsedLessonMeta, 'steps'> & { steps: Step[] };
export type Course = z.infer<typeof courseSchema>;
