// Where journey data (certificate name, completion date, plans) is kept: Web Storage under its own
// key, read entry by entry (one bad plan costs only that plan), backed up when damaged, and written
// through writes.ts so a failure is always reported. Framework-free; journey.svelte.ts makes it
// reactive.
import { BackupTooLarge, keepBackup } from '$lib/progress/backups';
import { reportWriteNow, writeItem, type SaveResult } from '$lib/progress/writes';
import { journeyKey, readJourney, type JourneyData } from './record';

export interface JourneyNotice {
	kept: { name: boolean; completedAt: boolean; plans: number };
	dropped: number;
	backup: 'kept' | 'tooLarge' | 'noRoom';
	/** The damaged stored text, when no copy of it could be kept: offered as a download. */
	original?: string;
}

export class JourneyFile {
	#store: Storage | null;
	/** Damaged stored text no copy could be kept of: never written over until released. */
	#held: string | undefined;
	notice: JourneyNotice | undefined;

	constructor(store: Storage | null) {
		this.#store = store;
	}

	/** The browser's localStorage, or null when it cannot even be read. */
	static browser(): JourneyFile {
		try {
			const store = window.localStorage;
			store.getItem(journeyKey);
			return new JourneyFile(store);
		} catch {
			return new JourneyFile(null);
		}
	}

	/** Reads what is stored; the first read of damaged data backs it up and sets `notice`. */
	load(): JourneyData {
		const raw = this.#raw();
		const { data, problem, dropped } = readJourney(raw);
		if (!problem || raw === null || this.notice) return data;
		const store = this.#store!;
		const copied = reportWriteNow('backup', () => keepBackup(store, journeyKey, raw), {
			oneOff: true
		});
		const kept = {
			name: !!data.name,
			completedAt: data.completedAt !== undefined,
			plans: Object.keys(data.plans).length
		};
		if (copied.ok) {
			this.notice = { kept, dropped, backup: 'kept' };
			// The copy is safe: store the repaired data, so the next page reads it cleanly.
			this.write(data);
		} else {
			this.#held = raw;
			const backup = copied.error instanceof BackupTooLarge ? 'tooLarge' : 'noRoom';
			this.notice = { kept, dropped, backup, original: raw };
		}
		return data;
	}

	/** Stored data as it is now (another tab may have written), for merging before a write. */
	stored(): JourneyData {
		return readJourney(this.#raw()).data;
	}

	write(data: JourneyData): SaveResult {
		const store = this.#store;
		if (!store) return { ok: false, failure: 'blocked' };
		if (this.#held !== undefined) {
			// Another tab may have replaced the damaged text meanwhile: then nothing is left to keep.
			if (this.#raw() === this.#held) return { ok: false, failure: 'held' };
			this.#held = undefined;
		}
		return writeItem('journey', store, journeyKey, JSON.stringify(data));
	}

	/** The learner has the damaged text (downloaded) and lets the course write over it. */
	release(): void {
		this.#held = undefined;
		this.notice = undefined;
	}

	clear(): void {
		this.#held = undefined;
		this.notice = undefined;
		try {
			this.#store?.removeItem(journeyKey);
			for (let i = (this.#store?.length ?? 0) - 1; i >= 0; i--) {
				const key = this.#store!.key(i);
				if (key?.startsWith(`${journeyKey}:backup`)) this.#store!.removeItem(key);
			}
		} catch {
			// Nothing could be kept, so there is nothing to remove.
		}
	}

	#raw(): string | null {
		try {
			return this.#store?.getItem(journeyKey) ?? null;
		} catch {
			return null;
		}
	}
}
