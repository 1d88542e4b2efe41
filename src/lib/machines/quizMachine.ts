import { assertEvent, assign, setup } from 'xstate';
import type { Question } from '$lib/content/types';
import { type QuizAnswers, type QuizRecord } from './rules';
import { hasAnswers, newQuizRecord, scoreAttempt } from './assessment';

// One quiz: answering → submitted (scored) → feedback (passed or failed) → retry → answering.
// The best score and "ever passed" only ever go up, so a failed retake cannot undo a pass. The
// context is the stored QuizRecord plus what the quiz needs from the lesson (its setup).

/** What the quiz machine needs that only the lesson has: the questions and the pass mark. */
export interface QuizSetup {
	questions: Question[];
	/** Percent needed to pass, resolved when the content was indexed. */
	passMark: number;
}

export type QuizContext = QuizSetup & QuizRecord;

export type QuizEvent =
	{ type: 'quiz.submit'; answers: QuizAnswers; at?: number } | { type: 'quiz.retry'; at?: number };

export const quizMachine = setup({
	types: {
		context: {} as QuizContext,
		events: {} as QuizEvent,
		input: {} as QuizSetup
	},
	guards: {
		isPassed: ({ context }) => context.passed,
		hasAnswers: ({ event }) => {
			assertEvent(event, 'quiz.submit');
			return hasAnswers(event.answers);
		}
	},
	actions: {
		scoreAttempt: assign(({ context, event }) => {
			assertEvent(event, 'quiz.submit');
			return scoreAttempt(context, context, event.answers, event.at ?? Date.now());
		}),
		answerAgain: assign(({ context, event }) => ({
			phase: 'answering' as const,
			t: event.at ?? context.t
		}))
	}
}).createMachine({
	id: 'quiz',
	context: ({ input }) => ({ ...input, ...newQuizRecord() }),
	initial: 'answering',
	states: {
		answering: {
			on: {
				'quiz.submit': { guard: 'hasAnswers', target: 'submitted', actions: 'scoreAttempt' }
			}
		},
		submitted: {
			always: [{ guard: 'isPassed', target: 'feedback.passed' }, { target: 'feedback.failed' }]
		},
		feedback: {
			initial: 'failed',
			states: { passed: {}, failed: {} },
			// Retry after a fail; a retake after a pass is allowed too and cannot lower the best score.
			on: { 'quiz.retry': { target: 'answering', actions: 'answerAgain' } }
		}
	}
});

/** A record back into the machine's state: feedback when it was showing feedback. */
export function quizSnapshot(setup: QuizSetup, record: QuizRecord = newQuizRecord()) {
	return quizMachine.resolveState({
		value:
			record.phase === 'feedback' ? { feedback: record.passed ? 'passed' : 'failed' } : 'answering',
		context: { ...setup, ...record }
	});
}
