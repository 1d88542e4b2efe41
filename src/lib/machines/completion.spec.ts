import { expect, test } from 'vitest';
import { completionTime, hasCompletedCourse } from './completion';
import { testOutline } from './fixtures';
import { completedLessons } from './rules';

const three = testOutline(['one', 'two', 'three']);
const done = { done: ['read', 'watch', 'check', 'reflect'], at: 'reflect', complete: true, t: 10 };
const progress = {
	lessons: {
		one: done,
		two: { done: ['read', 'gone'], at: 'watch', complete: false, t: 20 }
	}
};

test('course completion and its time: only when every lesson is complete', () => {
	expect(completedLessons(three, progress.lessons)).toBe(1);
	expect(hasCompletedCourse(three, progress.lessons)).toBe(false);
	expect(completionTime(three, progress.lessons)).toBeUndefined();
	const all = {
		...progress.lessons,
		two: { ...done, t: 40 },
		three: { ...done, t: 30 }
	};
	expect(hasCompletedCourse(three, all)).toBe(true);
	expect(completionTime(three, all)).toBe(40);
});
