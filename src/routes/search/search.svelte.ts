import type MiniSearch from 'minisearch';
import { loadSearchIndex, runSearch } from '$lib/search/client';
import type { SearchDocument } from '$lib/search/types';

/** How long typing must pause before the result count is announced. */
const announceAfterMs = 500;

export interface SearchMessages {
	count: (n: number, q: string) => string;
	none: (q: string) => string;
}

/**
 * The search page's state: the index (loaded in the browser once), the query, its hits and the
 * announcement a screen reader hears once typing pauses. The page is wiring over this: the query
 * in the URL, keyboard moves between results, what each status shows.
 */
export class SearchState {
	/** `static` until the page runs in a browser (the prerendered and no-JS page). */
	status = $state<'static' | 'loading' | 'ready' | 'failed'>('static');
	query = $state('');
	#index = $state.raw<MiniSearch<SearchDocument> | null>(null);
	#announcement = $state('');

	readonly trimmed = $derived(this.query.trim());
	readonly hits = $derived(this.#index ? runSearch(this.#index, this.query) : []);

	readonly #messages: SearchMessages;

	constructor(messages: SearchMessages) {
		this.#messages = messages;
		// Announced politely once typing pauses, so a screen reader is not read every keystroke.
		$effect(() => {
			const message =
				this.status !== 'ready' || !this.trimmed
					? ''
					: this.hits.length
						? this.#messages.count(this.hits.length, this.trimmed)
						: this.#messages.none(this.trimmed);
			const timer = setTimeout(() => (this.#announcement = message), announceAfterMs);
			return () => clearTimeout(timer);
		});
	}

	get announcement(): string {
		return this.#announcement;
	}

	/** Loads the index from `url`; the page calls it once mounted. */
	async load(url: string): Promise<void> {
		this.status = 'loading';
		try {
			this.#index = await loadSearchIndex(url);
			this.status = 'ready';
		} catch {
			this.status = 'failed';
		}
	}
}
