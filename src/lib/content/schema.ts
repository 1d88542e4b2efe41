import { z } from 'zod';
import { canCover, defaultDraw, drawSize } from '$lib/quiz/draw';

/** Lower-case words joined by hyphens: used for step, question and option ids. */
const id = z
	.string()
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected lower-case words joined by hyphens');
const text = z.string().trim().min(1, 'expected non-empty text');
/** A percentage from 0 to 100. */
const percent = z.number().min(0).max(100);

/** Objective ids a question or step assesses: at least one, each an objective of the same lesson. */
const assesses = z.array(id).min(1, 'expected at least one objective id');

const option = z
	.object({
		id,
		text,
		correct: z.boolean().default(false),
		/** Why this choice is wrong: shown once the learner has picked it. Required on wrong options. */
		feedback: text.optional()
	})
	.refine((o) => o.correct || o.feedback !== undefined, {
		message:
			'expected feedback on a wrong option: why a clinician might pick it, and why it is wrong',
		path: ['feedback']
	});

const questionBase = {
	id,
	/** Which objectives of the lesson this item tests. */
	assesses,
	/** A short clinical situation (a consultation, a ward round, a service meeting) the prompt asks about. */
	scenario: text.optional(),
	prompt: text,
	/** Why the answer is right, in the course's words: shown once correct answers are revealed. */
	explanation: text,
	/** The source the explanation rests on, e.g. "Batalden M et al. 2016". */
	source: text
};

// Two options would be a coin toss; only true/false may have two.
const choices = z.array(option).min(3, 'expected at least 3 options (only true/false has two)');

const singleQuestion = z.object({
	...questionBase,
	type: z.literal('single'),
	options: choices.refine(
		(o) => o.filter((x) => x.correct).length === 1,
		'expected exactly one correct option'
	)
});

const multipleQuestion = z.object({
	...questionBase,
	type: z.literal('multiple'),
	options: choices.refine((o) => o.some((x) => x.correct), 'expected at least one correct option')
});

// Authored as `answer: true|false` with one `feedback`; normalised here, once, into the two options
// every other question has (the feedback on the wrong one), so scoring, the quiz, the live session,
// the slides and the facilitator's key all read `options` and none of them special-cases true/false.
const trueFalseQuestion = z
	.object({
		...questionBase,
		type: z.literal('truefalse'),
		answer: z.boolean({ error: 'expected true or false' }),
		/** Why the wrong choice is wrong: shown once the learner has picked it. */
		feedback: text
	})
	.transform(({ answer, feedback, ...question }) => ({
		...question,
		options: [
			{ id: 'true', text: 'True', correct: answer, ...(answer ? {} : { feedback }) },
			{ id: 'false', text: 'False', correct: !answer, ...(answer ? { feedback } : {}) }
		] as z.infer<typeof option>[]
	}));

export const questionSchema = z.discriminatedUnion('type', [
	singleQuestion,
	multipleQuestion,
	trueFalseQuestion
]);

/** Largest quiz pool: a draw is chosen among every subset of the pool, so it stays small. */
export const maxPool = 16;

const stepBase = {
	id,
	title: text,
	/** Objectives this step is the assessment of, where a question cannot test them (a reflection). */
	assesses: assesses.optional()
};

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
			/** Items per attempt, drawn from the pool so that every objective it assesses is covered. */
			draw: z.number().int().positive('expected a positive whole number').optional(),
			/** The pool the attempts draw from. */
			questions: z
				.array(questionSchema)
				.min(1, 'expected at least one question')
				.max(maxPool, `expected at most ${maxPool} questions in a pool`)
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

const minutesOf = z
	.number({ error: 'expected a number of minutes, 0 or more' })
	.min(0, 'expected a number of minutes, 0 or more')
	.default(0);

/** Minutes a learner must spend on a lesson besides reading its text; the build adds reading time. */
export const effortSchema = z.object(
	{
		/** Required video minutes (0 when the video is optional). */
		watch: minutesOf,
		/** The explainer or the case. */
		explore: minutesOf,
		/** One attempt at the drawn set. */
		quiz: minutesOf,
		/** Writing the reflections. */
		reflect: minutesOf,
		/** Required readings only; optional readings count 0. */
		readings: minutesOf
	},
	{ error: 'expected an effort block: watch, explore, quiz, reflect, readings (minutes)' }
);

export const objectiveSchema = z.object(
	{ id, text },
	{ error: 'expected an objective with an id and a text, e.g. { id: tell-apart, text: Tell… }' }
);

export const lessonMetaSchema = z
	.object({
		title: text,
		summary: text,
		minutes: z
			.never({
				error: 'expected no minutes: the build computes them from the words and the effort block'
			})
			.optional(),
		objectives: z.array(objectiveSchema).min(1, 'expected at least one learning objective'),
		effort: effortSchema,
		steps: z.array(stepSchema).min(1, 'expected at least one step')
	})
	.superRefine((lesson, ctx) => {
		const objectiveIds = new Set<string>();
		lesson.objectives.forEach((o, i) => {
			if (objectiveIds.has(o.id))
				ctx.addIssue({
					code: 'custom',
					path: ['objectives', i, 'id'],
					message: `expected a unique objective id, "${o.id}" is used twice`
				});
			objectiveIds.add(o.id);
		});
		const hasKind = (kind: StepKind) => lesson.steps.some((s) => s.kind === kind);
		if (hasKind('quiz') && lesson.effort.quiz <= 0)
			ctx.addIssue({
				code: 'custom',
				path: ['effort', 'quiz'],
				message: 'expected the minutes one attempt at the quiz takes'
			});
		if (hasKind('reflect') && lesson.effort.reflect <= 0)
			ctx.addIssue({
				code: 'custom',
				path: ['effort', 'reflect'],
				message: 'expected the minutes writing the reflections takes'
			});
		checkAssessment(lesson, objectiveIds, ctx);
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

type ParsedLesson = {
	objectives: { id: string; text: string }[];
	steps: z.infer<typeof stepSchema>[];
};

/**
 * Every objective is assessed by some question or step, everything assessed is an objective of
 * the lesson, and each quiz's draw can cover every objective its pool assesses.
 */
function checkAssessment(lesson: ParsedLesson, objectives: Set<string>, ctx: z.RefinementCtx) {
	const known = [...objectives].join(', ');
	const assessed = new Set<string>();
	const claim = (ids: string[] | undefined, path: (string | number)[]) =>
		ids?.forEach((objective, k) => {
			assessed.add(objective);
			if (!objectives.has(objective))
				ctx.addIssue({
					code: 'custom',
					path: [...path, 'assesses', k],
					message: `"${objective}" is not an objective of this lesson (its objectives are: ${known})`
				});
		});
	lesson.steps.forEach((step, i) => {
		claim(step.assesses, ['steps', i]);
		if (step.kind !== 'quiz') return;
		step.questions.forEach((q, j) => claim(q.assesses, ['steps', i, 'questions', j]));
		const size = drawSize(step.questions.length, step.draw, defaultDraw);
		if (step.draw !== undefined && step.draw > step.questions.length)
			ctx.addIssue({
				code: 'custom',
				path: ['steps', i, 'draw'],
				message: `expected at most the pool size (${step.questions.length}), got ${step.draw}`
			});
		else if (!canCover(step.questions, size))
			ctx.addIssue({
				code: 'custom',
				path: ['steps', i, 'draw'],
				message: `expected a draw of ${size} to be able to cover every objective the pool assesses (${[...new Set(step.questions.flatMap((q) => q.assesses))].join(', ')}): raise draw or add items that assess more than one`
			});
	});
	lesson.objectives.forEach((objective, i) => {
		if (!assessed.has(objective.id))
			ctx.addIssue({
				code: 'custom',
				path: ['objectives', i],
				message: `objective "${objective.id}" is assessed by nothing: list it in the "assesses" of a question, or of the step that assesses it (a reflection)`
			});
	});
}

export const courseSchema = z.object({
	title: text,
	/** One or two sentences on what the course is. */
	description: text,
	/** Who the course is for, one line each. */
	audience: z.array(text).min(1),
	/** Computed by the build from the lessons' minutes, so it cannot drift from them. */
	cpdHours: z
		.never({ error: "expected no cpdHours: the build computes them from the lessons' minutes" })
		.optional(),
	/** Default quiz pass mark in percent. */
	passMark: percent,
	/** Every lesson open from the start (facilitated groups) instead of unlocking in order. */
	openNavigation: z.boolean().default(false),
	/** Bumped when lessons change in a way saved progress should know about. */
	version: z.string().min(1),
	/**
	 * Who stands behind the certificate, printed on it when set. Null until a real organisation
	 * issues or accredits the course: the certificate then says none is configured, never a made-up one.
	 */
	certificate: z
		.object({
			/** The organisation that issues the certificate. */
			issuer: text.nullable().default(null),
			/** The organisation that provides (runs) the course, when not the issuer. */
			provider: text.nullable().default(null),
			/** An accreditation or CPD approval, with its reference. */
			accreditation: text.nullable().default(null),
			/** Where an appraiser can ask about a certificate (an address or a web page). */
			contact: text.nullable().default(null)
		})
		.strict()
		.default({ issuer: null, provider: null, accreditation: null, contact: null })
});

type ParsedStep = z.infer<typeof stepSchema>;
/** A quiz step as the course uses it: `passMark` is resolved (its own, else the course's) by build-index.ts. */
export type QuizStep = Extract<ParsedStep, { kind: 'quiz' }> & { passMark: number };
export type Step = Exclude<ParsedStep, { kind: 'quiz' }> | QuizStep;
export type StepKind = Step['kind'];
export type ReflectStep = Extract<Step, { kind: 'reflect' }>;
/** A question after parsing: true/false questions have the options 'true' and 'false'. */
export type Question = z.infer<typeof questionSchema>;
export type Objective = z.infer<typeof objectiveSchema>;
export type Effort = z.infer<typeof effortSchema>;
export type ParsedLessonMeta = z.infer<typeof lessonMetaSchema>;
/** A lesson file's frontmatter plus the minutes the build computes from its words and effort. */
export type LessonMeta = Omit<ParsedLessonMeta, 'steps' | 'minutes'> & {
	steps: Step[];
	/** Reading time at 200 words a minute plus the effort block, rounded. */
	minutes: number;
};
/** The course file plus what the build derives from the lessons. */
export type Course = Omit<z.infer<typeof courseSchema>, 'cpdHours'> & {
	/** Continuing professional development hours a completion certifies: the lessons' minutes, in quarter hours. */
	cpdHours: number;
};
