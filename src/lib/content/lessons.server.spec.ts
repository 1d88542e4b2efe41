import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { course, getLesson, lessons, totalMinutes } from './lessons.server';

describe('the course on disk', () => {
	test('loads, in order, with unique slugs and a total time', () => {
		expect(course.title).toBeTruthy();
		expect(lessons.length).toBeGreaterThanOrEqual(2);
		expect(new Set(lessons.map((l) => l.slug)).size).toBe(lessons.length);
		expect(lessons.map((l) => l.number)).toEqual(lessons.map((_, i) => i + 1));
		expect(totalMinutes).toBe(lessons.reduce((s, l) => s + l.minutes, 0));
		expect(getLesson(lessons[0].slug)).toBe(lessons[0]);
		expect(getLesson('no-such-lesson')).toBeUndefined();
	});

	test.each(lessons.map((l) => [l.file, l] as const))(
		'%s wraps each declared step, and only those, in a <Step>',
		(file, lesson) => {
			const source = readFileSync(file, 'utf8').replace(/^---[\s\S]*?\n---\n/, '');
			const used = [...source.matchAll(/<Step\s+id="([^"]+)"/g)].map((m) => m[1]);
			expect(used).toEqual(lesson.steps.map((s) => s.id));
		}
	);
});
