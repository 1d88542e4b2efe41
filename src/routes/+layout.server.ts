import { course, lessons, totalMinutes } from '$lib/content/lessons.server';
import { buildOutline } from '$lib/machines/outline';
import type { LayoutServerLoad } from './$types';

export const prerender = true;

// Built once: the course machine's view of the content, shipped to every page.
const outline = buildOutline(course, lessons);

export const load: LayoutServerLoad = () => ({
	course,
	totalMinutes,
	outline,
	lessons: lessons.map(({ slug, title, summary, minutes, number }) => ({
		slug,
		title,
		summary,
		minutes,
		number
	}))
});
