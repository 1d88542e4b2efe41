import type { Question } from '$lib/content/types';
import type { CourseOutline, LessonOutline } from './outline';

// Small made-up content for machine and persistence tests: the rules, not the real lessons.

export function testLesson(slug: string, number = 1): LessonOutline {
	return {
		slug,
		title: `Lesson ${slug}`,
		number,
		minutes: 10,
		steps: [
			{ id: 'read', kind: 'read', title: 'Read' },
			{ id: 'watch', kind: 'watch', title: 'Watch' },
			{ id: 'check', kind: 'quiz', title: 'Check', passMark: 75, questions: ['q1', 'q2'] },
			{ id: 'reflect', kind: 'reflect', title: 'Reflect', minWords: 3 }
		]
	};
}

export function testOutline(slugs = ['one', 'two'], openNavigation = false): CourseOutline {
	return {
		version: 'v1',
		openNavigation,
		lessons: slugs.map((slug, i) => testLesson(slug, i + 1))
	};
}

export const testQuestions: Question[] = [
	{
		id: 'q1',
		type: 'truefalse',
		assesses: ['know'],
		prompt: 'True?',
		options: [
			{ id: 'true', text: 'True', correct: true },
			{ id: 'false', text: 'False', correct: false, feedback: 'It is true.' }
		],
		explanation: 'Yes.',
		source: 'A source'
	},
	{
		id: 'q2',
		type: 'single',
		assesses: ['know'],
		prompt: 'Which?',
		options: [
			{ id: 'a', text: 'A', correct: true },
			{ id: 'b', text: 'B', correct: false }
		],
		explanation: 'A.',
		source: 'A source'
	}
];

export const rightAnswers = { q1: ['true'], q2: ['a'] };
export const halfRightAnswers = { q1: ['true'], q2: ['b'] };
export const wrongAnswers = { q1: ['false'], q2: ['b'] };
