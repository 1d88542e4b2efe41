// Where the learner stands across the course, for the dashboard and the certificate. Pure: built
// from the course outline and the saved progress, so it is easy to test and costs nothing to run.
import type { LessonRecords } from '$lib/machines/rules';
import type { CourseOutline, LessonOutline, StepOutline } from '$lib/machines/outline';
import type { Envelope } from '$lib/progress/envelope';
import { itemKey } from '$lib/progress/keys';
import { firstOpenIndex } from '$lib/machines/rules';

export type LessonState = 'notStarted' | 'inProgress' | 'complete';

export interface LessonSummary {
	slug: string;
	number: number;
	title: string;
	state: LessonState;
	/** Best quiz score in percent (the mean when a lesson has several quizzes), or null. */
	best: number | null;
	minutes: number;
	/** Estimated from the share of steps done. */
	minutesDone: number;
	/** The step to go on with on the first pass (undefined once complete). */
	next?: StepOutline;
}

type Progress = { lessons: LessonRecords; answers: Envelope['answers'] };

export function bestScore(lesson: LessonOutline, answers: Envelope['answers']): number | null {
	const bests = lesson.steps
		.filter((s) => s.kind === 'quiz')
		.map((s) => answers[itemKey(lesson.slug, s.id)])
		.filter((q) => q && q.attempts > 0)
		.map((q) => q.best);
	if (!bests.length) return null;
	return Math.round(bests.reduce((a, b) => a + b, 0) / bests.length);
}

export function lessonSummaries(
	outline: CourseOutline,
	minutes: Record<string, number>,
	progress: Progress
): LessonSummary[] {
	return outline.lessons.map((lesson) => {
		const record = progress.lessons[lesson.slug];
		const total = minutes[lesson.slug] ?? 0;
		const done = record?.done.filter((id) => lesson.steps.some((s) => s.id === id)) ?? [];
		const complete = !!record?.complete;
		const state: LessonState = complete
			? 'complete'
			: record && (done.length || record.at !== lesson.steps[0].id)
				? 'inProgress'
				: 'notStarted';
		return {
			slug: lesson.slug,
			number: lesson.number,
			title: lesson.title,
			state,
			best: bestScore(lesson, progress.answers),
			minutes: total,
			minutesDone: complete ? total : Math.round((total * done.length) / lesson.steps.length),
			next: complete
				? undefined
				: lesson.steps[Math.min(firstOpenIndex(lesson, done), lesson.steps.length - 1)]
		};
	});
}

/** Started once anything at all is saved: a lesson record, an answer or a reflection. */
export function hasStarted(progress: Progress & { reflections: Envelope['reflections'] }): boolean {
	return (
		Object.keys(progress.lessons).length > 0 ||
		Object.keys(progress.answers).length > 0 ||
		Object.values(progress.reflections).some((r) => r.text.trim())
	);
}

export function timeTotals(summaries: LessonSummary[]) {
	const total = summaries.reduce((sum, s) => sum + s.minutes, 0);
	const done = summaries.reduce((sum, s) => sum + s.minutesDone, 0);
	return { total, done, left: Math.max(0, total - done) };
}

/** When every lesson is complete: the latest activity among them, the moment it happened. */
export function completionTime(outline: CourseOutline, lessons: LessonRecords): number | undefined {
	const records = outline.lessons.map((l) => lessons[l.slug]);
	if (!records.every((r) => r?.complete)) return undefined;
	return Math.max(...records.map((r) => r!.t));
}
