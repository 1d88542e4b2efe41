import { deckEntries, loadDeck } from '$lib/present/deck.server';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = deckEntries;

export const load: PageServerLoad = ({ params }) => {
	const { lesson, slides, minutes } = loadDeck(params.lesson);
	// Slides are summaries built on the server (summary.ts): the lesson body, its blocks and their
	// data stay on the lesson page.
	return {
		lesson: {
			slug: lesson.slug,
			number: lesson.number,
			title: lesson.title,
			summary: lesson.summary,
			objectives: lesson.objectives
		},
		slides,
		minutes
	};
};
