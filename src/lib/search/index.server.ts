// Build-time only: gathers every searchable text from the content files and serialises a MiniSearch
// index. Served once, prerendered, by src/routes/search/index.json; never imported by client code.
import MiniSearch from 'minisearch';
import { lessons } from '$lib/content/lessons.server';
import {
	lessonDocuments,
	readingDocument,
	termDocument,
	type ReadingInput,
	type TermInput,
	type VideoInput
} from './documents';
import { indexOptions, type SearchDocument } from './types';

const sources = import.meta.glob<string>('/lessons/*/index.md', {
	query: '?raw',
	import: 'default',
	eager: true
});
const registries = import.meta.glob<unknown[]>(
	['/lessons/references.json', '/lessons/glossary.json', '/lessons/videos.json'],
	{ eager: true, import: 'default' }
);

function sourceFor(slug: string): string {
	const entry = Object.entries(sources).find(
		([path]) => path.split('/').at(-2)?.replace(/^\d+-/, '') === slug
	);
	return entry?.[1] ?? '';
}

/** Every document the course search can find, in course order. */
export function searchDocuments(): SearchDocument[] {
	// The registries are validated by the content pipeline; here only the text fields are read.
	const readings = (registries['/lessons/references.json'] ?? []) as ReadingInput[];
	const terms = (registries['/lessons/glossary.json'] ?? []) as TermInput[];
	const videos = (registries['/lessons/videos.json'] ?? []) as VideoInput[];
	return [
		...lessons.flatMap((lesson) =>
			lessonDocuments(
				{ ...lesson, objectives: lesson.objectives.map((o) => o.text) },
				sourceFor(lesson.slug),
				videos
			)
		),
		...readings.map(readingDocument),
		...terms.map(termDocument)
	];
}

/** The serialised index the search page loads with MiniSearch.loadJSON. */
export function buildSearchIndex(documents = searchDocuments()): string {
	const index = new MiniSearch<SearchDocument>({
		...indexOptions,
		fields: [...indexOptions.fields],
		storeFields: [...indexOptions.storeFields]
	});
	index.addAll(documents);
	return JSON.stringify(index);
}
