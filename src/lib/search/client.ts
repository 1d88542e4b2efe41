// The browser side of search: fetch the prerendered index once, keep it in memory (so searching
// works offline after the first load), and run queries. Imported only by the /search page.
import MiniSearch from 'minisearch';
import { indexOptions, queryOptions, type SearchDocument, type SearchKind } from './types';

export interface SearchHit {
	id: string;
	kind: SearchKind;
	title: string;
	context: string;
	url: string;
	text: string;
	/** The document words the query matched, for highlighting. */
	terms: string[];
}

let cached: Promise<MiniSearch<SearchDocument>> | undefined;

/** Loads the index once per page session; a failed load is retried on the next call. */
export function loadSearchIndex(url: string, fetcher: typeof fetch = fetch) {
	cached ??= fetcher(url)
		.then((response) => {
			if (!response.ok) throw new Error(`search index: HTTP ${response.status}`);
			return response.text();
		})
		.then((json) =>
			MiniSearch.loadJSON<SearchDocument>(json, {
				...indexOptions,
				fields: [...indexOptions.fields],
				storeFields: [...indexOptions.storeFields]
			})
		)
		.catch((error: unknown) => {
			cached = undefined;
			throw error;
		});
	return cached;
}

export function runSearch(index: MiniSearch<SearchDocument>, query: string, limit = 30) {
	if (!query.trim()) return [];
	return index
		.search(query, queryOptions)
		.slice(0, limit)
		.map((result): SearchHit => ({
			id: String(result.id),
			kind: result.kind,
			title: result.title,
			context: result.context,
			url: result.url,
			text: result.text,
			terms: result.terms
		}));
}
