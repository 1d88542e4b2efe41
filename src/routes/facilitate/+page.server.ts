import { lessons } from '$lib/content/lessons.server';
import { getFacilitatorNotes } from '$lib/facilitate/notes.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
	sessions: lessons.map(({ slug, number, title, summary }) => {
		const notes = getFacilitatorNotes(slug);
		return {
			slug,
			number,
			title,
			summary,
			minutes: notes?.minutes,
			activity: notes?.activity?.title
		};
	})
});
