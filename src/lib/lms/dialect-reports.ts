import type { Answered, Standing } from './report';
import type { KeyQuestion } from './quiz-key';

// What the LMS is told about the learner's progress, in each SCORM version's data model: status,
// score, progress, location, exit and one interaction per answer. The session half of each dialect
// (dialects.ts) is what every launch needs; this half loads with the first progress written.

export interface ScormReporting {
	/** Where the pass threshold given by the manifest (mastery or scaled passing score) is read. */
	passingScore: string;
	/**
	 * Status, score, progress and location, as fields to set. `passing` is the LMS's value of
	 * `passingScore` ('' when the LMS has none).
	 */
	standing(now: Standing, passing: string): Array<[string, string]>;
	/** The field names in `standing` whose change is a status change (committed at once). */
	statusFields: string[];
	exit(finished: boolean): [string, string];
	/** One answered question as interaction fields (after `cmi.interactions.n.`), in the order set. */
	interaction(answer: Answered): Array<[string, string]>;
}

/** Passed, failed, or neither when the LMS gives no threshold; `threshold` in score percent. */
function passFail(now: Standing, threshold: number | undefined): 'passed' | 'failed' | undefined {
	if (!now.finished || threshold === undefined || Number.isNaN(threshold)) return undefined;
	return (now.score ?? 0) >= threshold ? 'passed' : 'failed';
}

const scoreFields = (prefix: string, score: number | undefined): Array<[string, string]> =>
	score === undefined
		? []
		: [
				[`${prefix}.min`, '0'],
				[`${prefix}.max`, '100'],
				[`${prefix}.raw`, String(score)]
			];

export const scorm12Reporting: ScormReporting = {
	passingScore: 'cmi.student_data.mastery_score',
	standing(now, mastery) {
		// With a mastery score (adlcp:masteryscore) the course is passed or failed; without, completed.
		const status = now.finished
			? (passFail(now, mastery === '' ? undefined : Number(mastery)) ?? 'completed')
			: 'incomplete';
		return [
			...scoreFields('cmi.core.score', now.score),
			...(now.location ? [['cmi.core.lesson_location', now.location.slice(0, 255)] as const] : []),
			['cmi.core.lesson_status', status]
		] as Array<[string, string]>;
	},
	statusFields: ['cmi.core.lesson_status', 'cmi.core.score.raw'],
	exit: (finished) => ['cmi.core.exit', finished ? '' : 'suspend'],
	interaction: (a) => [
		['id', a.id],
		['type', a.question.type],
		['time', time12(a.t)],
		['correct_responses.0.pattern', responseLetters(a.question, a.question.correct)],
		['student_response', responseLetters(a.question, a.chosen)],
		['result', a.correct ? 'correct' : 'wrong']
	]
};

export const scorm2004Reporting: ScormReporting = {
	passingScore: 'cmi.scaled_passing_score',
	standing(now, scaledPassing) {
		// The scaled passing score comes from the manifest's minNormalizedMeasure (−1…1).
		const threshold = scaledPassing === '' ? undefined : Number(scaledPassing) * 100;
		const fields: Array<[string, string]> = [
			...scoreFields('cmi.score', now.score),
			['cmi.progress_measure', String(Math.round(now.progress * 1000) / 1000)],
			['cmi.completion_status', now.finished ? 'completed' : 'incomplete'],
			['cmi.success_status', passFail(now, threshold) ?? 'unknown']
		];
		if (now.score !== undefined) fields.unshift(['cmi.score.scaled', String(now.score / 100)]);
		if (now.location) fields.push(['cmi.location', now.location.slice(0, 1000)]);
		return fields;
	},
	statusFields: ['cmi.completion_status', 'cmi.success_status', 'cmi.score.raw'],
	exit: (finished) => ['cmi.exit', finished ? 'normal' : 'suspend'],
	interaction: (a) => [
		['id', a.id],
		['type', a.question.type],
		['timestamp', new Date(a.t).toISOString()],
		['description', langString250(a.question.prompt)],
		['correct_responses.0.pattern', responseIds(a.question, a.question.correct)],
		['learner_response', responseIds(a.question, a.chosen)],
		['result', a.correct ? 'correct' : 'incorrect']
	]
};

/** Option ids → SCORM 1.2 response characters: options by position a, b, c…; true/false t, f. */
export function responseLetters(question: KeyQuestion, ids: string[]): string {
	if (question.type === 'true-false') return ids[0] === 'true' ? 't' : 'f';
	return ids
		.map((id) => question.options.indexOf(id))
		.filter((i) => i >= 0)
		.sort((a, b) => a - b)
		.map((i) => String.fromCharCode(97 + i))
		.join(',');
}

/** Option ids → SCORM 2004 responses: the ids themselves, `[,]`-separated; true/false as words. */
export function responseIds(question: KeyQuestion, ids: string[]): string {
	if (question.type === 'true-false') return ids[0] === 'true' ? 'true' : 'false';
	return question.options.filter((id) => ids.includes(id)).join('[,]');
}

/** Text as a SCORM 2004 localized_string_type of at most 250 characters. */
export function langString250(text: string): string {
	const plain = text.replace(/\s+/g, ' ').trim();
	const short = plain.length > 250 ? `${plain.slice(0, 249)}…` : plain;
	// A leading "{" would be read as a language tag.
	return short.startsWith('{') ? `{lang=en}${short.slice(0, 241)}` : short;
}

/** A time of day → SCORM 1.2 CMITime HH:MM:SS. */
export function time12(t: number): string {
	const d = new Date(t);
	const p = (n: number) => String(n).padStart(2, '0');
	return `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}
