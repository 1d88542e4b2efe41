// The notices about stored data (damaged, too large to copy, full or blocked storage), apart from
// strings.ts because they load only when one is shown (StorageNotices.svelte is loaded on demand),
// not with every page. Kept for translation like strings.ts.
import type { Notice } from './session';
import { plural } from './strings';
import type { SaveFailure, WriteFailure } from './writes';

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

/** What to do when nothing more can be saved here, in one sentence the save indicators share. */
export const whatToDo =
	'To keep your words, download your journal (My journal → Download as Markdown), free some space in this browser (delete other sites’ data), or use another browser.';

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
