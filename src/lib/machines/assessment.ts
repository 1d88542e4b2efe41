import type { Question } from '$lib/content/types';
import type { LessonOutline, StepOutline } from './outline';
import {
	itemKey,
	type QuizAnswers,
	type QuizRecord,
	type ReflectionRecord,
	type SavedProgress
} from './rules';

// What an activity counts for: a quiz attempt's score against the pass mark, a reflection's words.
// The machines use these as guards and the quiz and reflection blocks show them; none is needed to
// show where a learner stands (rules.ts), so they load with the blocks and machines, not the page.

/** The option ids that make a question right (true/false questions have options too). */
export function correctOptionIds(question: Question): string[] {
	return question.options.filter((o) => o.correct).map((o) => o.id);
}

/** A question is right only when exactly the correct options are chosen. */
export function isQuestionCorrect(question: Question, chosen: string[] = []): boolean {
	const correct = correctOptionIds(question);
	return correct.length === chosen.length && correct.every((id) => chosen.includes(id));
}

/** Percentage of questions answered right, rounded to a whole number. */
export function scoreQuiz(questions: Question[], answers: QuizAnswers): number {
	if (questions.length === 0) return 0;
	const right = questions.filter((q) => isQuestionCorrect(q, answers[q.id])).length;
	return Math.round((right / questions.length) * 100);
}

export function newQuizRecord(): QuizRecord {
	return {
		answers: {},
		score: 0,
		best: 0,
		attempts: 0,
		passed: false,
		everPassed: false,
		phase: 'answering',
		t: 0
	};
}

/** A submission counts as an attempt only when at least one question is answered. */
export function hasAnswers(answers: QuizAnswers): boolean {
	return Object.values(answers).some((chosen) => chosen.length > 0);
}

/** One attempt scored against the pass mark. The best score and "ever passed" only go up. */
export function scoreAttempt(
	record: QuizRecord,
	quiz: { questions: Question[]; passMark: number },
	answers: QuizAnswers,
	at: number
): QuizRecord {
	const score = scoreQuiz(quiz.questions, answers);
	const passed = score >= quiz.passMark;
	return {
		answers,
		score,
		best: Math.max(record.best, score),
		attempts: record.attempts + 1,
		passed,
		everPassed: record.everPassed || passed,
		phase: 'feedback',
		t: at
	};
}

/** Two copies of one quiz (two tabs, a file): the newest attempt, with the best of both kept. */
export function mergeQuizRecord(a: QuizRecord | undefined, b: QuizRecord): QuizRecord {
	if (!a) return b;
	const newer = b.t > a.t ? b : a;
	return {
		...newer,
		best: Math.max(a.best, b.best),
		everPassed: a.everPassed || b.everPassed,
		attempts: Math.max(a.attempts, b.attempts)
	};
}

/**
 * Words as a person counts them: runs of letters or digits, apostrophes and hyphens inside, so
 * "e.g." is two words, "A&E" two and a line of dashes none. The reflection box shows this count
 * and the lesson machine's guard uses it, so the two cannot disagree.
 */
export function countWords(text: string): number {
	return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/** The lesson's reflect steps whose reflection is saved with enough words to count. */
export function savedReflections(
	lesson: LessonOutline,
	reflections: Record<string, ReflectionRecord>
): StepOutline[] {
	return lesson.steps.filter(
		(step) =>
			step.kind === 'reflect' &&
			countWords(reflections[itemKey(lesson.slug, step.id)]?.text ?? '') >= step.minWords
	);
}

/** Attempts per quiz step of a lesson, in step order (0 for a quiz not tried). */
export function quizAttempts(
	lesson: LessonOutline,
	answers: SavedProgress['answers']
): { stepId: string; title: string; attempts: number; best: number | null }[] {
	return lesson.steps
		.filter((step) => step.kind === 'quiz')
		.map((step) => {
			const record = answers[itemKey(lesson.slug, step.id)];
			return {
				stepId: step.id,
				title: step.title,
				attempts: record?.attempts ?? 0,
				best: record?.attempts ? record.best : null
			};
		});
}
