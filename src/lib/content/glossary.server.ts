import { glossaryEntrySchema, type GlossaryEntry } from './assets-schema';
import { ContentError } from './build-index';
import { referencesById } from './references.server';
import { byId, parseRegistry } from './registry.server';

const file = import.meta.glob('/lessons/glossary.json', { eager: true, import: 'default' });

/** Checks that every reference a glossary entry cites exists in lessons/references.json. */
export function checkGlossaryReferences(
	entries: GlossaryEntry[],
	knownReferences: ReadonlySet<string> | Map<string, unknown>
): void {
	const problems = entries.flatMap((entry) =>
		entry.referenceIds
			.filter((id) => !knownReferences.has(id))
			.map(
				(id) =>
					`lessons/glossary.json: "${entry.id}": field "referenceIds": unknown reference "${id}" — expected an id from lessons/references.json`
			)
	);
	if (problems.length) throw new ContentError(problems.join('\n'));
}

/** Sorted by term, as the glossary page lists it. */
export const glossary: GlossaryEntry[] = parseRegistry(
	file['/lessons/glossary.json'] ?? [],
	glossaryEntrySchema,
	'lessons/glossary.json'
).sort((a, b) => a.term.localeCompare(b.term, 'en'));
checkGlossaryReferences(glossary, referencesById);

export const glossaryById = byId(glossary);
