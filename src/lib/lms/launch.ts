import { connectPackage } from '$lib/lms/adapter';
import type { CourseProgress } from '$lib/progress/progress.svelte';

// The packaged course's entry (the root layout's, in a package only): progress goes to the
// package's own LMS adapter, which falls back to this browser's storage when no LMS answers.
export const launchLms = (progress: CourseProgress): (() => void) => connectPackage(progress);
