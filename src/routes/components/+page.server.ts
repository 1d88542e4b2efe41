import { glossary } from '$lib/content/glossary.server';
import { readingCard } from '$lib/citations/card';
import { references } from '$lib/content/references.server';
import { videoAsset } from '$lib/content/videos.server';
import type { LessonAssets } from '$lib/content/assets';
import { galleryVideos } from '$lib/components/lesson/testing/fixtures';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	// Real readings and terms (their export files exist); an open-access and a paywalled one if any.
	const readings = [
		references.find((r) => r.openAccess),
		references.find((r) => !r.openAccess)
	].filter((r) => r !== undefined);
	const assets: LessonAssets = {
		readings: Object.fromEntries(readings.map((r) => [r.id, readingCard(r)])),
		terms: Object.fromEntries(glossary.slice(0, 3).map((t) => [t.id, t])),
		videos: Object.fromEntries(galleryVideos.map((v) => [v.id, videoAsset(v)]))
	};
	return { assets };
};
