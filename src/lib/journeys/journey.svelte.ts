// The learner's journey data (certificate name, completion date, next-step plans) as reactive
// state over localStorage. Only the pages that use it (home, journal, certificate) create one.
// Reading `data` or `ready` from a component connects it to storage and to other tabs, and leaving
// the page disconnects it (createSubscriber, as site-kit's Persisted.svelte.ts): no connect() calls.
// Storage itself (salvage per entry, backups, reported writes) is journey-file.ts.
import { on } from 'svelte/events';
import { createSubscriber } from 'svelte/reactivity';
import { showNotice } from '$lib/progress/notices';
import { retryWhenWritesWork, type SaveFailure, type SaveResult } from '$lib/progress/writes';
import { JourneyFile, type JourneyNotice } from './journey-file';
import { emptyJourney, journeyKey, mergeJourney, parseJourney, type JourneyData } from './record';

/** A piece of journey data with its own save indicator: "name", or "plan:<slug>". */
export type JourneyItem = 'name' | `plan:${string}`;

export class JourneyStore {
	#data = $state.raw<JourneyData>(emptyJourney());
	#ready = $state(false);
	#loaded = false;
	#file: JourneyFile | undefined;
	/** Items changed since the last successful write, with why that write failed. */
	#unsaved = $state.raw<Partial<Record<JourneyItem, SaveFailure>>>({});
	#notice = $state.raw<JourneyNotice | undefined>(undefined);

	#subscribe = createSubscriber(() => {
		// Read after the current render: a prerendered page showed no journey, and hydration must
		// find the page as the server wrote it.
		let live = true;
		let hideNotice = () => {};
		queueMicrotask(() => {
			if (!live) return;
			this.#load();
			hideNotice = this.#showNotice();
			this.#ready = true;
		});
		const off = on(window, 'storage', (event) => {
			if (event.key === journeyKey || event.key === null) this.#data = parseJourney(event.newValue);
		});
		// Space was freed (another store's write worked): save what could not be saved.
		const stopRetrying = retryWhenWritesWork('journey', () => {
			if (Object.keys(this.#unsaved).length) this.update((data) => data);
		});
		return () => {
			live = false;
			off();
			stopRetrying();
			hideNotice();
		};
	});

	/** What this browser has stored; empty on the server and until `ready`. */
	get data(): JourneyData {
		this.#subscribe();
		// Outside an effect (an event handler, e.g. "Export"), nothing subscribes, so nothing has
		// read storage yet: read it now rather than answer with the empty default.
		if (!this.#ready && !$effect.tracking()) return this.#store().stored();
		return this.#data;
	}

	/** True once what this browser has stored is on screen: false on the server and while hydrating. */
	get ready(): boolean {
		this.#subscribe();
		return this.#ready;
	}

	/** Set when the stored data was damaged: what was kept, and whether a copy could be made. */
	get notice(): JourneyNotice | undefined {
		this.#subscribe();
		return this.#notice;
	}

	/** Why an item is not saved, or undefined once it is stored. */
	failure(item: JourneyItem): SaveFailure | undefined {
		return this.#unsaved[item];
	}

	#store(): JourneyFile {
		return (this.#file ??=
			typeof window === 'undefined' ? new JourneyFile(null) : JourneyFile.browser());
	}

	/** Reads what is stored, once per visit: damaged data is backed up (or held) on the first read. */
	#load(): void {
		const file = this.#store();
		this.#data = this.#loaded ? mergeJourney(file.stored(), this.#data) : file.load();
		this.#loaded = true;
		this.#notice = file.notice;
	}

	/**
	 * Puts the damaged-data notice under the header, with the download when no copy was kept. Its
	 * sentences load only now: damaged data is rare, so no page carries them up front.
	 */
	#showNotice(): () => void {
		const notice = this.#notice;
		if (!notice) return () => {};
		let hide: (() => void) | undefined;
		let live = true;
		void import('$lib/progress/notice-strings').then(({ journeyNoticeText }) => {
			if (!live) return;
			hide = showNotice({
				id: 'journey',
				text: journeyNoticeText(notice),
				original: notice.original
					? { text: notice.original, fileName: 'coproduction-journal-extras-damaged.json' }
					: undefined,
				release: () => this.releaseOriginal()
			});
		});
		return () => {
			live = false;
			hide?.();
		};
	}

	/**
	 * Applies a change, merged with what another tab may have stored meanwhile, and saves it.
	 * Returns whether it was stored, and why not; `item` is the piece whose indicator shows the outcome.
	 */
	update(change: (data: JourneyData) => JourneyData, item?: JourneyItem): SaveResult {
		// A write before any page read the data (an import) still salvages and backs up first.
		if (!this.#loaded) this.#load();
		const file = this.#store();
		this.#data = change(mergeJourney(file.stored(), this.#data));
		const result = file.write(this.#data);
		if (result.ok) this.#unsaved = {};
		else {
			const failure = result.failure;
			const unsaved = { ...this.#unsaved };
			for (const key of Object.keys(unsaved) as JourneyItem[]) unsaved[key] = failure;
			if (item) unsaved[item] = failure;
			this.#unsaved = unsaved;
		}
		return result;
	}

	merge(incoming: JourneyData): SaveResult {
		return this.update((data) => mergeJourney(data, incoming));
	}

	setName(text: string, now = Date.now()): SaveResult {
		return this.update((data) => ({ ...data, name: { text, t: now } }), 'name');
	}

	setPlan(slug: string, text: string, now = Date.now()): SaveResult {
		return this.update(
			(data) => ({ ...data, plans: { ...data.plans, [slug]: { text, t: now } } }),
			`plan:${slug}`
		);
	}

	/** Fixes the completion date the first time the course is seen complete. */
	markComplete(time: number): void {
		if (this.#data.completedAt === undefined)
			this.update((data) =>
				data.completedAt === undefined ? { ...data, completedAt: time } : data
			);
	}

	/** After a damaged value could not be copied: the learner downloaded it; save over it now. */
	releaseOriginal(): SaveResult {
		this.#store().release();
		this.#notice = undefined;
		return this.update((data) => data);
	}

	clear(): void {
		this.#data = emptyJourney();
		this.#unsaved = {};
		this.#notice = undefined;
		this.#store().clear();
	}
}
