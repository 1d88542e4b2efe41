// What lesson components need from the shared registries, and how they find it. The server attaches
// only the entries a page uses (see lesson-assets.server.ts); the page passes them to provideLesson
// (components/lesson/context.ts) and components read them from context. Client-safe: types only
// from the schema module.
import { createContext } from 'svelte';
import type {
	FileEmbed,
	GlossaryEntry,
	ProviderEmbed,
	Reference,
	VideoEntry
} from './assets-schema';

export type { FileEmbed, GlossaryEntry, ProviderEmbed, Reference, VideoEntry };

/** One timed line of a WebVTT file: a caption, or a chapter title. */
export interface Cue {
	/** Seconds from the start. */
	start: number;
	end: number;
	text: string;
}

/** A video with its caption and chapter files already parsed, so the transcript renders without JS. */
export interface VideoAsset extends VideoEntry {
	cues: Cue[];
	chapters: Cue[];
}

/** A reference as a reading card shows it, worked out on the server (citations/card.ts). */
export interface ReadingAsset extends Reference {
	/** "Book", "Report" or "Web page"; none for a journal article. */
	kind?: string;
	/** "Open access · licence" when free to read. */
	access?: string;
	/** Year;volume(issue):pages. */
	where: string;
	/** The reading's address, or its DOI's. */
	link?: string;
	/** Vancouver style. */
	citation: string;
}

/** The registry entries one page uses, keyed by id. */
export interface LessonAssets {
	readings: Record<string, ReadingAsset>;
	terms: Record<string, GlossaryEntry>;
	videos: Record<string, VideoAsset>;
}

export const emptyAssets: LessonAssets = { readings: {}, terms: {}, videos: {} };

const [getAssets, setLessonAssets, hasAssets] = createContext<LessonAssets>();
export { setLessonAssets };

/**
 * The page's assets, from context. A page that shows a block outside a lesson (the readings list)
 * gives it its data as props, and then there are none.
 */
export function useLessonAssets(): LessonAssets {
	return hasAssets() ? getAssets() : emptyAssets;
}
