// What the presenter and its speaker-notes window both load for a lesson: its slides and the
// session's length (the facilitator notes' minutes, else the lesson's).
import { error } from '@sveltejs/kit';
import { getFacilitatorNotes } from '$lib/content/facilitator.server';
import { getLesson, lessons } from '$lib/content/lessons.server';
import { buildSlides } from './slides';

/** Every lesson, for prerendering both pages. */
export const deckEntries = () => lessons.map(({ slug }) => ({ lesson: slug }));

/** The lesson's deck; a 404 for a lesson that does not exist. */
export function loadDeck(slug: string) {
	const lesson = getLesson(slug);
	if (!lesson) error(404, `No lesson called “${slug}”`);
	const notes = getFacilitatorNotes(lesson.slug);
	return {
		lesson,
		notes,
		slides: buildSlides(lesson, notes),
		minutes: notes?.minutes ?? lesson.minutes
	};
}
