// Shared by the build-time index builder and the search page: plain data, no library code.

export type SearchKind = 'lesson' | 'step' | 'video' | 'reading' | 'term';

/** One thing a search can find; `url` is a site path such as /lessons/the-sandwich#watch. */
export interface SearchDocument {
	id: string;
	kind: SearchKind;
	title: string;
	/** Where it sits, e.g. "Lesson 2 · Making a sandwich together". */
	context: string;
	url: string;
	/** Plain text, searched and used for result snippets. */
	text: string;
}

/** MiniSearch options: the builder and the page must load the index with the same ones. */
export const indexOptions = {
	idField: 'id',
	fields: ['title', 'text'],
	storeFields: ['kind', 'title', 'context', 'url', 'text']
} as const;

/** How the page searches: prefix while typing, a little typo tolerance, every word must match. */
export const queryOptions = {
	boost: { title: 2 },
	prefix: true,
	fuzzy: 0.2,
	combineWith: 'AND'
} as const;
