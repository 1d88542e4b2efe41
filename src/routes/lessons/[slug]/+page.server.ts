import { error } from '@sveltejs/kit';
import { getLesson, lessons } from '$lib/content/lessons.server';
import { lessonAssets } from '$lib/content/lesson-assets.server';
import { lessonInteractions } from '$lib/content/interactions.server';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => lessons.map(({ slug }) => ({ slug }));

export const load: PageServerLoad = ({ params }) => {
	const lesson = getLesson(params.slug);
	if (!lesson) error(404, `No lesson called “${params.slug}”`);
	return {
		lesson,
		// Only the readings, terms and videos this lesson uses (lesson components read page.data.assets).
		assets: lessonAssets(lesson),
		// The lesson folder's case.json and explainer.json, read by <CaseStudy /> and <SandwichExplainer />.
		...lessonInteractions(lesson)
	};
};
