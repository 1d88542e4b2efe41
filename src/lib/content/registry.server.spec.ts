import { describe, expect, test } from 'vitest';
import { glossaryEntrySchema, referenceSchema, videoSchema } from './assets-schema';
import { checkGlossaryReferences } from './glossary.server';
import { parseRegistry } from './registry.server';

const term = { id: 'a', term: 'A', definition: 'An a.', source: 'Someone 2020' };

describe('registry validation', () => {
	test('a duplicate id fails, naming the file, the entry and the id', () => {
		expect(() => parseRegistry([term, term], glossaryEntrySchema, 'lessons/glossary.json')).toThrow(
			/lessons\/glossary\.json: entry \[1\] "a": expected a unique id, "a" is used twice/
		);
	});

	test('a wrong field fails with the field and what was expected', () => {
		expect(() =>
			parseRegistry([{ ...term, definition: '' }], glossaryEntrySchema, 'g.json')
		).toThrow(/g\.json: entry \[0\] "a": field "definition": expected non-empty text/);
		expect(() => parseRegistry({}, glossaryEntrySchema, 'g.json')).toThrow(/expected a JSON array/);
	});

	test('a glossary entry citing an unknown reference fails', () => {
		const [entry] = parseRegistry([{ ...term, referenceIds: ['nope'] }], glossaryEntrySchema, 'g');
		expect(() => checkGlossaryReferences([entry], new Set(['other']))).toThrow(
			/"a": field "referenceIds": unknown reference "nope"/
		);
	});

	test('references treat empty strings as unknown and check the DOI', () => {
		const base = { id: 'x', authors: ['Doe J'], title: 'T', journal: 'J', year: 2020 };
		const parsed = referenceSchema.parse({ ...base, issue: '', pmid: '', url: '' });
		expect(parsed.issue).toBeUndefined();
		expect(parsed.url).toBeUndefined();
		expect(parsed.openAccess).toBe(false);
		expect(referenceSchema.safeParse({ ...base, doi: 'doi.org/10.1' }).success).toBe(false);
	});

	test('videos accept no embed, a provider embed or own files, and nothing else', () => {
		const base = {
			id: 'v',
			title: 'V',
			producer: 'P',
			description: 'D',
			publishedAt: 'https://example.org/v'
		};
		expect(videoSchema.parse({ ...base, embed: null }).embed).toBeNull();
		expect(
			videoSchema.parse({ ...base, embed: { provider: 'vimeo', videoId: '76979871' } }).embed
		).toEqual({ provider: 'vimeo', videoId: '76979871' });
		expect(
			videoSchema.parse({ ...base, embed: { src: '/media/a.webm', captions: '/media/a.vtt' } })
				.embed
		).toMatchObject({ src: '/media/a.webm', language: 'en' });
		expect(
			videoSchema.safeParse({ ...base, embed: { provider: 'tiktok', videoId: 'x' } }).success
		).toBe(false);
		expect(videoSchema.safeParse({ ...base, embed: { src: 'javascript:alert(1)' } }).success).toBe(
			false
		);
		expect(videoSchema.safeParse({ ...base, publishedAt: 'ftp://x' }).success).toBe(false);
	});
});
