import { assign, setup, transition } from 'xstate';
import { lessonMachine, type LessonMachineEvent } from './lessonMachine';
import type { CourseOutline, LessonOutline } from './outline';

// The course over its ordered lessons. Each lesson's record is advanced by lessonMachine's own
// transitions, so the per-lesson rules live in one place and the course keeps only small JSON.

/** What the course remembers about one lesson; persisted as part of the snapshot. */
export interface LessonRecord {
	/** Step ids finished. */
	done: string[];
	/** The step the learner is on. */
	at: string;
	/** Set once and never cleared: the lesson was completed. */
	complete: boolean;
	/** When the learner last did something in this lesson, ms since 1970. */
	t: number;
}

export type LessonRecords = Record<string, LessonRecord>;

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

/** A lesson is open when navigation is open, it is first, it was completed, or the one before is. */
export function isLessonUnlocked(context: CourseContext, slug: string): boolean {
	const { lessons, openNavigation } = context.outline;
	const index = lessons.findIndex((lesson) => lesson.slug === slug);
	if (index < 0) return false;
	if (openNavigation || index === 0 || context.lessons[slug]?.complete) return true;
	return !!context.lessons[lessons[index - 1].slug]?.complete;
}

export function hasCompletedCourse(context: CourseContext): boolean {
	return context.outline.lessons.every((lesson) => context.lessons[lesson.slug]?.complete);
}

/** Union of two records of one lesson: done steps add up, completion sticks, newest position wins. */
export function mergeLessonRecord(a: LessonRecord | undefined, b: LessonRecord): LessonRecord {
	if (!a) return b;
	const newer = b.t > a.t ? b : a;
	return {
		done: [...new Set([...a.done, ...b.done])],
		at: newer.at,
		complete: a.complete || b.complete,
		t: newer.t
	};
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
		isLessonOpen: ({ context, event }) => 'slug' in event && isLessonUnlocked(context, event.slug),
		hasCompletedEveryLesson: ({ context }) => hasCompletedCourse(context)
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
				const merged = { ...context.lessons };
				for (const [slug, record] of Object.entries(event.lessons))
					merged[slug] = mergeLessonRecord(merged[slug], record);
				return merged;
			}
		})
	}
}).createMachine({
	id: 'course',
	context: ({ input }) => ({ outline: input.outline, lessons: input.lessons ?? {} }),
	initial: 'learning',
	on: {
		'step.goto': lessonEvent,
		'step.complete': lessonEvent,
		'video.watched': lessonEvent,
		'quiz.scored': lessonEvent,
		'reflection.save': lessonEvent,
		'progress.merge': { actions: 'mergeProgress' }
	},
	states: {
		learning: {
			always: { guard: 'hasCompletedEveryLesson', target: 'finished' }
		},
		// Every lesson complete. Revisiting goes on here; nothing leads back.
		finished: {}
	}
});
