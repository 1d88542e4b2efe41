// Exporting and importing progress from wherever the course offers it (the data controls, the
// lesson-complete nudge, the home page, a locked lesson). Loaded on the click or the chosen file,
// never with a page: the file format and its checks (transfer.ts) come with it.
import type { JourneyData } from './record';
import { createExport, exportFileName, readImportFile } from './transfer';
import { formatDate } from './journal';
import type { CourseProgress } from '$lib/progress/progress.svelte';
import type { Envelope } from '$lib/progress/envelope';
import { notSavedText } from '$lib/progress/notice-strings';
import type { SaveResult } from '$lib/progress/writes';
import { completedLessons } from '$lib/machines/rules';

interface Course {
	title: string;
	version: string;
}

/** The journey store as the transfer sees it (JourneyStore). */
interface Journey {
	readonly data: JourneyData;
	merge(incoming: JourneyData): SaveResult;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What a file holds, as the learner counts it: "7 lessons complete, 14 reflections, 1 plan". */
export function restoredSummary(
	progress: Pick<CourseProgress, 'outline'>,
	envelope: Envelope,
	journey: JourneyData
): string {
	const complete = completedLessons(progress.outline, envelope.progress);
	const reflections = Object.values(envelope.reflections).filter((r) => r.text.trim()).length;
	const plans = Object.values(journey.plans).filter((p) => p.text.trim()).length;
	return [
		`${plural(complete, 'lesson')} complete`,
		plural(reflections, 'reflection'),
		plural(plans, 'plan')
	].join(', ');
}

/** Saves everything to a JSON file in the downloads; returns the sentence to show. */
export async function exportProgress(
	progress: CourseProgress,
	journey: Pick<Journey, 'data'>,
	course: Course
): Promise<string> {
	const envelope = await progress.envelope();
	const now = Date.now();
	const text = await createExport({ course, progress: envelope, journey: journey.data, now });
	const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
	const link = document.createElement('a');
	link.href = url;
	link.download = exportFileName(now);
	link.click();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
	return `Saved as ${link.download}, in your downloads.`;
}

export type ImportOutcome = { ok: true; message: string } | { ok: false; message: string };

/**
 * Reads a chosen progress file and merges it by the same rules as two tabs. "Imported" is said only
 * once both stores have written it, with what the file held.
 */
export async function importProgress(
	file: File,
	progress: CourseProgress,
	journey: Journey,
	course: Course
): Promise<ImportOutcome> {
	try {
		const result = await readImportFile(file, course);
		if (!result.ok) return { ok: false, message: result.reason };
		const date = formatDate(Date.parse(result.exportedAt));
		const saved = await progress.merge(result.progress);
		const journeySaved = journey.merge(result.journey);
		const failure = !saved.ok ? saved.failure : !journeySaved.ok ? journeySaved.failure : null;
		if (failure)
			return {
				ok: false,
				message: `The progress exported on ${date} was read and is shown for this visit, but it was not saved in this browser: ${notSavedText(failure).replace(/^Not saved — /, '')} Keep the file.`
			};
		return {
			ok: true,
			message: `Imported the progress exported on ${date}: ${restoredSummary(progress, result.progress, result.journey)}. Merged with what was already here.`
		};
	} catch {
		return { ok: false, message: 'This file could not be imported, and nothing was changed.' };
	}
}
