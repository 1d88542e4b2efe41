import { describe, expect, test } from 'vitest';
import { escapeBibtex, toBibtex, toBibtexList } from './bibtex';
import { readingCard } from './card';
import { essayReference, sampleReference, webReference } from './fixtures';
import { splitAuthor } from './names';
import { toRis, toRisList } from './ris';
import { shortenPageRange, vancouver } from './vancouver';

describe('Vancouver citation', () => {
	test('lists six authors then et al., shortens the page range and ends with the DOI', () => {
		expect(vancouver(sampleReference)).toBe(
			'Batalden M, Batalden P, Margolis P, Seid M, Armstrong G, Opipari-Arrigan L, et al. ' +
				'Coproduction of healthcare service. BMJ Qual Saf. 2016;25(7):509-17. ' +
				'doi:10.1136/bmjqs-2015-004315'
		);
	});

	test('leaves out a missing issue and keeps an article number', () => {
		expect(vancouver(essayReference)).toBe(
			'Batalden P. Getting more health from healthcare: an essay by Paul Batalden. BMJ. ' +
				'2018;362:k3617. doi:10.1136/bmj.k3617'
		);
	});

	test('page ranges shorten only where the leading digits repeat', () => {
		expect(shortenPageRange('509-517')).toBe('509-17');
		expect(shortenPageRange('711–716')).toBe('711-6');
		expect(shortenPageRange('99-105')).toBe('99-105');
		expect(shortenPageRange('e019519')).toBe('e019519');
	});
});

describe('author names', () => {
	test('split into family name and initials', () => {
		expect(splitAuthor('Nelson EC')).toEqual({ family: 'Nelson', initials: ['E', 'C'] });
		expect(splitAuthor('Van Der Eijk M')).toEqual({ family: 'Van Der Eijk', initials: ['M'] });
		expect(splitAuthor('ICoHN')).toEqual({ family: 'ICoHN', initials: [] });
	});
});

describe('RIS', () => {
	test('writes one tagged line per field with CRLF line ends, ending in ER', () => {
		const ris = toRis(sampleReference);
		const lines = ris.split('\r\n');
		expect(lines[0]).toBe('TY  - JOUR');
		expect(lines.filter((l) => l.startsWith('AU  - '))).toHaveLength(7);
		expect(lines).toContain('AU  - Opipari-Arrigan, L.');
		expect(lines).toContain('TI  - Coproduction of healthcare service');
		expect(lines).toContain('SP  - 509');
		expect(lines).toContain('EP  - 517');
		expect(lines).toContain('DO  - 10.1136/bmjqs-2015-004315');
		expect(ris.endsWith('ER  - \r\n')).toBe(true);
		expect(ris).not.toMatch(/[^\r]\n/);
	});

	test('leaves out empty fields and falls back to a DOI link', () => {
		const ris = toRis(essayReference);
		expect(ris).not.toContain('IS  -');
		expect(ris).not.toContain('EP  -');
		expect(ris).toContain('UR  - https://doi.org/10.1136/bmj.k3617');
	});

	test('a list holds one record per reference', () => {
		expect(toRisList([sampleReference, essayReference]).match(/^TY {2}- /gm)).toHaveLength(2);
	});
});

describe('BibTeX', () => {
	test('writes an article with escaped fields, braced names and a double-dash range', () => {
		const bib = toBibtex(sampleReference);
		expect(bib.startsWith('@article{batalden-m-2016,\n')).toBe(true);
		expect(bib).toContain('journal = {BMJ Quality \\& Safety}');
		expect(bib).toContain('{Opipari-Arrigan}, L. and {Hartung}, H.}');
		expect(bib).toContain('title = {{Coproduction of healthcare service}}');
		expect(bib).toContain('pages = {509--517}');
		expect(bib.trim().endsWith('}')).toBe(true);
	});

	test('escapes every special character', () => {
		expect(escapeBibtex('50% & $5 #1 a_b {x} ~ ^ \\')).toBe(
			'50\\% \\& \\$5 \\#1 a\\_b \\{x\\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}'
		);
	});

	test('a list holds one entry per reference, each with balanced braces', () => {
		const list = toBibtexList([sampleReference, essayReference]);
		expect(list.match(/^@article\{/gm)).toHaveLength(2);
		const depth = [...list.replace(/\\[{}]/g, '')].reduce(
			(d, c) => d + (c === '{' ? 1 : c === '}' ? -1 : 0),
			0
		);
		expect(depth).toBe(0);
	});
});

describe('references that are not journal articles', () => {
	test('a web page by a group author cites, exports to RIS and to BibTeX by its type', () => {
		expect(vancouver(webReference)).toBe(
			'International Coproduction of Health Network (ICoHN). Resources [Internet]. ICoHN; 2019. ' +
				'Available from: https://icohn.org/center/icohn/resources.html'
		);
		const ris = toRis(webReference).split('\r\n');
		expect(ris[0]).toBe('TY  - ELEC');
		expect(ris).toContain('AU  - International Coproduction of Health Network (ICoHN)');
		expect(ris).toContain('PB  - ICoHN');
		expect(ris.some((l) => l.startsWith('T2'))).toBe(false);
		const bib = toBibtex(webReference);
		expect(bib.startsWith('@misc{icohn-resources,')).toBe(true);
		expect(bib).toContain('author = {{International Coproduction of Health Network (ICoHN)}}');
		expect(bib).toContain('howpublished = {ICoHN}');
	});

	test('a book names its publisher', () => {
		const book = { ...webReference, type: 'book' as const, journal: 'Cambridge University Press' };
		expect(vancouver(book)).toContain('Resources [Internet]. Cambridge University Press; 2019.');
		expect(toRis(book)).toContain('TY  - BOOK');
		expect(toBibtex(book)).toContain('publisher = {Cambridge University Press}');
		expect(toBibtex({ ...book, type: 'report' })).toMatch(/^@techreport\{[\s\S]*institution = /);
	});
});

describe('reading card', () => {
	test('an open-access article: where it appeared, its licence, its address and its citation', () => {
		const card = readingCard(sampleReference);
		expect(card.kind).toBeUndefined();
		expect(card.where).toBe('2016;25(7):509-517');
		expect(card.access).toBe('Open access · CC BY-NC 4.0');
		expect(card.link).toBe('https://pmc.ncbi.nlm.nih.gov/articles/PMC4941163');
		expect(card.citation).toBe(vancouver(sampleReference));
		expect(card.keyPoints).toEqual(sampleReference.keyPoints);
	});

	test('a paywalled article links its DOI; a web page says what it is', () => {
		const essay = readingCard(essayReference);
		expect(essay.access).toBeUndefined();
		expect(essay.where).toBe('2018;362:k3617');
		expect(essay.link).toBe('https://doi.org/10.1136/bmj.k3617');
		expect(readingCard(webReference).kind).toBe('Web page');
		expect(readingCard({ ...essayReference, openAccess: true }).access).toBe(
			'Open access · free to read'
		);
	});
});
