import { isGatedStep, type CourseOutline, type LessonOutline } from './outline';

// The progress rules as plain functions. The machines use them as guards; pages use them to show
// where the learner stands without loading the machines (xstate loads on the first interaction).

/** What the course remembers about one lesson; persisted as part of the course snapshot. */
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

/**
 * Words as a person counts them: runs of letters or digits, apostrophes and hyphens inside, so
 * "e.g." is two words, "A&E" two and a line of dashes none. The reflection box shows this count
 * and the lesson machine's guard uses it, so the two cannot disagree.
 */
export function countWords(text: string): number {
	return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/** Index of the first step not done yet; steps up to it are open on the first pass. */
export function firstOpenIndex(lesson: LessonOutline, done: readonly string[]): number {
	const index = lesson.steps.findIndex((step) => !done.includes(step.id));
	return index < 0 ? lesson.steps.length : index;
}

/** First-pass completion: every quiz passed and every reflection saved; else every step done. */
export function hasFinishedLesson(lesson: LessonOutline, done: readonly string[]): boolean {
	const gated = lesson.steps.filter(isGatedStep);
	const required = gated.length ? gated : lesson.steps;
	return required.every((step) => done.includes(step.id));
}

/** A lesson is open when navigation is open, it is first, it was completed, or the one before is. */
export function isLessonUnlocked(
	outline: CourseOutline,
	lessons: LessonRecords,
	slug: string
): boolean {
	const index = outline.lessons.findIndex((lesson) => lesson.slug === slug);
	if (index < 0) return false;
	if (outline.openNavigation || index === 0 || lessons[slug]?.complete) return true;
	return !!lessons[outline.lessons[index - 1].slug]?.complete;
}

export function hasCompletedCourse(outline: CourseOutline, lessons: LessonRecords): boolean {
	return outline.lessons.every((lesson) => lessons[lesson.slug]?.complete);
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
