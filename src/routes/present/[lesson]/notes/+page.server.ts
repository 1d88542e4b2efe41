import { deckEntries, loadDeck } from '$lib/present/deck.server';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = deckEntries;

export const load: PageServerLoad = ({ params }) => {
	const { lesson, notes, slides, minutes } = loadDeck(params.lesson);
	return {
		lesson: { slug: lesson.slug, title: lesson.title },
		slides,
		minutes,
		timeline: notes?.timeline ?? []
	};
};
