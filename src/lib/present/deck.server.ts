// What the presenter and its speaker-notes window both load for a lesson: its slides and the
// session's length (the facilitator notes' minutes, else the lesson's).
import { error } from '@sveltejs/kit';
import { getFacilitatorNotes } from '$lib/content/facilitator.server';
import { lessonSource } from '$lib/content/lesson-assets.server';
import { getLesson, lessons } from '$lib/content/lessons.server';
import { referencesById } from '$lib/content/references.server';
import { videosById } from '$lib/content/videos.server';
import type { Lesson } from '$lib/content/types';
import { buildSlides, type SlideCard } from './slides';
import { stepSource, summariseStep, type StepSummary } from './summary';

/** "Batalden M et al., 2016": first author, "et al." past two, and the year. */
function byline(authors: string[], year: number | string | undefined): string {
	const who =
		authors.length > 2
			? `${authors[0]} et al.`
			: authors.length === 2
				? `${authors[0]} & ${authors[1]}`
				: (authors[0] ?? '');
	return [who, year].filter(Boolean).join(', ');
}

export function slideCard(kind: SlideCard['kind'], id: string): SlideCard | undefined {
	if (kind === 'reading') {
		const r = referencesById.get(id);
		return r && { kind, id, title: r.title, byline: byline(r.authors ?? [], r.year) };
	}
	const v = videosById.get(id);
	return v && { kind, id, title: v.title, byline: v.producer ?? 'Video' };
}

function stepSummaries(lesson: Lesson): Record<string, StepSummary> {
	const body = lessonSource(lesson.file);
	return Object.fromEntries(
		lesson.steps
			.filter((s) => s.kind !== 'quiz' && s.kind !== 'reflect')
			.map((s) => [s.id, summariseStep(stepSource(body, s.id))])
	);
}

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
		slides: buildSlides(lesson, {
			...(notes ?? {}),
			steps: stepSummaries(lesson),
			card: slideCard
		}),
		minutes: notes?.minutes ?? lesson.minutes
	};
}
