// Facilitator notes: lessons/NN-slug/facilitator.md, frontmatter validated here.
// A stand-in until the content branch's src/lib/content/facilitator.server.ts lands: same file
// layout and frontmatter shape, so swapping the import is the only change needed.
import { z } from 'zod';

const text = z.string().trim().min(1, 'expected non-empty text');
const minutes = z.number({ error: 'expected a positive number' }).positive();

export const facilitatorNotesSchema = z.object({
	minutes,
	timeline: z.array(z.object({ minutes, activity: text })).min(1),
	discussion: z.array(text).default([]),
	activity: z.object({ title: text, minutes, instructions: z.array(text).min(1) }).optional(),
	prepare: z.array(text).default([])
});

export type FacilitatorNotes = z.infer<typeof facilitatorNotesSchema> & { slug: string };

const files = import.meta.glob('/lessons/*/facilitator.md', { eager: true, import: 'metadata' });

function slugOf(path: string): string {
	return (path.split('/').at(-2) ?? '').replace(/^\d+-/, '');
}

function parse(path: string, metadata: unknown): FacilitatorNotes {
	const result = facilitatorNotesSchema.safeParse(metadata ?? {});
	if (!result.success) {
		const issue = result.error.issues[0];
		throw new Error(`${path.slice(1)}: field "${issue.path.join('.')}": ${issue.message}`);
	}
	return { ...result.data, slug: slugOf(path) };
}

export const facilitatorNotes: FacilitatorNotes[] = Object.entries(files)
	.filter(([path]) => !/\/xx-/.test(path))
	.map(([path, metadata]) => parse(path, metadata));

const bySlug = new Map(facilitatorNotes.map((n) => [n.slug, n]));

export function getFacilitatorNotes(slug: string): FacilitatorNotes | undefined {
	return bySlug.get(slug);
}
