import type { CourseProgress } from '$lib/progress/progress.svelte';
import { browserStorage } from '$lib/progress/storage';
import { lms } from './lms-state.svelte';

// The packaged course's entry: loads the LMS adapter (its own chunk) and hands progress to it.
// Returns the stop function at once, as onMount needs. If the adapter cannot load, the course
// runs on browser storage alone, as outside an LMS.
export function launchLms(progress: CourseProgress): () => void {
	let stop: (() => void) | undefined;
	let stopped = false;
	void import('./scorm')
		.then(({ connectPackage }) => {
			if (!stopped) stop = connectPackage(progress);
		})
		.catch(() => {
			lms.connection = 'plain';
			if (!stopped) stop = progress.connect(browserStorage());
		});
	return () => {
		stopped = true;
		stop?.();
	};
}
