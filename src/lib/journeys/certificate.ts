// The certificate's content and its verification code. The code is a short digest of the
// completion record, so a certificate whose name, date or scores were edited no longer matches
// what the learner's own saved record produces. It is a check against casual edits, not a
// signature: there is no server holding the records.

export interface CertificateLesson {
	number: number;
	title: string;
	/** Best quiz score in percent, or null for a lesson without a quiz. */
	best: number | null;
}

export interface CertificateRecord {
	courseTitle: string;
	/** Content version from lessons/course.json. */
	courseVersion: string;
	/** Local calendar date of completion, YYYY-MM-DD. */
	completedOn: string;
	/** As the learner entered it; spaces are tidied for the code. */
	name: string;
	lessons: CertificateLesson[];
}

/** Collapses runs of spaces and normalises Unicode, so "Ann  Lee" and "Ann Lee" match. */
export function tidyName(name: string): string {
	return name.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * The exact text the code is computed from, one field per line:
 * course title, course version, completion date, name, then "number|best" per lesson.
 */
export function canonicalRecord(record: CertificateRecord): string {
	return [
		'coproduction-course certificate v1',
		record.courseTitle,
		record.courseVersion,
		record.completedOn,
		tidyName(record.name),
		...record.lessons.map((l) => `${l.number}|${l.best ?? '-'}`)
	].join('\n');
}

/** SHA-256 (Web Crypto) of the canonical record: the first 12 hex digits, as XXXX-XXXX-XXXX. */
export async function verificationCode(record: CertificateRecord): Promise<string> {
	const bytes = new TextEncoder().encode(canonicalRecord(record));
	const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
	const hex = [...digest.slice(0, 6)].map((b) => b.toString(16).padStart(2, '0')).join('');
	return hex.toUpperCase().match(/.{4}/g)!.join('-');
}

/** YYYY-MM-DD in the learner's own time zone. */
export function localDate(time: number): string {
	const d = new Date(time);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** "26 November 2026" for a YYYY-MM-DD date. */
export function longDate(isoDate: string, locale = 'en-GB'): string {
	const [y, m, d] = isoDate.split('-').map(Number);
	return new Date(y, m - 1, d).toLocaleDateString(locale, {
		day: 'numeric',
		month: 'long',
		year: 'numeric'
	});
}

/** A code as someone types it (any case, spaces or dashes): XXXX-XXXX-XXXX, or '' if not 12 hex digits. */
export function normaliseCode(typed: string): string {
	const hex = typed.toUpperCase().replace(/[\s-]/g, '');
	return /^[0-9A-F]{12}$/.test(hex) ? hex.match(/.{4}/g)!.join('-') : '';
}

/** A printed score as someone types it: "75", "75%" or a dash / nothing for "no quiz". */
export function parseScore(typed: string): number | null | undefined {
	const value = typed.trim().replace(/\s*%$/, '');
	if (value === '' || value === '-' || value === '—' || /^no quiz$/i.test(value)) return null;
	if (!/^\d{1,3}$/.test(value) || Number(value) > 100) return undefined;
	return Number(value);
}

/**
 * Recomputes the code from the printed fields and compares it with the printed code. A match says
 * the fields are the ones the code was computed from; it cannot say who took the course.
 */
export async function checkCertificate(
	record: CertificateRecord,
	typedCode: string
): Promise<'matches' | 'differs' | 'bad-code'> {
	const code = normaliseCode(typedCode);
	if (!code) return 'bad-code';
	return (await verificationCode(record)) === code ? 'matches' : 'differs';
}
