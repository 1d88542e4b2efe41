import { lessons } from '$lib/content/lessons.server';
import type { PageServerLoad } from './$types';

// The learning outcomes the certificate lists: each lesson's objectives, as the lesson states them.
export const load: PageServerLoad = () => ({
	outcomes: lessons.map(({ number, title, objectives }) => ({
		number,
		title,
		objectives: objectives.map((o) => o.text)
	}))
});
