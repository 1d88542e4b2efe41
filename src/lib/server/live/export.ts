// A session's results as CSV (one row per response) and as a Markdown summary.
import type { LiveItem, LiveResponse } from '$lib/live/types';
import { tallyOf } from '$lib/live/types';

export type Results = { item: LiveItem; responses: LiveResponse[] }[];

export const csvHeader = [
	'item',
	'kind',
	'title',
	'prompt',
	'handle',
	'answer',
	'correct',
	'hidden',
	'answered_at'
];

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

export function toCsv(results: Results): string {
	const rows = [csvHeader];
	for (const { item, responses } of results)
		for (const r of responses)
			rows.push([
				item.key,
				item.kind,
				item.title,
				item.prompt,
				r.handle,
				answerText(item, r),
				isCorrect(item, r),
				r.hidden ? 'yes' : 'no',
				new Date(r.updatedAt).toISOString()
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

export function toMarkdown(
	results: Results,
	meta: { code: string; lessonTitle: string; exportedAt: Date }
): string {
	const out = [
		`# Live session ${meta.code}: ${mdText(meta.lessonTitle)}`,
		'',
		`Exported ${meta.exportedAt.toISOString()}. Responses are anonymous; handles were chosen at random or by participants.`,
		''
	];
	results.forEach(({ item, responses }, i) => {
		const visible = responses.filter((r) => !r.hidden);
		out.push(`## ${i + 1}. ${mdText(item.prompt)}`, '');
		if (item.kind === 'question') {
			const tally = tallyOf(item, responses);
			out.push('| Option | Answers | Correct |', '| --- | ---: | :---: |');
			for (const o of item.options)
				out.push(
					`| ${mdText(o.text)} | ${tally[o.id]} | ${item.correct.includes(o.id) ? 'yes' : ''} |`
				);
			out.push('', `${visible.length} answered.`);
		} else {
			if (visible.length === 0) out.push('No responses.');
			for (const r of visible) out.push(`- ${mdText(String(r.answer))} (${mdText(r.handle)})`);
		}
		const hidden = responses.length - visible.length;
		if (hidden > 0)
			out.push('', `${hidden} response${hidden === 1 ? '' : 's'} hidden by the facilitator.`);
		out.push('');
	});
	if (results.length === 0) out.push('Nothing was pushed in this session.', '');
	return out.join('\n');
}
