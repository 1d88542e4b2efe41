import { describe, expect, test } from 'vitest';
import { createActor, transition, type SnapshotFrom } from 'xstate';
import { getShortestPaths, getSimplePaths } from 'xstate/graph';
import { halfRightAnswers, rightAnswers, testQuestions, wrongAnswers } from './fixtures';
import { quizMachine, type QuizEvent } from './quizMachine';

type Snapshot = SnapshotFrom<typeof quizMachine>;
const input = { questions: testQuestions, passMark: 75 };

const events: QuizEvent[] = [
	{ type: 'quiz.submit', answers: rightAnswers, at: 1 },
	{ type: 'quiz.submit', answers: halfRightAnswers, at: 1 },
	{ type: 'quiz.submit', answers: wrongAnswers, at: 1 },
	{ type: 'quiz.submit', answers: {}, at: 1 },
	{ type: 'quiz.retry' }
];

// Attempts grow without bound: leave them out of the state key, keep what the rules depend on.
const serializeState = (s: Snapshot) =>
	JSON.stringify([s.value, s.context.score, s.context.best, s.context.everPassed]);

const traversal = { input, events, serializeState, limit: 2000 };

describe('quizMachine', () => {
	test('answering → submitted → feedback, scored with the pass mark, then retry', () => {
		const actor = createActor(quizMachine, { input }).start();
		actor.send({ type: 'quiz.submit', answers: halfRightAnswers });
		let snap = actor.getSnapshot();
		expect(snap.matches({ feedback: 'failed' })).toBe(true);
		expect(snap.context).toMatchObject({ score: 50, passed: false, attempts: 1 });
		actor.send({ type: 'quiz.retry' });
		expect(actor.getSnapshot().value).toBe('answering');
		actor.send({ type: 'quiz.submit', answers: rightAnswers });
		snap = actor.getSnapshot();
		expect(snap.matches({ feedback: 'passed' })).toBe(true);
		expect(snap.context).toMatchObject({ score: 100, best: 100, attempts: 2 });
	});

	test('a per-quiz pass mark overrides the default', () => {
		const actor = createActor(quizMachine, { input: { ...input, passMark: 50 } }).start();
		actor.send({ type: 'quiz.submit', answers: halfRightAnswers });
		expect(actor.getSnapshot().context.passed).toBe(true);
	});

	test('an empty submission is not an attempt', () => {
		const actor = createActor(quizMachine, { input }).start();
		actor.send({ type: 'quiz.submit', answers: { q1: [] } });
		expect(actor.getSnapshot().value).toBe('answering');
		expect(actor.getSnapshot().context.attempts).toBe(0);
	});

	test('every state is reachable', () => {
		const reached = getShortestPaths(quizMachine, traversal).map((p) =>
			JSON.stringify(p.state.value)
		);
		expect(new Set(reached)).toEqual(
			new Set(['"answering"', '{"feedback":"passed"}', '{"feedback":"failed"}'])
		);
	});

	test('no path lowers the best score or takes back a pass', () => {
		const paths = getSimplePaths(quizMachine, traversal);
		expect(paths.length).toBeGreaterThan(10);
		for (const path of paths) {
			let best = 0;
			let everPassed = false;
			for (const { state } of [...path.steps, { state: path.state }]) {
				expect(state.context.best).toBeGreaterThanOrEqual(best);
				if (everPassed) expect(state.context.everPassed).toBe(true);
				best = state.context.best;
				everPassed = state.context.everPassed;
			}
		}
	});

	test('a failed retake after a pass keeps the best score and the pass', () => {
		let [snap] = transition(
			quizMachine,
			createActor(quizMachine, { input }).getSnapshot(),
			events[0]
		);
		[snap] = transition(quizMachine, snap, { type: 'quiz.retry' });
		[snap] = transition(quizMachine, snap, events[2]);
		expect(snap.context).toMatchObject({
			score: 0,
			passed: false,
			best: 100,
			everPassed: true,
			attempts: 2
		});
	});
});
