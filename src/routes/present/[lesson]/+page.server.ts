import { error } from '@sveltejs/kit';
import { course, getLesson, lessons } from '$lib/content/lessons.server';
import { getFacilitatorNotes } from '$lib/content/facilitator.server';
import { lessonInteractions } from '$lib/content/interactions.server';
import { buildSlides } from '$lib/present/slides';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => lessons.map(({ slug }) => ({ lesson: slug }));

export const load: PageServerLoad = ({ params }) => {
	const lesson = getLesson(params.lesson);
	if (!lesson) error(404, `No lesson called “${params.lesson}”`);
	const notes = getFacilitatorNotes(lesson.slug);
	return {
		lesson,
		settings: { passMark: course.passMark, openNavigation: course.openNavigation },
		slides: buildSlides(lesson, notes),
		minutes: notes?.minutes ?? lesson.minutes,
		// The slides show the lesson body, so its explainer and case need their data here too.
		...lessonInteractions(lesson)
	};
};
