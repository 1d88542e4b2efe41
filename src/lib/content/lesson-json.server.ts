import type { z } from 'zod';
import { ContentError } from './build-index';

/**
 * Validates JSON files that sit beside their lesson (lessons/NN-slug/<name>.json), keyed by the
 * lesson's slug. Every problem in every file is reported at once, naming the file and the field, and
 * stops the build.
 */
export function parseLessonJson<T>(
	raw: Record<string, unknown>,
	schema: z.ZodType<T>,
	what: string
): Map<string, T> {
	const problems: string[] = [];
	const parsed = new Map<string, T>();
	for (const [path, data] of Object.entries(raw)) {
		const file = path.replace(/^\//, '');
		const slug = (file.split('/').at(-2) ?? '').replace(/^\d+-/, '');
		const result = schema.safeParse(data);
		if (result.success) parsed.set(slug, result.data);
		else
			for (const issue of result.error.issues)
				problems.push(`${file}: field "${issue.path.join('.') || '(file)'}": ${issue.message}`);
	}
	if (problems.length) throw new ContentError(`Invalid ${what}:\n${problems.join('\n')}`);
	return parsed;
}
