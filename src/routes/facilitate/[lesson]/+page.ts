import { loadFacilitatorBody } from '$lib/facilitate/notes-bodies';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ data }) => ({
	...data,
	body: await loadFacilitatorBody(data.lesson.slug)
});
