import type { CourseOutline, LessonOutline } from './outline';
import { completedLessons, isGatedStep, type LessonRecord, type LessonRecords } from './rules';

// When a lesson and the course count as finished, and how two copies of the lesson records
// become one. The machines, the merge of tabs and files, the certificate and the LMS report use
// them; a page showing where the learner stands reads the records (rules.ts) instead.

/** First-pass completion: every quiz passed and every reflection saved; else every step done. */
export function hasFinishedLesson(lesson: LessonOutline, done: readonly string[]): boolean {
	const gated = lesson.steps.filter(isGatedStep);
	const required = gated.length ? gated : lesson.steps;
	return required.every((step) => done.includes(step.id));
}

/** The course is complete when every lesson is: derived from the records, never stored. */
export function hasCompletedCourse(outline: CourseOutline, lessons: LessonRecords): boolean {
	return completedLessons(outline, lessons) === outline.lessons.length;
}

/** When every lesson is complete: the latest activity among them, the moment it happened. */
export function completionTime(outline: CourseOutline, lessons: LessonRecords): number | undefined {
	if (!hasCompletedCourse(outline, lessons)) return undefined;
	return Math.max(...outline.lessons.map((l) => lessons[l.slug].t));
}

/** Two copies of the course's lesson records → one, lesson by lesson. */
export function mergeLessonRecords(a: LessonRecords, b: LessonRecords): LessonRecords {
	const merged = { ...a };
	for (const [slug, record] of Object.entries(b))
		merged[slug] = mergeLessonRecord(merged[slug], record);
	return merged;
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
