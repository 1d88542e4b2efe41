// A session's results as CSV (one row per response) and as a Markdown summary a facilitator can
// hand on: readable times, counts and percentages, participants by number. A rejected answer was
// deleted, so it is in neither; in an anonymous session no handle is either.
import type { LiveItem, LiveResponse } from '$lib/live/types';
import { percent, tallyOf } from '$lib/live/types';

export type Results = { item: LiveItem; responses: LiveResponse[] }[];

export const csvHeader = [
	'item',
	'kind',
	'title',
	'prompt',
	'participant',
	'handle',
	'answer',
	'correct',
	'status',
	'answered_at'
];

export interface ExportOptions {
	/** No handles: participants appear by number only. */
	anonymous?: boolean;
}

/** "2026-12-03 14:05:12 UTC": readable, and still sorts as text. */
export function readableTime(ms: number): string {
	return new Date(ms)
		.toISOString()
		.replace('T', ' ')
		.replace(/\.\d+Z$/, ' UTC');
}

/** "3 December 2026, 14:05 UTC". */
export function readableDate(date: Date): string {
	const day = date.toLocaleDateString('en-GB', {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	});
	const time = date.toISOString().slice(11, 16);
	return `${day}, ${time} UTC`;
}

function status(r: LiveResponse): string {
	if (!r.approved) return 'not approved';
	return r.hidden ? 'hidden' : 'shown';
}

function answerText(item: LiveItem, response: LiveResponse): string {
	if (item.kind === 'prompt' || !Array.isArray(response.answer)) return String(response.answer);
	const texts = new Map(item.options.map((o) => [o.id, o.text]));
	return response.answer.map((id) => texts.get(id) ?? id).join('; ');
}

function isCorrect(item: LiveItem, response: LiveResponse): string {
	if (item.kind !== 'question' || !Array.isArray(response.answer)) return '';
	const same =
		response.answer.length === item.correct.length &&
		item.correct.every((id) => response.answer.includes(id));
	return same ? 'yes' : 'no';
}

// Characters that make a spreadsheet read a cell as a formula (full-width forms included), at the
// start of a cell or after a character that some locale's spreadsheet splits cells on.
const formulaAfterSeparator = /(^|[,;\t|])(\s*)(?=[=+\-@\t\r\uff1d\uff0b\uff0d\uff20])/g;

/** Every field quoted, and every formula trigger defused with a leading apostrophe. */
export function csvField(value: string): string {
	const safe = value.replace(formulaAfterSeparator, "$1$2'");
	return `"${safe.replaceAll('"', '""')}"`;
}

export function toCsv(results: Results, options: ExportOptions = {}): string {
	const rows = [csvHeader];
	for (const { item, responses } of results)
		for (const r of responses)
			rows.push([
				item.key,
				item.kind,
				item.title,
				item.prompt,
				String(r.number),
				options.anonymous ? '' : r.handle,
				answerText(item, r),
				isCorrect(item, r),
				status(r),
				readableTime(r.updatedAt)
			]);
	return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/**
 * Markdown-safe text on one line: no HTML, emphasis, links or entities from what participants typed,
 * and no line break of any kind (CR, LF, CRLF, NEL, U+2028/2029), so one answer stays one bullet.
 */
export function mdText(value: string): string {
	return value
		.replace(/[\s\u0085]+/g, ' ')
		.trim()
		.replace(/[\\`*_{}[\]()<>#|!~&]/g, (c) => `\\${c}`)
		.replace(/^[-+=]/, (c) => `\\${c}`)
		.replace(/^(\d+)([.)])/, '$1\\$2');
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function toMarkdown(
	results: Results,
	meta: {
		code: string;
		lessonTitle: string;
		exportedAt: Date;
		/** Everyone who joined the session. */
		joined?: number;
		anonymous?: boolean;
	}
): string {
	const out = [
		`# Live session ${meta.code}: ${mdText(meta.lessonTitle)}`,
		'',
		`Exported ${readableDate(meta.exportedAt)}.` +
			(meta.joined === undefined ? '' : ` ${plural(meta.joined, 'participant')} joined.`) +
			(meta.anonymous
				? ' Participants are numbered in the order they joined; no names or handles are kept here.'
				: ' Participants are numbered in the order they joined; handles were chosen at random or by participants.'),
		''
	];
	const who = (r: LiveResponse) =>
		meta.anonymous ? `participant ${r.number}` : `participant ${r.number}, ${mdText(r.handle)}`;
	results.forEach(({ item, responses }, i) => {
		out.push(`## ${i + 1}. ${mdText(item.prompt)}`, '');
		const hidden = responses.filter((r) => r.approved && r.hidden).length;
		if (item.kind === 'question') {
			const counted = responses.filter((r) => !r.hidden);
			const tally = tallyOf(item, counted);
			out.push('| Option | Answers | Share | Correct |', '| --- | ---: | ---: | :---: |');
			for (const o of item.options)
				out.push(
					`| ${mdText(o.text)} | ${tally[o.id]} | ${percent(tally[o.id], counted.length)}% | ${item.correct.includes(o.id) ? 'yes' : ''} |`
				);
			const right = counted.filter((r) => isCorrect(item, r) === 'yes').length;
			out.push(
				'',
				`${plural(counted.length, 'answer')}` +
					(meta.joined ? ` from ${meta.joined} participants` : '') +
					`; ${right} (${percent(right, counted.length)}%) correct.`
			);
		} else {
			const shown = responses.filter((r) => r.approved && !r.hidden);
			if (shown.length === 0) out.push('No responses.');
			for (const r of shown) out.push(`- ${mdText(String(r.answer))} (${who(r)})`);
			const unapproved = responses.length - shown.length - hidden;
			if (unapproved > 0)
				out.push(
					'',
					`${plural(unapproved, 'response')} not approved by the facilitator ${unapproved === 1 ? 'is' : 'are'} left out.`
				);
		}
		if (hidden > 0) out.push('', `${plural(hidden, 'response')} hidden by the facilitator.`);
		out.push('');
	});
	if (results.length === 0) out.push('Nothing was pushed in this session.', '');
	return out.join('\n');
}
