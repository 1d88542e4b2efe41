import type { Effort } from './schema';

// Honest time: what a learner must do, written down once per lesson (its `effort` block), plus the
// time it takes to read the lesson's own words. The course's CPD hours are the sum.

/** Reading speed the estimate assumes, in words a minute. */
export const wordsPerMinute = 200;

/**
 * The words a learner reads in a lesson body: the Markdown after the frontmatter, without code,
 * tags (a component's attributes are not read), link targets or Markdown punctuation.
 */
export function bodyWords(source: string): number {
	const prose = source
		.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '')
		.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
		.replace(/<!--[\s\S]*?-->/g, ' ')
		.replace(/```[\s\S]*?```/g, ' ')
		.replace(/<[^>]*>/g, ' ')
		.replace(/\]\([^)]*\)/g, ' ');
	return prose.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** Reading time plus every required activity, rounded to whole minutes (at least one). */
export function lessonMinutes(words: number, effort: Effort): number {
	const activities = effort.watch + effort.explore + effort.quiz + effort.reflect + effort.readings;
	return Math.max(1, Math.round(words / wordsPerMinute + activities));
}

/** The course's CPD hours: its lessons' minutes in hours, to the nearest quarter hour (at least one). */
export function cpdHoursFor(minutes: number[]): number {
	const total = minutes.reduce((sum, m) => sum + m, 0);
	return Math.max(0.25, Math.round((total / 60) * 4) / 4);
}
