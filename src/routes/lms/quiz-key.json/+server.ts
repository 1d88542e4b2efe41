import { json } from '@sveltejs/kit';
import { course, lessons } from '$lib/content/lessons.server';
import { keyQuestion, type QuizKey } from '$lib/lms/quiz-key';

export const prerender = true;

export function GET() {
	const key: QuizKey = { passMark: course.passMark, quizzes: {} };
	for (const lesson of lessons)
		for (const step of lesson.steps)
			if (step.kind === 'quiz')
				key.quizzes[`${lesson.slug}/${step.id}`] = {
					lesson: lesson.number,
					questions: step.questions.map(keyQuestion)
				};
	return json(key);
}
