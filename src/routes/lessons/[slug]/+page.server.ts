import { error } from '@sveltejs/kit';
import { course, getLesson, lessons } from '$lib/content/lessons.server';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => lessons.map(({ slug }) => ({ slug }));

export const load: PageServerLoad = ({ params }) => {
	const lesson = getLesson(params.slug);
	if (!lesson) error(404, `No lesson called “${params.slug}”`);
	return {
		lesson,
		settings: { passMark: course.passMark, openNavigation: course.openNavigation }
	};
};
