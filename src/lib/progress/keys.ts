// The smallest pieces of the stored shape, kept apart from envelope.ts so the pages that only need
// them (every page: lesson status, the journal) do not load the persistence code with them.

/** The key of a step's stored reflection or quiz answers: "slug/stepId". */
export function itemKey(slug: string, stepId: string): string {
	return `${slug}/${stepId}`;
}

/** A new learner's seed: fixes their quiz option order on this device. */
export function newSeed(): string {
	return Math.random().toString(36).slice(2, 10);
}
