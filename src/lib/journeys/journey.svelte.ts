// The learner's journey data (certificate name, completion date, next-step plans) as reactive
// state over localStorage. Only the pages that use it (home, journal, certificate) create one.
// Reading `data` or `ready` from a component connects it to storage and to other tabs, and leaving
// the page disconnects it (createSubscriber, as site-kit's Persisted.svelte.ts): no connect() calls.
import { on } from 'svelte/events';
import { createSubscriber } from 'svelte/reactivity';
import { emptyJourney, journeyKey, mergeJourney, parseJourney, type JourneyData } from './record';

function browserStore(): Storage | null {
	try {
		return typeof window === 'undefined' ? null : window.localStorage;
	} catch {
		return null;
	}
}

export class JourneyStore {
	#data = $state.raw<JourneyData>(emptyJourney());
	#ready = $state(false);
	#store: Storage | null = null;

	#subscribe = createSubscriber(() => {
		this.#store = browserStore();
		// Read after the current render: a prerendered page showed no journey, and hydration must
		// find the page as the server wrote it.
		let live = true;
		queueMicrotask(() => {
			if (!live) return;
			this.#data = this.#read();
			this.#ready = true;
		});
		const off = on(window, 'storage', (event) => {
			if (event.key === journeyKey || event.key === null) this.#data = parseJourney(event.newValue);
		});
		return () => {
			live = false;
			off();
		};
	});

	/** What this browser has stored; empty on the server and until `ready`. */
	get data(): JourneyData {
		this.#subscribe();
		// Outside an effect (an event handler, e.g. "Export"), nothing subscribes, so nothing has
		// read storage yet: read it now rather than answer with the empty default.
		if (!this.#ready && !$effect.tracking()) {
			this.#store ??= browserStore();
			return this.#read();
		}
		return this.#data;
	}

	/** True once what this browser has stored is on screen: false on the server and while hydrating. */
	get ready(): boolean {
		this.#subscribe();
		return this.#ready;
	}

	#read(): JourneyData {
		try {
			return parseJourney(this.#store?.getItem(journeyKey) ?? null);
		} catch {
			return emptyJourney();
		}
	}

	/** Applies a change, merged with what another tab may have stored meanwhile, and saves it. */
	update(change: (data: JourneyData) => JourneyData): void {
		this.#store ??= browserStore();
		this.#data = change(mergeJourney(this.#read(), this.#data));
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
		this.#store ??= browserStore();
		try {
			this.#store?.removeItem(journeyKey);
		} catch {
			// Nothing was kept, so nothing to remove.
		}
	}
}
