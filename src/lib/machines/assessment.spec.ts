import { describe, expect, test } from 'vitest';
import type { Question } from '$lib/content/types';
import { createActor } from 'xstate';
import {
	countWords,
	isQuestionCorrect,
	newQuizRecord,
	quizAttempts,
	savedReflections,
	scoreQuiz
} from './assessment';
import { testLesson } from './fixtures';
import { lessonMachine } from './lessonMachine';

// The words a reflection has, counted the way a reader counts them. The text box shows this count
// and the lesson machine's guard uses it, so "enough to count" on screen always marks the step done.
const samples: Array<[string, number]> = [
	['e.g. patients', 3],
	['A&E, GP', 3],
	['— — — —', 0],
	['---- ----', 0],
	["patient's well-being, 2 times — really", 5],
	['HbA1c\nlives in my body', 5],
	['  ', 0]
];

describe('countWords', () => {
	test.each(samples)('%j has %i words', (text, words) => {
		expect(countWords(text)).toBe(words);
	});

	// minWords is 3 in the test lesson: the machine must agree with the box on every sample.
	test.each(samples)('the lesson machine counts %j as the box does', (text, words) => {
		const lesson = testLesson('one');
		const actor = createActor(lessonMachine, {
			input: { lesson, done: ['read', 'watch', 'check'], at: 'reflect' }
		}).start();
		actor.send({ type: 'reflection.save', stepId: 'reflect', text });
		expect(actor.getSnapshot().context.done.includes('reflect')).toBe(words >= 3);
	});
});

const single: Question = {
	id: 's',
	type: 'single',
	assesses: ['know'],
	prompt: 'P',
	explanation: 'E',
	source: 'S',
	options: [
		{ id: 'a', text: 'A', correct: true },
		{ id: 'b', text: 'B', correct: false }
	]
};
const multiple: Question = {
	id: 'm',
	type: 'multiple',
	assesses: ['know'],
	prompt: 'P',
	explanation: 'E',
	source: 'S',
	options: [
		{ id: 'a', text: 'A', correct: true },
		{ id: 'b', text: 'B', correct: true },
		{ id: 'c', text: 'C', correct: false }
	]
};
const trueFalse: Question = {
	id: 't',
	type: 'truefalse',
	assesses: ['know'],
	prompt: 'P',
	explanation: 'E',
	source: 'S',
	options: [
		{ id: 'true', text: 'True', correct: false },
		{ id: 'false', text: 'False', correct: true }
	]
};

test('a multiple-choice question needs exactly the correct options', () => {
	expect(isQuestionCorrect(multiple, ['a', 'b'])).toBe(true);
	expect(isQuestionCorrect(multiple, ['b', 'a'])).toBe(true);
	expect(isQuestionCorrect(multiple, ['a'])).toBe(false);
	expect(isQuestionCorrect(multiple, ['a', 'b', 'c'])).toBe(false);
});

test('scores a quiz as a rounded percentage, unanswered counting as wrong', () => {
	expect(scoreQuiz([single, multiple, trueFalse], { s: ['a'], m: ['a', 'b'], t: ['false'] })).toBe(
		100
	);
	expect(scoreQuiz([single, multiple, trueFalse], { s: ['a'], t: ['true'] })).toBe(33);
	expect(scoreQuiz([], {})).toBe(0);
});

describe('the lesson-complete panel', () => {
	test('saved reflections count only with enough words; attempts are per quiz', () => {
		const lesson = testLesson('one');
		expect(savedReflections(lesson, { 'one/reflect': { text: 'two words', t: 1 } })).toEqual([]);
		expect(
			savedReflections(lesson, { 'one/reflect': { text: 'three whole words', t: 1 } }).map(
				(s) => s.id
			)
		).toEqual(['reflect']);
		const record = { ...newQuizRecord(), attempts: 3, best: 80 };
		expect(quizAttempts(lesson, { 'one/check': record })).toEqual([
			{ stepId: 'check', title: 'Check', attempts: 3, best: 80 }
		]);
		expect(quizAttempts(lesson, {})[0]).toMatchObject({ attempts: 0, best: null });
	});
});
