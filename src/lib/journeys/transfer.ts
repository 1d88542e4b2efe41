// The file a learner exports to move their progress to another device, and the checks an import
// goes through. Validation is hand-written (zod stays on the server): a file is used only when it
// is this course's export format, of a version we read, undamaged (its checksum matches) and of the
// right shape. Anything else is refused with a reason, and nothing is changed.
import { type Envelope } from '$lib/progress/envelope';
import { decode } from '$lib/progress/migrate';
import { isJourneyData, type JourneyData } from './record';

export const exportFormat = 'coproduction-course/progress-export';
export const exportVersion = 1;

export interface ExportFile {
	format: typeof exportFormat;
	version: typeof exportVersion;
	/** ISO time of the export. */
	exportedAt: string;
	course: { title: string; version: string };
	/** The saved progress envelope, exactly as the progress store keeps it. */
	progress: Envelope;
	journey: JourneyData;
	/** SHA-256 (hex) of JSON.stringify({ progress, journey }): a damaged or edited file fails it. */
	checksum: string;
}

async function sha256(text: string): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
	return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const payload = (progress: unknown, journey: unknown) => JSON.stringify({ progress, journey });

export async function createExport(input: {
	course: { title: string; version: string };
	progress: Envelope;
	journey: JourneyData;
	now: number;
}): Promise<string> {
	const file: ExportFile = {
		format: exportFormat,
		version: exportVersion,
		exportedAt: new Date(input.now).toISOString(),
		course: input.course,
		progress: input.progress,
		journey: input.journey,
		checksum: await sha256(payload(input.progress, input.journey))
	};
	return JSON.stringify(file, null, '\t') + '\n';
}

export function exportFileName(now: number): string {
	return `coproduction-progress-${new Date(now).toISOString().slice(0, 10)}.json`;
}

export const importErrors = {
	notJson: 'This file could not be read: it is not a progress file from this course.',
	notOurs: 'This file is not a progress file from this course.',
	newer:
		'This file was made by a newer version of the course. Update the course here first, then import it again.',
	damaged:
		'This file is damaged or was changed after it was exported, so it cannot be used. Export it again from the other device.',
	otherCourse: (title: string) =>
		`This file holds progress for another course (“${title}”), so it was not imported.`
} as const;

export type ImportResult =
	| { ok: true; progress: Envelope; journey: JourneyData; exportedAt: string }
	| { ok: false; reason: string };

const isRecord = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks an import file. `course` is this course, so another course's file is refused. */
export async function readExport(
	text: string,
	course: { title: string; version: string }
): Promise<ImportResult> {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return { ok: false, reason: importErrors.notJson };
	}
	if (!isRecord(data) || data.format !== exportFormat)
		return { ok: false, reason: importErrors.notOurs };
	if (typeof data.version !== 'number' || data.version > exportVersion)
		return { ok: false, reason: importErrors.newer };
	if (data.version !== exportVersion) return { ok: false, reason: importErrors.notOurs };
	if (
		typeof data.checksum !== 'string' ||
		typeof data.exportedAt !== 'string' ||
		!isRecord(data.course) ||
		typeof data.course.title !== 'string'
	)
		return { ok: false, reason: importErrors.damaged };
	if (data.course.title !== course.title)
		return { ok: false, reason: importErrors.otherCourse(data.course.title) };
	if ((await sha256(payload(data.progress, data.journey))) !== data.checksum)
		return { ok: false, reason: importErrors.damaged };
	// The progress store's own decoder: migrates an older schema, and reports anything it had to drop.
	const decoded = decode(JSON.stringify(data.progress), course.version);
	if (decoded.problem) {
		return {
			ok: false,
			reason: decoded.problem === 'futureVersion' ? importErrors.newer : importErrors.damaged
		};
	}
	if (!isJourneyData(data.journey)) return { ok: false, reason: importErrors.damaged };
	return {
		ok: true,
		progress: decoded.envelope,
		journey: data.journey,
		exportedAt: data.exportedAt
	};
}
