import type { LessonOutline, StepOutline } from '$lib/machines/outline';
import { stepNumber } from '$lib/machines/rules';

// Every sentence progress says to the learner, kept together for translation; the notices about
// damaged or unwritable storage, and the "Not saved" sentences, are in notice-strings.ts, which
// loads only with the blocks and notices that show them.

export function stepLockReason(lesson: LessonOutline, next: StepOutline): string {
	const name = `step ${stepNumber(lesson, next.id)}, “${next.title}”`;
	switch (next.kind) {
		case 'quiz':
			return `Opens when you pass the quiz in ${name}.`;
		case 'reflect':
			return `Opens when you save your reflection in ${name} (at least ${next.minWords} words).`;
		case 'watch':
			return `Opens when you have watched ${name}, or said you have.`;
		default:
			return `Opens when you finish ${name}.`;
	}
}

/** What completes a lesson, in words: "pass its quiz and save its 2 reflections". */
export function lessonRequirements(lesson: LessonOutline): string {
	const count = (kind: StepOutline['kind']) => lesson.steps.filter((s) => s.kind === kind).length;
	const quizzes = count('quiz');
	const reflections = count('reflect');
	const parts = [
		quizzes && `pass its ${quizzes === 1 ? 'quiz' : `${quizzes} quizzes`}`,
		reflections && `save its ${reflections === 1 ? 'reflection' : `${reflections} reflections`}`
	].filter(Boolean);
	return parts.length ? parts.join(' and ') : 'finish every step';
}

export function lessonLockReason(before: LessonOutline): string {
	return `Complete lesson ${before.number}, “${before.title}”, first: ${lessonRequirements(before)}.`;
}

export function nextLessonLock(current: LessonOutline): string {
	return `Locked until you complete this lesson: ${lessonRequirements(current)}. You can still read it.`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
	return `${n} ${n === 1 ? one : many}`;
}
