import { lessons } from '$lib/content/lessons.server';
import { getFacilitatorNotes } from '$lib/content/facilitator.server';
import type { PageServerLoad } from './$types';

// Nothing on this page is interactive or shows the learner's progress: no JavaScript (README,
// "Which pages load JavaScript").
export const csr = false;

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
