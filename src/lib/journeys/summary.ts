// Across the course, for the dashboard and the certificate. Each lesson's standing is the rules'
// lessonView (machines/rules.ts); this adds what only the journeys ask: has the learner started,
// and how much time is done and left.
import type { LessonView, SavedProgress } from '$lib/machines/rules';
import type { Envelope } from '$lib/progress/envelope';

/** Started once anything at all is saved: a lesson record, an answer or a reflection. */
export function hasStarted(
	progress: SavedProgress & { reflections: Envelope['reflections'] }
): boolean {
	return (
		Object.keys(progress.lessons).length > 0 ||
		Object.keys(progress.answers).length > 0 ||
		Object.values(progress.reflections).some((r) => r.text.trim())
	);
}

export function timeTotals(views: Pick<LessonView, 'minutes' | 'minutesDone'>[]) {
	const total = views.reduce((sum, v) => sum + v.minutes, 0);
	const done = views.reduce((sum, v) => sum + v.minutesDone, 0);
	return { total, done, left: Math.max(0, total - done) };
}
