import { error } from '@sveltejs/kit';
import { loadLessonBody } from '$lib/content/lesson-bodies';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ data }) => {
	const body = await loadLessonBody(data.lesson.slug);
	if (!body) error(404, `No lesson body for “${data.lesson.slug}”`);
	return { ...data, body };
};
