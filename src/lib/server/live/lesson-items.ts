import { getLesson } from '$lib/content/lessons.server';
import { getFacilitatorNotes } from '$lib/content/facilitator.server';
import type { LiveItem } from '$lib/live/types';
import { liveItemsFor } from './catalogue';

/** The items a facilitator can push in a session on this lesson. */
export function lessonItems(slug: string): LiveItem[] {
	const lesson = getLesson(slug);
	return lesson ? liveItemsFor(lesson, getFacilitatorNotes(slug)?.discussion) : [];
}
