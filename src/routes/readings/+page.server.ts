import { lessons } from '$lib/content/lessons.server';
import { usageByLesson } from '$lib/content/lesson-assets.server';
import { readingCard } from '$lib/citations/card';
import { references } from '$lib/content/references.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const usage = usageByLesson(lessons, 'readings');
	return {
		readings: references.map((reference) => ({
			// With its citation formatted here, so the formatter stays out of the browser.
			reference: readingCard(reference),
			usedIn: usage.get(reference.id) ?? []
		}))
	};
};
