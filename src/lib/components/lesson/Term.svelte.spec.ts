import { screen } from '@testing-library/svelte';
import { tick } from 'svelte';
import { describe, expect, test } from 'vitest';
import type { LessonAssets } from '$lib/content/assets';
import Term from './Term.svelte';
import { renderBlock } from './testing/setup';

const assets: LessonAssets = {
	readings: {},
	videos: {},
	terms: {
		'treatment-burden': {
			id: 'treatment-burden',
			term: 'Treatment burden',
			definition: 'The work patients do to look after their health, and its effect on them.',
			source: 'May et al. 2009',
			referenceIds: []
		}
	}
};

describe('Term', () => {
	// The popover itself (opening, Escape, focus) is the browser's: tests/blocks.e2e.ts checks it in
	// Chromium, with and without JavaScript. Here: the markup that asks for it.
	test('is a button that opens a native popover with the definition, its source and a way out', async () => {
		renderBlock(Term, { assets, props: { id: 'treatment-burden' } });
		await tick();
		const button = screen.getByRole('button', { name: 'Treatment burden' });
		const definition = document.getElementById(button.getAttribute('popovertarget')!)!;
		expect(definition.hasAttribute('popover')).toBe(true);
		expect(definition.textContent).toContain('The work patients do');
		expect(definition.textContent).toContain('Source: May et al. 2009.');
		expect(
			screen.getByRole('link', { name: 'See the glossary', hidden: true }).getAttribute('href')
		).toMatch(/glossary#treatment-burden$/);
		const close = screen.getByRole('button', { name: 'Close', hidden: true });
		expect(close.getAttribute('popovertarget')).toBe(definition.id);
		expect(close.getAttribute('popovertargetaction')).toBe('hide');
	});

	test('an unknown id renders only the words', async () => {
		const { container } = renderBlock(Term, { assets, props: { id: 'nope' } });
		await tick();
		expect(container.querySelector('button, a')).toBeNull();
		expect(container.textContent).toContain('nope');
	});
});
