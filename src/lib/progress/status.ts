import { firstOpenIndex, isLessonUnlocked, type LessonRecords } from '$lib/machines/rules';
import type { CourseOutline, LessonOutline, StepOutline } from '$lib/machines/outline';
import type { StepStatus } from './port';

// Where the learner stands in one lesson, derived from the course machine's records.

export interface LessonStanding {
	lesson: LessonOutline;
	unlocked: boolean;
	/** Completed at least once: every step open, nothing can lower it. */
	complete: boolean;
	done: string[];
	at: string;
	/** On the first pass: the step to finish next, which keeps the later ones locked. */
	next?: StepOutline;
	/** The lesson before, when it keeps this one locked. */
	blockedBy?: LessonOutline;
}

export function lessonStanding(
	outline: CourseOutline,
	lessons: LessonRecords,
	slug: string
): LessonStanding | undefined {
	const index = outline.lessons.findIndex((l) => l.slug === slug);
	const lesson = outline.lessons[index];
	if (!lesson) return undefined;
	const record = lessons[slug];
	const unlocked = isLessonUnlocked(outline, lessons, slug);
	const done = record?.done ?? [];
	const complete = !!record?.complete;
	return {
		lesson,
		unlocked,
		complete,
		done,
		at: record?.at ?? lesson.steps[0].id,
		next: complete ? undefined : lesson.steps[firstOpenIndex(lesson, done)],
		blockedBy: unlocked ? undefined : outline.lessons[index - 1]
	};
}

export function stepStatus(standing: LessonStanding, stepId: string): StepStatus {
	const { lesson, done } = standing;
	if (!standing.unlocked) return 'locked';
	if (done.includes(stepId)) return 'done';
	if (standing.complete) return 'open';
	const index = lesson.steps.findIndex((s) => s.id === stepId);
	const open = firstOpenIndex(lesson, done);
	return index === open ? 'current' : index < open ? 'done' : 'locked';
}
