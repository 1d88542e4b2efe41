// The one storage interface progress is kept behind. Browser storage is the first
// implementation; an LMS (SCORM suspend_data) or a server can be others. Methods are async so a
// network store fits; the browser one does its work synchronously inside them, which keeps a
// flush during `pagehide` safe. Callers run writes through `reportWrite` (writes.ts), which says
// what failed.

export interface ProgressStorage {
	/** The stored text, or null when nothing is stored. Rejects only when it cannot be read. */
	read(): Promise<string | null>;
	/** Replaces the stored text. Rejects when it cannot be kept (storage full or blocked). */
	write(value: string): Promise<void>;
	/**
	 * Keeps text that could not be used, apart, so nothing the learner had is thrown away.
	 * Rejects when no copy could be kept (it does not fit, or storage is full): the caller must
	 * then leave the original where it is.
	 */
	backup(value: string): Promise<void>;
	/** Removes everything stored, backups included ("clear my data on this device"). */
	clear?(): Promise<void>;
	/** Calls back when another tab or window changes the stored text; returns a stop function. */
	watch?(listener: (value: string | null) => void): () => void;
	/** Rejects when a write would fail now. Called after reading, never instead of it. */
	probe?(): Promise<void>;
}

export const storageKey = 'coproduction-course:progress';

/**
 * localStorage under a namespaced key, or null when the browser does not even let it be read
 * (some private modes). A store that can be read but not written is still returned: what is
 * stored is shown, and each failed write is reported where it happens.
 */
export function browserStorage(key = storageKey): ProgressStorage | null {
	let store: Storage;
	try {
		store = window.localStorage;
		store.getItem(key);
	} catch {
		return null;
	}
	return {
		read: async () => store.getItem(key),
		write: async (value) => store.setItem(key, value),
		backup: async (value) => (await import('./backups')).keepBackup(store, key, value),
		probe: async () => {
			const probe = `${key}:probe`;
			store.setItem(probe, '1');
			store.removeItem(probe);
		},
		clear: async () => {
			store.removeItem(key);
			const { backupSlotsOf } = await import('./backups');
			for (const slot of backupSlotsOf(store, key)) store.removeItem(slot.key);
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

/**
 * In-memory storage for tests; `fail` makes writes (and the probe) reject as a full store does,
 * `failBackup` makes backups reject.
 */
export function memoryStorage(initial: string | null = null) {
	const listeners = new Set<(value: string | null) => void>();
	const full = () => new DOMException('Storage is full', 'QuotaExceededError');
	const memory = {
		value: initial,
		backups: [] as string[],
		writes: 0,
		fail: false,
		failBackup: false,
		async read() {
			return memory.value;
		},
		async write(value: string) {
			if (memory.fail) throw full();
			memory.value = value;
			memory.writes++;
		},
		async backup(value: string) {
			if (memory.fail || memory.failBackup) throw full();
			memory.backups.push(value);
		},
		async probe() {
			if (memory.fail) throw full();
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
