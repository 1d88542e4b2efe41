import type { Reference } from '$lib/content/assets';
import { splitAuthor, splitPages } from './names';

// RIS: one "TAG  - value" per line, CRLF line ends, each record closed by "ER  - ".
function line(tag: string, value: string | number | undefined): string[] {
	if (value === undefined || value === '') return [];
	return [`${tag}  - ${String(value).replace(/\s+/g, ' ').trim()}`];
}

export function toRis(reference: Reference): string {
	const { first, last } = splitPages(reference.pages);
	const lines = [
		'TY  - JOUR',
		...reference.authors.flatMap((author) => {
			const { family, initials } = splitAuthor(author);
			return line('AU', initials.length ? `${family}, ${initials.join('. ')}.` : family);
		}),
		...line('TI', reference.title),
		...line('T2', reference.journal),
		...line('J2', reference.journalAbbrev),
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
