import { describe, expect, test } from 'vitest';
import { createActor, transition, type SnapshotFrom } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { testLesson } from './fixtures';
import { lessonMachine, type LessonMachineEvent } from './lessonMachine';

const lesson = testLesson('one');
type Snapshot = SnapshotFrom<typeof lessonMachine>;

const passQuiz: LessonMachineEvent = { type: 'quiz.scored', stepId: 'check', score: 100 };
const failQuiz: LessonMachineEvent = { type: 'quiz.scored', stepId: 'check', score: 50 };
const longReflection: LessonMachineEvent = {
	type: 'reflection.save',
	stepId: 'reflect',
	text: 'three whole words'
};
const shortReflection: LessonMachineEvent = {
	type: 'reflection.save',
	stepId: 'reflect',
	text: 'two words'
};

/** Every event a learner can cause in the test lesson, right and wrong. */
const allEvents: LessonMachineEvent[] = [
	...lesson.steps.map((s): LessonMachineEvent => ({ type: 'step.goto', stepId: s.id })),
	...lesson.steps.map((s): LessonMachineEvent => ({ type: 'step.complete', stepId: s.id })),
	{ type: 'video.watched', stepId: 'watch' },
	passQuiz,
	failQuiz,
	longReflection,
	shortReflection
];

// The state space is small but context-bearing: serialise the parts that matter.
const serializeState = (s: Snapshot) =>
	JSON.stringify([s.value, [...s.context.done].sort(), s.context.at]);

function paths(events = allEvents) {
	return getShortestPaths(lessonMachine, {
		input: { lesson },
		events,
		serializeState,
		limit: 5000
	});
}

describe('lessonMachine', () => {
	test('steps open in order and the lesson completes with a passed quiz and a saved reflection', () => {
		const actor = createActor(lessonMachine, { input: { lesson } }).start();
		actor.send(passQuiz);
		expect(actor.getSnapshot().context.done).toEqual([]); // the quiz is not open yet
		actor.send({ type: 'step.complete', stepId: 'read' });
		actor.send({ type: 'video.watched', stepId: 'watch' });
		actor.send(failQuiz);
		expect(actor.getSnapshot().context.done).toEqual(['read', 'watch']);
		actor.send(passQuiz);
		actor.send(shortReflection);
		expect(actor.getSnapshot().value).toBe('firstPass');
		actor.send(longReflection);
		expect(actor.getSnapshot().value).toBe('completed');
		expect(actor.getSnapshot().context.at).toBe('reflect');
	});

	test('every state is reachable', () => {
		const values = new Set(paths().map((p) => p.state.value));
		expect(values).toEqual(new Set(['firstPass', 'completed']));
	});

	test('no path completes the lesson without a passed quiz', () => {
		const reached = paths(allEvents.filter((e) => e !== passQuiz));
		expect(reached.length).toBeGreaterThan(5);
		expect(reached.some((p) => p.state.value === 'completed')).toBe(false);
	});

	test('no path completes the lesson without a saved reflection of enough words', () => {
		const reached = paths(allEvents.filter((e) => e !== longReflection));
		expect(reached.some((p) => p.state.value === 'completed')).toBe(false);
	});

	test('every path to completion passed the quiz and saved the reflection', () => {
		const completing = paths().filter((p) => p.state.value === 'completed');
		expect(completing.length).toBeGreaterThan(0);
		for (const path of completing) {
			const events = path.steps.map((step) => step.event);
			expect(events).toContain(passQuiz);
			expect(events).toContain(longReflection);
		}
	});

	test('no revisit lowers completion: from every completed state, every event keeps it', () => {
		const completed = paths().filter((p) => p.state.value === 'completed');
		for (const { state } of completed)
			for (const event of allEvents) {
				const [next] = transition(lessonMachine, state, event);
				expect(next.value).toBe('completed');
				expect(next.context.done).toEqual(expect.arrayContaining(state.context.done));
			}
	});

	test('a completed lesson opens every step, in any order', () => {
		const actor = createActor(lessonMachine, {
			input: { lesson },
			snapshot: lessonMachine.resolveState({
				value: 'completed',
				context: { lesson, done: ['check', 'reflect'], at: 'reflect' }
			})
		}).start();
		actor.send({ type: 'step.goto', stepId: 'read' });
		expect(actor.getSnapshot().context.at).toBe('read');
		actor.send(failQuiz);
		expect(actor.getSnapshot().value).toBe('completed');
	});

	test('a lesson without quizzes or reflections completes when every step is done', () => {
		const plain = { ...lesson, steps: lesson.steps.slice(0, 2) };
		const actor = createActor(lessonMachine, { input: { lesson: plain } }).start();
		actor.send({ type: 'step.complete', stepId: 'read' });
		expect(actor.getSnapshot().value).toBe('firstPass');
		actor.send({ type: 'video.watched', stepId: 'watch' });
		expect(actor.getSnapshot().value).toBe('completed');
	});
});
