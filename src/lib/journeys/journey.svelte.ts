// The learner's journey data (certificate name, completion date, next-step plans) as reactive
// state over localStorage. Only the pages that use it (home, journal, certificate) create one.
import { showNotice } from '$lib/progress/notices';
import { journeyNoticeText } from '$lib/progress/strings';
import { retryWhenWritesWork, type SaveFailure, type SaveResult } from '$lib/progress/writes';
import { JourneyFile, type JourneyNotice } from './journey-file';
import { emptyJourney, journeyKey, mergeJourney, parseJourney, type JourneyData } from './record';

/** A piece of journey data with its own save indicator: "name", or "plan:<slug>". */
export type JourneyItem = 'name' | `plan:${string}`;

export class JourneyStore {
	#data = $state.raw<JourneyData>(emptyJourney());
	#file = new JourneyFile(null);
	/** Items changed since the last successful write, with why that write failed. */
	#unsaved = $state.raw<Partial<Record<JourneyItem, SaveFailure>>>({});
	#notice = $state.raw<JourneyNotice | undefined>(undefined);

	get data(): JourneyData {
		return this.#data;
	}

	/** Set when the stored data was damaged: what was kept, and whether a copy could be made. */
	get notice(): JourneyNotice | undefined {
		return this.#notice;
	}

	/** Why an item is not saved, or undefined once it is stored. */
	failure(item: JourneyItem): SaveFailure | undefined {
		return this.#unsaved[item];
	}

	/** Browser only: reads what is stored and follows changes made in other tabs. */
	connect(): () => void {
		this.#file = JourneyFile.browser();
		this.#data = this.#file.load();
		this.#notice = this.#file.notice;
		const hideNotice = this.#showNotice();
		const onStorage = (event: StorageEvent) => {
			if (event.key === journeyKey || event.key === null) this.#data = parseJourney(event.newValue);
		};
		window.addEventListener('storage', onStorage);
		// Space was freed (another store's write worked): save what could not be saved.
		const stopRetrying = retryWhenWritesWork('journey', () => {
			if (Object.keys(this.#unsaved).length) this.update((data) => data);
		});
		return () => {
			stopRetrying();
			hideNotice();
			window.removeEventListener('storage', onStorage);
		};
	}

	/** Puts the damaged-data notice under the header, with the download when no copy was kept. */
	#showNotice(): () => void {
		const notice = this.#notice;
		if (!notice) return () => {};
		return showNotice({
			id: 'journey',
			text: journeyNoticeText(notice),
			original: notice.original
				? { text: notice.original, fileName: 'coproduction-journal-extras-damaged.json' }
				: undefined,
			release: () => this.releaseOriginal()
		});
	}

	/**
	 * Applies a change, merged with what another tab may have stored meanwhile, and saves it.
	 * Returns whether it was stored, and why not; `item` is the piece whose indicator shows the outcome.
	 */
	update(change: (data: JourneyData) => JourneyData, item?: JourneyItem): SaveResult {
		this.#data = change(mergeJourney(this.#file.stored(), this.#data));
		const result = this.#file.write(this.#data);
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

	setName(text: string, now = Date.now()): void {
		this.update((data) => ({ ...data, name: { text, t: now } }), 'name');
	}

	setPlan(slug: string, text: string, now = Date.now()): void {
		this.update(
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
		this.#file.release();
		this.#notice = undefined;
		return this.update((data) => data);
	}

	clear(): void {
		this.#data = emptyJourney();
		this.#unsaved = {};
		this.#notice = undefined;
		this.#file.clear();
	}
}
