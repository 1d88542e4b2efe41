import type { Locator } from '@playwright/test';
import type { LessonFile, QuestionMeta } from './course';

/**
 * The questions a quiz shows in this attempt (a draw from the lesson file's pool), in page order:
 * each is found by its fieldset id, `<stepId>-<questionId>`.
 */
export async function shownQuestions(
	quiz: Locator,
	lesson: LessonFile,
	stepId: string
): Promise<QuestionMeta[]> {
	const step = lesson.steps.find((s) => s.id === stepId);
	if (step?.kind !== 'quiz') throw new Error(`${lesson.path}: no quiz step "${stepId}"`);
	await quiz.locator('fieldset.question').first().waitFor({ state: 'attached' });
	const shown = await quiz
		.locator('fieldset.question')
		.evaluateAll((sets) => sets.map((set) => set.id));
	return shown.map((fieldsetId) => {
		const question = step.questions.find((q) => `${stepId}-${q.id}` === fieldsetId);
		if (!question) throw new Error(`${lesson.path}: the page shows a question "${fieldsetId}"`);
		return question;
	});
}

/**
 * Answers the questions a quiz shows, rightly or wrongly, from the lesson file: whichever questions
 * the page shows (and in whatever order), each is found by its fieldset id, `<stepId>-<questionId>`.
 */
export async function answerQuizFromFile(
	quiz: Locator,
	lesson: LessonFile,
	stepId: string,
	right: boolean
) {
	for (const question of await shownQuestions(quiz, lesson, stepId)) {
		const fieldsetId = `${stepId}-${question.id}`;
		const options =
			question.type === 'truefalse'
				? [
						{ id: 'true', correct: question.answer },
						{ id: 'false', correct: !question.answer }
					]
				: question.options;
		const correct = options.filter((o) => o.correct).map((o) => o.id);
		const wrong = options.filter((o) => !o.correct).map((o) => o.id);
		for (const id of right ? correct : wrong.slice(0, 1))
			await quiz.locator(`fieldset[id="${fieldsetId}"] input[value="${id}"]`).check();
	}
	await quiz.getByRole('button', { name: 'Submit answers' }).click();
}
