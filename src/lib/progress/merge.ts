import { mergeLessonRecord } from '$lib/machines/rules';
import type { Envelope, StoredQuiz } from './envelope';

// Two copies of progress (this tab and another, or memory and storage) → one. Per item the
// newest wins; progress only adds up; a best score or a pass is never lowered.

function newest<T extends { t: number }>(a: Record<string, T>, b: Record<string, T>) {
	const merged = { ...a };
	for (const [key, item] of Object.entries(b))
		if (!merged[key] || item.t > merged[key].t) merged[key] = item;
	return merged;
}

function mergeQuizzes(a: Record<string, StoredQuiz>, b: Record<string, StoredQuiz>) {
	const merged = newest(a, b);
	for (const key of Object.keys(merged)) {
		const both = [a[key], b[key]].filter(Boolean);
		merged[key] = {
			...merged[key],
			best: Math.max(...both.map((q) => q.best)),
			everPassed: both.some((q) => q.everPassed),
			attempts: Math.max(...both.map((q) => q.attempts))
		};
	}
	return merged;
}

export function mergeEnvelopes(local: Envelope, incoming: Envelope): Envelope {
	const progress = { ...local.progress };
	for (const [slug, record] of Object.entries(incoming.progress))
		progress[slug] = mergeLessonRecord(progress[slug], record);
	return {
		...local,
		progress,
		reflections: newest(local.reflections, incoming.reflections),
		answers: mergeQuizzes(local.answers, incoming.answers)
	};
}
