import { salvage, schemaVersion, type Envelope } from './envelope';

// Old stored shapes are upgraded by code, one schema step at a time. Each migration takes the
// parsed data of schema N and returns data of schema N+1; `decode` then checks the result.

type Data = Record<string, unknown>;

/**
 * Schema 1 followed the plain pattern from xstate's persistence docs: `{ version, snapshot }`,
 * with reflections and quiz results inside the machine's context. Schema 2 keeps them apart,
 * each with a timestamp, so two tabs can merge item by item and content changes cannot drop them.
 */
function from1to2(data: Data): Data {
	const savedAt = typeof data.savedAt === 'number' ? data.savedAt : 0;
	const snapshot = (data.snapshot ?? {}) as { context?: { lessons?: Record<string, Data> } };
	const progress: Data = {};
	const reflections: Data = {};
	const answers: Data = {};
	for (const [slug, lesson] of Object.entries(snapshot.context?.lessons ?? {})) {
		const {
			reflections: texts,
			quizzes,
			...record
		} = lesson as Data & {
			reflections?: Record<string, string>;
			quizzes?: Record<string, Data>;
		};
		progress[slug] = { ...record, t: savedAt };
		for (const [stepId, text] of Object.entries(texts ?? {}))
			reflections[`${slug}/${stepId}`] = { text, t: savedAt };
		for (const [stepId, quiz] of Object.entries(quizzes ?? {}))
			answers[`${slug}/${stepId}`] = {
				answers: quiz.answers,
				score: quiz.best,
				best: quiz.best,
				attempts: quiz.attempts,
				passed: quiz.passed,
				everPassed: quiz.passed,
				phase: 'feedback',
				t: savedAt
			};
	}
	return { schema: 2, course: data.course, seed: data.seed, progress, reflections, answers };
}

export const migrations: Record<number, (data: Data) => Data> = { 1: from1to2 };

export type Problem = 'unreadable' | 'wrongShape' | 'futureVersion';

export interface Decoded {
	envelope: Envelope;
	/** Set when the stored value could not be used as it was: it must be backed up. */
	problem?: Problem;
}

function schemaOf(data: Data): number | undefined {
	if (typeof data.schema === 'number') return data.schema;
	if (data.version === 1 && typeof data.snapshot === 'object') return 1;
	return undefined;
}

/** Stored text → a usable envelope. Never throws: whatever can be salvaged is kept. */
export function decode(raw: string | null, course: string): Decoded {
	if (raw === null) return salvage(undefined, course);
	let data: unknown;
	try {
		data = JSON.parse(raw);
	} catch {
		return { ...salvage(undefined, course), problem: 'unreadable' };
	}
	if (typeof data !== 'object' || data === null || Array.isArray(data))
		return { ...salvage(undefined, course), problem: 'wrongShape' };
	let current = data as Data;
	let schema = schemaOf(current);
	if (schema !== undefined && schema > schemaVersion)
		return { ...salvage({ ...current, schema: schemaVersion }, course), problem: 'futureVersion' };
	try {
		while (schema !== undefined && schema < schemaVersion && migrations[schema]) {
			current = migrations[schema](current);
			schema = schemaOf(current);
		}
	} catch {
		return { ...salvage(undefined, course), problem: 'wrongShape' };
	}
	const { envelope, dropped } = salvage(current, course);
	return dropped ? { envelope, problem: 'wrongShape' } : { envelope };
}
