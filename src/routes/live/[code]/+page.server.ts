import { error } from '@sveltejs/kit';
import { getLesson } from '$lib/content/lessons.server';
import { getLive } from '$lib/server/live/instance';
import { normaliseCode } from '$lib/server/live/validation';
import type { PageServerLoad } from './$types';

export const prerender = false;

export const load: PageServerLoad = ({ params }) => {
	const code = normaliseCode(params.code);
	const session = code ? getLive().store.findByCode(code) : undefined;
	if (!session)
		error(
			404,
			`There is no live session with the code “${params.code}”. Check the code on the screen.`
		);
	return {
		code: session.code,
		lessonTitle: getLesson(session.lessonSlug)?.title ?? ''
	};
};
