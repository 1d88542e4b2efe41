import type { LessonAssets } from './assets';
import { ContentError } from './build-index';
import { glossaryById } from './glossary.server';
import { readingCard } from '$lib/citations/card';
import { referencesById } from './references.server';
import type { Lesson } from './types';
import { videoAsset, videosById } from './videos.server';

// Lesson sources as text, to find which registry entries a lesson uses. Server-side only: the
// client gets just those entries in page data, never the whole registry.
const sources = import.meta.glob<string>('/lessons/*/index.md', {
	eager: true,
	query: '?raw',
	import: 'default'
});

/** The Markdown source of a lesson, by its file path ("lessons/01-x/index.md"). */
export function lessonSource(file: string): string {
	return sources[`/${file}`] ?? '';
}

export interface UsedIds {
	readings: string[];
	terms: string[];
	videos: string[];
}

function idsOf(source: string, component: string): string[] {
	const pattern = new RegExp(`<${component}\\b[^>]*?\\bid=(?:"([^"]*)"|'([^']*)')`, 'g');
	return [...new Set([...source.matchAll(pattern)].map((m) => m[1] ?? m[2]))];
}

/** The reading, term and video ids a Markdown source uses, each once, in order of first use. */
export function usedIds(source: string): UsedIds {
	return {
		readings: idsOf(source, 'Reading'),
		terms: idsOf(source, 'Term'),
		videos: idsOf(source, 'Video')
	};
}

/**
 * The registry entries a source uses. Throws a ContentError naming the file and each unknown id,
 * so a typo fails the build rather than showing an empty card.
 */
export function assetsFor(source: string, file: string): LessonAssets {
	const ids = usedIds(source);
	const problems: string[] = [];
	const pick = <T, U = T>(
		list: string[],
		lookup: Map<string, T>,
		tag: string,
		registry: string,
		map: (entry: T) => U = (entry) => entry as unknown as U
	): Record<string, U> =>
		Object.fromEntries(
			list.flatMap((id) => {
				const entry = lookup.get(id);
				if (entry) return [[id, map(entry)]];
				problems.push(
					`${file}: <${tag} id="${id}">: unknown id — expected an id from lessons/${registry}`
				);
				return [];
			})
		);
	const assets: LessonAssets = {
		readings: pick(ids.readings, referencesById, 'Reading', 'references.json', readingCard),
		terms: pick(ids.terms, glossaryById, 'Term', 'glossary.json'),
		videos: pick(ids.videos, videosById, 'Video', 'videos.json', videoAsset)
	};
	if (problems.length) throw new ContentError(problems.join('\n'));
	return assets;
}

/** What a lesson page's components need from the registries: `assets: lessonAssets(lesson)`. */
export function lessonAssets(lesson: Pick<Lesson, 'file'>): LessonAssets {
	return assetsFor(lessonSource(lesson.file), lesson.file);
}

/** For each registry id, the lessons that use it, in course order (for /readings and /glossary). */
export function usageByLesson(
	lessons: Pick<Lesson, 'file' | 'slug' | 'title'>[],
	kind: keyof UsedIds
): Map<string, { slug: string; title: string }[]> {
	const usage = new Map<string, { slug: string; title: string }[]>();
	for (const lesson of lessons)
		for (const id of usedIds(lessonSource(lesson.file))[kind])
			usage.set(id, [...(usage.get(id) ?? []), { slug: lesson.slug, title: lesson.title }]);
	return usage;
}
