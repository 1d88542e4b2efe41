import { and, assertEvent, assign, setup } from 'xstate';
import type { LessonOutline, StepOutline } from './outline';
import { firstOpenIndex, isPlainStep } from './rules';
import { countWords } from './assessment';
import { hasFinishedLesson } from './completion';

// One lesson's logic over the steps its content declares. On the first pass steps open in order
// and the lesson completes once every quiz is passed and every reflection saved; after that
// (`completed`) every step is open and nothing can take completion away.

export interface LessonContext {
	lesson: LessonOutline;
	/** Ids of the steps the learner has finished, in the order they finished them. */
	done: string[];
	/** The step the learner is on: where "continue" takes them. */
	at: string;
}

export type LessonMachineEvent =
	| { type: 'step.goto'; stepId: string }
	| { type: 'step.complete'; stepId: string }
	| { type: 'video.watched'; stepId: string }
	| { type: 'quiz.scored'; stepId: string; score: number }
	| { type: 'reflection.save'; stepId: string; text: string };

export interface LessonInput {
	lesson: LessonOutline;
	done?: string[];
	at?: string;
}

function findStep(context: LessonContext, stepId: string): StepOutline | undefined {
	return context.lesson.steps.find((step) => step.id === stepId);
}

function nextStepId(context: LessonContext, stepId: string): string {
	const steps = context.lesson.steps;
	const index = steps.findIndex((step) => step.id === stepId);
	return steps[Math.min(index + 1, steps.length - 1)]?.id ?? stepId;
}

export const lessonMachine = setup({
	types: {
		context: {} as LessonContext,
		events: {} as LessonMachineEvent,
		input: {} as LessonInput
	},
	guards: {
		isStepOpen: ({ context, event }) => {
			const index = context.lesson.steps.findIndex((step) => step.id === event.stepId);
			return index >= 0 && index <= firstOpenIndex(context.lesson, context.done);
		},
		isKnownStep: ({ context, event }) => !!findStep(context, event.stepId),
		isPlainStep: ({ context, event }) => {
			const step = findStep(context, event.stepId);
			return !!step && isPlainStep(step);
		},
		isWatchStep: ({ context, event }) => findStep(context, event.stepId)?.kind === 'watch',
		isPassingScore: ({ context, event }) => {
			assertEvent(event, 'quiz.scored');
			const step = findStep(context, event.stepId);
			return step?.kind === 'quiz' && event.score >= step.passMark;
		},
		hasEnoughWords: ({ context, event }) => {
			assertEvent(event, 'reflection.save');
			const step = findStep(context, event.stepId);
			return step?.kind === 'reflect' && countWords(event.text) >= step.minWords;
		},
		isLessonComplete: ({ context }) => hasFinishedLesson(context.lesson, context.done)
	},
	actions: {
		markDone: assign({
			done: ({ context, event }) =>
				context.done.includes(event.stepId) ? context.done : [...context.done, event.stepId]
		}),
		moveTo: assign({ at: ({ event }) => event.stepId }),
		moveOn: assign({ at: ({ context, event }) => nextStepId(context, event.stepId) })
	}
}).createMachine({
	id: 'lesson',
	context: ({ input }) => ({
		lesson: input.lesson,
		done: input.done ?? [],
		at: input.at ?? input.lesson.steps[0]?.id ?? ''
	}),
	initial: 'firstPass',
	states: {
		firstPass: {
			always: { guard: 'isLessonComplete', target: 'completed' },
			on: {
				'step.goto': { guard: 'isStepOpen', actions: 'moveTo' },
				'step.complete': {
					guard: and(['isStepOpen', 'isPlainStep']),
					actions: ['markDone', 'moveOn']
				},
				'video.watched': {
					guard: and(['isStepOpen', 'isWatchStep']),
					actions: ['markDone', 'moveOn']
				},
				'quiz.scored': {
					guard: and(['isStepOpen', 'isPassingScore']),
					actions: ['markDone', 'moveOn']
				},
				// The reflection stays the current step: the learner may still be writing.
				'reflection.save': { guard: and(['isStepOpen', 'hasEnoughWords']), actions: 'markDone' }
			}
		},
		// Revisiting: every step open, any order. No transition leads back to firstPass.
		completed: {
			on: {
				'step.goto': { guard: 'isKnownStep', actions: 'moveTo' },
				'step.complete': { guard: 'isPlainStep', actions: ['markDone', 'moveOn'] },
				'video.watched': { guard: 'isWatchStep', actions: ['markDone', 'moveOn'] },
				'quiz.scored': { guard: 'isPassingScore', actions: 'markDone' },
				'reflection.save': { guard: 'hasEnoughWords', actions: 'markDone' }
			}
		}
	}
});
