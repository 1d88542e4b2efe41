import { vancouver } from '$lib/citations/vancouver';
import type { ReadingAsset } from './assets';
import { referenceSchema, type Reference } from './assets-schema';
import { byId, parseRegistry } from './registry.server';

// Every citation in the course comes from this one file, so a reference is written once.
const file = import.meta.glob('/lessons/references.json', { eager: true, import: 'default' });

export const references: Reference[] = parseRegistry(
	file['/lessons/references.json'] ?? [],
	referenceSchema,
	'lessons/references.json'
);
export const referencesById = byId(references);

/** A reference as a reading card shows it: with its citation, formatted here and not in the browser. */
export function readingAsset(reference: Reference): ReadingAsset {
	return { ...reference, citation: vancouver(reference) };
}
