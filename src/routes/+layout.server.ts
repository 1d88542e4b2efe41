import { course, lessons, totalMinutes } from '$lib/content/lessons.server';
import { buildOutline } from '$lib/machines/outline';
import type { LayoutServerLoad } from './$types';

export const prerender = true;
// An LMS package is served by a plain file server: every page is a folder with an index.html.
export const trailingSlash = __PACKAGE_TARGET__ ? 'always' : 'never';

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
