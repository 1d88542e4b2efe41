import { lessons } from '$lib/content/lessons.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
	lessonDetails: lessons.map(({ slug, title, summary, minutes, objectives }) => ({
		slug,
		title,
		summary,
		minutes,
		objectives: objectives.map((o) => o.text)
	}))
});
