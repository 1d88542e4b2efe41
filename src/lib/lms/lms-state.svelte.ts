// What the learner is told about the LMS connection. The adapters (scorm.ts, cmi5.ts) set it; the
// notice (LmsNotice.svelte) shows it.

export type Connection = 'connecting' | 'connected' | 'lost' | 'plain';

export const lms = $state({
	connection: 'connecting' as Connection,
	/** Reflections whose words the LMS has no room for, kept in this browser: titles for display. */
	keptHere: [] as string[],
	/** Reflections written on another computer whose words the LMS could not hold. */
	keptElsewhere: [] as string[]
});

/** Whether there is anything to tell the learner: the notice (LmsNotice.svelte) loads only then. */
export const lmsHasNews = () =>
	lms.connection === 'plain' ||
	lms.connection === 'lost' ||
	lms.keptHere.length > 0 ||
	lms.keptElsewhere.length > 0;
