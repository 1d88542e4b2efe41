import { z } from 'zod';
import { ContentError } from './build-index';

// Facilitator notes live beside each lesson as lessons/NN-slug/facilitator.md. Only the frontmatter is
// structured; the Markdown body is free notes rendered by the facilitation pages.

const text = z.string().trim().min(1, 'expected non-empty text');
const minutes = z.number().int().positive('expected a positive whole number of minutes');

export const facilitatorSchema = z
	.object({
		/** Length of the session plan. */
		minutes,
		/** What happens when; the minutes add up to the session length. */
		timeline: z.array(z.object({ minutes, activity: text })).min(1, 'expected at least one item'),
		/** Questions to put to the room. */
		discussion: z.array(text).min(1, 'expected at least one discussion question'),
		/** One group activity. */
		activity: z.object({
			title: text,
			minutes,
			instructions: z.array(text).min(1, 'expected at least one instruction')
		}),
		/** What the facilitator gets ready beforehand. */
		prepare: z.array(text).min(1, 'expected at least one item')
	})
	.superRefine((notes, ctx) => {
		const sum = notes.timeline.reduce((total, item) => total + item.minutes, 0);
		if (sum !== notes.minutes)
			ctx.addIssue({
				code: 'custom',
				path: ['timeline'],
				message: `expected the timeline to add up to ${notes.minutes} minutes, it adds up to ${sum}`
			});
	});

export type FacilitatorMeta = z.infer<typeof facilitatorSchema>;

export interface FacilitatorNotes extends FacilitatorMeta {
	/** The slug of the lesson the notes belong to. */
	slug: string;
	/** Path of the Markdown source, for messages. */
	file: string;
}

const folderPattern = /^\/?lessons\/(?:(\d+)-)?([^/]+)\/facilitator\.md$/;

/** Validates raw frontmatter keyed by file path; throws one ContentError naming every problem. */
export function parseFacilitatorNotes(raw: Record<string, unknown>): FacilitatorNotes[] {
	const problems: string[] = [];
	const notes: Array<FacilitatorNotes & { order: number }> = [];
	for (const [path, meta] of Object.entries(raw)) {
		const file = path.replace(/^\//, '');
		const match = folderPattern.exec(path);
		if (!match) {
			problems.push(`${file}: expected a path of the form lessons/NN-slug/facilitator.md`);
			continue;
		}
		const [, order, slug] = match;
		if (slug.startsWith('xx-') || slug.startsWith('_') || order === undefined) continue;
		const result = facilitatorSchema.safeParse(meta ?? {});
		if (!result.success) {
			for (const issue of result.error.issues)
				problems.push(
					`${file}: field "${issue.path.join('.') || '(frontmatter)'}": ${issue.message}`
				);
			continue;
		}
		notes.push({ ...result.data, slug, file, order: Number(order) });
	}
	if (problems.length) throw new ContentError(`Invalid facilitator notes:\n${problems.join('\n')}`);
	return notes.sort((a, b) => a.order - b.order).map(({ order: _order, ...rest }) => rest);
}

const frontmatter = import.meta.glob('/lessons/*/facilitator.md', {
	eager: true,
	import: 'metadata'
});

/** Every lesson's facilitator notes, in course order. */
export const facilitatorNotes = parseFacilitatorNotes(frontmatter);

const bySlug = new Map(facilitatorNotes.map((n) => [n.slug, n]));

export function getFacilitatorNotes(slug: string): FacilitatorNotes | undefined {
	return bySlug.get(slug);
}
