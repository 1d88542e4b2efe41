import { lessonInteractions } from '$lib/content/interactions.server';
import { lessonAssets } from '$lib/content/lesson-assets.server';
import { deckEntries, loadDeck } from '$lib/present/deck.server';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = deckEntries;

export const load: PageServerLoad = ({ params }) => {
	const { lesson, slides, minutes } = loadDeck(params.lesson);
	return {
		lesson,
		slides,
		minutes,
		// The slides show the lesson body, so its readings, terms, videos, explainer and case need
		// their data here too, as on the lesson page.
		assets: lessonAssets(lesson),
		...lessonInteractions(lesson)
	};
};
