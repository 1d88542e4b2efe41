// The smallest shared pieces of everything the learner's browser keeps (progress and journeys):
// the hand-written shape checks (zod stays on the server) and the newest-wins rule for items that
// carry their own time, so two tabs or an imported file merge item by item.

export const isRecord = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/** A time in ms since 1970. */
export const isTime = (v: unknown): v is number =>
	typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** The newer of two timed items; on a tie the first is kept. */
export function newer<T extends { t: number }>(a: T | undefined, b: T | undefined): T | undefined {
	if (!a) return b;
	if (!b) return a;
	return b.t > a.t ? b : a;
}

/** Two keyed collections of timed items → one, item by item (`merge` decides each pair). */
export function mergeByKey<T extends { t: number }>(
	a: Record<string, T>,
	b: Record<string, T>,
	merge: (a: T | undefined, b: T) => T = (x, y) => newer(x, y)!
): Record<string, T> {
	const merged = { ...a };
	for (const [key, item] of Object.entries(b)) merged[key] = merge(merged[key], item);
	return merged;
}
