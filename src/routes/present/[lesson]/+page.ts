import { error } from '@sveltejs/kit';
import { loadVideoEmbeds } from '$lib/components/lesson/video/embed';
import { loadLessonBody } from '$lib/content/lesson-bodies';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ data }) => {
	const [body] = await Promise.all([
		loadLessonBody(data.lesson.slug),
		loadVideoEmbeds(data.assets)
	]);
	if (!body) error(404, `No lesson body for “${data.lesson.slug}”`);
	return { ...data, body };
};
