import { getLessonContext } from '$lib/content/context';
import { createMemoryProgress } from './memory.svelte';
import { getLessonProgress, hasLessonProgress, type LessonProgress } from './port';

// One fallback store per lesson, shared by the components on the page, for pages rendered without
// a progress provider (e.g. before the progress machine is mounted). It keeps nothing across reloads.
const fallbacks = new Map<string, LessonProgress>();

/** The lesson's progress: the provider's when one is set, else a page-local in-memory store. */
export function useLessonProgress(): LessonProgress {
	if (hasLessonProgress()) return getLessonProgress();
	const { lesson, course } = getLessonContext();
	let progress = fallbacks.get(lesson.slug);
	if (!progress) {
		progress = createMemoryProgress({
			slug: lesson.slug,
			steps: lesson.steps,
			passMark: course.passMark
		});
		// Server renders must not share state between pages; the browser keeps it for the visit.
		if (typeof window !== 'undefined') fallbacks.set(lesson.slug, progress);
	}
	return progress;
}
