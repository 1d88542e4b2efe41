import { getLessonProgress, hasLessonProgress, type LessonProgress } from './port';

/**
 * The lesson's progress, for a component that reports to it. Every page that renders lesson
 * components sets a provider (the lesson page, /components, /present; the test harness too), so a
 * missing one is a programming error: it fails loudly, naming the component, rather than quietly
 * keeping progress in a store that forgets it.
 */
export function useLessonProgress(component: string): LessonProgress {
	if (!hasLessonProgress())
		throw new Error(
			`<${component} /> needs the lesson's progress: the page must call setLessonProgress() (see src/lib/progress/port.ts)`
		);
	return getLessonProgress();
}
