import type { Reference } from '$lib/content/assets';
import { splitAuthor, splitPages } from './names';

// RIS: one "TAG  - value" per line, CRLF line ends, each record closed by "ER  - ".
function line(tag: string, value: string | number | undefined): string[] {
	if (value === undefined || value === '') return [];
	return [`${tag}  - ${String(value).replace(/\s+/g, ' ').trim()}`];
}

const risTypes = { article: 'JOUR', book: 'BOOK', report: 'RPRT', web: 'ELEC' } as const;

export function toRis(reference: Reference): string {
	const { first, last } = splitPages(reference.pages);
	const article = reference.type === 'article';
	const lines = [
		`TY  - ${risTypes[reference.type]}`,
		...reference.authors.flatMap((author) => {
			const { family, initials } = splitAuthor(author);
			return line('AU', initials.length ? `${family}, ${initials.join('. ')}.` : family);
		}),
		...line('TI', reference.title),
		// A journal is the secondary title; a book's, report's or site's "journal" is its publisher.
		...line(article ? 'T2' : 'PB', reference.journal),
		...line('J2', article ? reference.journalAbbrev : undefined),
		...line('PY', reference.year),
		...line('VL', reference.volume),
		...line('IS', reference.issue),
		...line('SP', first),
		...line('EP', last),
		...line('DO', reference.doi),
		...line(
			'UR',
			reference.url ?? (reference.doi ? `https://doi.org/${reference.doi}` : undefined)
		),
		...line('AN', reference.pmid ? `PMID: ${reference.pmid}` : undefined),
		...line('C2', reference.pmcid),
		...line('ID', reference.id),
		'ER  - '
	];
	return lines.join('\r\n') + '\r\n';
}

/** Several records, one after another, as reference managers expect in one .ris file. */
export function toRisList(references: Reference[]): string {
	return references.map(toRis).join('\r\n');
}
