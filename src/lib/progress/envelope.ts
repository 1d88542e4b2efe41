import type {
	LessonRecord,
	LessonRecords,
	QuizRecord,
	ReflectionRecord
} from '$lib/machines/rules';
import { newSeed } from './keys';
import { isRecord, isTime } from './timed';

// The stored shape. The machine's snapshot (`progress`) is kept apart from what the learner
// wrote or chose (`reflections`, `answers`), and every item carries its own time so two tabs
// can merge item by item.

export const schemaVersion = 2;

export interface Envelope {
	schema: number;
	/** The content version (course.json) this progress was last reconciled with. */
	course: string;
	/** Stable per learner and device: seeds option shuffling. */
	seed: string;
	/** The course machine's persisted snapshot: its context without the content outline. */
	progress: LessonRecords;
	/** Keyed "slug/stepId". */
	reflections: Record<string, ReflectionRecord>;
	/** Keyed "slug/stepId": the quiz records as the machine and the components see them. */
	answers: Record<string, QuizRecord>;
}

export function emptyEnvelope(course: string, seed = newSeed()): Envelope {
	return { schema: schemaVersion, course, seed, progress: {}, reflections: {}, answers: {} };
}

// Hand-written checks: zod stays on the server, and these run on every page.
type Check<T> = (value: unknown) => value is T;

const isPercent = (v: unknown): v is number => typeof v === 'number' && v >= 0 && v <= 100;
const isStrings = (v: unknown): v is string[] =>
	Array.isArray(v) && v.every((s) => typeof s === 'string');

export const isLessonRecord: Check<LessonRecord> = (v): v is LessonRecord =>
	isRecord(v) &&
	isStrings(v.done) &&
	typeof v.at === 'string' &&
	typeof v.complete === 'boolean' &&
	isTime(v.t);

export const isReflectionRecord: Check<ReflectionRecord> = (v): v is ReflectionRecord =>
	isRecord(v) && typeof v.text === 'string' && isTime(v.t);

export const isQuizRecord: Check<QuizRecord> = (v): v is QuizRecord =>
	isRecord(v) &&
	isRecord(v.answers) &&
	Object.values(v.answers).every(isStrings) &&
	isPercent(v.score) &&
	isPercent(v.best) &&
	typeof v.attempts === 'number' &&
	typeof v.passed === 'boolean' &&
	typeof v.everPassed === 'boolean' &&
	(v.phase === 'answering' || v.phase === 'feedback') &&
	isTime(v.t);

/** Keeps the entries that pass the check; counts the ones dropped. */
function keepValid<T>(
	value: unknown,
	check: Check<T>
): { kept: Record<string, T>; dropped: number } {
	const kept: Record<string, T> = {};
	let dropped = 0;
	if (!isRecord(value)) return { kept, dropped: value === undefined ? 0 : 1 };
	for (const [key, item] of Object.entries(value)) {
		if (check(item)) kept[key] = item;
		else dropped++;
	}
	return { kept, dropped };
}

/**
 * Everything usable in data of the current schema (or of unknown shape): valid entries are kept,
 * the rest dropped and counted. Never throws.
 */
export function salvage(data: unknown, course: string): { envelope: Envelope; dropped: number } {
	const source = isRecord(data) ? data : {};
	const progress = keepValid(source.progress, isLessonRecord);
	const reflections = keepValid(source.reflections, isReflectionRecord);
	const answers = keepValid(source.answers, isQuizRecord);
	const seed = typeof source.seed === 'string' && source.seed ? source.seed : newSeed();
	const wellFormed =
		isRecord(data) && typeof source.course === 'string' && source.schema === schemaVersion;
	return {
		envelope: {
			schema: schemaVersion,
			course: typeof source.course === 'string' ? source.course : course,
			seed,
			progress: progress.kept,
			reflections: reflections.kept,
			answers: answers.kept
		},
		dropped: progress.dropped + reflections.dropped + answers.dropped + (wellFormed ? 0 : 1)
	};
}

/** How much a salvaged envelope holds, for the message to the learner. */
export function countKept(envelope: Envelope) {
	return {
		lessons: Object.keys(envelope.progress).length,
		reflections: Object.keys(envelope.reflections).length,
		answers: Object.keys(envelope.answers).length
	};
}
