import { render, screen } from '@testing-library/svelte';
import { describe, expect, test } from 'vitest';
import Callout from './Callout.svelte';

describe('Callout', () => {
	test.each([
		['key', 'Key point'],
		['example', 'Clinical example'],
		['caution', 'Caution']
	] as const)('%s is a labelled aside', (kind, label) => {
		render(Callout, { props: { kind } });
		const aside = screen.getByRole('complementary', { name: label });
		expect(aside.classList.contains(`callout-${kind}`)).toBe(true);
		expect(aside.textContent).toContain(label);
	});

	test('takes its own label', () => {
		render(Callout, { props: { kind: 'key', title: 'Remember' } });
		expect(screen.getByRole('complementary', { name: 'Remember' })).toBeTruthy();
	});
});
