import type { Locator } from '@playwright/test';
import type { LessonFile } from './course';

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
	const step = lesson.steps.find((s) => s.id === stepId);
	if (step?.kind !== 'quiz') throw new Error(`${lesson.path}: no quiz step "${stepId}"`);
	const shown = await quiz
		.locator('fieldset.question')
		.evaluateAll((sets) => sets.map((set) => set.id));
	for (const fieldsetId of shown) {
		const question = step.questions.find((q) => `${stepId}-${q.id}` === fieldsetId);
		if (!question) throw new Error(`${lesson.path}: the page shows a question "${fieldsetId}"`);
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
