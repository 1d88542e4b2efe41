import { describe, expect, it } from 'vitest';
import { extractProse, termWordsAsText } from './lesson-prose.js';

const long =
	'A sentence long enough to be worth moving out of the body code, with a few more words.';

describe('extractProse', () => {
	it('moves long static runs into the runs list and leaves components and expressions in place', () => {
		const body = [
			'<script>\nimport Step from "x";\n</script>',
			'<Step id="one">',
			`<p>${long}</p>`,
			`<p><strong>Bold</strong> ${long}</p>`,
			'<Quiz />',
			`<p>${long} <Term id="t">word</Term> ${long}</p>`,
			`<p>{value} ${long}</p>`,
			'</Step>'
		].join('\n');
		const out = extractProse(body, '/lessons/01-x/index.md');
		expect(out?.runs).toEqual([
			`<p>${long}</p>\n<p><strong>Bold</strong> ${long}</p>`,
			`${long} `,
			` ${long}`,
			` ${long}`
		]);
		expect(out?.code).toContain('<Quiz />');
		expect(out?.code).toContain('<Term id="t">word</Term>');
		expect(out?.code).toContain('<p>{value}{@html __prose(3)}</p>');
		expect(out?.code).toContain('{@html __prose(0)}');
		expect(out?.code).toMatch(/^<script module>\nimport \{ prose as __prose/);
	});

	it('keeps short runs, and elements with dynamic attributes, in the body', () => {
		expect(extractProse('<p>Short.</p>\n<p>Also short.</p>', 'x.md')).toBeUndefined();
		const out = extractProse(`<a href={link}>${long}</a>`, 'x.md');
		expect(out?.code).toContain('<a href={link}>{@html __prose(0)}</a>');
		expect(out?.runs).toEqual([long]);
	});

	it('joins an existing module script rather than adding a second', () => {
		const body = `<script context="module">\nexport const metadata = {};\n</script>\n<p>${long}</p>`;
		const code = extractProse(body, 'x.md')?.code ?? '';
		expect(code.match(/<script/g)).toHaveLength(1);
		expect(code).toContain('export const loadProse = __loadProse;');
	});
});

describe('termWordsAsText', () => {
	it("passes a term's plain words as a string, and leaves words with markup or entities", () => {
		const out = termWordsAsText(
			'<p>A <Term id="a">plain "words"</Term>, <Term id="b"><em>marked</em></Term> and <Term id="c">A&amp;E</Term>.</p>'
		);
		expect(out).toBe(
			'<p>A <Term id="a" text={"plain \\"words\\""} />, <Term id="b"><em>marked</em></Term> and <Term id="c">A&amp;E</Term>.</p>'
		);
	});
});
