import type { Reference } from '$lib/content/assets';
import { splitAuthor, splitPages } from './names';

const specials: Record<string, string> = {
	'\\': '\\textbackslash{}',
	'~': '\\textasciitilde{}',
	'^': '\\textasciicircum{}'
};

/** Escapes the characters BibTeX treats specially (in one pass); UTF-8 letters stay as they are. */
export function escapeBibtex(text: string): string {
	return text.replace(/[\\~^&%$#_{}]/g, (c) => specials[c] ?? `\\${c}`);
}

function field(name: string, value: string | number | undefined): string[] {
	if (value === undefined || value === '') return [];
	return [`  ${name} = {${value}}`];
}

const bibtexTypes = {
	article: { entry: 'article', source: 'journal' },
	book: { entry: 'book', source: 'publisher' },
	report: { entry: 'techreport', source: 'institution' },
	web: { entry: 'misc', source: 'howpublished' }
} as const;

export function toBibtex(reference: Reference): string {
	const kind = bibtexTypes[reference.type];
	const { first, last } = splitPages(reference.pages);
	const authors = reference.authors
		.map((author) => {
			const { family, initials } = splitAuthor(author);
			// Braces keep multi-word and hyphenated family names whole.
			const name = `{${escapeBibtex(family)}}`;
			return initials.length ? `${name}, ${initials.map((i) => `${i}.`).join(' ')}` : name;
		})
		.join(' and ');
	const fields = [
		...field('author', authors),
		// Double braces keep the title's capitalisation.
		...field('title', `{${escapeBibtex(reference.title)}}`),
		...field(kind.source, escapeBibtex(reference.journal)),
		...field('year', reference.year),
		...field('volume', reference.volume && escapeBibtex(reference.volume)),
		...field('number', reference.issue && escapeBibtex(reference.issue)),
		...field('pages', first && (last ? `${first}--${last}` : first)),
		...field('doi', reference.doi),
		...field('url', reference.url),
		...field('pmid', reference.pmid),
		...field('pmcid', reference.pmcid)
	];
	return `@${kind.entry}{${reference.id},\n${fields.join(',\n')}\n}\n`;
}

export function toBibtexList(references: Reference[]): string {
	return references.map(toBibtex).join('\n');
}
