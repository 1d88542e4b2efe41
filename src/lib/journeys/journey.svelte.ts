// The learner's journey data (certificate name, completion date, next-step plans) as reactive
// state over localStorage. Only the pages that use it (home, journal, certificate) create one.
import { emptyJourney, journeyKey, mergeJourney, parseJourney, type JourneyData } from './record';

export class JourneyStore {
	#data = $state.raw<JourneyData>(emptyJourney());
	#store: Storage | null = null;

	get data(): JourneyData {
		return this.#data;
	}

	/** Browser only: reads what is stored and follows changes made in other tabs. */
	connect(): () => void {
		try {
			this.#store = window.localStorage;
			this.#data = parseJourney(this.#store.getItem(journeyKey));
		} catch {
			this.#store = null;
		}
		const onStorage = (event: StorageEvent) => {
			if (event.key === journeyKey || event.key === null) this.#data = parseJourney(event.newValue);
		};
		window.addEventListener('storage', onStorage);
		return () => window.removeEventListener('storage', onStorage);
	}

	/** Applies a change, merged with what another tab may have stored meanwhile, and saves it. */
	update(change: (data: JourneyData) => JourneyData): void {
		const stored = this.#store ? parseJourney(this.#store.getItem(journeyKey)) : emptyJourney();
		this.#data = change(mergeJourney(stored, this.#data));
		try {
			this.#store?.setItem(journeyKey, JSON.stringify(this.#data));
		} catch {
			// Storage full or blocked: the value stays for this visit, as progress does.
		}
	}

	merge(incoming: JourneyData): void {
		this.update((data) => mergeJourney(data, incoming));
	}

	setName(text: string, now = Date.now()): void {
		this.update((data) => ({ ...data, name: { text, t: now } }));
	}

	setPlan(slug: string, text: string, now = Date.now()): void {
		this.update((data) => ({ ...data, plans: { ...data.plans, [slug]: { text, t: now } } }));
	}

	/** Fixes the completion date the first time the course is seen complete. */
	markComplete(time: number): void {
		if (this.#data.completedAt === undefined)
			this.update((data) =>
				data.completedAt === undefined ? { ...data, completedAt: time } : data
			);
	}

	clear(): void {
		this.#data = emptyJourney();
		try {
			this.#store?.removeItem(journeyKey);
		} catch {
			// Nothing was kept, so nothing to remove.
		}
	}
}
