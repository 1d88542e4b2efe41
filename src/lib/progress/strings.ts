import type { LessonOutline, StepOutline } from '$lib/machines/outline';
import { stepNumber } from '$lib/machines/rules';
import type { Notice } from './session';

// Every sentence progress says to the learner, kept together for translation.

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

export function noticeText(notice: Notice): string {
	const kept = notice.kept;
	const salvaged = kept
		? ` We kept what we could read: progress in ${plural(kept.lessons, 'lesson')}, ${plural(kept.reflections, 'reflection')} and ${plural(kept.answers, 'quiz', 'quizzes')}.`
		: '';
	switch (notice.kind) {
		case 'unreadable':
			return `Your saved progress in this browser was damaged and could not be read. A copy is kept in this browser, and you are starting again.`;
		case 'wrongShape':
			return `Part of your saved progress in this browser was damaged. A copy of it is kept in this browser.${salvaged}`;
		case 'futureVersion':
			return `Your saved progress comes from a newer version of this course. A copy is kept in this browser.${salvaged}`;
		case 'unavailable':
			return `This browser is not letting the course save (private browsing or blocked storage). Everything works, but your progress will not be kept after you close this page.`;
		case 'full':
			return `This browser's storage is full, so your latest progress could not be saved. Everything works, but progress will not be kept after you close this page.`;
	}
}

function plural(n: number, one: string, many = `${one}s`): string {
	return `${n} ${n === 1 ? one : many}`;
}
