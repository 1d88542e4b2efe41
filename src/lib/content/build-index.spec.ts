import { describe, expect, test } from 'vitest';
import { buildCourseIndex, ContentError } from './build-index';

const course = {
	title: 'Course',
	description: 'About the course.',
	audience: ['Clinicians'],
	passMark: 75,
	version: '1'
};

function lesson(overrides: Record<string, unknown> = {}) {
	return {
		title: 'A lesson',
		summary: 'What it covers.',
		objectives: [
			{ id: 'know', text: 'Know a thing.' },
			{ id: 'apply', text: 'Apply it to your own practice.' }
		],
		effort: { watch: 0, explore: 0, quiz: 4, reflect: 5, readings: 0 },
		steps: [
			{ id: 'intro', kind: 'read', title: 'Intro' },
			{
				id: 'check',
				kind: 'quiz',
				title: 'Quiz',
				questions: [
					{
						id: 'q1',
						assesses: ['know'],
						type: 'truefalse',
						prompt: 'Is it?',
						answer: true,
						feedback: 'Why false is wrong.',
						explanation: 'Because.',
						source: 'A source'
					}
				]
			},
			{
				id: 'reflect',
				kind: 'reflect',
				title: 'Reflect',
				prompt: 'Think.',
				assesses: ['apply']
			}
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
			assesses: ['know'],
			type: 'truefalse',
			prompt: 'Is it?',
			explanation: 'Because.',
			source: 'A source',
			options: [
				{ id: 'true', text: 'True', correct: true },
				{ id: 'false', text: 'False', correct: false, feedback: 'Why false is wrong.' }
			]
		});
	});

	test('refuses a glossary term that starts a line, naming the file and line', () => {
		const source = '---\n---\n\nThe words before\n<Term id="x">a term</Term> and after.\n';
		expect(() =>
			buildCourseIndex({ '/lessons/01-a/index.md': lesson() }, course, {
				'/lessons/01-a/index.md': source
			})
		).toThrow(/lessons\/01-a\/index\.md:5: a <Term> that starts a line breaks its paragraph/);
		const joined = source.replace('before\n<Term', 'before <Term');
		expect(() =>
			buildCourseIndex({ '/lessons/01-a/index.md': lesson() }, course, {
				'/lessons/01-a/index.md': joined
			})
		).not.toThrow();
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

	test.each([20, 0])(
		'minutes of %s in a lesson file are refused: the build computes them',
		(minutes) => {
			const message = errorOf(() =>
				buildCourseIndex({ '/lessons/01-a/index.md': lesson({ minutes }) }, course)
			);
			expect(message).toContain('lessons/01-a/index.md: field "minutes"');
			expect(message).toContain('the build computes them');
		}
	);

	test("minutes are the body's words at 200 a minute plus the effort block; CPD hours their sum", () => {
		const words = (n: number) =>
			`---\ntitle: x\n---\n<Step id="intro">\n\n${'word '.repeat(n)}\n\n</Step>`;
		const { lessons, course: parsed } = buildCourseIndex(
			{
				'/lessons/01-a/index.md': lesson(),
				'/lessons/02-b/index.md': lesson({
					effort: { watch: 6, explore: 10, quiz: 4, reflect: 5, readings: 12 }
				})
			},
			course,
			{ '/lessons/01-a/index.md': words(1200), '/lessons/02-b/index.md': words(300) }
		);
		expect(lessons.map((l) => l.minutes)).toEqual([6 + 9, 2 + 37]); // 1.5 + 37 = 38.5 rounds to 39
		expect(lessons[1].prev?.minutes).toBe(15);
		expect(parsed.cpdHours).toBe(1); // 54 minutes, to the nearest quarter hour
	});

	test('a hand-typed cpdHours in the course file is refused', () => {
		const message = errorOf(() =>
			buildCourseIndex({ '/lessons/01-a/index.md': lesson() }, { ...course, cpdHours: 2.5 })
		);
		expect(message).toContain('lessons/course.json: field "cpdHours"');
	});

	test('an effort block is required, with the minutes of the quiz and the reflections', () => {
		expect(
			errorOf(() =>
				buildCourseIndex({ '/lessons/01-a/index.md': lesson({ effort: undefined }) }, course)
			)
		).toContain('lessons/01-a/index.md: field "effort": expected an effort block');
		const message = errorOf(() =>
			buildCourseIndex({ '/lessons/01-a/index.md': lesson({ effort: { watch: 3 } }) }, course)
		);
		expect(message).toContain('field "effort.quiz": expected the minutes one attempt');
		expect(message).toContain('field "effort.reflect": expected the minutes writing');
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
						assesses: ['know', 'apply'],
						type: 'single',
						prompt: 'Pick',
						options: [
							{ id: 'x', text: 'X', feedback: 'F' },
							{ id: 'y', text: 'Y', feedback: 'F' },
							{ id: 'z', text: 'Z', feedback: 'F' }
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
					{
						id: 'q',
						assesses: ['know', 'apply'],
						type: 'truefalse',
						prompt: 'P',
						answer: true,
						feedback: 'F',
						explanation: 'E',
						source: ''
					}
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

/** A quiz step whose pool is `questions`, each filled out to a valid item. */
function quiz(questions: Array<Record<string, unknown>>, extra: Record<string, unknown> = {}) {
	return {
		id: 'check',
		kind: 'quiz',
		title: 'Quiz',
		...extra,
		questions: questions.map((q, i) => ({
			id: `q${i + 1}`,
			type: 'single',
			prompt: `Question ${i + 1}`,
			options: [
				{ id: 'a', text: 'Right', correct: true },
				{ id: 'b', text: 'Wrong', feedback: 'Why b is wrong.' },
				{ id: 'c', text: 'Also wrong', feedback: 'Why c is wrong.' }
			],
			explanation: 'E',
			source: 'S',
			...q
		}))
	};
}

describe('assessment: the build proves every objective is assessed', () => {
	const reflect = { id: 'reflect', kind: 'reflect', title: 'R', prompt: 'P' };

	test('an objective assessed by nothing stops the build, naming the file and the objective', () => {
		const steps = [quiz([{ assesses: ['know'] }]), reflect];
		const message = errorOf(() =>
			buildCourseIndex({ '/lessons/04-burden/index.md': lesson({ steps }) }, course)
		);
		expect(message).toContain('lessons/04-burden/index.md: field "objectives[1]"');
		expect(message).toContain('objective "apply" is assessed by nothing');
	});

	test('a question that assesses an unknown objective stops the build, naming the question', () => {
		const steps = [
			quiz([{ assesses: ['know'] }, { assesses: ['knwo'] }]),
			{ ...reflect, assesses: ['apply'] }
		];
		const message = errorOf(() =>
			buildCourseIndex({ '/lessons/01-a/index.md': lesson({ steps }) }, course)
		);
		expect(message).toContain('lessons/01-a/index.md: field "steps[0].questions[1].assesses[0]"');
		expect(message).toContain(
			'"knwo" is not an objective of this lesson (its objectives are: know, apply)'
		);
	});

	test('a step that assesses an unknown objective stops the build too', () => {
		const steps = [quiz([{ assesses: ['know', 'apply'] }]), { ...reflect, assesses: ['practice'] }];
		const message = errorOf(() =>
			buildCourseIndex({ '/lessons/01-a/index.md': lesson({ steps }) }, course)
		);
		expect(message).toContain('field "steps[1].assesses[0]": "practice" is not an objective');
	});

	test('a step may be the assessment of an objective no question tests', () => {
		const steps = [quiz([{ assesses: ['know'] }]), { ...reflect, assesses: ['apply'] }];
		const { lessons } = buildCourseIndex({ '/lessons/01-a/index.md': lesson({ steps }) }, course);
		expect(lessons[0].objectives.map((o) => o.id)).toEqual(['know', 'apply']);
	});

	test('every question must say what it assesses', () => {
		const steps = [
			quiz([{ assesses: undefined }, { assesses: [] }]),
			{ ...reflect, assesses: ['know', 'apply'] }
		];
		const message = errorOf(() =>
			buildCourseIndex({ '/lessons/01-a/index.md': lesson({ steps }) }, course)
		);
		expect(message).toContain('field "steps[0].questions[0].assesses"');
		expect(message).toContain(
			'field "steps[0].questions[1].assesses": expected at least one objective id'
		);
	});

	test('objective ids are unique, and an objective written as plain text is refused', () => {
		const twice = [
			{ id: 'know', text: 'A' },
			{ id: 'know', text: 'B' },
			{ id: 'apply', text: 'C' }
		];
		expect(
			errorOf(() =>
				buildCourseIndex({ '/lessons/01-a/index.md': lesson({ objectives: twice }) }, course)
			)
		).toContain('field "objectives[1].id": expected a unique objective id, "know" is used twice');
		const plain = ['Know a thing.', { id: 'apply', text: 'C' }];
		expect(
			errorOf(() =>
				buildCourseIndex({ '/lessons/01-a/index.md': lesson({ objectives: plain }) }, course)
			)
		).toContain('field "objectives[0]": expected an objective with an id and a text');
	});

	test('a draw that cannot cover every objective the pool assesses is refused', () => {
		const pool = [{ assesses: ['know'] }, { assesses: ['know'] }, { assesses: ['apply'] }];
		const message = errorOf(() =>
			buildCourseIndex(
				{ '/lessons/01-a/index.md': lesson({ steps: [quiz(pool, { draw: 1 }), reflect] }) },
				course
			)
		);
		expect(message).toContain('field "steps[0].draw": expected a draw of 1 to be able to cover');
		const tooMany = errorOf(() =>
			buildCourseIndex(
				{ '/lessons/01-a/index.md': lesson({ steps: [quiz(pool, { draw: 4 }), reflect] }) },
				course
			)
		);
		expect(tooMany).toContain('field "steps[0].draw": expected at most the pool size (3)');
		const { lessons } = buildCourseIndex(
			{ '/lessons/01-a/index.md': lesson({ steps: [quiz(pool, { draw: 2 }), reflect] }) },
			course
		);
		expect(lessons[0].steps[0]).toMatchObject({ draw: 2 });
	});
});

describe('items: feedback on every wrong answer, no two-option items but true/false', () => {
	const reflect = { id: 'reflect', kind: 'reflect', title: 'R', prompt: 'P', assesses: ['apply'] };
	const build = (q: Record<string, unknown>) =>
		errorOf(() =>
			buildCourseIndex(
				{
					'/lessons/01-a/index.md': lesson({
						steps: [quiz([{ assesses: ['know'], ...q }]), reflect]
					})
				},
				course
			)
		);

	test('a wrong option without feedback is refused, naming the option', () => {
		const message = build({
			options: [
				{ id: 'a', text: 'Right', correct: true },
				{ id: 'b', text: 'Wrong', feedback: 'Why.' },
				{ id: 'c', text: 'Wrong too' }
			]
		});
		expect(message).toContain(
			'field "steps[0].questions[0].options[2].feedback": expected feedback on a wrong option'
		);
	});

	test('a true/false item without feedback is refused', () => {
		const message = build({ type: 'truefalse', answer: false, options: undefined });
		expect(message).toContain('field "steps[0].questions[0].feedback"');
	});

	test('a two-option choice is refused; true/false is the only two-way item', () => {
		const message = build({
			type: 'multiple',
			options: [
				{ id: 'a', text: 'Right', correct: true },
				{ id: 'b', text: 'Wrong', feedback: 'Why.' }
			]
		});
		expect(message).toContain(
			'field "steps[0].questions[0].options": expected at least 3 options (only true/false has two)'
		);
	});

	test('a scenario is kept with its item', () => {
		const { lessons } = buildCourseIndex(
			{
				'/lessons/01-a/index.md': lesson({
					steps: [quiz([{ assesses: ['know'], scenario: 'On a ward round, Jo says…' }]), reflect]
				})
			},
			course
		);
		const step = lessons[0].steps[0];
		expect(step.kind === 'quiz' && step.questions[0].scenario).toBe('On a ward round, Jo says…');
	});
});
