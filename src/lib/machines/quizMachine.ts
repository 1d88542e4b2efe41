import { assertEvent, assign, setup } from 'xstate';
import type { Question } from '$lib/content/types';
import type { QuizAnswers } from '$lib/progress/port';
import { scoreQuiz } from '$lib/progress/score';

// One quiz: answering → submitted (scored) → feedback (passed or failed) → retry → answering.
// The best score and "ever passed" only ever go up, so a failed retake cannot undo a pass.

export interface QuizContext {
	questions: Question[];
	/** Percent needed to pass: the quiz's own pass mark, else the course default. */
	passMark: number;
	answers: QuizAnswers;
	score: number;
	bestScore: number;
	passed: boolean;
	everPassed: boolean;
	attempts: number;
	/** Time of the latest submission, ms since 1970; 0 before the first. */
	submittedAt: number;
}

export type QuizEvent =
	{ type: 'quiz.submit'; answers: QuizAnswers; at?: number } | { type: 'quiz.retry'; at?: number };

export interface QuizInput {
	questions: Question[];
	passMark: number;
}

export const quizMachine = setup({
	types: {
		context: {} as QuizContext,
		events: {} as QuizEvent,
		input: {} as QuizInput
	},
	guards: {
		isPassed: ({ context }) => context.score >= context.passMark,
		hasAnswers: ({ event }) => {
			assertEvent(event, 'quiz.submit');
			return Object.values(event.answers).some((chosen) => chosen.length > 0);
		}
	},
	actions: {
		recordAnswers: assign({
			answers: ({ event }) => {
				assertEvent(event, 'quiz.submit');
				return event.answers;
			},
			submittedAt: ({ event }) => {
				assertEvent(event, 'quiz.submit');
				return event.at ?? Date.now();
			}
		}),
		scoreAttempt: assign(({ context }) => {
			const score = scoreQuiz(context.questions, context.answers);
			const passed = score >= context.passMark;
			return {
				score,
				passed,
				bestScore: Math.max(context.bestScore, score),
				everPassed: context.everPassed || passed,
				attempts: context.attempts + 1
			};
		})
	}
}).createMachine({
	id: 'quiz',
	context: ({ input }) => ({
		questions: input.questions,
		passMark: input.passMark,
		answers: {},
		score: 0,
		bestScore: 0,
		passed: false,
		everPassed: false,
		attempts: 0,
		submittedAt: 0
	}),
	initial: 'answering',
	states: {
		answering: {
			on: {
				'quiz.submit': { guard: 'hasAnswers', target: 'submitted', actions: 'recordAnswers' }
			}
		},
		submitted: {
			entry: 'scoreAttempt',
			always: [{ guard: 'isPassed', target: 'feedback.passed' }, { target: 'feedback.failed' }]
		},
		feedback: {
			initial: 'failed',
			states: { passed: {}, failed: {} },
			// Retry after a fail; a retake after a pass is allowed too and cannot lower the best score.
			on: { 'quiz.retry': 'answering' }
		}
	}
});
