import type { z } from 'zod';
import { ContentError } from './build-index';

/**
 * Validates a registry file (a JSON array of entries with ids). Throws a ContentError naming the
 * file, the entry and the field for every problem, including an id used twice.
 */
export function parseRegistry<S extends z.ZodType<{ id: string }>>(
	raw: unknown,
	schema: S,
	file: string
): z.infer<S>[] {
	if (!Array.isArray(raw)) throw new ContentError(`${file}: expected a JSON array of entries`);
	const problems: string[] = [];
	const entries: z.infer<S>[] = [];
	const seen = new Set<string>();
	raw.forEach((item, i) => {
		const result = schema.safeParse(item);
		const label = `${file}: entry [${i}]${typeof item?.id === 'string' ? ` "${item.id}"` : ''}`;
		if (!result.success) {
			for (const issue of result.error.issues)
				problems.push(`${label}: field "${issue.path.join('.') || '(entry)'}": ${issue.message}`);
			return;
		}
		if (seen.has(result.data.id))
			problems.push(`${label}: expected a unique id, "${result.data.id}" is used twice`);
		seen.add(result.data.id);
		entries.push(result.data);
	});
	if (problems.length) throw new ContentError(`Invalid ${file}:\n${problems.join('\n')}`);
	return entries;
}

/** A lookup by id that names the registry file when an id is unknown. */
export function byId<T extends { id: string }>(entries: T[]): Map<string, T> {
	return new Map(entries.map((entry) => [entry.id, entry]));
}
