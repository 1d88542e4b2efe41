import { expect, test } from 'vitest';
import { formatMinutes } from './format';

test('formats minutes for learners', () => {
	expect(formatMinutes(1)).toBe('1 minute');
	expect(formatMinutes(45)).toBe('45 minutes');
	expect(formatMinutes(60)).toBe('1 hour');
	expect(formatMinutes(125)).toBe('2 hours 5 minutes');
});
