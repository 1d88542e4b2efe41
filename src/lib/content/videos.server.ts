import type { VideoAsset } from './assets';
import { videoSchema, type VideoEntry } from './assets-schema';
import { ContentError } from './build-index';
import { byId, parseRegistry } from './registry.server';
import { parseVtt } from './vtt';

const file = import.meta.glob('/lessons/videos.json', { eager: true, import: 'default' });
// Caption and chapter files are parsed at build time, so the transcript is in the HTML.
const vttFiles = import.meta.glob<string>('/static/**/*.vtt', {
	eager: true,
	query: '?raw',
	import: 'default'
});

export const videos: VideoEntry[] = parseRegistry(
	file['/lessons/videos.json'] ?? [],
	videoSchema,
	'lessons/videos.json'
);
export const videosById = byId(videos);

function readCues(path: string | undefined, video: VideoEntry, field: string) {
	if (!path) return [];
	if (/^https?:/.test(path))
		throw new ContentError(
			`video "${video.id}": field "embed.${field}": expected a WebVTT file under static/, not a web address, so the transcript can be built`
		);
	const source = vttFiles[`/static${path}`];
	if (source === undefined)
		throw new ContentError(
			`video "${video.id}": field "embed.${field}": no file static${path} — expected a WebVTT file under static/`
		);
	return parseVtt(source, `static${path}`);
}

/** A registry entry plus its parsed captions and chapters. */
export function videoAsset(video: VideoEntry): VideoAsset {
	const embed = video.embed;
	const own = embed && 'src' in embed ? embed : undefined;
	return {
		...video,
		cues: readCues(own?.captions, video, 'captions'),
		chapters: readCues(own?.chapters, video, 'chapters')
	};
}
