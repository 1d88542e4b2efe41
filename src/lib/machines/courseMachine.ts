import { assign, setup, transition } from 'xstate';
import { lessonMachine, type LessonMachineEvent } from './lessonMachine';
import type { CourseOutline, LessonOutline } from './outline';
import { isLessonUnlocked, type LessonRecord, type LessonRecords } from './rules';
import { mergeLessonRecords } from './completion';

// The course over its ordered lessons. Each lesson's record is advanced by lessonMachine's own
// transitions, so the per-lesson rules live in one place and the course keeps only small JSON.

export interface CourseContext {
	outline: CourseOutline;
	lessons: LessonRecords;
}

export type CourseLessonEvent = LessonMachineEvent & { slug: string; time?: number };

export type CourseEvent =
	| CourseLessonEvent
	/** Progress made elsewhere (another tab): merged in, never lowering anything. */
	| { type: 'progress.merge'; lessons: LessonRecords };

export interface CourseInput {
	outline: CourseOutline;
	lessons?: LessonRecords;
}

function runLesson(
	lesson: LessonOutline,
	record: LessonRecord | undefined,
	event: CourseLessonEvent
): LessonRecord | undefined {
	const snapshot = lessonMachine.resolveState({
		value: record?.complete ? 'completed' : 'firstPass',
		context: { lesson, done: record?.done ?? [], at: record?.at ?? lesson.steps[0].id }
	});
	const [next] = transition(lessonMachine, snapshot, event);
	if (next.context === snapshot.context && next.value === snapshot.value) return record;
	return {
		done: next.context.done,
		at: next.context.at,
		complete: next.value === 'completed',
		t: event.time ?? Date.now()
	};
}

const lessonEvent = { guard: 'isLessonOpen', actions: 'advanceLesson' } as const;

export const courseMachine = setup({
	types: {
		context: {} as CourseContext,
		events: {} as CourseEvent,
		input: {} as CourseInput
	},
	guards: {
		isLessonOpen: ({ context, event }) =>
			'slug' in event && isLessonUnlocked(context.outline, context.lessons, event.slug)
	},
	actions: {
		advanceLesson: assign({
			lessons: ({ context, event }) => {
				if (!('slug' in event)) return context.lessons;
				const lesson = context.outline.lessons.find((l) => l.slug === event.slug);
				if (!lesson) return context.lessons;
				const before = context.lessons[event.slug];
				const after = runLesson(lesson, before, event);
				return after === before || !after
					? context.lessons
					: { ...context.lessons, [event.slug]: after };
			}
		}),
		mergeProgress: assign({
			lessons: ({ context, event }) => {
				if (event.type !== 'progress.merge') return context.lessons;
				return mergeLessonRecords(context.lessons, event.lessons);
			}
		})
	}
}).createMachine({
	id: 'course',
	context: ({ input }) => ({ outline: input.outline, lessons: input.lessons ?? {} }),
	// One state: course completion is derived from the records (rules.hasCompletedCourse), never
	// stored, so nothing can disagree with it.
	on: {
		'step.goto': lessonEvent,
		'step.complete': lessonEvent,
		'video.watched': lessonEvent,
		'quiz.scored': lessonEvent,
		'reflection.save': lessonEvent,
		'progress.merge': { actions: 'mergeProgress' }
	}
});
