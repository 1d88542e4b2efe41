// The file a learner exports to move their progress to another device, and the checks an import
// goes through. Validation is hand-written (zod stays on the server): a file is used only when it
// is this course's export format, of a version we read, undamaged (its checksum matches) and of the
// right shape. Anything else is refused with a reason, and nothing is changed.
import { type Envelope } from '$lib/progress/envelope';
import { decode } from '$lib/progress/migrate';
import { isRecord } from '$lib/progress/timed';
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

/**
 * What an import accepts. A real export of this course is a few tens of KB (14 reflections);
 * the limits leave room for years of writing and refuse files that would freeze the page or
 * could not fit in the browser's storage anyway.
 */
export const importLimits = {
	bytes: 2 * 1024 * 1024,
	reflections: 1000,
	/** Characters in one reflection or plan: about 15,000 words. */
	textChars: 100_000,
	plans: 1000
} as const;

/** Sizes in the words people use: "2 MB", "50.3 MB", "740 KB". */
export function formatSize(bytes: number): string {
	if (bytes >= 1024 * 1024) {
		const mb = bytes / (1024 * 1024);
		return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
	}
	return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The longest piece of a file's own text a message may quote. */
const quoteChars = 80;
const shorten = (text: string) =>
	text.length > quoteChars ? `${text.slice(0, quoteChars - 1).trimEnd()}…` : text;

export const importErrors = {
	tooBig: (bytes: number) =>
		`This file is ${formatSize(bytes)}. A progress file from this course is at most ${formatSize(importLimits.bytes)}, so it was not read and nothing was changed.`,
	tooMany: (count: number) =>
		`This file holds ${count.toLocaleString('en-GB')} reflections; a progress file from this course holds at most ${importLimits.reflections.toLocaleString('en-GB')}, so it was not imported and nothing was changed.`,
	tooManyPlans: (count: number) =>
		`This file holds ${count.toLocaleString('en-GB')} “what I will do next” plans; a progress file from this course holds at most ${importLimits.plans.toLocaleString('en-GB')}, so it was not imported and nothing was changed.`,
	tooLong: () =>
		`A reflection or plan in this file is longer than ${importLimits.textChars.toLocaleString('en-GB')} characters, more than this course keeps, so it was not imported and nothing was changed.`,
	failed: 'This file could not be imported, and nothing was changed.',
	notJson: 'This file could not be read: it is not a progress file from this course.',
	notOurs: 'This file is not a progress file from this course.',
	newer:
		'This file was made by a newer version of the course. Update the course here first, then import it again.',
	damaged:
		'This file is damaged or was changed after it was exported, so it cannot be used. Export it again from the other device.',
	otherCourse: (title: string) =>
		`This file holds progress for another course (“${shorten(title)}”), so it was not imported.`
} as const;

export type ImportResult =
	| { ok: true; progress: Envelope; journey: JourneyData; exportedAt: string }
	| { ok: false; reason: string };

/** An ISO time as `toISOString` writes it, of a real date. */
function isExportTime(value: unknown): value is string {
	return (
		typeof value === 'string' &&
		/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z$/.test(value) &&
		Number.isFinite(Date.parse(value)) &&
		// A date that does not exist (31 February) would come back as another one.
		new Date(value).toISOString().slice(0, 19) === value.slice(0, 19)
	);
}

/**
 * The whole check of a chosen file in one guarded step: its size before a byte is read, then
 * its contents. Never throws; every refusal is one short sentence.
 */
export async function readImportFile(
	file: Pick<Blob, 'size' | 'text'>,
	course: { title: string; version: string }
): Promise<ImportResult> {
	if (file.size > importLimits.bytes) return { ok: false, reason: importErrors.tooBig(file.size) };
	try {
		return await readExport(await file.text(), course);
	} catch {
		return { ok: false, reason: importErrors.failed };
	}
}

/** Checks an import file. `course` is this course, so another course's file is refused. */
export async function readExport(
	text: string,
	course: { title: string; version: string }
): Promise<ImportResult> {
	if (text.length > importLimits.bytes)
		return { ok: false, reason: importErrors.tooBig(text.length) };
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
		!isExportTime(data.exportedAt) ||
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
	const reflections = Object.values(decoded.envelope.reflections);
	if (reflections.length > importLimits.reflections)
		return { ok: false, reason: importErrors.tooMany(reflections.length) };
	const plans = Object.values(data.journey.plans);
	if (plans.length > importLimits.plans)
		return { ok: false, reason: importErrors.tooManyPlans(plans.length) };
	const texts = [...reflections, ...plans, ...(data.journey.name ? [data.journey.name] : [])];
	if (texts.some((item) => item.text.length > importLimits.textChars))
		return { ok: false, reason: importErrors.tooLong() };
	return {
		ok: true,
		progress: decoded.envelope,
		journey: data.journey,
		exportedAt: data.exportedAt
	};
}
