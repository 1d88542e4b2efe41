import { describe, expect, test } from 'vitest';
import { buildCourseIndex, ContentError } from './build-index';

const course = {
	title: 'Course',
	description: 'About the course.',
	audience: ['Clinicians'],
	cpdHours: 2,
	passMark: 75,
	version: '1'
};

function lesson(overrides: Record<string, unknown> = {}) {
	return {
		title: 'A lesson',
		summary: 'What it covers.',
		minutes: 10,
		objectives: ['Learn a thing'],
		steps: [
			{ id: 'intro', kind: 'read', title: 'Intro' },
			{
				id: 'check',
				kind: 'quiz',
				title: 'Quiz',
				questions: [
					{
						id: 'q1',
						type: 'truefalse',
						prompt: 'Is it?',
						answer: true,
						explanation: 'Because.',
						source: 'A source'
					}
				]
			},
			{ id: 'reflect', kind: 'reflect', title: 'Reflect', prompt: 'Think.' }
		],
		...overrides
	};
}

function errorOf(run: () => unknown): string {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(ContentError);
		return (error as Error).message;
	}
	throw new Error('expected a ContentError');
}

describe('buildCourseIndex', () => {
	test('resolves every quiz pass mark once: its own, else the course default', () => {
		const own = lesson();
		(own.steps[1] as Record<string, unknown>).passMark = 90;
		const { lessons } = buildCourseIndex(
			{ '/lessons/01-a/index.md': lesson(), '/lessons/02-b/index.md': own },
			course
		);
		const marks = lessons.map((l) => l.steps.find((s) => s.kind === 'quiz')?.passMark);
		expect(marks).toEqual([75, 90]);
	});

	test('turns a true/false question into the two options every question has', () => {
		const { lessons } = buildCourseIndex({ '/lessons/01-a/index.md': lesson() }, course);
		const quiz = lessons[0].steps[1];
		expect(quiz.kind === 'quiz' && quiz.questions[0]).toEqual({
			id: 'q1',
			type: 'truefalse',
			prompt: 'Is it?',
			explanation: 'Because.',
			source: 'A source',
			options: [
				{ id: 'true', text: 'True', correct: true },
				{ id: 'false', text: 'False', correct: false }
			]
		});
	});

	test('orders lessons by their number prefix and strips it from the slug', () => {
		const { lessons } = buildCourseIndex(
			{
				'/lessons/10-later/index.md': lesson({ title: 'Later' }),
				'/lessons/02-first/index.md': lesson({ title: 'First' }),
				'/lessons/05-middle/index.md': lesson({ title: 'Middle' })
			},
			course
		);
		expect(lessons.map((l) => l.slug)).toEqual(['first', 'middle', 'later']);
		expect(lessons.map((l) => l.number)).toEqual([1, 2, 3]);
		expect(lessons[0].file).toBe('lessons/02-first/index.md');
	});

	test('links each lesson to its neighbours', () => {
		const { lessons } = buildCourseIndex(
			{
				'/lessons/01-a/index.md': lesson({ title: 'A' }),
				'/lessons/02-b/index.md': lesson({ title: 'B' }),
				'/lessons/03-c/index.md': lesson({ title: 'C' })
			},
			course
		);
		expect(lessons[0].prev).toBeNull();
		expect(lessons[0].next?.slug).toBe('b');
		expect(lessons[1].prev?.title).toBe('A');
		expect(lessons[1].next?.title).toBe('C');
		expect(lessons[2].next).toBeNull();
	});

	test('skips drafts and applies defaults', () => {
		const { lessons, course: parsed } = buildCourseIndex(
			{
				'/lessons/01-a/index.md': lesson(),
				'/lessons/xx-draft/index.md': { title: 'broken draft' }
			},
			course
		);
		expect(lessons).toHaveLength(1);
		expect(parsed.openNavigation).toBe(false);
		const reflect = lessons[0].steps.find((s) => s.kind === 'reflect');
		expect(reflect && 'minWords' in reflect && reflect.minWords).toBe(20);
	});

	test('a missing title names the file and the field', () => {
		const message = errorOf(() =>
			buildCourseIndex({ '/lessons/03-no-title/index.md': lesson({ title: undefined }) }, course)
		);
		expect(message).toContain('lessons/03-no-title/index.md: field "title"');
		expect(message).toMatch(/expected string/);
	});

	test.each([0, -5, 'ten'])('minutes of %s is refused as not a positive number', (minutes) => {
		const message = errorOf(() =>
			buildCourseIndex({ '/lessons/01-a/index.md': lesson({ minutes }) }, course)
		);
		expect(message).toContain('lessons/01-a/index.md: field "minutes"');
		expect(message).toContain('expected a positive number');
	});

	test('an unknown step kind names the step and the kinds allowed', () => {
		const steps = [{ id: 'dance', kind: 'dance', title: 'Dance' }];
		const message = errorOf(() =>
			buildCourseIndex({ '/lessons/01-a/index.md': lesson({ steps }) }, course)
		);
		expect(message).toContain('lessons/01-a/index.md: field "steps[0].kind"');
		expect(message).toContain('read, watch, explore, quiz, reflect');
	});

	test('two lessons with the same slug are refused, naming both files', () => {
		const message = errorOf(() =>
			buildCourseIndex(
				{ '/lessons/01-same/index.md': lesson(), '/lessons/02-same/index.md': lesson() },
				course
			)
		);
		expect(message).toContain('lessons/02-same/index.md: field "slug"');
		expect(message).toContain('lessons/01-same/index.md');
	});

	test('a folder without a number prefix is refused', () => {
		const message = errorOf(() =>
			buildCourseIndex({ '/lessons/intro/index.md': lesson() }, course)
		);
		expect(message).toContain('lessons/intro/index.md: folder "intro"');
	});

	test('duplicate step ids and quiz questions without a correct answer are refused', () => {
		const steps = [
			{ id: 'a', kind: 'read', title: 'A' },
			{ id: 'a', kind: 'read', title: 'Again' },
			{
				id: 'quiz',
				kind: 'quiz',
				title: 'Q',
				questions: [
					{
						id: 'q',
						type: 'single',
						prompt: 'Pick',
						options: [
							{ id: 'x', text: 'X' },
							{ id: 'y', text: 'Y' }
						],
						explanation: 'E',
						source: 'S'
					}
				]
			}
		];
		const message = errorOf(() =>
			buildCourseIndex({ '/lessons/01-a/index.md': lesson({ steps }) }, course)
		);
		expect(message).toContain('field "steps[1].id"');
		expect(message).toContain(
			'field "steps[2].questions[0].options": expected exactly one correct'
		);
	});

	test('a quiz explanation without a source is refused', () => {
		const steps = [
			{
				id: 'quiz',
				kind: 'quiz',
				title: 'Q',
				questions: [
					{ id: 'q', type: 'truefalse', prompt: 'P', answer: true, explanation: 'E', source: '' }
				]
			}
		];
		const message = errorOf(() =>
			buildCourseIndex({ '/lessons/01-a/index.md': lesson({ steps }) }, course)
		);
		expect(message).toContain('field "steps[0].questions[0].source": expected non-empty text');
	});

	test('lesson files without frontmatter and a bad course file are both reported', () => {
		const message = errorOf(() =>
			buildCourseIndex({ '/lessons/01-a/index.md': undefined }, { ...course, passMark: 140 })
		);
		expect(message).toContain('lessons/course.json: field "passMark"');
		expect(message).toContain('lessons/01-a/index.md: field "title"');
	});
});
