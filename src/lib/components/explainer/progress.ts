import { getStepContext } from '$lib/content/context';
import { getLessonProgress, type LessonProgress } from '$lib/progress/port';

// The explainer and the case also render outside a lesson (tests, a gallery), where no step or
// progress provider is set: they then work on their own and report nothing.

/** The id of the enclosing <Step>, if any. Call during component initialisation. */
export function optionalStepId(): string | undefined {
	try {
		return getStepContext().step.id;
	} catch {
		return undefined;
	}
}

/** The lesson's progress port, if a provider set one. Call during component initialisation. */
export function optionalProgress(): LessonProgress | undefined {
	try {
		return getLessonProgress();
	} catch {
		return undefined;
	}
}
