// What the learner journeys keep beside the progress envelope: the name for the certificate, the
// moment the course was first seen complete, and a "what I will do next" note per lesson. Stored
// under its own key, merged like progress (newest item wins), exported and imported with it.
import { isRecord, isTime, mergeByKey, newer } from '$lib/progress/timed';

/** A piece of the learner's own text with the time it was saved (ms since 1970). */
export interface Timed {
	text: string;
	t: number;
}

export interface JourneyData {
	v: 1;
	/** The name to print on the certificate. */
	name?: Timed;
	/** First time the course was seen complete (ms): fixes the certificate's date. */
	completedAt?: number;
	/** "What I will do next", keyed by lesson slug. */
	plans: Record<string, Timed>;
}

export const journeyKey = 'coproduction-course:journeys';

export function emptyJourney(): JourneyData {
	return { v: 1, plans: {} };
}

export const isTimed = (v: unknown): v is Timed =>
	isRecord(v) && typeof v.text === 'string' && isTime(v.t);

/** A hand-written guard (no zod in the browser): true only for data of exactly this shape. */
export function isJourneyData(v: unknown): v is JourneyData {
	return (
		isRecord(v) &&
		v.v === 1 &&
		(v.name === undefined || isTimed(v.name)) &&
		(v.completedAt === undefined || isTime(v.completedAt)) &&
		isRecord(v.plans) &&
		Object.values(v.plans).every(isTimed)
	);
}

/** Two copies → one: newest text wins per item; the earliest completion time is kept. */
export function mergeJourney(a: JourneyData, b: JourneyData): JourneyData {
	const plans = mergeByKey(a.plans, b.plans);
	const times = [a.completedAt, b.completedAt].filter((t): t is number => t !== undefined);
	const merged: JourneyData = { v: 1, plans };
	const name = newer(a.name, b.name);
	if (name) merged.name = name;
	if (times.length) merged.completedAt = Math.min(...times);
	return merged;
}

/** Parses stored text; anything unusable reads as empty (it is never the only copy of progress). */
export function parseJourney(raw: string | null): JourneyData {
	if (!raw) return emptyJourney();
	try {
		const data: unknown = JSON.parse(raw);
		return isJourneyData(data) ? data : emptyJourney();
	} catch {
		return emptyJourney();
	}
}
