import type { Reference } from '$lib/content/assets';
import { splitPages } from './names';

/** "509-517" → "509-17", as Vancouver style shortens page ranges. */
export function shortenPageRange(pages: string | undefined): string | undefined {
	const { first, last } = splitPages(pages);
	if (!first || !last) return pages;
	if (first.length !== last.length || !/^\d+$/.test(first + last)) return `${first}-${last}`;
	let i = 0;
	while (i < first.length - 1 && first[i] === last[i]) i++;
	return `${first}-${last.slice(i)}`;
}

function sentence(text: string): string {
	return /[.?!]$/.test(text) ? text : `${text}.`;
}

/**
 * A Vancouver (ICMJE/NLM) citation: up to six authors then "et al.", abbreviated journal,
 * year;volume(issue):pages, and the DOI.
 */
export function vancouver(reference: Reference): string {
	const { authors } = reference;
	const names = authors.length > 6 ? [...authors.slice(0, 6), 'et al'] : authors;
	const journal = reference.journalAbbrev ?? reference.journal;
	let where = `${reference.year}`;
	if (reference.volume) where += `;${reference.volume}`;
	if (reference.issue) where += `(${reference.issue})`;
	if (reference.pages) where += `:${shortenPageRange(reference.pages)}`;
	const authorList = sentence(names.join(', '));
	if (reference.type !== 'article') {
		// Books, reports and web pages: Title [Internet]. Publisher; year. Available from: URL
		const online = reference.type === 'web' || (!reference.doi && reference.url);
		const title = online
			? `${reference.title.replace(/[.?!]$/, '')} [Internet].`
			: sentence(reference.title);
		const parts = [authorList, title, `${reference.journal}; ${reference.year}.`];
		if (reference.doi) parts.push(`doi:${reference.doi}`);
		else if (reference.url) parts.push(`Available from: ${reference.url}`);
		return parts.join(' ');
	}
	const parts = [authorList, sentence(reference.title), `${journal}.`, `${where}.`];
	if (reference.doi) parts.push(`doi:${reference.doi}`);
	return parts.join(' ');
}
