import { describe, expect, test } from 'vitest';
import { createActor } from 'xstate';
import { testLesson } from './fixtures';
import { lessonMachine } from './lessonMachine';
import { countWords } from './rules';

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
