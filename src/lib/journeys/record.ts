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

/** What could be read of stored journey data, entry by entry. */
export interface SalvagedJourney {
	data: JourneyData;
	/** Set when the stored text was not entirely usable: it must then be backed up. */
	problem?: 'unreadable' | 'wrongShape';
	/** Entries that could not be read (the name, the completion date, a plan, or the whole). */
	dropped: number;
}

/** Keys JSON may carry that must never become properties of a plain object. */
const unsafeKey = (key: string) => key === '__proto__' || key === 'constructor';

/**
 * Keeps every entry that checks out (the name, the completion date, each plan on its own) and
 * counts the rest, the way stored progress is salvaged: one bad plan costs only that plan.
 */
export function salvageJourney(value: unknown): SalvagedJourney {
	if (!isRecord(value)) return { data: emptyJourney(), problem: 'wrongShape', dropped: 1 };
	const data = emptyJourney();
	let dropped = value.v === 1 ? 0 : 1;
	if (value.name !== undefined) {
		if (isTimed(value.name)) data.name = { text: value.name.text, t: value.name.t };
		else dropped++;
	}
	if (value.completedAt !== undefined) {
		if (isTime(value.completedAt)) data.completedAt = value.completedAt;
		else dropped++;
	}
	if (isRecord(value.plans)) {
		for (const [slug, plan] of Object.entries(value.plans)) {
			if (!unsafeKey(slug) && isTimed(plan)) data.plans[slug] = { text: plan.text, t: plan.t };
			else dropped++;
		}
	} else if (value.plans !== undefined) dropped++;
	return dropped ? { data, problem: 'wrongShape', dropped } : { data, dropped };
}

/** Stored text → journey data; never throws. */
export function readJourney(raw: string | null): SalvagedJourney {
	if (raw === null) return { data: emptyJourney(), dropped: 0 };
	let value: unknown;
	try {
		value = JSON.parse(raw);
	} catch {
		return { data: emptyJourney(), problem: 'unreadable', dropped: 1 };
	}
	return salvageJourney(value);
}

/** Parses stored text, keeping every entry that can be read. */
export function parseJourney(raw: string | null): JourneyData {
	return readJourney(raw).data;
}
