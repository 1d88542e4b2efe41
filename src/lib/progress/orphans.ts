import type { CourseOutline } from '$lib/machines/outline';
import { itemKey, type ReflectionRecord } from '$lib/machines/rules';
import type { Envelope } from './envelope';

/** Reflections whose lesson or step is no longer in the course, still shown to the learner. */
export function orphanReflections(
	envelope: Pick<Envelope, 'reflections'>,
	outline: CourseOutline
): Array<{ key: string } & ReflectionRecord> {
	const current = new Set(
		outline.lessons.flatMap((lesson) => lesson.steps.map((step) => itemKey(lesson.slug, step.id)))
	);
	return Object.entries(envelope.reflections)
		.filter(([key, item]) => !current.has(key) && item.text.trim())
		.map(([key, item]) => ({ key, ...item }));
}
