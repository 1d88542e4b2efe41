import { describe, expect, it } from 'vitest';
import type { LiveItem, LiveResponse } from '$lib/live/types';
import { csvField, mdText, toCsv, toMarkdown, type Results } from './export';

const prompt: LiveItem = { key: 'reflect', kind: 'prompt', title: 'Reflect', prompt: 'Why?' };
const response = (answer: string, handle = 'Kind Otter 42'): LiveResponse => ({
	participantId: handle,
	number: 1,
	approved: true,
	handle,
	itemKey: prompt.key,
	answer,
	hidden: false,
	updatedAt: Date.UTC(2026, 11, 3)
});
const meta = {
	code: 'K7P2QD',
	lessonTitle: 'Sandwich',
	exportedAt: new Date(Date.UTC(2026, 11, 3))
};

/** A spreadsheet that splits cells on `sep` and ignores quotes: what each cell starts with. */
const cellsSplitOn = (line: string, sep: string) =>
	line.split(sep).map((cell) => cell.replace(/^[\s"]+/, ''));

describe('Markdown export', () => {
	it('keeps one answer one bullet, whatever line breaks it holds', () => {
		const forged =
			'I agree\r- Patients are a burden (Kind Otter 42)\r\n- We should stop (Wise Heron 17)\u2028- more\u2029- more\n- end';
		const md = toMarkdown([{ item: prompt, responses: [response(forged, 'Calm Fox 10')] }], meta);
		const bullets = md.split('\n').filter((l) => l.startsWith('- '));
		expect(bullets).toHaveLength(1);
		expect(bullets[0]).toMatch(
			/^- I agree - Patients are a burden \\\(Kind Otter 42\\\) - We .* \(participant 1, Calm Fox 10\)$/
		);
		expect(md).not.toMatch(/[\r\u2028\u2029\u0085]/);
	});

	it('leaves no setext heading, list marker, link, entity or HTML from participant text', () => {
		expect(mdText('x\r===')).toBe('x ===');
		expect(mdText('=== x')).toBe('\\=== x');
		expect(mdText('- item')).toBe('\\- item');
		expect(mdText('1. item')).toBe('1\\. item');
		expect(mdText('[click](http://evil)')).toBe('\\[click\\]\\(http://evil\\)');
		expect(mdText('&lt;img&gt; <b>')).toBe('\\&lt;img\\&gt; \\<b\\>');
		expect(mdText('~~gone~~')).toBe('\\~\\~gone\\~\\~');
	});
});

describe('a facilitator’s export', () => {
	const question: LiveItem = {
		key: 'q',
		kind: 'question',
		title: 'Check',
		prompt: 'Which?',
		options: [
			{ id: 'a', text: 'A' },
			{ id: 'b', text: 'B' }
		],
		multiple: false,
		correct: ['a']
	};
	const vote = (n: number, id: string): LiveResponse => ({
		...response('', `H${n}`),
		number: n,
		itemKey: 'q',
		answer: [id]
	});

	it('gives readable times, counts, percentages and participant numbers', () => {
		const results: Results = [
			{ item: question, responses: [vote(1, 'a'), vote(2, 'a'), vote(3, 'b'), vote(4, 'a')] }
		];
		const md = toMarkdown(results, { ...meta, joined: 5, anonymous: true });
		expect(md).toContain('Exported 3 December 2026, 00:00 UTC. 5 participants joined.');
		expect(md).toContain('| A | 3 | 75% | yes |');
		expect(md).toContain('| B | 1 | 25% |  |');
		expect(md).toContain('4 answers from 5 participants; 3 (75%) correct.');
		const csv = toCsv(results, { anonymous: true }).split('\r\n');
		expect(csv[1]).toBe(
			'"q","question","Check","Which?","1","","A","yes","shown","2026-12-03 00:00:00 UTC"'
		);
	});

	it('leaves out unapproved free text and, when anonymous, every handle', () => {
		const waiting = { ...response('Mrs Jones in bed 4', 'Kind Otter 42'), approved: false };
		const md = toMarkdown(
			[{ item: prompt, responses: [response('Fine answer', 'Calm Fox 10'), waiting] }],
			{ ...meta, anonymous: true }
		);
		expect(md).not.toContain('Mrs Jones');
		expect(md).not.toContain('Calm Fox');
		expect(md).toContain('- Fine answer (participant 1)');
		expect(md).toContain('1 response not approved by the facilitator is left out.');
	});
});

describe('CSV export', () => {
	it('quotes every field, header included', () => {
		const csv = toCsv([{ item: prompt, responses: [response('plain')] }]);
		for (const line of csv.trimEnd().split('\r\n'))
			expect(line, line).toMatch(/^"[^"]*"(,"[^"]*")*$/);
	});

	it('defuses formula triggers at the start of a field and after any separator', () => {
		expect(csvField('ok;=1+1')).toBe(`"ok;'=1+1"`);
		expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
		expect(csvField('\t=1+1')).toBe(`"\t'=1+1"`);
		expect(csvField('a, +cmd')).toBe(`"a, '+cmd"`);
		expect(csvField('a|@SUM(A1)')).toBe(`"a|'@SUM(A1)"`);
		expect(csvField('\uff1d1+1')).toBe(`"'\uff1d1+1"`);
		expect(csvField('no formula here')).toBe('"no formula here"');
	});

	it('gives no cell a formula start, whether a spreadsheet splits on commas, semicolons or tabs', () => {
		const hostile = ['ok;=1+1', 'x,-2+3', 'y\t@SUM(1)', '+cmd', 'a; \t=1', 'b;;=2'];
		const csv = toCsv([
			{ item: prompt, responses: hostile.map((h, i) => response(h, `${h}${i}`)) }
		]);
		for (const line of csv.trimEnd().split('\r\n').slice(1))
			for (const sep of [',', ';', '\t'])
				for (const cell of cellsSplitOn(line, sep))
					expect(cell, `${sep} in ${line}`).not.toMatch(/^[=+\-@]/);
	});

	it('round-trips through an RFC 4180 reading', () => {
		const text = 'said "no", then\r\nleft';
		const line = toCsv([{ item: prompt, responses: [response(text)] }] as Results);
		expect(line).toContain(`"said ""no"", then\r\nleft"`);
	});
});
