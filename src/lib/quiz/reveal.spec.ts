import { expect, test } from 'vitest';
import { revealsAnswers } from './reveal';

test('correct answers stay hidden after one or two failed attempts', () => {
	expect(revealsAnswers({ everPassed: false, attempts: 1 })).toBe(false);
	expect(revealsAnswers({ everPassed: false, attempts: 2 })).toBe(false);
});

test('correct answers show once passed, or after the third attempt', () => {
	expect(revealsAnswers({ everPassed: true, attempts: 1 })).toBe(true);
	expect(revealsAnswers({ everPassed: false, attempts: 3 })).toBe(true);
	expect(revealsAnswers({ everPassed: false, attempts: 7 })).toBe(true);
});
