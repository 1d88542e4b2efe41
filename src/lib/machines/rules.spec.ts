import { describe, expect, test } from 'vitest';
import type { Question } from '$lib/content/types';
import { createActor } from 'xstate';
import { testLesson, testOutline } from './fixtures';
import { lessonMachine } from './lessonMachine';
import {
	completedLessons,
	lessonView,
	readStepsUpTo,
	resumeAt,
	stepStatus,
	type LessonRecords,
	type QuizRecord
} from './rules';
import {
	countWords,
	isQuestionCorrect,
	newQuizRecord,
	quizAttempts,
	savedReflections,
	scoreQuiz
} from './assessment';
import { completionTime, hasCompletedCourse } from './completion';

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

describe('lessonView: where the learner stands', () => {
	const outline = testOutline(['one', 'two']);
	const statuses = (lessons: LessonRecords, slug: string) => {
		const view = lessonView(outline, { lessons, answers: {} }, slug)!;
		return view.lesson.steps.map((s) => stepStatus(view, s.id));
	};

	test('a new learner: the first step is current, the rest locked; the next lesson is locked', () => {
		expect(statuses({}, 'one')).toEqual(['current', 'locked', 'locked', 'locked']);
		expect(statuses({}, 'two')).toEqual(['locked', 'locked', 'locked', 'locked']);
		expect(lessonView(outline, { lessons: {}, answers: {} }, 'two')?.blockedBy?.slug).toBe('one');
	});

	test('part way: done steps, the current one, locked after it', () => {
		const lessons = { one: { done: ['read'], at: 'watch', complete: false, t: 1 } };
		expect(statuses(lessons, 'one')).toEqual(['done', 'current', 'locked', 'locked']);
		const view = lessonView(outline, { lessons, answers: {} }, 'one')!;
		expect([view.next?.id, view.nextNumber, view.state]).toEqual(['watch', 2, 'inProgress']);
	});

	test('a completed lesson: every step open, and the next lesson unlocked', () => {
		const lessons = { one: { done: ['check', 'reflect'], at: 'reflect', complete: true, t: 1 } };
		expect(statuses(lessons, 'one')).toEqual(['open', 'open', 'done', 'done']);
		expect(statuses(lessons, 'two')[0]).toBe('current');
	});

	test('open navigation: every lesson open from the start', () => {
		const open = testOutline(['one', 'two'], true);
		expect(lessonView(open, { lessons: {}, answers: {} }, 'two')?.unlocked).toBe(true);
	});

	const three = testOutline(['one', 'two', 'three']);
	three.lessons.forEach((lesson, i) => (lesson.minutes = [20, 12, 10][i]));
	const quiz = (best: number): QuizRecord => ({
		...newQuizRecord(),
		score: best,
		best,
		attempts: 1,
		passed: best >= 75,
		everPassed: best >= 75,
		phase: 'feedback',
		t: 1
	});
	const progress = {
		lessons: {
			one: { done: ['read', 'watch', 'check', 'reflect'], at: 'reflect', complete: true, t: 10 },
			two: { done: ['read', 'gone'], at: 'watch', complete: false, t: 20 }
		},
		answers: { 'one/check': quiz(100), 'two/check': quiz(50) }
	};
	const views = three.lessons.map((l) => lessonView(three, progress, l.slug)!);

	test('gives each lesson its state, best score, next step and minutes', () => {
		expect(views.map((v) => [v.lesson.slug, v.state, v.best])).toEqual([
			['one', 'complete', 100],
			['two', 'inProgress', 50],
			['three', 'notStarted', null]
		]);
		expect(views.map((v) => v.next?.id)).toEqual([undefined, 'watch', 'read']);
		// Steps no longer in the lesson do not count towards the time done.
		expect(views.map((v) => v.minutesDone)).toEqual([20, 3, 0]);
	});

	test('course completion and its time: only when every lesson is complete', () => {
		expect(completedLessons(three, progress.lessons)).toBe(1);
		expect(hasCompletedCourse(three, progress.lessons)).toBe(false);
		expect(completionTime(three, progress.lessons)).toBeUndefined();
		const all = {
			...progress.lessons,
			two: { ...progress.lessons.one, t: 40 },
			three: { ...progress.lessons.one, t: 30 }
		};
		expect(hasCompletedCourse(three, all)).toBe(true);
		expect(completionTime(three, all)).toBe(40);
	});

	test('resumes at the latest lesson, or at the next one once that is complete', () => {
		expect(resumeAt(three, {})).toBeUndefined();
		expect(resumeAt(three, progress.lessons)).toEqual({ slug: 'two', stepId: 'watch' });
		const finishedOne = { one: progress.lessons.one };
		expect(resumeAt(three, finishedOne)).toEqual({ slug: 'two', stepId: 'read' });
	});
});

describe('reading ahead and the lesson-complete panel', () => {
	const steps = [
		{ id: 'a', kind: 'read' as const },
		{ id: 'b', kind: 'read' as const },
		{ id: 'c', kind: 'read' as const },
		{ id: 'v', kind: 'watch' as const },
		{ id: 'd', kind: 'read' as const }
	];
	const statuses = (current: string) => (id: string) => {
		const at = steps.findIndex((s) => s.id === current);
		const i = steps.findIndex((s) => s.id === id);
		return i < at ? 'done' : i === at ? 'current' : 'locked';
	};

	test('a locked read step ahead collects the read steps from the current one', () => {
		expect(readStepsUpTo(steps, statuses('a'), 'c')?.map((s) => s.id)).toEqual(['a', 'b', 'c']);
		expect(readStepsUpTo(steps, statuses('b'), 'c')?.map((s) => s.id)).toEqual(['b', 'c']);
	});

	test('not for the current step, a step behind, or past a video', () => {
		expect(readStepsUpTo(steps, statuses('b'), 'b')).toBeUndefined();
		expect(readStepsUpTo(steps, statuses('c'), 'a')).toBeUndefined();
		expect(readStepsUpTo(steps, statuses('a'), 'd')).toBeUndefined();
		expect(readStepsUpTo(steps, () => 'locked', 'c')).toBeUndefined();
	});

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
