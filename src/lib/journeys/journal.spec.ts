import { describe, expect, it } from 'vitest';
import { journalMarkdown, journalSections, reflectiveAccount, type JournalLesson } from './journal';

const lessons: JournalLesson[] = [
	{
		slug: 'one',
		number: 1,
		title: 'Services are *coproduced*',
		objectives: ['Tell a service from a product.'],
		reflectSteps: [
			{ id: 'r1', title: 'An encounter', prompt: 'What did each of you bring?' },
			{ id: 'r2', title: 'Outcomes', prompt: 'Which outcomes live in daily life?' }
		]
	},
	{ slug: 'two', number: 2, title: 'Two', objectives: ['B'], reflectSteps: [] },
	{
		slug: 'three',
		number: 3,
		title: 'Three',
		objectives: ['C'],
		reflectSteps: [{ id: 'r', title: 'Later', prompt: 'Not yet' }]
	}
];
const t1 = new Date(2026, 10, 20, 9).getTime();
const t2 = new Date(2026, 10, 24, 9).getTime();
const reflections = {
	'one/r1': { text: 'She knew her week.\n# Not a heading\nI knew the drugs.', t: t1 },
	'one/r2': { text: '   ', t: t1 }
};
const plans = { one: { text: 'Ask what matters first.', t: t2 } };

describe('journal', () => {
	const sections = journalSections(lessons, reflections, plans);

	it('groups reflections by lesson, in course order, with dates; blank ones count as not written', () => {
		expect(sections.map((s) => s.lesson.slug)).toEqual(['one', 'three']);
		expect(sections[0].entries.map((e) => [e.stepId, e.t])).toEqual([
			['r1', t1],
			['r2', undefined]
		]);
	});

	it('exports Markdown with every written reflection, quoted so it cannot break the file', () => {
		const md = journalMarkdown({
			courseTitle: 'Coproduction of Healthcare',
			sections,
			orphans: [{ key: 'gone/r', text: 'Kept words', t: t1 }],
			exportedAt: t2
		});
		expect(md).toBe(
			[
				'# My reflections: Coproduction of Healthcare',
				'',
				'Exported 24 November 2026.',
				'',
				'## Lesson 1: Services are \\*coproduced\\*',
				'',
				'### An encounter',
				'',
				'*What did each of you bring?*',
				'',
				'> She knew her week.',
				'> \\# Not a heading',
				'> I knew the drugs.',
				'',
				'Saved 20 November 2026.',
				'',
				'### What I will do next',
				'',
				'> Ask what matters first.',
				'',
				'Saved 24 November 2026.',
				'',
				'## From lessons no longer in the course',
				'',
				'### gone/r',
				'',
				'> Kept words',
				'',
				'Saved 20 November 2026.',
				''
			].join('\n')
		);
	});

	it('keeps each piece of the learner’s text inside its own quote, whatever line breaks it uses', () => {
		const hostile = [
			'first line\rsecond after a lone CR',
			'third after CRLF\r\n## a heading?',
			'- a list item?\u2028+ another\u2029= setext\u0085---',
			'1. numbered? <script>alert(1)</script> <img src=x onerror=alert(1)> &amp; [link](x)',
			'> a nested quote \\ and `code` *stars*'
		].join('\n');
		const md = journalMarkdown({
			courseTitle: 'C',
			sections: journalSections(lessons, { 'one/r1': { text: hostile, t: t1 } }),
			orphans: [{ key: 'gone/r\r# forged heading', text: 'x', t: t1 }],
			exportedAt: t2
		});
		const quoted = md.split('\n').filter((line) => line.startsWith('>'));
		expect(quoted).toEqual([
			'> first line',
			'> second after a lone CR',
			'> third after CRLF',
			'> \\#\\# a heading?',
			'> \\- a list item?',
			'> \\+ another',
			'> \\= setext',
			'> \\---',
			'> 1\\. numbered? \\<script\\>alert(1)\\</script\\> \\<img src=x onerror=alert(1)\\> \\&amp; \\[link\\](x)',
			'> \\> a nested quote \\\\ and \\`code\\` \\*stars\\*',
			'> x'
		]);
		// No line of the file is left bare by the text: only the file's own headings, prompts, dates.
		expect(md).not.toMatch(/[\r\u0085\u2028\u2029]/);
		expect(md).toContain('### gone/r \\# forged heading\n');
		expect(md).not.toMatch(/^<|^#+ (?!My reflections|Lesson|An encounter|From lessons|gone)/m);
	});

	it('lays out the reflective account as learning, practice and next steps', () => {
		const account = reflectiveAccount(sections);
		expect(account).toEqual([
			{
				lesson: lessons[0],
				date: t2,
				learning: ['Tell a service from a product.'],
				practice: [
					{
						prompt: 'What did each of you bring?',
						text: 'She knew her week.\n# Not a heading\nI knew the drugs.'
					}
				],
				next: 'Ask what matters first.'
			}
		]);
	});

	it('leaves "what I will do next" open when the learner has not written it', () => {
		const account = reflectiveAccount(journalSections(lessons, reflections));
		expect(account[0].next).toBeUndefined();
		expect(account[0].date).toBe(t1);
	});
});
