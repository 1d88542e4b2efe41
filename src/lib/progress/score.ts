import type { Question } from '$lib/content/types';
import type { QuizAnswers } from './port';

/** The option ids that make a question right; true/false questions use 'true' and 'false'. */
export function correctOptionIds(question: Question): string[] {
	if (question.type === 'truefalse') return [String(question.answer)];
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
