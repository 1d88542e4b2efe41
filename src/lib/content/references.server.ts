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
