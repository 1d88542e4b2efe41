import { describe, expect, it } from 'vitest';
import { markdownToText, stepTexts, stripFrontmatter } from './extract';

const lesson = `---
title: A lesson
steps:
  - id: one
    kind: read
    title: One
---

<Step id="one">

**Unlike goods**, services are *always* coproduced (Batalden M et al., 2016).

<Callout kind="key">

Care is made with patients. See the [resources page](https://example.org/x).

</Callout>

</Step>

<Step id="two">

## A heading

- first point
- second <Term id="qi">quality improvement</Term>

</Step>
`;

describe('search text extraction', () => {
	it('drops the frontmatter', () => {
		expect(stripFrontmatter(lesson)).not.toContain('kind: read');
	});

	it('keeps words and drops Markdown syntax, tags and link targets', () => {
		const text = markdownToText('**Bold** and *em*, a [link](https://x.org) and `code`.');
		expect(text).toBe('Bold and em, a link and code.');
	});

	it('splits a lesson into the text of each step, in order', () => {
		const steps = stepTexts(lesson);
		expect(steps.map((s) => s.stepId)).toEqual(['one', 'two']);
		expect(steps[0].text).toBe(
			'Unlike goods, services are always coproduced (Batalden M et al., 2016). Care is made with patients. See the resources page.'
		);
		expect(steps[1].text).toBe('A heading first point second quality improvement');
	});

	it('never leaves component markup or frontmatter in the text', () => {
		for (const { text } of stepTexts(lesson)) {
			expect(text).not.toMatch(/[<>]|Callout|kind=|https?:/);
		}
	});
});
