import { error } from '@sveltejs/kit';
import { toBibtex, toBibtexList } from '$lib/citations/bibtex';
import { allReadingsStem } from '$lib/citations/files';
import { toRis, toRisList } from '$lib/citations/ris';
import { references, referencesById } from '$lib/content/references.server';
import type { EntryGenerator, RequestHandler } from './$types';

// Citation files, prerendered: one per reading and format, plus the whole list as
// coproduction-readings.ris / .bib. Plain links download them, with or without JavaScript.
export const prerender = true;

const formats = {
	ris: { type: 'application/x-research-info-systems', one: toRis, all: toRisList },
	bib: { type: 'application/x-bibtex', one: toBibtex, all: toBibtexList }
} as const;

export const entries: EntryGenerator = () =>
	[allReadingsStem, ...references.map((r) => r.id)].flatMap((stem) =>
		Object.keys(formats).map((ext) => ({ file: `${stem}.${ext}` }))
	);

export const GET: RequestHandler = ({ params }) => {
	const match = /^([a-z0-9-]+)\.(ris|bib)$/.exec(params.file);
	if (!match) error(404, 'Not a citation file');
	const [, stem, ext] = match;
	const format = formats[ext as keyof typeof formats];
	let body: string;
	if (stem === allReadingsStem) body = format.all(references);
	else {
		const reference = referencesById.get(stem);
		if (!reference) error(404, `No reading called “${stem}”`);
		body = format.one(reference);
	}
	return new Response(body, {
		headers: {
			'content-type': `${format.type}; charset=utf-8`,
			'content-disposition': `attachment; filename="${params.file}"`
		}
	});
};
