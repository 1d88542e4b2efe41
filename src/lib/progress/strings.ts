import type { LessonOutline, StepOutline } from '$lib/machines/outline';
import { stepNumber } from '$lib/machines/rules';
import type { Notice } from './session';
import type { SaveFailure, WriteFailure } from './writes';

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

/** What to do when nothing more can be saved here, in one sentence the save indicators share. */
const whatToDo =
	'To keep your words, download your journal (My journal → Download as Markdown), free some space in this browser (delete other sites’ data), or use another browser.';

export function noticeText(notice: Notice): string {
	const kept = notice.kept;
	const salvaged =
		kept && kept.lessons + kept.reflections + kept.answers > 0
			? ` We kept what we could read: progress in ${plural(kept.lessons, 'lesson')}, ${plural(kept.reflections, 'reflection')} and ${plural(kept.answers, 'quiz', 'quizzes')}.`
			: '';
	if (notice.kind === 'unavailable')
		return `This browser is not letting the course read or save its storage (private browsing or blocked storage). Everything works, but your progress will not be kept after you close this page.`;
	const what = {
		unreadable: 'Your saved progress in this browser was damaged and could not be read.',
		wrongShape: 'Part of your saved progress in this browser was damaged.',
		futureVersion: 'Your saved progress comes from a newer version of this course.'
	}[notice.kind];
	switch (notice.backup) {
		case 'tooLarge':
		case 'noRoom': {
			const why =
				notice.backup === 'tooLarge'
					? 'It is too large to copy in this browser'
					: 'There is no room left in this browser to copy it';
			return `${what} ${why}, so it is left exactly as it was and nothing new is saved over it.${salvaged} Download it to keep it; then you can let the course save your new progress in its place.`;
		}
		default:
			return notice.kind === 'unreadable'
				? `${what} A copy is kept in this browser, and you are starting again.`
				: `${what} A copy of it is kept in this browser.${salvaged}`;
	}
}

/** The header's line while writes fail; null when the latest write of everything succeeded. */
export function storageWarning(failure: WriteFailure): string {
	switch (failure) {
		case 'full':
			return `This browser’s storage is full, so your latest changes are not saved. What was saved before is kept and shown. ${whatToDo}`;
		case 'blocked':
			return `This browser is not letting the course save (private browsing or blocked storage). Everything works, but your latest changes will not be kept after you close this page. ${whatToDo}`;
		case 'failed':
			return `Your latest changes could not be saved. Everything works, but they will not be kept after you close this page unless a later save works. ${whatToDo}`;
	}
}

/** Beside a save indicator: why this piece of writing is not saved, and what to do. */
export function notSavedText(failure: SaveFailure): string {
	switch (failure) {
		case 'full':
			return `Not saved — this browser’s storage is full. ${whatToDo}`;
		case 'blocked':
			return `Not saved — this browser is not letting the course save. ${whatToDo}`;
		case 'failed':
			return `Not saved — the course could not save just now. ${whatToDo}`;
		case 'held':
			return 'Not saved — your earlier saved progress is damaged and kept as it was; see the note at the top of the page.';
	}
}

/** The journey data (certificate name, completion date, plans) was damaged: what was kept. */
export function journeyNoticeText(notice: {
	kept: { name: boolean; completedAt: boolean; plans: number };
	dropped: number;
	backup: 'kept' | 'tooLarge' | 'noRoom';
}): string {
	const { kept } = notice;
	const parts = [
		kept.name && 'your certificate name',
		kept.completedAt && 'your completion date',
		kept.plans && plural(kept.plans, '“what I will do next” plan')
	].filter(Boolean);
	const what = `Part of your saved journal extras in this browser was damaged (${plural(notice.dropped, 'entry', 'entries')} could not be read).`;
	const keptText = parts.length
		? ` We kept ${parts.join(', ').replace(/, ([^,]*)$/, ' and $1')}.`
		: ' Nothing else in them could be read.';
	return notice.backup === 'kept'
		? `${what}${keptText} A copy of what was stored is kept in this browser.`
		: `${what}${keptText} There was no room to copy what was stored, so it is left as it was until you download it.`;
}

function plural(n: number, one: string, many = `${one}s`): string {
	return `${n} ${n === 1 ? one : many}`;
}
