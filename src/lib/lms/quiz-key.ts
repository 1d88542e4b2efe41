import type { Question } from '$lib/content/types';
import { correctOptionIds } from '$lib/machines/assessment';

// What an LMS needs about each quiz question to record an interaction: built from the content at
// build time and served as /lms/quiz-key.json, fetched only by the packaged course's LMS adapter.

export interface KeyQuestion {
	id: string;
	type: 'choice' | 'true-false';
	prompt: string;
	/** Option ids in the order written; a response is recorded by position (a, b, c…). */
	options: string[];
	correct: string[];
}

export interface QuizKey {
	/** The course pass mark (course.json): the mastery score when the LMS sets none. */
	passMark: number;
	/** Keyed "slug/stepId". */
	quizzes: Record<string, { lesson: number; questions: KeyQuestion[] }>;
}

export function keyQuestion(q: Question): KeyQuestion {
	return {
		id: q.id,
		type: q.type === 'truefalse' ? 'true-false' : 'choice',
		prompt: q.prompt,
		options: q.options.map((o) => o.id),
		correct: correctOptionIds(q)
	};
}
