import type { ReadingAsset } from '$lib/content/assets';
import type { Reference } from '$lib/content/assets-schema';
import { vancouver } from './vancouver';

// What a reading card shows beyond the reference's own fields, worked out on the server so the
// formatting code and these strings never ship to the browser (see Reading.svelte).
const strings = {
	kinds: { article: undefined, book: 'Book', report: 'Report', web: 'Web page' },
	openAccess: (licence: string | undefined) => `Open access · ${licence ?? 'free to read'}`
};

/** A reference as a reading card shows it: kind, access, where published, link and citation. */
export function readingCard(reference: Reference): ReadingAsset {
	const { year, volume, issue, pages, doi } = reference;
	return {
		...reference,
		kind: strings.kinds[reference.type],
		access: reference.openAccess ? strings.openAccess(reference.licence) : undefined,
		where: `${year}${volume ? `;${volume}` : ''}${issue ? `(${issue})` : ''}${pages ? `:${pages}` : ''}`,
		link: reference.url ?? (doi ? `https://doi.org/${doi}` : undefined),
		citation: vancouver(reference)
	};
}
