import type { CourseProgress } from '$lib/progress/progress.svelte';
import { browserStorage } from '$lib/progress/storage';
import { lms } from './lms-state.svelte';

// The packaged course's entry: loads the LMS adapter (its own chunk: SCORM or cmi5) and hands progress to it.
// Returns the stop function at once, as onMount needs. If the adapter cannot load, the course
// runs on browser storage alone, as outside an LMS.
export function launchLms(progress: CourseProgress): () => void {
	let stop: (() => void) | undefined;
	let stopped = false;
	// The package's own adapter only: the target is a build-time constant, so the other is dropped.
	void (__PACKAGE_TARGET__ === 'cmi5' ? import('./cmi5') : import('./scorm'))
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
