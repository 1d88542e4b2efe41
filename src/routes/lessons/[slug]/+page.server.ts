import { error } from '@sveltejs/kit';
import { getCaseStudy } from '$lib/content/cases.server';
import { course, getLesson, lessons } from '$lib/content/lessons.server';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => lessons.map(({ slug }) => ({ slug }));

export const load: PageServerLoad = ({ params }) => {
	const lesson = getLesson(params.slug);
	if (!lesson) error(404, `No lesson called “${params.slug}”`);
	return {
		lesson,
		settings: { passMark: course.passMark, openNavigation: course.openNavigation },
		// The interactive case in this lesson's folder (case.json), read by <CaseStudy />.
		caseStudy: getCaseStudy(lesson.slug) ?? null
	};
};
