import { course, lessons, totalMinutes } from '$lib/content/lessons.server';
import type { LayoutServerLoad } from './$types';

export const prerender = true;

export const load: LayoutServerLoad = () => ({
	course,
	totalMinutes,
	lessons: lessons.map(({ slug, title, summary, minutes, number }) => ({
		slug,
		title,
		summary,
		minutes,
		number
	}))
});
