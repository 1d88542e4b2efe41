import { error } from '@sveltejs/kit';
import { loadVideoEmbeds } from '$lib/components/lesson/video/embed';
import { loadLessonBody, prerenderedBody } from '$lib/content/lesson-bodies';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ data }) => {
	// The video player's code only when this lesson embeds a video (see video/embed.ts).
	const [body] = await Promise.all([
		loadLessonBody(data.lesson.slug, { hydrating: prerenderedBody(data.lesson.slug) }),
		loadVideoEmbeds(data.assets)
	]);
	if (!body) error(404, `No lesson body for “${data.lesson.slug}”`);
	return { ...data, body };
};
