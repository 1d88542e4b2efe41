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

/** Quotes a CSV field, and defuses text a spreadsheet would run as a formula. */
function csvField(value: string): string {
	const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
	return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
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

/** Markdown-safe text: no HTML, no emphasis or links from what participants typed. */
function mdText(value: string): string {
	return value
		.replace(/[\\`*_{}[\]<>#|!]/g, (c) => `\\${c}`)
		.replace(/\s*\n\s*/g, ' ')
		.trim();
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
