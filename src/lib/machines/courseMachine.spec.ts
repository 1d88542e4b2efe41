import { describe, expect, test } from 'vitest';
import { createActor, transition, type SnapshotFrom } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { courseMachine, type CourseEvent } from './courseMachine';
import { isLessonUnlocked } from './rules';
import { hasCompletedCourse } from './completion';
import { testOutline } from './fixtures';
import type { CourseOutline } from './outline';

type Snapshot = SnapshotFrom<typeof courseMachine>;

/** Per lesson: the events that move it forward, a failed quiz and a too-short reflection. */
function lessonEvents(slug: string): CourseEvent[] {
	return [
		{ type: 'step.complete', slug, stepId: 'read', time: 0 },
		{ type: 'video.watched', slug, stepId: 'watch', time: 0 },
		{ type: 'quiz.scored', slug, stepId: 'check', score: 100, time: 0 },
		{ type: 'quiz.scored', slug, stepId: 'check', score: 0, time: 0 },
		{ type: 'reflection.save', slug, stepId: 'reflect', text: 'enough words here', time: 0 },
		{ type: 'reflection.save', slug, stepId: 'reflect', text: 'too short', time: 0 },
		{ type: 'step.goto', slug, stepId: 'read', time: 0 }
	];
}

const serializeState = (s: Snapshot) =>
	JSON.stringify([
		Object.entries(s.context.lessons)
			.sort(([a], [b]) => a.localeCompare(b))
			.map(([slug, r]) => [slug, [...r.done].sort(), r.at, r.complete])
	]);

function explore(outline: CourseOutline, events: CourseEvent[]) {
	return getShortestPaths(courseMachine, {
		input: { outline },
		events,
		serializeState,
		limit: 20000
	});
}

const outline = testOutline(['one', 'two']);
const allEvents = [...lessonEvents('one'), ...lessonEvents('two')];
const isPassingQuiz = (e: CourseEvent) => e.type === 'quiz.scored' && e.score === 100;
const courseDone = (s: Snapshot) => hasCompletedCourse(s.context.outline, s.context.lessons);

describe('courseMachine', () => {
	const paths = explore(outline, allEvents);

	test('the course can be completed, and each lesson can be completed', () => {
		expect(paths.some((p) => courseDone(p.state))).toBe(true);
		expect(paths.some((p) => !courseDone(p.state))).toBe(true);
		for (const slug of ['one', 'two'])
			expect(paths.some((p) => p.state.context.lessons[slug]?.complete)).toBe(true);
	});

	test('no path completes the course without completing every lesson', () => {
		for (const skipped of ['one', 'two']) {
			const reached = explore(
				outline,
				allEvents.filter(
					(e) => !(e.type !== 'progress.merge' && e.slug === skipped && isPassingQuiz(e))
				)
			);
			expect(reached.some((p) => courseDone(p.state))).toBe(false);
			expect(reached.some((p) => p.state.context.lessons[skipped]?.complete)).toBe(false);
		}
		for (const path of paths.filter((p) => courseDone(p.state)))
			expect(Object.values(path.state.context.lessons).every((r) => r.complete)).toBe(true);
	});

	test('the next lesson stays locked until the previous one is complete', () => {
		for (const { state } of paths)
			if (!state.context.lessons.one?.complete) expect(state.context.lessons.two).toBeUndefined();
	});

	test('no revisit path lowers completion', () => {
		for (const { state } of paths)
			for (const event of allEvents) {
				const [next] = transition(courseMachine, state, event);
				for (const [slug, record] of Object.entries(state.context.lessons)) {
					if (record.complete) expect(next.context.lessons[slug].complete).toBe(true);
					expect(next.context.lessons[slug].done).toEqual(expect.arrayContaining(record.done));
				}
				if (courseDone(state)) expect(courseDone(next)).toBe(true);
			}
	});

	test('open navigation opens every lesson from the start', () => {
		const open = testOutline(['one', 'two'], true);
		const actor = createActor(courseMachine, { input: { outline: open } }).start();
		expect(isLessonUnlocked(open, actor.getSnapshot().context.lessons, 'two')).toBe(true);
		actor.send({ type: 'step.complete', slug: 'two', stepId: 'read' });
		expect(actor.getSnapshot().context.lessons.two.done).toEqual(['read']);
	});

	test('merged progress from elsewhere adds up and never lowers', () => {
		const actor = createActor(courseMachine, { input: { outline } }).start();
		actor.send({ type: 'step.complete', slug: 'one', stepId: 'read', time: 5 });
		actor.send({
			type: 'progress.merge',
			lessons: { one: { done: ['watch'], at: 'watch', complete: true, t: 1 } }
		});
		expect(actor.getSnapshot().context.lessons.one).toEqual({
			done: ['read', 'watch'],
			at: 'watch',
			complete: true,
			t: 5
		});
	});
});
