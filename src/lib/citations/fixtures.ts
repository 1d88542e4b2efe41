import type { Reference } from '$lib/content/assets';

/** A reference shaped like lessons/references.json entries, for the formatter tests. */
export const sampleReference: Reference = {
	id: 'batalden-m-2016',
	type: 'article',
	authors: [
		'Batalden M',
		'Batalden P',
		'Margolis P',
		'Seid M',
		'Armstrong G',
		'Opipari-Arrigan L',
		'Hartung H'
	],
	title: 'Coproduction of healthcare service',
	journal: 'BMJ Quality & Safety',
	journalAbbrev: 'BMJ Qual Saf',
	year: 2016,
	volume: '25',
	issue: '7',
	pages: '509-517',
	doi: '10.1136/bmjqs-2015-004315',
	pmid: '26376674',
	pmcid: 'PMC4941163',
	url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC4941163',
	openAccess: true,
	licence: 'CC BY-NC 4.0',
	seed: true,
	keyPoints: ['Unlike goods, services are always coproduced.'],
	whyRead: 'The model this course is built on.',
	questions: ['What do the authors mean by coproduced?']
};

/** An essay with one author, an article number for pages and no issue. */
export const essayReference: Reference = {
	id: 'batalden-p-2018',
	type: 'article',
	authors: ['Batalden P'],
	title: 'Getting more health from healthcare: an essay by Paul Batalden',
	journal: 'BMJ',
	journalAbbrev: 'BMJ',
	year: 2018,
	volume: '362',
	issue: undefined,
	pages: 'k3617',
	doi: '10.1136/bmj.k3617',
	pmid: undefined,
	pmcid: undefined,
	url: undefined,
	openAccess: false,
	licence: undefined,
	seed: true,
	keyPoints: [],
	whyRead: undefined,
	questions: []
};

/** A web page by a group author, with no volume, pages or DOI. */
export const webReference: Reference = {
	...essayReference,
	id: 'icohn-resources',
	type: 'web',
	authors: ['International Coproduction of Health Network (ICoHN)'],
	title: 'Resources',
	journal: 'ICoHN',
	journalAbbrev: undefined,
	year: 2019,
	volume: undefined,
	pages: undefined,
	doi: undefined,
	url: 'https://icohn.org/center/icohn/resources.html'
};
