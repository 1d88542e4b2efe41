import type { CourseOutline } from '$lib/machines/outline';
import { hasCompletedCourse } from '$lib/machines/completion';
import type { Envelope } from '$lib/progress/envelope';
import type { KeyQuestion, QuizKey } from './quiz-key';

// What the LMS is told, worked out from the progress envelope once for every standard.
//
// The course score is the mean of each lesson's best quiz score, a lesson whose quiz is not yet
// taken counting 0, so it only reaches its final value when every quiz is taken. The course is
// complete when every lesson is; it is passed when complete with a score at or above the mastery
// score (the course pass mark), failed when complete below it.

export interface Standing {
	finished: boolean;
	/** 0–100, or undefined before any quiz is taken. */
	score: number | undefined;
	/** Share of steps done, 0–1. */
	progress: number;
	/** "slug#stepId" of the step the learner was last on. */
	location: string;
}

export function standing(outline: CourseOutline, envelope: Envelope): Standing {
	const quizzes = outline.lessons.flatMap((l) =>
		l.steps.filter((s) => s.kind === 'quiz').map((s) => `${l.slug}/${s.id}`)
	);
	const taken = quizzes.filter((k) => envelope.answers[k]);
	const score = taken.length
		? Math.round(
				quizzes.reduce((sum, k) => sum + (envelope.answers[k]?.best ?? 0), 0) / quizzes.length
			)
		: undefined;
	const steps = outline.lessons.reduce((n, l) => n + l.steps.length, 0);
	const done = outline.lessons.reduce(
		(n, l) =>
			n +
			(envelope.progress[l.slug]?.complete
				? l.steps.length
				: (envelope.progress[l.slug]?.done.filter((id) => l.steps.some((s) => s.id === id))
						.length ?? 0)),
		0
	);
	const latest = Object.entries(envelope.progress).reduce<[string, number, string] | undefined>(
		(best, [slug, r]) => (!best || r.t > best[1] ? [slug, r.t, r.at] : best),
		undefined
	);
	return {
		finished: hasCompletedCourse(outline, envelope.progress),
		score,
		progress: steps ? Math.min(1, done / steps) : 0,
		location: latest ? `${latest[0]}#${latest[2]}`.slice(0, 255) : ''
	};
}

export interface Answered {
	/** Identifier safe in every standard: letters, digits, dot, hyphen. */
	id: string;
	question: KeyQuestion;
	chosen: string[];
	correct: boolean;
	/** When the attempt was submitted, ms since 1970. */
	t: number;
}

/** The questions of quiz attempts newer than `since` (attempt counts by quiz key). */
export function newAnswers(
	envelope: Envelope,
	key: QuizKey,
	since: Record<string, number>
): Answered[] {
	const out: Answered[] = [];
	for (const [quiz, stored] of Object.entries(envelope.answers)) {
		const entry = key.quizzes[quiz];
		if (!entry || stored.attempts <= (since[quiz] ?? 0)) continue;
		for (const question of entry.questions) {
			const chosen = stored.answers[question.id];
			if (!chosen) continue;
			const correct =
				chosen.length === question.correct.length &&
				question.correct.every((id) => chosen.includes(id));
			out.push({
				id: `${quiz.replace('/', '.')}.${question.id}`.replace(/[^A-Za-z0-9.-]/g, '-'),
				question,
				chosen,
				correct,
				t: stored.t
			});
		}
	}
	return out;
}

export const attemptCounts = (envelope: Envelope) =>
	Object.fromEntries(Object.entries(envelope.answers).map(([k, q]) => [k, q.attempts]));
