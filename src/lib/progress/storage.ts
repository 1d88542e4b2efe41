// The one storage interface progress is kept behind. Browser storage is the first
// implementation; an LMS (SCORM suspend_data) or a server can be others. Methods are async so a
// network store fits; the browser one does its work synchronously inside them, which keeps a
// flush during `pagehide` safe.

export interface ProgressStorage {
	/** The stored text, or null when nothing is stored. */
	read(): Promise<string | null>;
	/** Replaces the stored text. Rejects when it cannot be kept (storage full or blocked). */
	write(value: string): Promise<void>;
	/** Keeps text that could not be used, apart, so nothing the learner had is thrown away. */
	backup(value: string): Promise<void>;
	/** Removes everything stored, backups included ("clear my data on this device"). */
	clear?(): Promise<void>;
	/** Calls back when another tab or window changes the stored text; returns a stop function. */
	watch?(listener: (value: string | null) => void): () => void;
}

export const storageKey = 'coproduction-course:progress';
export const backupKey = `${storageKey}:backup`;

/** localStorage under a namespaced key, or null when the browser blocks it (private modes). */
export function browserStorage(key = storageKey): ProgressStorage | null {
	let store: Storage;
	try {
		store = window.localStorage;
		const probe = `${key}:probe`;
		store.setItem(probe, '1');
		store.removeItem(probe);
	} catch {
		return null;
	}
	return {
		read: async () => store.getItem(key),
		write: async (value) => store.setItem(key, value),
		backup: async (value) => store.setItem(`${key}:backup`, value),
		clear: async () => {
			store.removeItem(key);
			store.removeItem(`${key}:backup`);
		},
		watch(listener) {
			const onStorage = (event: StorageEvent) => {
				if (event.storageArea === store && event.key === key) listener(event.newValue);
			};
			window.addEventListener('storage', onStorage);
			return () => window.removeEventListener('storage', onStorage);
		}
	};
}

/** In-memory storage for tests; `fail` makes writes reject as a full store does. */
export function memoryStorage(initial: string | null = null) {
	const listeners = new Set<(value: string | null) => void>();
	const memory = {
		value: initial,
		backups: [] as string[],
		writes: 0,
		fail: false,
		async read() {
			return memory.value;
		},
		async write(value: string) {
			if (memory.fail) throw new DOMException('Storage is full', 'QuotaExceededError');
			memory.value = value;
			memory.writes++;
		},
		async backup(value: string) {
			memory.backups.push(value);
		},
		async clear() {
			memory.value = null;
			memory.backups = [];
		},
		watch(listener: (value: string | null) => void) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		/** Simulates another tab writing. */
		changeElsewhere(value: string) {
			memory.value = value;
			for (const listener of listeners) listener(value);
		}
	};
	return memory satisfies ProgressStorage;
}
