// The one place every write the app makes to the learner's storage goes through. It runs the
// write, says what went wrong in words the screen can use (full, blocked, other), and tells
// whoever listens (the header warning, the save indicators), so no store can swallow a failure.
// Framework-free and tiny: the layout loads it on every page.

/** Why a write did not happen: the storage is full, the browser blocks it, or something else. */
export type WriteFailure = 'full' | 'blocked' | 'failed';

/** Why changes are not stored: a failed write, or held back so a damaged original is not lost. */
export type SaveFailure = WriteFailure | 'held';

/** The outcome of saving a change, as the save indicators and the import see it. */
export type SaveResult = { ok: true } | { ok: false; failure: SaveFailure };

export type WriteResult = { ok: true } | { ok: false; failure: WriteFailure; error: unknown };

/** What a write is for: its latest outcome is remembered per target ("progress", "journey"). */
export type WriteTarget = string;

export interface WriteOptions {
	/**
	 * A one-off write whose failure is reported to its caller only, and does not count as the
	 * storage failing (a backup that does not fit says so in its own notice).
	 */
	oneOff?: boolean;
}

type Listener = (target: WriteTarget, result: WriteResult) => void;

const listeners = new Set<Listener>();
const failing = new Map<WriteTarget, WriteFailure>();

/** Browsers name a full store differently: QuotaExceededError, or the old codes 22 and 1014. */
export function failureOf(error: unknown): WriteFailure {
	const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
	if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return 'full';
	if (code === 22 || code === 1014) return 'full';
	if (name === 'SecurityError' || name === 'InvalidAccessError') return 'blocked';
	return 'failed';
}

function record(target: WriteTarget, result: WriteResult, options: WriteOptions): WriteResult {
	if (!options.oneOff) {
		if (result.ok) failing.delete(target);
		else failing.set(target, result.failure);
	}
	for (const listener of listeners) listener(target, result);
	return result;
}

/** Runs a write that may be asynchronous (a `ProgressStorage`) and reports how it went. */
export async function reportWrite(
	target: WriteTarget,
	write: () => unknown,
	options: WriteOptions = {}
): Promise<WriteResult> {
	try {
		await write();
	} catch (error) {
		return record(target, { ok: false, failure: failureOf(error), error }, options);
	}
	return record(target, { ok: true }, options);
}

/** The same for a synchronous write (Web Storage), when the caller needs the answer at once. */
export function reportWriteNow(
	target: WriteTarget,
	write: () => void,
	options: WriteOptions = {}
): WriteResult {
	try {
		write();
	} catch (error) {
		return record(target, { ok: false, failure: failureOf(error), error }, options);
	}
	return record(target, { ok: true }, options);
}

/**
 * Stores one Web Storage item and reports how it went: the way every store outside storage.ts
 * writes (ESLint refuses a bare `setItem` elsewhere in src/).
 */
export function writeItem(
	target: WriteTarget,
	store: Storage,
	key: string,
	value: string
): WriteResult {
	return reportWriteNow(target, () => store.setItem(key, value));
}

/**
 * The storage trouble to show now: any target whose latest write failed ("full" first, as it is
 * the one the learner can act on), or null once every target's latest write succeeded.
 */
export function storageFailure(): WriteFailure | null {
	const all = [...failing.values()];
	return all.includes('full') ? 'full' : (all[0] ?? null);
}

/** The failure of one target's latest write, if it failed. */
export function targetFailure(target: WriteTarget): WriteFailure | undefined {
	return failing.get(target);
}

/**
 * Calls `retry` when a write of another target succeeds while `target`'s latest failed: space
 * may have been freed, so a change that could not be saved is tried again rather than left
 * unsaved with a stale warning. Returns a stop function.
 */
export function retryWhenWritesWork(target: WriteTarget, retry: () => void): () => void {
	return watchWrites((other, result) => {
		if (other !== target && result.ok && failing.has(target)) retry();
	});
}

/** Calls back after every reported write; returns a stop function. */
export function watchWrites(listener: Listener): () => void {
	listeners.add(listener);
	return () => listeners.delete(listener);
}

/** Forgets every outcome (tests, and "clear my data on this device"). */
export function resetWrites(): void {
	failing.clear();
	for (const listener of listeners) listener('', { ok: true });
}
