import { fireEvent, screen } from '@testing-library/svelte';
import { tick } from 'svelte';
import { describe, expect, test, vi } from 'vitest';
import { essayReference, sampleReference } from '$lib/citations/fixtures';
import { readingCard } from '$lib/citations/card';
import type { LessonAssets } from '$lib/content/assets';
import Reading from './Reading.svelte';
import { renderBlock } from './testing/setup';

// As the server attaches them: each reading with its citation and the like worked out.
const assets: LessonAssets = {
	readings: Object.fromEntries(
		[sampleReference, essayReference].map((r) => [r.id, readingCard(r)])
	),
	terms: {},
	videos: {}
};

describe('Reading', () => {
	test('shows the citation card: authors, journal, DOI link, open access, key points, questions', async () => {
		renderBlock(Reading, { assets, props: { id: 'batalden-m-2016' } });
		await tick();
		const card = screen.getByRole('article', { name: 'Coproduction of healthcare service' });
		expect(card.textContent).toContain('Batalden M, Batalden P, Margolis P');
		expect(card.textContent).toContain('BMJ Quality & Safety 2016;25(7):509-517');
		expect(
			screen.getByRole('link', { name: '10.1136/bmjqs-2015-004315' }).getAttribute('href')
		).toBe('https://doi.org/10.1136/bmjqs-2015-004315');
		expect(screen.getByText('Open access · CC BY-NC 4.0')).toBeTruthy();
		expect(screen.getByRole('heading', { name: 'Why read this' }).tagName).toBe('H4');
		expect(screen.getByText('Unlike goods, services are always coproduced.')).toBeTruthy();
		expect(screen.getByText('What do the authors mean by coproduced?')).toBeTruthy();
		expect(card.textContent).toContain('Cite as: Batalden M, Batalden P');
	});

	test('links RIS and BibTeX downloads for this reading', async () => {
		renderBlock(Reading, { assets, props: { id: 'batalden-m-2016' } });
		await tick();
		const ris = screen.getByRole('link', { name: /Download RIS/ });
		expect(ris.getAttribute('href')).toMatch(/readings\/export\/batalden-m-2016\.ris$/);
		expect(ris.getAttribute('download')).toBe('batalden-m-2016.ris');
		const bib = screen.getByRole('link', { name: /Download BibTeX/ });
		expect(bib.getAttribute('href')).toMatch(/readings\/export\/batalden-m-2016\.bib$/);
	});

	test('copies the Vancouver citation and says so', async () => {
		const writeText = vi.fn(() => Promise.resolve());
		Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
		renderBlock(Reading, { assets, props: { id: 'batalden-p-2018' } });
		await tick();
		await fireEvent.click(screen.getByRole('button', { name: 'Copy citation' }));
		await tick();
		expect(writeText).toHaveBeenCalledWith(
			'Batalden P. Getting more health from healthcare: an essay by Paul Batalden. BMJ. 2018;362:k3617. doi:10.1136/bmj.k3617'
		);
		expect(screen.getByRole('status').textContent).toBe('Citation copied to the clipboard.');
	});

	test('a paywalled reading has no open-access marker; an unknown id says so', async () => {
		renderBlock(Reading, { assets, props: { id: 'batalden-p-2018' } });
		renderBlock(Reading, { assets, props: { id: 'nope' } });
		await tick();
		expect(screen.queryByText(/Open access/)).toBeNull();
		expect(screen.getByRole('alert').textContent).toContain(
			'Reading “nope” is not in lessons/references.json.'
		);
	});
});
