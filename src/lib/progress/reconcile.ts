import { itemKey, resumeStep } from '$lib/machines/rules';
import { hasFinishedLesson } from '$lib/machines/completion';
import type { CourseOutline, LessonOutline } from '$lib/machines/outline';
import type { Envelope } from './envelope';

// Content changes under saved progress (lessons added, removed, renamed, reordered; steps
// changed). Lessons are matched by slug and steps by id, never by position. Completion is never
// taken away; what is not complete is recomputed against the current steps.

function reconcileLesson(lesson: LessonOutline, record: Envelope['progress'][string]) {
	const ids = new Set(lesson.steps.map((s) => s.id));
	const done = record.done.filter((id) => ids.has(id));
	const complete = record.complete || hasFinishedLesson(lesson, done);
	const at = ids.has(record.at) ? record.at : (resumeStep(lesson, done)?.id ?? '');
	return { done, at, complete, t: record.t };
}

export function reconcile(envelope: Envelope, outline: CourseOutline): Envelope {
	const bySlug = new Map(outline.lessons.map((lesson) => [lesson.slug, lesson]));
	const progress: Envelope['progress'] = {};
	for (const [slug, record] of Object.entries(envelope.progress)) {
		const lesson = bySlug.get(slug);
		if (lesson) progress[slug] = reconcileLesson(lesson, record);
	}
	const answers: Envelope['answers'] = {};
	for (const lesson of outline.lessons)
		for (const step of lesson.steps) {
			const key = itemKey(lesson.slug, step.id);
			const stored = envelope.answers[key];
			if (step.kind !== 'quiz' || !stored) continue;
			const questions = new Set(step.questions);
			answers[key] = {
				...stored,
				answers: Object.fromEntries(
					Object.entries(stored.answers).filter(([id]) => questions.has(id))
				)
			};
		}
	// Reflections are the learner's own words: all are kept, even for lessons that are gone.
	return { ...envelope, course: outline.version, progress, answers };
}
