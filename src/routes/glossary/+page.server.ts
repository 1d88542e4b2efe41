import { glossary } from '$lib/content/glossary.server';
import { lessons } from '$lib/content/lessons.server';
import { usageByLesson } from '$lib/content/lesson-assets.server';
import { referencesById } from '$lib/content/references.server';
import { vancouver } from '$lib/citations/vancouver';
import type { PageServerLoad } from './$types';

// Nothing on this page is interactive or shows the learner's progress: no JavaScript (README,
// "Which pages load JavaScript").
export const csr = false;

export const load: PageServerLoad = () => {
	const usage = usageByLesson(lessons, 'terms');
	return {
		terms: glossary.map((entry) => ({
			...entry,
			usedIn: usage.get(entry.id) ?? [],
			// Full citations, so the page can name the papers behind a definition.
			references: entry.referenceIds.flatMap((id) => {
				const reference = referencesById.get(id);
				return reference ? [{ id, citation: vancouver(reference) }] : [];
			})
		}))
	};
};
