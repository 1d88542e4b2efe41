import { fireEvent, screen } from '@testing-library/svelte';
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
	test('is a disclosure button that shows and hides the definition with its source', async () => {
		renderBlock(Term, { assets, props: { id: 'treatment-burden' } });
		await tick();
		const button = screen.getByRole('button', { name: 'Treatment burden' });
		expect(button.getAttribute('aria-expanded')).toBe('false');
		const definition = document.getElementById(button.getAttribute('aria-controls')!)!;
		expect(definition.hidden).toBe(true);

		await fireEvent.click(button);
		expect(button.getAttribute('aria-expanded')).toBe('true');
		expect(definition.hidden).toBe(false);
		expect(definition.textContent).toContain('The work patients do');
		expect(definition.textContent).toContain('Source: May et al. 2009.');
		expect(screen.getByRole('link', { name: 'See the glossary' }).getAttribute('href')).toMatch(
			/glossary#treatment-burden$/
		);

		definition.querySelector('a')!.focus();
		await fireEvent.keyDown(definition, { key: 'Escape' });
		expect(button.getAttribute('aria-expanded')).toBe('false');
		expect(document.activeElement).toBe(button);
	});

	test('an unknown id renders only the words', async () => {
		const { container } = renderBlock(Term, { assets, props: { id: 'nope' } });
		await tick();
		expect(container.querySelector('button, a')).toBeNull();
		expect(container.textContent).toContain('nope');
	});
});
