// Kept apart from envelope.ts so the pages that only need a seed (every page, for a new learner)
// do not load the persistence code with it.

/** A new learner's seed: fixes their quiz option order on this device. */
export function newSeed(): string {
	return Math.random().toString(36).slice(2, 10);
}
