import { expect, test } from 'vitest';
import type { Question } from '$lib/content/types';
import { isQuestionCorrect, scoreQuiz } from './score';

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
	answer: false,
	feedback: 'F'
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
