import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { buildSearchIndex, searchDocuments } from './index.server';
import { indexOptions, queryOptions, type SearchDocument } from './types';

function load(json: string) {
	return MiniSearch.loadJSON<SearchDocument>(json, {
		...indexOptions,
		fields: [...indexOptions.fields],
		storeFields: [...indexOptions.storeFields]
	});
}

describe('the course search index', () => {
	const documents = searchDocuments();
	const index = load(buildSearchIndex(documents));

	it('holds lessons, steps, video guides, readings and glossary terms', () => {
		const kinds = new Set(documents.map((d) => d.kind));
		expect([...kinds].sort()).toEqual(['lesson', 'reading', 'step', 'term', 'video']);
	});

	it('has unique ids and site paths for every document', () => {
		expect(new Set(documents.map((d) => d.id)).size).toBe(documents.length);
		for (const doc of documents) expect(doc.url).toMatch(/^\/[a-z]/);
	});

	it('finds a word that appears only in a reading’s key points', () => {
		// "Distils" is in the key points of Batalden P 2018 and nowhere else in the course.
		const elsewhere = documents.filter(
			(d) => d.id !== 'reading:batalden-p-2018' && /distil/i.test(d.text + d.title)
		);
		expect(elsewhere).toEqual([]);
		const hits = index.search('distils', queryOptions);
		expect(hits.map((h) => h.id)).toEqual(['reading:batalden-p-2018']);
		expect(hits[0].url).toBe('/readings#batalden-p-2018');
	});

	it('finds lesson prose by step and links to the step', () => {
		const hits = index.search('one-off purchase', queryOptions);
		expect(hits.map((h) => h.url)).toContain('/lessons/the-sandwich#two-ways');
	});

	it('finds a glossary definition', () => {
		const hits = index.search('unceasing efforts', queryOptions);
		expect(hits[0].id).toBe('term:quality-improvement');
	});

	it('indexes the viewing guide of a watch step as a video', () => {
		const guide = documents.find((d) => d.url === '/lessons/the-sandwich#watch');
		expect(guide?.kind).toBe('video');
		expect(index.search('silent', queryOptions).map((h) => h.id)).toContain(guide?.id);
	});

	it('does not index quiz answers or frontmatter', () => {
		for (const doc of documents) expect(doc.text).not.toMatch(/correct: true|kind: quiz/);
	});
});
