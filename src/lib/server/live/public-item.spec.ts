import { describe, expect, it } from 'vitest';
import { publicItem } from './service';

const question = {
	key: 'check.exercise-sheet',
	kind: 'question' as const,
	title: 'Check your understanding',
	scenario: 'After knee replacement, every patient receives the same printed exercise sheet.',
	prompt: 'What makes this part of the service more like a product?',
	options: [
		{ id: 'a', text: 'A' },
		{ id: 'b', text: 'B' }
	],
	multiple: false,
	correct: ['a'],
	explanation: 'Because.',
	source: 'A source'
};

describe('what phones get of a question before the reveal', () => {
	it('the clinical scenario the prompt asks about, and no answer', () => {
		expect(publicItem(question)).toEqual({
			key: question.key,
			kind: 'question',
			title: question.title,
			scenario: question.scenario,
			prompt: question.prompt,
			options: question.options,
			multiple: false
		});
	});
});
