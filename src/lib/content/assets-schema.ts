// Zod schemas for the shared content registries: lessons/references.json, lessons/glossary.json and
// lessons/videos.json. Server-side only, like schema.ts; client code imports the types from assets.ts.
import { z } from 'zod';

const id = z
	.string()
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected lower-case words joined by hyphens');
const text = z.string().trim().min(1, 'expected non-empty text');
/** Optional text where an empty string means "not known", as the content files write it. */
const maybeText = z
	.string()
	.trim()
	.optional()
	.transform((v) => v || undefined);
const httpUrl = z.url({ protocol: /^https?$/, error: 'expected an http(s) address' });
/** A file under static/, written from the site root ("/media/clip.webm"), or an http(s) address. */
const mediaPath = z.union([
	z.string().regex(/^\/(?!\/)[\w./-]+$/, 'expected a path under static/ such as /media/clip.webm'),
	httpUrl
]);

/** What kind of work a reference is; it decides the RIS/BibTeX type and how the citation reads. */
export const referenceTypes = ['article', 'book', 'report', 'web'] as const;

export const referenceSchema = z.object({
	id,
	/** Optional; "article" when left out. For the others, "journal" names the publisher or site. */
	type: z.enum(referenceTypes).default('article'),
	/** Vancouver style: surname then initials, e.g. "Batalden M". */
	authors: z.array(text).min(1, 'expected at least one author'),
	title: text,
	journal: text,
	journalAbbrev: maybeText,
	year: z.number().int().min(1800).max(2100),
	volume: maybeText,
	issue: maybeText,
	pages: maybeText,
	doi: z
		.string()
		.trim()
		.optional()
		.transform((v) => v || undefined)
		.refine(
			(v) => v === undefined || /^10\.\d{4,9}\/\S+$/.test(v),
			'expected a DOI like 10.1136/…'
		),
	pmid: maybeText,
	pmcid: maybeText,
	url: httpUrl.optional().or(z.literal('').transform(() => undefined)),
	openAccess: z.boolean().default(false),
	licence: maybeText,
	/** One of the six papers on the course's source page. */
	seed: z.boolean().default(false),
	keyPoints: z.array(text).default([]),
	whyRead: maybeText,
	/** Questions to read the paper with. */
	questions: z.array(text).default([])
});

export const glossaryEntrySchema = z.object({
	id,
	term: text,
	definition: text,
	/** Where the definition comes from, in words. */
	source: text,
	/** Ids in lessons/references.json that back the definition. */
	referenceIds: z.array(id).default([])
});

const providerEmbed = z.object({
	provider: z.enum(['youtube', 'vimeo']),
	videoId: z.string().regex(/^[\w-]+$/, 'expected the provider’s video id, e.g. dQw4w9WgXcQ')
});

const fileEmbed = z.object({
	src: mediaPath,
	/** MIME type; guessed from the file extension when left out. */
	type: z.string().optional(),
	/** WebVTT captions under static/: also builds the interactive transcript. */
	captions: mediaPath.optional(),
	/** WebVTT chapters under static/: shown as a chapter list. */
	chapters: mediaPath.optional(),
	poster: mediaPath.optional(),
	/** BCP 47 language of the captions. */
	language: z.string().default('en')
});

export const videoSchema = z.object({
	id,
	title: text,
	/** Who made it, in words; left out when the page that publishes it does not say. */
	producer: maybeText,
	description: text,
	/** Where the video is published; the "watch at source" link. */
	publishedAt: httpUrl,
	/** What to watch for, shown on the card; lessons may say it in their prose instead. */
	watchFor: maybeText,
	/** null: not embedded, the learner watches it at its source. */
	embed: z.union([z.null(), providerEmbed, fileEmbed]).default(null)
});

export type Reference = z.infer<typeof referenceSchema>;
export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;
export type VideoEntry = z.infer<typeof videoSchema>;
export type ProviderEmbed = z.infer<typeof providerEmbed>;
export type FileEmbed = z.infer<typeof fileEmbed>;
