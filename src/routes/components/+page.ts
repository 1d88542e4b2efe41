import { loadVideoEmbeds } from '$lib/components/lesson/video/embed';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ data }) => {
	// The gallery shows embedded videos: their player loads before rendering (see video/embed.ts).
	await loadVideoEmbeds(data.assets);
	return data;
};
