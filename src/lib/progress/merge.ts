import { mergeQuizRecord } from '$lib/machines/assessment';
import { mergeLessonRecords } from '$lib/machines/completion';
import type { Envelope } from './envelope';
import { mergeByKey } from './timed';

// Two copies of progress (this tab and another, or memory and storage) → one. Per item the
// newest wins; progress only adds up; a best score or a pass is never lowered (assessment.ts, completion.ts).

export function mergeEnvelopes(local: Envelope, incoming: Envelope): Envelope {
	return {
		...local,
		progress: mergeLessonRecords(local.progress, incoming.progress),
		reflections: mergeByKey(local.reflections, incoming.reflections),
		answers: mergeByKey(local.answers, incoming.answers, mergeQuizRecord)
	};
}
