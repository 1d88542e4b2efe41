// Backup slots: copies of stored text that could not be used, kept apart so nothing the learner
// had is thrown away. Loaded only when a copy is made or storage is cleared (storage.ts imports it
// on use), and with the journal extras (journey-file.ts); never with every page.
import { storageKey } from './storage';

/** The oldest backup key: the value stored by versions with one backup slot is kept as a slot. */
export const backupKey = `${storageKey}:backup`;

/** Backups kept per stored key, the oldest dropped first. */
export const backupSlots = 3;
/**
 * Bytes all the backups of one key may take together, counted as browsers count Web Storage
 * (2 bytes per UTF-16 code unit, key included): 1 MiB, about 500,000 characters.
 */
export const backupBudget = 1024 * 1024;

/** A value bigger than the whole backup budget: no copy is attempted. */
export class BackupTooLarge extends Error {
	constructor(readonly bytes: number) {
		super(`A copy needs ${bytes} bytes; backups may use ${backupBudget}`);
		this.name = 'BackupTooLarge';
	}
}

/** Bytes an item takes in Web Storage. */
export const storedBytes = (key: string, value: string) => 2 * (key.length + value.length);

interface Slot {
	key: string;
	/** When it was kept (ms); 0 for the single slot of older versions. */
	t: number;
}

/** The backup slots of `key` in `store`, oldest first. */
export function backupSlotsOf(store: Storage, key: string): Slot[] {
	const prefix = `${key}:backup`;
	const slots: Slot[] = [];
	for (let i = 0; i < store.length; i++) {
		const name = store.key(i);
		if (name === prefix) slots.push({ key: name, t: 0 });
		else if (name?.startsWith(`${prefix}:`)) {
			const t = Number(name.slice(prefix.length + 1));
			if (Number.isFinite(t)) slots.push({ key: name, t });
		}
	}
	return slots.sort((a, b) => a.t - b.t);
}

/**
 * Keeps a copy of `value` under `<key>:backup:<time>`. At most `backupSlots` copies within
 * `backupBudget` bytes: the oldest go first to make room. Throws BackupTooLarge for a value over
 * the budget, and the browser's own error when storage is full; older copies are then kept.
 */
export function keepBackup(store: Storage, key: string, value: string, now = Date.now()): void {
	const own = storedBytes(`${key}:backup:${now}`, value);
	if (own > backupBudget) throw new BackupTooLarge(own);
	const slots = backupSlotsOf(store, key).map((slot) => ({
		...slot,
		value: store.getItem(slot.key) ?? ''
	}));
	// The same damaged value seen again (a reload before it was repaired) needs no second copy.
	if (slots.some((slot) => slot.value === value)) return;
	const bytes = () => slots.reduce((sum, s) => sum + storedBytes(s.key, s.value), 0);
	const drop: string[] = [];
	while (slots.length && (slots.length >= backupSlots || bytes() + own > backupBudget))
		drop.push(slots.shift()!.key);
	let t = now;
	while (store.getItem(`${key}:backup:${t}`) !== null) t++;
	// Write first: if the new copy does not fit, no older copy has been given up for it.
	store.setItem(`${key}:backup:${t}`, value);
	for (const name of drop) store.removeItem(name);
}
